import { roundPence } from "../money";
import { errorCellReason, excelErrorOf } from "./errorCell";
import { accept, refuse, type Reading } from "./reading";

/**
 * The one grammar for an amount in £, used by the table readers, the Excel adapter
 * and the command line alike.
 *
 * Accepted text: digits with an optional decimal part of at most 2 places, thousands
 * grouped in threes (`1,234.56`), an optional £, a sign before or after the £ (`-£5`,
 * `£-5`), accounting brackets for a negative (`(123.45)`), and a CR (credit, negative)
 * or DR (debit, positive) suffix. With `decimalSeparator: ","` the roles of `.` and `,`
 * swap (`1.234,56` is 1234.56).
 *
 * Refused, because each could mean two different amounts: a decimal comma under the
 * default separator (`12,50` is £12.50 to one reader and £1,250 to another), bad
 * grouping (`1,2,3,4`, `2 5 0`, `12.345.67`, `1,23.45`), a sign twice (`(-5)`, `-5 CR`),
 * exponents, hex, NaN and Infinity, and text with more than 2 decimal places (`1.234`
 * may be 1,234 written with a dot). Magnitudes above {@link MAX_LINE_AMOUNT} are refused:
 * no rent account line holds £10 million.
 *
 * Numbers typed into Excel are binary fractions and may carry float noise
 * (12.499999999999998 for 12.50): a number cell is rounded to the penny (half away from
 * zero, as Excel's ROUND), which is what the cell shows. Text cannot carry noise, so
 * text with more than 2 places is refused rather than rounded.
 */

/** Largest magnitude one account or transaction line may hold, in £. */
export const MAX_LINE_AMOUNT = 10_000_000;

/** How amounts are written: the decimal separator. Thousands are grouped by the other one. */
export type DecimalSeparator = "." | ",";

export interface AmountOptions {
  /** "." (default, UK) or "," (a profile for decimal-comma exports). */
  decimalSeparator?: DecimalSeparator;
  /** Largest magnitude accepted; default {@link MAX_LINE_AMOUNT}. */
  max?: number;
}

const GRAMMAR = /^(\()?\s*([+\-\u2212])?\s*(£)?\s*([+\-\u2212])?\s*([0-9.,]+)\s*(\))?\s*(CR|DR)?$/i;
const DOT_NUMBER = /^(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;
const COMMA_NUMBER = /^(?:\d{1,3}(?:\.\d{3})+|\d+)?(?:,(\d*))?$/;

/** Reads a cell as an amount in £ (a blank cell is refused: callers decide what blank means). */
export function readAmount(cell: unknown, options: AmountOptions = {}): Reading<number> {
  // The common case first (95.50 as text, ~900,000 times in a year's balance history):
  // plainAmount accepts only what the full reading below accepts, at the same value.
  if (typeof cell === "string") {
    const plain = plainAmount(cell, options);
    if (plain !== undefined) return accept(plain);
  }
  const max = options.max ?? MAX_LINE_AMOUNT;
  const error = excelErrorOf(cell);
  if (error !== null) return refuse(errorCellReason(error));
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return refuse("is not a finite number");
    if (Math.abs(cell) > max) return refuse(`is larger than £${max.toLocaleString("en-GB")}, more than one line can hold`);
    return accept(roundPence(cell) + 0);
  }
  if (typeof cell === "boolean") return refuse("is TRUE/FALSE, not an amount");
  if (typeof cell !== "string") return refuse("is blank");
  const text = cell.trim();
  if (text === "") return refuse("is blank");
  return readAmountText(text, options.decimalSeparator ?? ".", max);
}

/**
 * The amount a cell plainly holds, without allocating: a finite number within `max`
 * (rounded to the penny, as {@link readAmount} does), or text that is a plain decimal
 * under the default "." separator (`95.50`, `-12`: an optional minus, 1 to 8 digits, at most
 * 2 decimal places, no spaces). Undefined for anything else, blank included: the caller
 * then asks {@link readAmount} for the value or the reason. Never a different value
 * from readAmount's: this is only its common case, taken first.
 */
