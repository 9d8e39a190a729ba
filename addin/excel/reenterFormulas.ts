/**
 * Re-entering ARREARS formulas that Excel left as #NAME?.
 *
 * A workbook opened before the add-in loaded (a copy from a colleague, a sample,
 * a file opened on a machine where the add-in was not yet installed) can keep its
 * ARREARS cells at #NAME? after the add-in loads: Excel does not re-resolve them,
 * and recalculating does not help; re-entering each formula does (office-js
 * #6611, #108). Excel may also show the saved form `_xldudf_ARREARS_TREND(` or
 * one tied to another file (`[2]!_xldudf_…`, `Book.xla!_xldudf_…`, #2568, #3872).
 * This module decides which cells to re-enter and with what text; the Office.js
 * part only reads and writes the formulas.
 */

/** A cell to re-enter: zero-based position within the range read, and the formula to write. */
export interface FormulaToReenter {
  row: number;
  col: number;
  formula: string;
}

// The saved form, with any workbook/add-in qualifier Excel put in front of it.
const SAVED_FORM = /(?:'[^']*'!|\[\d+\]!|[A-Za-z0-9_.-]+\.xla[m]?!)?_xldudf_ARREARS_([A-Za-z0-9]+)\s*\(/gi;
const DISPLAY_FORM = /\bARREARS\.[A-Za-z0-9]+\s*\(/i;

/** The display form of a formula: `_xldudf_ARREARS_X(` (however qualified) becomes `ARREARS.X(`. */
export function displayForm(formula: string): string {
  return formula.replace(SAVED_FORM, (_, name: string) => `ARREARS.${name.toUpperCase()}(`);
}

/**
 * The cells of a range whose formulas call an ARREARS function, with the text to
 * write back. Cells that are not formulas (values, and the cells a spilled result
 * fills, which report their value) are left alone, so a spill is never blocked.
 */
export function formulasToReenter(formulas: readonly (readonly unknown[])[]): FormulaToReenter[] {
  const out: FormulaToReenter[] = [];
  formulas.forEach((cells, row) =>
    cells.forEach((f, col) => {
      if (typeof f !== "string" || !f.startsWith("=")) return;
      const formula = displayForm(f);
      if (formula !== f || DISPLAY_FORM.test(formula)) out.push({ row, col, formula });
    }),
  );
  return out;
}
