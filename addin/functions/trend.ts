import { ArrearsInputError } from "../../core/errors";
import { balancesOfCells, ROW_BLANK, ROW_FITTED, TREND_DIRECTIONS, trendColumnsOfCells, trendOf, weeksOwedOf, type TrendColumns, type TrendRowOutcome } from "../../core/trend/trend";
import { cellToPeriod, gridOf, isBlank, numberPerAccount, optionalNumber, vectorOf, type Grid } from "../excel/cells";
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
    const rentColumn = manyAccounts ? plainRentColumn(weeklyRent, grid.length) : null;
    const options = {
      periods: periodCells.length ? periodCells.map((c, i) => cellToPeriod(c, "periods", i + 1)) : null,
      // A plain column of rents is read where each row is written (spilledRows), not copied into a list for the core.
      weeklyRent: rentColumn !== null ? null : numberPerAccount(weeklyRent ?? null, manyAccounts ? grid.length : 1, "weekly rent"),
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
    return spilledRows(trendColumnsOfCells(grid, options), rentColumn);
  }) as any[][];
}

/**
 * The weekly-rent argument when it is a column of one cell per account holding only rents
 * the core takes as they are (finite numbers above zero) and blanks; otherwise null, and the
 * rents go to the core through numberPerAccount, which refuses what needs refusing.
 * Such a column is only checked here: the rents are read again where each row is written,
 * and weeks owed worked out there as the core works it out. Copying 17,000 rents into a list
 * for the core cost about 1 ms a call: an array that long is a large object for V8,
 * allocated in fresh pages each time.
 */
function plainRentColumn(range: unknown, accounts: number): Grid | null {
  if (!Array.isArray(range) || range.length !== accounts) return null;
  for (let r = 0; r < accounts; r++) {
    const row: unknown = range[r];
    if (!Array.isArray(row) || row.length !== 1) return null;
    const c: unknown = row[0];
    if (typeof c === "number" ? !(c > 0 && c - c === 0) : !isBlank(c)) return null;
  }
  return range as Grid;
}

/**
 * The spilled rows of a batch, straight from its columns: no result object per account, and one
 * literal array per row. Every figure is checked for finiteness here, as it is written (a non-finite
 * one goes through toCell and becomes that cell's error), so the block is returned marked as checked
 * and not read again; direction is a code.
 */
function spilledRows(cols: TrendColumns, rentColumn: Grid | null): CellOut[][] {
  // Locals: in the bundle every imported binding is read through a getter, and these are read for every row.
  const fitted = ROW_FITTED;
  const blank = ROW_BLANK;
  const directions = TREND_DIRECTIONS;
  const toWeeks = weeksOwedOf;
  const { rows, outcome, slopePerPeriod, direction, projectedBalance, weeksOwed, periodsInArrears, latestBalance } = cols;
  const out: CellOut[][] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const o = outcome[i];
    if (o !== fitted) {
      out[i] = o === blank ? blankRow() : errorRow(cols.errors.get(i)!);
      continue;
    }
    const slope = slopePerPeriod[i];
    const projected = projectedBalance[i];
    let weeks = weeksOwed[i];
    if (rentColumn !== null) {
      // The core was given no rents (see plainRentColumn): weeks owed by the core's own rule.
      const rent = rentColumn[i][0];
      weeks = typeof rent === "number" ? toWeeks(latestBalance[i], rent) : Number.NaN;
    }
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
