import { displayForm } from "../../addin/excel/savedFormulas";
import { cellRef, type CellValue, type OutCell, type OutSheet } from "../../cli/io/xlsx";
import { loadBuiltFunctions } from "./builtAddin";

/**
 * Evaluates the ARREARS formulas written into a sample workbook with the built
 * add-in, passing arguments the way Excel does: ranges and tables as 2-D arrays
 * with null for blanks, omitted arguments as null. It understands exactly the
 * argument forms the sample builders write (table[#All], sheet ranges, cell
 * references, text, numbers, TRUE/FALSE, empty), so a wrongly wired sample fails.
 */

export interface ArrearsFormulaCell {
  sheet: string;
  /** Zero-based row and column of the formula cell. */
  row: number;
  col: number;
  name: string;
  formula: string;
  cached: CellValue;
  result: unknown;
}

const CALL = /^ARREARS\.([A-Z0-9]+)\((.*)\)$/;

const isOutCell = (v: CellValue | OutCell | undefined): v is OutCell => v !== null && typeof v === "object";
const valueOf = (v: CellValue | OutCell | undefined): CellValue => (v === undefined ? null : isOutCell(v) ? v.value : v);

/** Splits "a,b(c,d),\"e,f\"" at top-level commas. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "(") depth++;
    else if (!quoted && ch === ")") depth--;
    else if (!quoted && depth === 0 && ch === ",") {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out.map((s) => s.trim());
}


function resolver(sheets: readonly OutSheet[]) {
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const tables = new Map(sheets.filter((s) => s.table).map((s) => [s.table!.name.toLowerCase(), s]));
  const grid = (sheet: OutSheet, r0: number, c0: number, r1: number, c1: number): CellValue[][] =>
    Array.from({ length: r1 - r0 + 1 }, (_, i) => Array.from({ length: c1 - c0 + 1 }, (_, j) => valueOf(sheet.rows[r0 + i]?.[c0 + j])));
  return (arg: string, here: OutSheet): unknown => {
    if (arg === "") return null;
    if (arg === "TRUE" || arg === "FALSE") return arg === "TRUE";
    if (/^".*"$/.test(arg)) return arg.slice(1, -1).replace(/""/g, '"');
    if (/^-?\d+(\.\d+)?$/.test(arg)) return Number(arg);
    const table = /^([A-Za-z_][\w.]*)\[#All\]$/.exec(arg);
    if (table) {
      const s = tables.get(table[1].toLowerCase());
      if (!s) throw new Error(`no table ${table[1]}`);
      return grid(s, 0, 0, s.rows.length - 1, s.rows[0].length - 1);
    }
    const ref = /^(?:'?([^'!]+)'?!)?\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/.exec(arg);
    if (!ref) throw new Error(`argument form not understood: ${arg}`);
    const sheet = ref[1] ? byName.get(ref[1].toLowerCase()) : here;
    if (!sheet) throw new Error(`no sheet ${ref[1]}`);
    const [r0, c0] = cellRef(`${ref[2]}${ref[3]}`)!;
    if (!ref[4]) return valueOf(sheet.rows[r0]?.[c0]);
    const [r1, c1] = cellRef(`${ref[4]}${ref[5]}`)!;
    return grid(sheet, r0, c0, r1, c1);
  };
}

/** Every ARREARS formula in the workbook, evaluated by the built functions. */
export function evaluateArrearsFormulas(sheets: readonly OutSheet[]): ArrearsFormulaCell[] {
  const { metadata, log } = loadBuiltFunctions();
  const resolve = resolver(sheets);
  const out: ArrearsFormulaCell[] = [];
  for (const sheet of sheets) {
    sheet.rows.forEach((cells, row) =>
      cells.forEach((cell, col) => {
        if (!isOutCell(cell) || !cell.formula) return;
        const formula = displayForm(cell.formula);
        if (formula === cell.formula) return; // not a saved ARREARS call
        const call = CALL.exec(formula);
        if (!call) throw new Error(`${sheet.name}: ARREARS call nested in another formula is not evaluated here: ${cell.formula}`);
        const meta = metadata.functions.find((f) => f.id === call[1]);
        const impl = log.functions.get(call[1]) as ((...a: unknown[]) => unknown) | undefined;
        if (!meta || !impl) throw new Error(`${sheet.name}: no built function ARREARS.${call[1]}`);
        const args = splitArgs(call[2]).map((a) => resolve(a, sheet));
        while (args.length < meta.parameters.length) args.push(null);
        out.push({ sheet: sheet.name, row, col, name: call[1], formula: cell.formula, cached: cell.value, result: impl(...args) });
      }),
    );
  }
  return out;
}
