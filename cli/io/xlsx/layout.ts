import type { CellValue } from "./read";
import type { CellFormat, OutCell } from "./write";

/**
 * Text measurement for laying out written sheets without a font engine: column
 * widths from content, and row heights for wrapped text, so a sheet prints with
 * no heading cut off and no wrapped text running under the next row.
 *
 * Units are Excel's column-width units: the width of "0" in the workbook's
 * default font (Calibri 11 pt, 7 px at 96 dpi). Every character is counted at
 * CHAR_WIDTH (bold at BOLD_CHAR_WIDTH): Calibri's letters average a little under
 * one "0", and LibreOffice, without Calibri, draws in a metric-different
 * substitute (Liberation Sans / DejaVu Sans, 10–20 % wider), so the estimate errs wide.
 * A cell also needs CELL_PADDING for its left and right margins.
 */

export const CHAR_WIDTH = 1.15;
export const BOLD_CHAR_WIDTH = 1.25;
/** 14 pt title text is 14/11 as wide as 11 pt. */
export const TITLE_CHAR_WIDTH = (BOLD_CHAR_WIDTH * 14) / 11;
export const CELL_PADDING = 1;
/** Excel's default column width (8.43 characters) for columns given none. */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** Calibri 11 pt's line height in points: Excel's default row height. */
export const DEFAULT_ROW_HEIGHT = 15;
export const TITLE_POINTS = 14;
/** A 14 pt line: 15 × 14 / 11, rounded up to Excel's quarter point. */
export const TITLE_ROW_HEIGHT = 19.25;

type AnyCell = CellValue | OutCell;

const PLAIN: { bold?: boolean; title?: boolean } = {};

export const isOutCell = (v: AnyCell): v is OutCell => v !== null && typeof v === "object";

/** Width of text on one line, in column-width units. */
export function textWidth(text: string, style: { bold?: boolean; title?: boolean } = {}): number {
  const per = style.title ? TITLE_CHAR_WIDTH : style.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH;
  return codePoints(text) * per;
}

/** Characters as the eye counts them (code points: a surrogate pair is one), without spreading the string into an array. */
function codePoints(text: string): number {
  // A regular expression finds (or rules out) a surrogate at native speed; only text with one is walked.
  if (!SURROGATE.test(text)) return text.length;
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const SURROGATE = /[\ud800-\udfff]/;

/** A \s character other than the space, or half of a surrogate pair: text without any has its words between spaces. */
const OTHER_SPACE_OR_SURROGATE = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\ud800-\udfff]/;

/** True for the characters a regular expression's \s matches (ECMAScript WhiteSpace and LineTerminator). */
function isRegexSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The width of the longest word of `text`, words being what `text.split(/\s+/)` gives:
 * `Math.max(...text.split(/\s+/).map((w) => textWidth(w, style)))`, counted in place
 * (the escalation sheet measures thousands of long wrapped reasons).
 */
export function longestWordWidth(text: string, style: { bold?: boolean; title?: boolean } = {}): number {
  const per = style.title ? TITLE_CHAR_WIDTH : style.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH;
  let longest = 0;
  if (!OTHER_SPACE_OR_SURROGATE.test(text)) {
    // Words between spaces, one character per code unit (nearly every text a sheet measures): found by indexOf.
    for (let i = 0; i <= text.length; ) {
      let end = text.indexOf(" ", i);
      if (end < 0) end = text.length;
      if (end - i > longest) longest = end - i;
      i = end + 1;
    }
    return longest * per;
  }
  let word = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (isRegexSpace(c)) {
      if (word > longest) longest = word;
      word = 0;
      continue;
    }
    word++;
    // A surrogate pair is one character, as codePoints counts it.
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
  }
  if (word > longest) longest = word;
  // The widest word's width is its count times the per-character width (the product is monotonic, so the max is the same).
  return longest * per;
}

/** "1,234,567.80" — digits grouped by thousands, to a fixed number of decimals. */
export function groupedNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const point = fixed.indexOf(".");
  const whole = point < 0 ? fixed : fixed.slice(0, point);
  const frac = point < 0 ? "" : fixed.slice(point + 1);
  const sign = value < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${groupDigits(whole)}${frac ? `.${frac}` : ""}`;
}

/**
 * `whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")`: a comma before each group of three digits
 * from the right. A run of digits (every figure a sheet measures) is grouped by hand, as
 * the expression was most of measuring the escalation sheet's money columns; anything
 * else ("1e+21", "Infinity") still goes through the expression.
 */
function groupDigits(whole: string): string {
  const n = whole.length;
  for (let i = 0; i < n; i++) {
    const c = whole.charCodeAt(i);
    if (c < 48 || c > 57) return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }
  if (n <= 3) return whole;
  let head = n % 3 || 3;
  let out = whole.slice(0, head);
  for (; head < n; head += 3) out += `,${whole.slice(head, head + 3)}`;
  return out;
}

/** The text a value shows in Excel with the writer's number format (for measuring it). */
export function displayText(value: CellValue, format?: CellFormat): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "number") return String(value === true ? "TRUE" : value === false ? "FALSE" : value);
  switch (format) {
    case "money":
      return `${value < 0 ? "-" : ""}£${groupedNumber(Math.abs(value), 2)}`;
    case "percent":
      return `${(value * 100).toFixed(2)}%`;
    case "percentFigure":
      return `${value.toFixed(2)}%`;
    case "integer":
      return groupedNumber(value, 0);
    case "decimal":
      return value.toFixed(2);
    case "weeks":
      return value.toFixed(1);
    case "date":
      return "00/00/0000";
    default:
      return String(value);
  }
}

