import { ArrearsInputError, describeValue } from "../../core/errors";
import { trendOf, trendOfAccounts, type TrendRowOutcome } from "../../core/trend/trend";
import { MAX_LINE_AMOUNT, readAmount } from "../../core/values/amount";
import { excelErrorOf } from "../../core/values/errorCell";
import { cellToPeriod, gridOf, isBlank, numberPerAccount, optionalNumber, vectorOf, type Cell, type Grid } from "../excel/cells";
import { excelError, runCustomFunction, toCell, type CellOut } from "../excel/results";

const NAME = "ARREARS.TREND";

/**
 * Arrears trend per account, spilled as one row per account: slope (£ per period, positive = arrears rising), direction (worsening / improving / stable), projected balance (£), weeks of rent owed, and periods in arrears. Blank balances are left out, not counted as zero; a balance that is not an amount (such as 12,50) is refused with its row and column.
 * @customfunction TREND
 * @helpurl https://localhost:3000/support.html#TREND
 * @param balances Balances in £, positive = owed. One row or column for one account, or a block with one row per account (one formula for the whole export).
 * @param [periods] Dates (1980 on) or period numbers (0 to 1000) for the balances, a row or column as long as one account's balances. Omit for equally spaced periods; with dates a period is their usual spacing (7 days for weekly balances).
 * @param [weeklyRent] Weekly rent in £: one figure, or a column with one per account. Gives the latest balance in weeks of rent.
 * @param [horizon] Periods ahead to project the balance (default 4, at most 520).
 * @param [tolerance] £ per period within which the trend counts as stable (default 1).
 * @returns One row per account: slope £/period, direction, projected balance £, weeks of rent owed (blank without weekly rent), periods in arrears.
 */
export function trend(balances: any[][], periods?: any[][], weeklyRent?: any[][], horizon?: number, tolerance?: number): any[][] {
  return runCustomFunction(NAME, () => {
    const grid = gridOf(balances);
    const manyAccounts = grid.length > 1 && grid[0].length > 1;
    const periodCells = vectorOf(periods ?? null, "periods");
    const options = {
      periods: periodCells.length ? periodCells.map((c, i) => cellToPeriod(c, "periods", i + 1)) : null,
      weeklyRent: numberPerAccount(weeklyRent ?? null, manyAccounts ? grid.length : 1, "weekly rent"),
      horizon: optionalNumber(horizon ?? null, "horizon"),
      tolerance: optionalNumber(tolerance ?? null, "tolerance"),
    };
    // One account: its problem is the function's problem, shown as one error.
    if (!manyAccounts) {
      const row = amountsOf(vectorOf(grid, "balances"), null);
      if (row instanceof ArrearsInputError) throw row;
      return [trendRow(trendOf(row, { ...options, weeklyRent: options.weeklyRent as number | null }))];
    }
    // The usual grid, every balance an ordinary number, goes to the core as Excel passed it.
    if (allPlain(grid)) return trendRows(trendOfAccounts(grid as number[][], options));
    const rows = grid.map((r, i) => amountsOf(r, i + 1));
    // A row with an unreadable balance gets its own error; the others are fitted as usual.
    const fitted = trendOfAccounts(
      rows.map((r) => (r instanceof ArrearsInputError ? [] : r)),
      options,
    );
    return rows.map((r, i) => trendRow(r instanceof ArrearsInputError ? r : fitted[i]));
  }) as any[][];
}

/**
 * A row of balance cells as amounts, by core's one amount grammar. Excel passes number
 * cells as numbers, so a row of ordinary finite numbers is used as it is: copying 17,000
 * rows of 52 was most of the adapter's cost over the core's. A blank is left out (null);
 * anything else that is not an amount is the row's error, naming its row and column.
 */
function amountsOf(row: readonly Cell[], rowNo: number | null): (number | null)[] | ArrearsInputError {
  if (plainRow(row)) return row as number[];
  const out: (number | null)[] = [];
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (isBlank(v)) {
      out.push(null);
      continue;
    }
    const a = readAmount(v);
    if (!a.ok) {
      const where = rowNo === null ? `balance ${i + 1}` : `balances row ${rowNo}, column ${i + 1}`;
      return new ArrearsInputError("balances", `${where}: ${excelErrorOf(v) === null ? `${describeValue(v)} ` : ""}${a.reason}`);
    }
    out.push(a.value);
  }
  return out;
}

/**
 * Whether every cell is a number within the amount cap (which also rules out NaN and
 * ±Infinity): such a row is read as it is. One comparison pair per cell, no calls:
 * this runs over every balance of the grid.
 */
function plainRow(row: readonly Cell[]): boolean {
  // A local copy: in the bundle an imported constant is read through a getter, twice per cell.
  const max = MAX_LINE_AMOUNT;
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v !== "number" || !(v <= max && v >= -max)) return false;
  }
  return true;
}

function allPlain(grid: Grid): boolean {
  for (let r = 0; r < grid.length; r++) if (!plainRow(grid[r])) return false;
  return true;
}

/** The spilled rows of a batch with no unreadable row, in one loop. */
function trendRows(fitted: readonly TrendRowOutcome[]): CellOut[][] {
  const out: CellOut[][] = new Array(fitted.length);
  for (let i = 0; i < fitted.length; i++) out[i] = trendRow(fitted[i]);
  return out;
}

/** One spilled row: the result's five columns, five blanks for an empty account, or the account's error in every column. */
function trendRow(outcome: TrendRowOutcome): CellOut[] {
  if (outcome === null) return ["", "", "", "", ""];
  if (outcome instanceof ArrearsInputError) return Array(5).fill(excelError(NAME, outcome.message));
  return [
    toCell(NAME, outcome.slopePerPeriod),
    outcome.direction,
    toCell(NAME, outcome.projectedBalance),
    toCell(NAME, outcome.weeksOwed),
    outcome.periodsInArrears,
  ];
}
