import * as React from "react";

/**
 * Every date and time the pane shows, in ONE format: the user's regional format
 * as Office reports it (see officeLocale), through Intl.DateTimeFormat. Dates
 * the pane holds are ISO ("2026-03-07"), timestamps ISO with a time, months
 * "yyyy-mm"; anything else is shown as given rather than guessed at.
 */
export interface DateFormat {
  /** The locale the formats follow, e.g. "en-GB". */
  locale: string;
  /** A calendar date: "07/03/2026" in en-GB, "3/7/2026" in en-US. */
  date(iso: string): string;
  /** The local time of a timestamp: "14:05" in en-GB, "2:05 PM" in en-US. */
  time(isoTimestamp: string): string;
  /** A month: "March 2026". */
  month(yyyyMm: string): string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;

/** Intl refuses malformed tags (e.g. "xx_YY"); fall back to the browser's own locale rather than fail. */
function supported(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([locale]).length ? locale : undefined;
  } catch {
    return undefined;
  }
}

/** The formats for a locale (an unusable locale falls back to the browser's). */
export function dateFormat(locale?: string): DateFormat {
  const tag = supported(locale);
  // Calendar dates are built in UTC and formatted in UTC so no time zone can move them a day.
  const day = new Intl.DateTimeFormat(tag, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });
  const clock = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit" });
  const month = new Intl.DateTimeFormat(tag, { year: "numeric", month: "long", timeZone: "UTC" });
  return {
    locale: day.resolvedOptions().locale,
    date(iso) {
      const m = ISO_DATE.exec(iso);
      return m ? day.format(new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))) : iso;
    },
    time(isoTimestamp) {
      const d = new Date(isoTimestamp);
      return Number.isNaN(d.getTime()) ? "" : clock.format(d);
    },
    month(yyyyMm) {
      const m = ISO_MONTH.exec(yyyyMm);
      return m && +m[2] >= 1 && +m[2] <= 12 ? month.format(new Date(Date.UTC(+m[1], +m[2] - 1, 1))) : yyyyMm;
    },
  };
}

/** The pane's date formats; App provides the user's, tests and stories may provide another. */
export const DateFormatContext = React.createContext<DateFormat>(dateFormat("en-GB"));

/** The date formats of the pane, for a component. */
export function useDateFormat(): DateFormat {
  return React.useContext(DateFormatContext);
}
