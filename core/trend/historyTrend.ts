import type { HistoryColumns } from "../columns/historyColumns";
import { ArrearsInputError, describeValue } from "../errors";
import { parseOrThrow } from "../zodIssues";
import { allBlank, axisOf, fitTrend, type FitWindow, type PeriodAxis } from "./fit";
import { DEFAULT_HORIZON, DEFAULT_STABLE_TOLERANCE, TrendOptionsSchema } from "./options";
import { emptyTrendColumns, ROW_BLANK, ROW_REFUSED, sharedAxis, writeSharedFit, writeTrendResult, type SharedAxis, type TrendColumns } from "./trendColumns";

/**
 * Trends read straight from a balance history held as a matrix ({@link historyColumnsOf}):
 * one pass per row over its numbers in place, the sums over the shared dates worked out
 * once. A row with a gap (NaN), a value that is not a finite number, or a row the matrix
 * could not hold takes the general fit, so every figure and every refusal is the one
 * {@link trendColumnsOf} gives for the same row with `nanAsBlank` (a missing snapshot is
 * left out, never read as £0).
 */

export interface HistoryTrendOptions {
  /** Weekly rent in £: one figure for every account, or one per account row of the matrix (null where unknown). */
  weeklyRent?: number | null | readonly (number | null)[] | Float64Array;
  /** How many periods ahead to project; default {@link DEFAULT_HORIZON}. */
  horizon?: number | null;
  /** Slope (£ per period) at or below which an account is stable; default £1. */
  tolerance?: number | null;
  /** Fit from this snapshot on (0-based), e.g. the last 13 of 52 weeks. Default 0. */
  fromWeek?: number;
  /** Fit only these account rows, in this order (slot j of the result is row `rows[j]`); default every row. */
  rows?: Int32Array | readonly number[];
  /**
   * Columns to write the results into instead of new ones: an earlier result with one slot per row fitted, whose
   * every slot and error is rewritten (it is what the call returns). For a caller fitting the same accounts again
   * and again (a sheet recalculating), so a million accounts' 67 MB of result columns are not made anew each time.
   * A call that throws (a row asked for that is not in the matrix) may leave them part-written.
   */
  into?: TrendColumns;
}

/** What every row of one fit over the matrix shares: the options as read, the dates fitted, and their sums for rows with no gap. */
export interface HistoryFit {
  horizon: number;
  tolerance: number;
  axis: PeriodAxis | null;
  window: FitWindow;
  /** Snapshots fitted per row. */
  m: number;
  /** The x sums shared by every row with no gap in the weeks fitted; null when the general fit must judge every row. */
  shared: SharedAxis | null;
}

/**
 * Reads the options shared by one fit over the matrix from `fromWeek` on, as {@link trendColumnsOfHistory} reads them.
 * @throws ArrearsInputError when fromWeek, the horizon, the tolerance or the dates are not usable.
 */
export function historyFitOf(history: HistoryColumns, fromWeek: number, horizon?: number | null, tolerance?: number | null): HistoryFit {
  const weeks = history.weeks;
  if (!Number.isInteger(fromWeek) || fromWeek < 0 || fromWeek > weeks) {
    throw new ArrearsInputError("fromWeek", `fromWeek must be a whole number of snapshots from 0 to ${weeks}, got ${describeValue(fromWeek)}`);
  }
  const opts = parseOrThrow(TrendOptionsSchema, { horizon, tolerance, periods: history.dates.slice(fromWeek) });
  const axis = axisOf(opts.periods ?? null);
  const m = weeks - fromWeek;
  return {
    horizon: opts.horizon ?? DEFAULT_HORIZON,
    tolerance: opts.tolerance ?? DEFAULT_STABLE_TOLERANCE,
    axis,
    window: { from: fromWeek, nanIsBlank: true },
    m,
    shared: sharedAxis(m, axis),
  };
}

/**
 * Fits the trend of every account row (or of the rows asked for) into columns.
 * Slot j is the same as slot j of `trendColumnsOf(rowsOf(history), { periods:
 * dates from fromWeek, fromIndex: fromWeek, nanAsBlank: true, weeklyRent, horizon,
 * tolerance })`, figure for figure, refusals included ("account j+1: …").
 * @param history the history matrix.
 * @param options weekly rent, horizon, tolerance, the first week fitted, the rows fitted.
 * @throws ArrearsInputError when a shared option is invalid.
 */
