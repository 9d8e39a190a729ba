import { EXCEL4_MACRO_FUNCTIONS } from "./excel4MacroFunctions";

/**
 * Microsoft's rules for custom function ids and names (learn.microsoft.com, "Custom
 * functions naming and localization"): start with a letter, at least three characters;
 * ids only A–Z, 0–9, underscore and period; names must not look like a cell reference or
 * match an Excel 4.0 macro function. The metadata generator checks none of this, and a
 * functions.json Excel refuses can leave every ARREARS function at #NAME?.
 */

/** Last column (XFD) and row of an Excel worksheet since Excel 2007. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;

/** Column number of letters such as "XFD" (A = 1). */
function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);
}

/** True when `text` is an A1-style reference to a cell on the sheet (A1 … XFD1048576), any case. */
export function isA1Reference(text: string): boolean {
  const m = /^([A-Za-z]{1,3})([0-9]+)$/.exec(text);
  if (!m) return false;
  const row = Number(m[2]);
  return columnNumber(m[1]) <= MAX_COLUMN && row >= 1 && row <= MAX_ROW && !m[2].startsWith("0");
}

/** True when `text` reads as an R1C1-style reference: R, C, RC, R5, C3, R1C1, R[-1]C[2]… */
export function isR1C1Reference(text: string): boolean {
  const part = "(?:[0-9]+|\\[-?[0-9]+\\])?";
  return new RegExp(`^(?:R${part}C${part}|R${part}|C${part})$`, "i").test(text);
}

const MACRO_NAMES = new Set(EXCEL4_MACRO_FUNCTIONS.map((n) => n.replace(/\./g, "")));

/** True when `text` is an Excel 4.0 macro function or command name (compared without dots: the list's dots are reconstructed). */
export function isExcel4MacroName(text: string): boolean {
  return MACRO_NAMES.has(text.toUpperCase().replace(/\./g, ""));
}

/** Every rule a function's id and name break, in words; empty when both are acceptable. */
export function nameProblems(id: string, name: string): string[] {
  const problems: string[] = [];
  for (const [what, value] of [["id", id], ["name", name]] as const) {
    if (!/^[A-Za-z]/.test(value)) problems.push(`${what} "${value}" must start with a letter`);
    if (value.length < 3) problems.push(`${what} "${value}" must be at least 3 characters`);
  }
  if (!/^[A-Z0-9_.]+$/.test(id)) problems.push(`id "${id}" may only use A-Z, 0-9, _ and .`);
  // The name as a whole and each part of a dotted name (the part Excel shows after ARREARS.).
  for (const part of new Set([name, ...name.split(".")])) {
    if (isA1Reference(part)) problems.push(`name "${name}": "${part}" is an A1 cell reference`);
    if (isR1C1Reference(part)) problems.push(`name "${name}": "${part}" is an R1C1 cell reference`);
    if (isExcel4MacroName(part)) problems.push(`name "${name}": "${part}" is an Excel 4.0 macro function`);
  }
  return problems;
}
