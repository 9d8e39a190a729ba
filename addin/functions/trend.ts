import { ArrearsInputError } from "../../core/errors";
import { trendOf, trendOfAccounts, type TrendRowOutcome } from "../../core/trend/trend";
import { cellToAmount, cellToSerial, gridOf, numberPerAccount, optionalNumber, vectorOf, type Cell } from "../excel/cells";
import { excelError, runCustomFunction, toCell, type CellOut } from "../excel/results";

const NAME = "ARREARS.TREND";

/**
 * Arrears trend per account, spilled as one row per account: slope (£ per period, positive = arrears rising), direction (worsening / improving / stable), projected balance (£), weeks of rent owed, and periods in arrears. Blanks and text that is not an amount are left out, not counted as zero.
 * @customfunction TREND
 * @helpurl https://localhost:3000/support.html#TREND
 * @param balances Balances in £, positive = owed. One row or column for one account, or a block with one row per account (one formula for the whole export).
 * @param [periods] Dates or period numbers for the balances, a row or column as long as one account's balances. Omit for equally spaced periods; with dates a period is their usual spacing (7 days for weekly balances).
 * @param [weeklyRent] Weekly rent in £: one figure, or a column with one per account. Gives the latest balance in weeks of rent.
 * @param [horizon] Periods ahead to project the balance (default 4, at most 520).
 * @param [tolerance] £ per period within which the trend counts as stable (default 1).
 * @returns One row per account: slope £/period, direction, projected balance £, weeks of rent owed (blank without weekly rent), periods in arrears.
 */
export function trend(balances: any[][], periods?: any[][], weeklyRent?: any[][], horizon?: number, tolerance?: number): any[][] {
  return runCustomFunction(NAME, () => {
    const grid = gridOf(balances);
    const manyAccounts = grid.length > 1 && grid[0].length > 1;
    const rows = manyAccounts ? grid.map(amountsOf) : [vectorOf(grid, "balances").map(cellToAmount)];
    const periodCells = vectorOf(periods ?? null, "periods");
    const options = {
      periods: periodCells.length ? periodCells.map(cellToSerial) : null,
      weeklyRent: numberPerAccount(weeklyRent ?? null, rows.length, "weekly rent"),
      horizon: optionalNumber(horizon ?? null, "horizon"),
      tolerance: optionalNumber(tolerance ?? null, "tolerance"),
    };
    // One account: its problem is the function's problem, shown as one error.
    if (!manyAccounts) return [trendRow(trendOf(rows[0], { ...options, weeklyRent: options.weeklyRent as number | null }))];
    return trendOfAccounts(rows, options).map(trendRow);
  }) as any[][];
}

/**
 * A row of balance cells as amounts. Excel passes number cells as numbers, so a
 * row of finite numbers is already what core reads and is used as it is: copying
 * 17,000 rows of 52 was most of the adapter's cost over the core's.
 */
function amountsOf(row: readonly Cell[]): (number | null)[] {
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (typeof v !== "number" || !Number.isFinite(v)) return row.map(cellToAmount);
  }
  return row as number[];
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