/**
 * Lines the text takes when wrapped at `width` (greedy, at spaces; a word longer than the
 * line takes lines of its own). Paragraphs are split at LF or CR LF and words at each
 * space, as `text.split(/\r?\n/)` and `paragraph.split(" ")` would split them, but counted
 * in place: the escalation sheet wraps two long texts on each of thousands of rows.
 */
export function wrappedLines(text: string, width: number, style: { bold?: boolean; title?: boolean } = {}): number {
  const room = Math.max(1, width - CELL_PADDING);
  // textWidth(word) is the word's code points times this; textWidth(" ") is this once.
  const per = style.title ? TITLE_CHAR_WIDTH : style.bold ? BOLD_CHAR_WIDTH : CHAR_WIDTH;
  const wrap: Wrapping = { lines: 1, line: 0 };
  const n = text.length;
  if (!BREAK_OR_SURROGATE.test(text)) {
    // One paragraph, one character per code unit (nearly every text a report wraps): words are
    // found by indexOf from space to space, not character by character.
    for (let i = 0; i <= n; ) {
      let end = text.indexOf(" ", i);
      if (end < 0) end = n;
      placeWord(wrap, (end - i) * per, per, room);
      i = end + 1;
    }
    return wrap.lines;
  }
  let count = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1;
    // The CR of a CR LF belongs to the line break, not to the word.
    if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) continue;
    if (c !== 32 && c !== 10 && c !== -1) {
      count++;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) i++;
      }
      continue;
    }
    placeWord(wrap, count * per, per, room);
    count = 0;
    if (c === 10) {
      wrap.lines++;
      wrap.line = 0;
    }
  }
  return wrap.lines;
}

/**
 * An LF, or half of a surrogate pair: text without any is wrapped by the plain reading. (A CR
 * without its LF is a character of its word, in either reading.)
 */
const BREAK_OR_SURROGATE = /[\n\ud800-\udfff]/;

/** Lines so far, and how much of the last one is taken. */
interface Wrapping {
  lines: number;
  line: number;
}

/** A word of width `w` ends: placed as the split words were, one by one (`per` is a space's width). */
function placeWord(wrap: Wrapping, w: number, per: number, room: number): void {
  const space = wrap.line === 0 ? 0 : per;
  if (wrap.line > 0 && wrap.line + space + w > room) {
    wrap.lines++;
    wrap.line = 0;
  }
  if (w > room) {
    wrap.lines += Math.ceil(w / room) - 1;
    wrap.line = w % room;
  } else wrap.line += (wrap.line === 0 ? 0 : space) + w;
}

/** The height (points) a row needs: one line per line of its tallest wrapped cell; titles a 14 pt line. */
export function rowHeight(row: readonly AnyCell[], columnWidths: readonly number[] | undefined): number {
  let height = DEFAULT_ROW_HEIGHT;
  row.forEach((raw, c) => {
    if (!isOutCell(raw)) return;
    if (raw.title) height = Math.max(height, TITLE_ROW_HEIGHT);
    if (raw.wrap && typeof raw.value === "string" && !raw.formula) {
      const lines = wrappedLines(raw.value, columnWidths?.[c] ?? DEFAULT_COLUMN_WIDTH, raw);
      height = Math.max(height, lines * (raw.title ? TITLE_ROW_HEIGHT : DEFAULT_ROW_HEIGHT));
    }
  });
  return height;
}

/**
 * Column widths that fit the content of `rows` from `fromRow` on (a title block above
 * is left to overflow): the widest cell as shown, within [min, max]. Wrapped cells
 * ask for their longest word and their whole text up to `max`; in the header row
 * (row `fromRow`) only up to `headerWrapAt`, so long headings wrap over narrow figures.
 */
export function fitColumnWidths(
  rows: readonly (readonly AnyCell[])[],
  options: { fromRow?: number; min?: number; max?: number | readonly number[]; headerWrapAt?: number } = {},
): number[] {
  const { fromRow = 0, min = 6 } = options;
  const maxOf = (c: number) => (Array.isArray(options.max) ? (options.max[c] ?? 60) : ((options.max as number | undefined) ?? 60));
  const widths: number[] = [];
  /** A header's longest word always fits, whatever the maximum: a heading is never cut. */
  const headerWord: number[] = [];
  // Plain loops: the escalation sheet measures ~100,000 cells, and a cell object per cell was most of the cost.
  for (let r = 0; r + fromRow < rows.length; r++) {
    const row = rows[r + fromRow];
    for (let c = 0; c < row.length; c++) {
      if (!(c in row)) continue; // a hole measures nothing, as forEach skipped it
      const raw = row[c];
      const cell: OutCell | undefined = isOutCell(raw) ? raw : undefined;
      const text = cell ? displayText(cell.value, cell.format) : displayText(raw as CellValue);
      const style = cell ?? PLAIN;
      const need =
        cell && cell.wrap
          ? Math.max(longestWordWidth(text, style), Math.min(textWidth(text, style), Math.min(r === 0 ? (options.headerWrapAt ?? Infinity) : Infinity, maxOf(c)) - CELL_PADDING))
          : textWidth(text, style);
      widths[c] = Math.max(widths[c] ?? 0, need + CELL_PADDING);
      if (r === 0) headerWord[c] = longestWordWidth(text, style) + CELL_PADDING;
    }
  }
  return Array.from({ length: widths.length }, (_, c) => Math.round(Math.max(headerWord[c] ?? 0, Math.min(maxOf(c), Math.max(min, widths[c] ?? 0))) * 100) / 100);
}
