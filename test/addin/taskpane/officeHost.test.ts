import { isDarkOffice, officeLocale } from "../../../addin/taskpane/officeHost";

describe("the pane follows Office", () => {
  it("takes the editing language, then the display language, then the browser's", () => {
    expect(officeLocale({ contentLanguage: "en-GB", displayLanguage: "en-US" }, "fr-FR")).toBe("en-GB");
    expect(officeLocale({ displayLanguage: "en-US" }, "fr-FR")).toBe("en-US");
    expect(officeLocale(undefined, "fr-FR")).toBe("fr-FR");
    expect(officeLocale(undefined)).toBeUndefined();
  });

  it("is dark when Office says so, or, without the flag, when its background is dark", () => {
    expect(isDarkOffice({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe(true);
    expect(isDarkOffice({ isDarkTheme: false, bodyBackgroundColor: "#000000" })).toBe(false);
    // Black theme's near-black (luminance 0.02) and Dark Gray's #444444 (0.06) are dark; white (1) and light grey #d4d4d4 (0.66) are not.
    expect(isDarkOffice({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(isDarkOffice({ bodyBackgroundColor: "#444444" })).toBe(true);
    expect(isDarkOffice({ bodyBackgroundColor: "#FFFFFF" })).toBe(false);
    expect(isDarkOffice({ bodyBackgroundColor: "#d4d4d4" })).toBe(false);
    // Nothing known, or a colour that is not one: light, as Office starts.
    expect(isDarkOffice(undefined)).toBe(false);
    expect(isDarkOffice({ bodyBackgroundColor: "dark" })).toBe(false);
  });
});