export function trendColumnsOfHistory(history: HistoryColumns, options: HistoryTrendOptions = {}): TrendColumns {
  const { weeklyRent, fromWeek = 0, rows: only, horizon: h, tolerance: tol, into } = options;
  const weeks = history.weeks;
  const { horizon, tolerance, axis, window, m, shared: s } = historyFitOf(history, fromWeek, h, tol);
  const rents = typeof weeklyRent === "object" && weeklyRent !== null ? weeklyRent : null;
  if (rents && rents.length !== history.rows) {
    throw new ArrearsInputError("weeklyRent", `weekly rent must be one figure or one per account: got ${rents.length} for ${history.rows} accounts`);
  }
  const single = rents ? null : (parseOrThrow(TrendOptionsSchema, { weeklyRent: weeklyRent as number | null | undefined }).weeklyRent ?? null);

  const count = only ? only.length : history.rows;
  if (into && into.rows !== count) throw new ArrearsInputError("into", `the columns to write into have ${into.rows} slots, not the ${count} fitted`);
  const out = into ?? emptyTrendColumns(count);
  if (into) into.errors.clear();
  const bal = history.balances;
  const irregular = history.irregular;
  const finite = history.finite;
  const dx = s ? s.dx : null;

  for (let j = 0; j < count; j++) {
    const r = only ? only[j] : j;
    if (!(r >= 0 && r < history.rows) || (r | 0) !== r) throw new ArrearsInputError("rows", `row ${describeValue(r)} is not an account row of the history (0 to ${history.rows - 1})`);
    const at = r * weeks + fromWeek;
    const odd = irregular.size > 0 ? irregular.get(r) : undefined;

    // One pass over the balances in place; any gap or non-finite value sends the row to the general fit.
    let filled = dx !== null && odd === undefined;
    let sumY = 0;
    let sumXY = 0;
    let inArrears = 0;
    const base = bal[at];
    if (filled && finite[r] === 1) {
      // Every balance is a finite number (known from the import): the same sums, without a check per balance.
      for (let k = 0; k < m; k++) {
        const y = bal[at + k];
        const dy = y - base;
        sumY += dy;
        sumXY += dx![k] * dy;
        // In arrears = owes at least 1p once rounded, as the general fit counts it; added as 0 or 1, not branched on:
        // balances either side of zero defeat the branch predictor, which cost more than the rest of the loop.
        inArrears += +(y * 100 >= 0.5 - 1e-9);
      }
    } else if (filled) {
      for (let k = 0; k < m; k++) {
        const y = bal[at + k];
        if (!(y <= Number.MAX_VALUE && y >= -Number.MAX_VALUE)) {
          filled = false;
          break;
        }
        const dy = y - base;
        sumY += dy;
        sumXY += dx![k] * dy;
        inArrears += +(y * 100 >= 0.5 - 1e-9);
      }
    }
    // The general fit reads the row as the row paths hold it: the history's own row when the matrix could not hold it.
    const row = filled ? null : ((odd ?? Array.from(bal.subarray(r * weeks, (r + 1) * weeks))) as readonly (number | null)[]);
    if (row !== null && allBlank(row, window)) {
      unfitted(out, j, ROW_BLANK);
      continue;
    }
    // The rent as a plain number, NaN for none: a number-or-null would be boxed once per row, and at a million rows
    // that garbage alone set off a collection every few thousand rows.
    let rent: number;
    try {
      // The common case (a positive finite number) is checked by hand; anything else is judged by the options schema, as the batch judges it.
      const v = rents ? rents[r] : single;
      if (typeof v === "number" && v > 0 && v <= Number.MAX_VALUE) rent = v;
      else if (v === null || v === undefined) rent = Number.NaN;
      else rent = parseOrThrow(TrendOptionsSchema, { weeklyRent: v }).weeklyRent ?? Number.NaN;
      if (row !== null) {
        writeTrendResult(out, j, fitTrend(row, axis, Number.isNaN(rent) ? null : rent, horizon, tolerance, window));
        continue;
      }
    } catch (e) {
      if (!(e instanceof ArrearsInputError)) throw e;
      unfitted(out, j, ROW_REFUSED);
      out.errors.set(j, new ArrearsInputError(e.field, `account ${j + 1}: ${e.message}`));
      continue;
    }
    // With the x sums worked out once.
    writeSharedFit(out, j, s!, m, base, sumY, sumXY, inArrears, bal[at + s!.latestAt], Number.isNaN(rent) ? null : rent, horizon, tolerance);
  }
  return out;
}

/** A slot with no fit: its outcome, every figure 0 and weeks owed NaN, as new columns hold them (written out, as `into` may hold an earlier fit). */
function unfitted(out: TrendColumns, j: number, outcome: number): void {
  out.outcome[j] = outcome;
  out.slopePerPeriod[j] = 0;
  out.direction[j] = 0;
  out.projectedBalance[j] = 0;
  out.weeksOwed[j] = Number.NaN;
  out.periodsInArrears[j] = 0;
  out.latestBalance[j] = 0;
  out.pointsUsed[j] = 0;
  out.periodLength[j] = 0;
}
