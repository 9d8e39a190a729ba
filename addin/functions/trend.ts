import { ArrearsInputError } from "../../core/errors";
import { balancesOfCells, ROW_BLANK, ROW_FITTED, TREND_DIRECTIONS, trendColumnsOfCells, trendOf, type TrendColumns, type TrendRowOutcome } from "../../core/trend/trend";
import { cellToPeriod, gridOf, numberPerAccount, optionalNumber, vectorOf } from "../excel/cells";
import { checkedResult, excelError, runCustomFunction, toCell, type CellOut } from "../excel/results";

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
      const row = balancesOfCells(vectorOf(grid, "balances"), null);
      if (row instanceof ArrearsInputError) throw row;
      return [trendRow(trendOf(row, { ...options, weeklyRent: options.weeklyRent as number | null }))];
    }
    // The grid goes to the core as Excel passed it: the core reads each cell as it fits
    // (one pass over the balances), and a row with an unreadable balance gets its own error.
    return spilledRows(trendColumnsOfCells(grid, options));
  }) as any[][];
}

/**
 * The spilled rows of a batch, straight from its columns: no result object per account, and one
 * literal array per row. Every figure is checked for finiteness here, as it is written (a non-finite
 * one goes through toCell and becomes that cell's error), so the block is returned marked as checked
 * and not read again; direction is a code.
 */
function spilledRows(cols: TrendColumns): CellOut[][] {
  // Locals: in the bundle every imported binding is read through a getter, and these are read for every row.
  const fitted = ROW_FITTED;
  const blank = ROW_BLANK;
  const directions = TREND_DIRECTIONS;
  const { rows, outcome, slopePerPeriod, direction, projectedBalance, weeksOwed, periodsInArrears } = cols;
  const out: CellOut[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const o = outcome[i];
    if (o !== fitted) {
      out[i] = o === blank ? blankRow() : errorRow(cols.errors.get(i)!);
      continue;
    }
    const slope = slopePerPeriod[i];
    const projected = projectedBalance[i];
    const weeks = weeksOwed[i];
    const inArrears = periodsInArrears[i];
    // NaN in weeks owed is "no weekly rent given": a blank cell, as for one account.
    const weeksCell = weeks !== weeks ? "" : weeks - weeks === 0 ? weeks : toCell(NAME, weeks);
    out[i] =
      slope - slope === 0 && projected - projected === 0 && inArrears - inArrears === 0
        ? [slope, directions[direction[i]], projected, weeksCell, inArrears]
        : [toCell(NAME, slope), directions[direction[i]], toCell(NAME, projected), weeksCell, toCell(NAME, inArrears)];
  }
  // Every cell above is a finite number, text or an error cell: runCustomFunction need not read the 17,000 rows again.
  return checkedResult(out);
}

const blankRow = (): CellOut[] => ["", "", "", "", ""];
const errorRow = (e: ArrearsInputError): CellOut[] => Array(5).fill(excelError(NAME, e.message));

/** One spilled row: the result's five columns, five blanks for an empty account, or the account's error in every column. */
function trendRow(outcome: TrendRowOutcome): CellOut[] {
  if (outcome === null) return blankRow();
  if (outcome instanceof ArrearsInputError) return errorRow(outcome);
  return [
    toCell(NAME, outcome.slopePerPeriod),
    outcome.direction,
    toCell(NAME, outcome.projectedBalance),
    toCell(NAME, outcome.weeksOwed),
    outcome.periodsInArrears,
  ];
}
