import { dateToSerial, isSerialInRange, LAST_SERIAL, PHANTOM_LEAP_DAY } from "../dates/excelSerial";
import { errorCellReason, excelErrorOf } from "./errorCell";
import { accept, refuse, type Reading } from "./reading";

/**
 * The one date grammar: every date a reader takes (table cells, function arguments,
 * command-line options, QA call dates, months) goes through {@link readDate}, and the
 * result is always an Excel serial within 1..2,958,465 (1900-01-01..9999-12-31).
 *
 * Accepted:
 * - a number: an Excel serial in range (a time of day is dropped); 60, Excel's phantom
 *   1900-02-29, is refused;
 * - ISO text `2026-10-05`, optionally with a time `T09:30`, `T09:30:00Z`, `T09:30:00+01:00`
 *   (the calendar date as written is kept);
 * - day-first text `05/10/2026` (or month-first with `dateFormat: "mdy"`), with `/`, `-`
 *   or `.` as the separator; a two-digit year follows Excel's own rule (00–29 are 2000s,
 *   30–99 are 1900s);
 * - a month name: `5 Oct 2026`, `05-Oct-2026`, `5 October 26`.
 * Refused: impossible dates (31/02/2026), anything around the date (`2026-10-05 or
 * 2026-11-05`, `2026-10-05Tjunk`), years before 1900, booleans and error cells.
 */

/** Whether day/month/year text is read day first (UK) or month first (US-configured extracts). */
export type DateFormat = "dmy" | "mdy";

const MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})$/;
const NAMED = /^(\d{1,2})[\s./-]+([A-Za-z]{3,9})\.?[\s./,-]+(\d{4}|\d{2})$/;

const NOT_A_DATE = "is not a date (write 2026-10-05 or 05/10/2026)";

/** Reads a cell as a date serial (a blank cell is refused: callers decide what blank means). */
export function readDate(cell: unknown, dateFormat: DateFormat = "dmy"): Reading<number> {
  const error = excelErrorOf(cell);
  if (error !== null) return refuse(errorCellReason(error));
  if (typeof cell === "number") return readSerialNumber(cell);
  if (typeof cell === "boolean") return refuse("is TRUE/FALSE, not a date");
  if (typeof cell !== "string") return refuse("is blank");
  const text = cell.trim();
  if (text === "") return refuse("is blank");
  return readDateText(text, dateFormat);
}

/**
 * The date serial a number cell plainly holds, without allocating a reading: a number
 * within 1..2,958,465 other than Excel's phantom 1900-02-29, as a whole day. Undefined
 * otherwise (text included): the caller then asks {@link readDate}.
 */
export function plainSerial(cell: unknown): number | undefined {
  if (typeof cell !== "number" || !isSerialInRange(cell)) return undefined;
  const whole = Math.floor(cell);
  return whole === PHANTOM_LEAP_DAY ? undefined : whole;
}

/** Reads a number as an Excel date serial within 1..2,958,465. */
export function readSerialNumber(n: number): Reading<number> {
  if (!isSerialInRange(n)) return refuse(`is not a date Excel can hold (date serials run from 1, 1900-01-01, to ${LAST_SERIAL}, 9999-12-31)`);
  const whole = Math.floor(n);
  if (whole === PHANTOM_LEAP_DAY) return refuse("is 29 February 1900, a day that did not exist (Excel's leap-year bug)");
  return accept(whole);
}

function readDateText(text: string, dateFormat: DateFormat): Reading<number> {
  let m = ISO.exec(text);
  if (m) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    const [day, month] = dateFormat === "mdy" ? [b, a] : [a, b];
    return calendarDate(fullYear(m[4]), month, day, text);
  }
  m = NAMED.exec(text);
  if (m) {
    const name = m[2].toLowerCase();
    // "Oct", "October" and "Sept": an abbreviation of at least three letters.
    const month = name === "sept" ? 8 : MONTH_NAMES.findIndex((full) => full.startsWith(name));
    if (month < 0) return refuse(NOT_A_DATE);
    return calendarDate(fullYear(m[3]), month + 1, Number(m[1]), text);
  }
  if (/^\d{4}-\d{1,2}-\d{1,2}/.test(text)) return refuse("has something after the date; write the date alone (2026-10-05)");
  return refuse(NOT_A_DATE);
}

/** A two-digit year as Excel reads one typed into a cell: 00–29 are 2000–2029, 30–99 are 1930–1999. */
function fullYear(text: string): number {
  if (text.length === 4) return Number(text);
  const yy = Number(text);
  return yy < 30 ? 2000 + yy : 1900 + yy;
}

function calendarDate(y: number, m: number, d: number, text: string): Reading<number> {
  if (y < 1900) return refuse("is before 1900, earlier than Excel can hold");
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  // Date.UTC rolls 31/02 into March: a date that does not round-trip is not a real date.
  if (m < 1 || m > 12 || check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
    return refuse(`is not a real calendar date (${JSON.stringify(text)} has no such day)`);
  }
  return accept(dateToSerial(check));
}

/** Parses date text to a serial, or null when it is not a date: {@link readDate} for callers that give their own message. */
export function parseDateToSerial(text: string, dateFormat: DateFormat = "dmy"): number | null {
  const r = readDate(text, dateFormat);
  return r.ok ? r.value : null;
}
