/**
 * Formula-injection guard for every cell we write from data (CSV, xlsx, the QA
 * table). Spreadsheet programs run text that starts with = + - @ (or a tab or
 * carriage return before one) as a formula, so a tenant name such as
 * "=HYPERLINK(...)" in an export could become a live formula in a report.
 * OWASP's CSV-injection advice: prefix such text with a single quote.
 */

/**
 * The full-width forms (＝ ＋ － ＠). Excel with an East Asian input method turns
 * typed full-width operators into a formula, and the pane writes values as if typed,
 * so they are guarded too. A leading space is not: Excel keeps " =1+1" as text.
 */
const FULL_WIDTH = ["\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"];

const TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r", ...FULL_WIDTH]);

/** True when text written to a cell could be read as a formula. */
export function looksLikeFormula(text: string): boolean {
  return text.length > 0 && TRIGGERS.has(text[0]);
}

/**
 * Makes text safe to write as a cell value: text that could be read as a formula
 * gets a leading apostrophe, which Excel and LibreOffice show as plain text.
 * Numbers are never passed here; "-12.50" from data stays a number when written as one.
 */
export function neutraliseCellText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
