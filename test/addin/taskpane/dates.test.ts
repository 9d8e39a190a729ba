import { dateFormat } from "../../../addin/taskpane/dates";

// One formatter for every date the pane shows, in the user's regional format.
// Expected strings are how each locale writes 7 March 2026 (CLDR short numeric forms).
describe("dateFormat", () => {
  it("writes a UK date day first and a US date month first", () => {
    expect(dateFormat("en-GB").date("2026-03-07")).toBe("07/03/2026");
    expect(dateFormat("en-US").date("2026-03-07")).toBe("03/07/2026");
    expect(dateFormat("de-DE").date("2026-03-07")).toBe("07.03.2026");
  });

  it("never moves a calendar date by a day, whatever the machine's time zone", () => {
    // The first and last days of a year are where a UTC/local slip would show.
    expect(dateFormat("en-GB").date("2026-01-01")).toBe("01/01/2026");
    expect(dateFormat("en-GB").date("2025-12-31")).toBe("31/12/2025");
  });

  it("names a month in the user's language", () => {
    expect(dateFormat("en-GB").month("2026-11")).toBe("November 2026");
    expect(dateFormat("fr-FR").month("2026-11")).toBe("novembre 2026");
  });

  it("gives the time of a timestamp in the locale's clock", () => {
    // Built from local parts so the expectation holds in any time zone.
    const t = new Date(2026, 2, 7, 14, 5).toISOString();
    expect(dateFormat("en-GB").time(t)).toBe("14:05");
    // ICU versions differ in the space before PM (a narrow no-break space in newer ones).
    expect(dateFormat("en-US").time(t).replace(/\s/g, " ")).toBe("02:05 PM");
  });

  it("shows what it cannot read as given, and an unknown locale falls back instead of failing", () => {
    expect(dateFormat("en-GB").date("7/3/2026")).toBe("7/3/2026");
    expect(dateFormat("en-GB").month("2026-13")).toBe("2026-13");
    expect(dateFormat("en-GB").time("not a time")).toBe("");
    expect(() => dateFormat("not_a_locale!").date("2026-03-07")).not.toThrow();
  });
});
