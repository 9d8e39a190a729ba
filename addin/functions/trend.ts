import { ArrearsInputError } from "../../core/errors";
import { balancesOfCells, ROW_BLANK, ROW_REFUSED, TREND_DIRECTIONS, trendColumnsOfCells, trendOf, type TrendColumns, type TrendRowOutcome } from "../../core/trend/trend";
import { cellToPeriod, gridOf, numberPerAccount, optionalNumber, vectorOf } from "../excel/cells";
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
      const row = balancesOfCells(vectorOf(grid, "balances"), null);
      if (row instanceof ArrearsInputError) throw row;
      return [trendRow(trendOf(row, { ...options, weeklyRent: options.weeklyRent as number | null }))];
    }
    // The grid goes to the core as Excel passed it: the core reads each cell as it fits
    // (one pass over the balances), and a row with an unreadable balance gets its own error.
    return spilledRows(trendColumnsOfCells(grid, options));
  }) as any[][];
}

/** The spilled rows of a batch, straight from its columns: no result object per account. */
function spilledRows(cols: TrendColumns): CellOut[][] {
  const out: CellOut[][] = new Array(cols.rows);
  for (let i = 0; i < cols.rows; i++) {
    const outcome = cols.outcome[i];
    if (outcome === ROW_BLANK) out[i] = blankRow();
    else if (outcome === ROW_REFUSED) out[i] = errorRow(cols.errors.get(i)!);
    else {
      const weeksOwed = cols.weeksOwed[i];
      out[i] = [
        toCell(NAME, cols.slopePerPeriod[i]),
        TREND_DIRECTIONS[cols.direction[i]],
        toCell(NAME, cols.projectedBalance[i]),
        // NaN in the column is "no weekly rent given": a blank cell, as for one account.
        Number.isNaN(weeksOwed) ? "" : toCell(NAME, weeksOwed),
        cols.periodsInArrears[i],
      ];
    }
  }
  return out;
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