export function plainAmount(cell: unknown, options: AmountOptions = {}): number | undefined {
  const max = options.max ?? MAX_LINE_AMOUNT;
  if (typeof cell === "number") return Number.isFinite(cell) && Math.abs(cell) <= max ? roundPence(cell) + 0 : undefined;
  // Under a decimal-comma profile "95.50" is not plain: the full grammar decides.
  if (typeof cell !== "string" || (options.decimalSeparator ?? ".") !== ".") return undefined;
  const n = cell.length;
  let i = cell.charCodeAt(0) === 45 ? 1 : 0;
  const intStart = i;
  while (i < n && isDigit(cell.charCodeAt(i))) i++;
  const intDigits = i - intStart;
  if (intDigits < 1 || intDigits > 8) return undefined;
  if (i < n) {
    if (cell.charCodeAt(i) !== 46) return undefined;
    const decStart = ++i;
    while (i < n && isDigit(cell.charCodeAt(i))) i++;
    if (i !== n || i - decStart < 1 || i - decStart > 2) return undefined;
  }
  const v = Number(cell);
  return Math.abs(v) > max ? undefined : v + 0;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** The common case, a plain decimal such as 95.50 or -12: read without the full grammar. */
const PLAIN = /^-?\d{1,8}(?:\.\d{1,2})?$/;

function readAmountText(text: string, separator: DecimalSeparator, max: number): Reading<number> {
  if (separator === "." && PLAIN.test(text)) {
    const n = Number(text);
    return Math.abs(n) > max ? refuse(`is larger than £${max.toLocaleString("en-GB")}, more than one line can hold`) : accept(n + 0);
  }
  const m = GRAMMAR.exec(text);
  if (!m) {
    if (/^[+\-\u2212]?\s*\d[\d.,]*\s*[eE][+-]?\d+$/.test(text)) return refuse("is in exponent form; write the amount in full");
    if (/\d\s+\d/.test(text)) return refuse("has spaces between digits; write it without them");
    return refuse("is not an amount in £ (such as 1,234.56, -£5, (12.50) or 12.50 CR)");
  }
  const [, open, signBefore, , signAfter, digits, close, suffix] = m;
  if (Boolean(open) !== Boolean(close)) return refuse("has an unmatched bracket");
  const signs = [open ? "(" : "", signBefore ?? "", signAfter ?? "", suffix?.toUpperCase() === "CR" ? "CR" : ""].filter(Boolean);
  const minus = signs.length > 0 && signs.every((s) => s !== "+");
  if (signs.length > 1 || (signBefore && signAfter) || (suffix && (open || signBefore || signAfter))) return refuse("has more than one sign; write one of -, brackets, CR or DR");
  const pattern = separator === "." ? DOT_NUMBER : COMMA_NUMBER;
  const n = pattern.exec(digits);
  if (!n || !/\d/.test(digits)) {
    if (separator === "." && /^\d+(?:\.\d{3})*,\d{1,2}$/.test(digits)) return refuse('uses a decimal comma; if the export writes amounts that way, set decimalSeparator "," in the mapping profile');
    return refuse(`has digits grouped in a way that could mean two amounts (thousands are grouped in threes with "${separator === "." ? "," : "."}")`);
  }
  const decimals = n[1] ?? "";
  if (decimals.length > 2) return refuse("has more than 2 decimal places; amounts are pounds and pence");
  const plain = separator === "." ? digits.replace(/,/g, "") : digits.replace(/\./g, "").replace(",", ".");
  const magnitude = Number(plain);
  if (!Number.isFinite(magnitude) || magnitude > max) return refuse(`is larger than £${max.toLocaleString("en-GB")}, more than one line can hold`);
  const value = minus ? -magnitude : magnitude;
  return accept(value + 0);
}
