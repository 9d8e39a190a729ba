import { ArrearsInputError, describeValue } from "../errors";
import { isBlankCell } from "../export/cellValues";
import { MAX_LINE_AMOUNT, readAmount } from "../values/amount";
import { excelErrorOf } from "../values/errorCell";

/**
 * Balances as a spreadsheet passes them (cells of unknown type) read by core's one
 * amount grammar, strictly: a blank is left out (null), never £0; anything else that is
 * not an amount refuses the row with one line naming the cell.
 */

/**
 * Whether every cell is a number within the amount cap (which also rules out NaN and
 * ±Infinity): such a row is used as it is, unrounded, exactly as the batch's one pass
 * reads it. One comparison pair per cell and no calls.
 */
export function isPlainBalanceRow(row: readonly unknown[]): boolean {
  // A local copy: in the bundle an imported constant is read through a getter.
  const max = MAX_LINE_AMOUNT;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v !== "number" || !(v <= max && v >= -max)) return false;
  }
  return true;
}

/**
 * One row of balance cells as amounts. A row of plain numbers ({@link isPlainBalanceRow})
 * is returned as it is; otherwise each number is rounded to the penny and amount text
 * ("£1,234.50", "(12.00)", "45.10 CR") read, as {@link readAmount} does.
 * @param row the cells, oldest first.
 * @param rowNo the account's row in a block (1-based), named in a refusal as
 *   "balances row R, column C"; null for a single account, named as "balance C".
 * @returns the amounts (null for a blank), or the refusal of the first unreadable cell.
 */
export function balancesOfCells(row: readonly unknown[], rowNo: number | null): (number | null)[] | ArrearsInputError {
  if (isPlainBalanceRow(row)) return row as number[];
  const out: (number | null)[] = new Array(row.length);
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (isBlankCell(v)) {
      out[i] = null;
      continue;
    }
    const a = readAmount(v);
    if (!a.ok) {
      const where = rowNo === null ? `balance ${i + 1}` : `balances row ${rowNo}, column ${i + 1}`;
      return new ArrearsInputError("balances", `${where}: ${excelErrorOf(v) === null ? `${describeValue(v)} ` : ""}${a.reason}`);
    }
    out[i] = a.value;
  }
  return out;
}
