import { ArrearsInputError, describeValue } from "../errors";
import { serialToDate } from "../dates/excelSerial";
import { readDate } from "../values/date";

/**
 * Calendar months as "yyyy-mm" keys: the unit QA targets and summaries use.
 */

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The month key ("2026-11") of an Excel date serial. */
export function monthOfSerial(serial: number): string {
  return serialToDate(serial).toISOString().slice(0, 7);
}

/** The month before a month key. */
export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** "November 2026" for a month key. */
export function monthLabel(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return `${MONTHS[m - 1]} ${y}`;
}

/**
 * Reads a month as a user gives it: "2026-11", "11/2026", "Nov 2026", a full
 * date as text, or an Excel date serial (any day in the month).
 * @throws ArrearsInputError when it is not a month.
 */
export function parseMonth(value: unknown, field = "month"): string {
  if (typeof value === "string") {
    const t = value.trim();
    let m = /^(\d{4})-(\d{1,2})$/.exec(t);
    if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return `${m[1]}-${m[2].padStart(2, "0")}`;
    m = /^(\d{1,2})\/(\d{4})$/.exec(t);
    if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return `${m[2]}-${m[1].padStart(2, "0")}`;
    m = /^([A-Za-z]{3,9})\s+(\d{4})$/.exec(t);
    if (m) {
      const i = MONTHS.findIndex((name) => name.toLowerCase().startsWith(m![1].toLowerCase()) && m![1].length >= 3);
      if (i >= 0) return `${m[2]}-${String(i + 1).padStart(2, "0")}`;
    }
  }
  // A serial or date text: the one date grammar, so a serial past 9999-12-31 is refused here, not thrown on later.
  const date = readDate(value);
  if (date.ok) return monthOfSerial(date.value);
  const why = `, got ${describeValue(value)}${typeof value === "number" || (typeof value === "string" && value.trim() !== "") ? ` (it ${date.reason})` : ""}`;
  throw new ArrearsInputError(field, `${field} must be a month such as 2026-11, 11/2026 or a date in the month${why}`);
}
