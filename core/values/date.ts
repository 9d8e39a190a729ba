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

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Serial of 1970-01-01: Date.UTC's day 0. */
const UNIX_EPOCH_SERIAL = 25569;

/**
 * The serial of ISO date text `yyyy-mm-dd` (exactly ten characters) read from `text`
 * between `s` and `e` without making a string: the value {@link readDate} gives for
 * the same text. Undefined for anything else, a year before 1901 included (before
 * 1900-03-01 Excel counts days differently) and an impossible day (refused by readDate
 * with its reason): the caller then asks readDate.
 */
export function plainIsoDateAt(text: string, s: number, e: number): number | undefined {
  if (e - s !== 10 || text.charCodeAt(s + 4) !== 45 || text.charCodeAt(s + 7) !== 45) return undefined;
  const y = digitsAt(text, s, 4);
  const m = digitsAt(text, s + 5, 2);
  const d = digitsAt(text, s + 8, 2);
  if (y < 1901 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1])) return undefined;
  return Date.UTC(y, m - 1, d) / 86_400_000 + UNIX_EPOCH_SERIAL;
}

/** The whole number written by `n` digits at `at`, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * The date serial a cell plainly holds: {@link plainSerial} of a number, or ISO text
 * `yyyy-mm-dd` alone ({@link plainIsoDateAt}). Undefined otherwise: the caller asks {@link readDate}.
 */
export function plainDate(cell: unknown): number | undefined {
  if (typeof cell === "string") return plainIsoDateAt(cell, 0, cell.length);
  return plainSerial(cell);
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
