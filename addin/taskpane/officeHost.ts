/** What the pane uses of Office.context: the user's languages and the Office theme (either may be missing outside Office or on older hosts). */
export interface OfficeHostInfo {
  contentLanguage?: string;
  displayLanguage?: string;
  officeTheme?: Partial<Pick<Office.OfficeTheme, "bodyBackgroundColor" | "isDarkTheme">>;
}

/**
 * The locale for dates. Office.js gives no regional setting as such; the editing
 * (content) language is the nearer of its two languages to one (it carries the
 * variant, en-GB against en-US, that a user picks for their region), then the
 * display language, then the browser's.
 */
export function officeLocale(host: OfficeHostInfo | undefined, browserLanguage?: string): string | undefined {
  return host?.contentLanguage || host?.displayLanguage || browserLanguage || undefined;
}

/** Relative luminance (WCAG) of a "#rrggbb" colour, or null if it is not one. */
function luminance(hex: string): number | null {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex.trim());
  if (!m) return null;
  const [r, g, b] = m.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Whether Office shows a dark theme: its own isDarkTheme flag where the host
 * gives it, else a dark body background (older hosts give only the colours).
 * Light when nothing is known, as Office's default is.
 */
export function isDarkOffice(theme: OfficeHostInfo["officeTheme"]): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = theme.bodyBackgroundColor ? luminance(theme.bodyBackgroundColor) : null;
  // Below about 0.18 white text contrasts better than black on it: a dark background.
  return l !== null && l < 0.18;
}

/** Office.context as far as the pane uses it, or undefined outside Office. */
export function currentOfficeHost(): OfficeHostInfo | undefined {
  try {
    if (typeof Office === "undefined" || !Office.context) return undefined;
    const c = Office.context;
    return { contentLanguage: c.contentLanguage, displayLanguage: c.displayLanguage, officeTheme: c.officeTheme ?? undefined };
  } catch {
    // Some hosts throw when a property of the context is not available there.
    return undefined;
  }
}
