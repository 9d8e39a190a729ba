/**
 * Re-entering ARREARS formulas that Excel left as #NAME?.
 *
 * A workbook opened before the add-in loaded (a copy from a colleague, a sample,
 * a file opened on a machine where the add-in was not yet installed) can keep its
 * ARREARS cells at #NAME? after the add-in loads: Excel does not re-resolve them,
 * and recalculating does not help; re-entering each formula does (office-js
 * #6611, #108). Cells may show the saved form (savedFormulas.ts); they are
 * re-entered in display form. This module decides which cells to re-enter and
 * with what text; the Office.js part only reads and writes the formulas.
 */

import { displayForm } from "./savedFormulas";

/** A cell to re-enter: zero-based position within the range read, and the formula to write. */
export interface FormulaToReenter {
  row: number;
  col: number;
  formula: string;
}

const DISPLAY_FORM = /\bARREARS\.[A-Za-z0-9]+\s*\(/i;

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
