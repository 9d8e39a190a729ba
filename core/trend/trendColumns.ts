import { ArrearsInputError, describeValue } from "../errors";
import { roundPence } from "../money";
import { MAX_LINE_AMOUNT } from "../values/amount";
import { parseOrThrow } from "../zodIssues";
import { balancesOfCells } from "./balanceCells";
import { allBlank, axisOf, fitTrend, weeksOwedOf, type FitWindow, type PeriodAxis } from "./fit";
import { DEFAULT_HORIZON, DEFAULT_STABLE_TOLERANCE, TrendOptionsSchema, type TrendBatchOptions, type TrendDirection, type TrendResult, type TrendRowOutcome } from "./options";

/**
 * Trends of many accounts written into columns (one typed array per figure, one
 * slot per account) instead of one result object per account. A row whose balances
 * are all numbers (the usual case) is fitted in one pass that adds up only the
 * balances: the sums over the shared x axis (the dates) are worked out once per
 * batch. Rows with blanks or bad values take the general fit, so every figure and
 * every refusal is the one {@link trendOf} gives for that row.
 */

/** What happened to a row: fitted, no balances at all (outcome null), or refused (its error in `errors`). */
export const ROW_FITTED = 0;
export const ROW_BLANK = 1;
export const ROW_REFUSED = 2;

/** Directions by code, as `direction` holds them. */
export const TREND_DIRECTIONS: readonly TrendDirection[] = ["stable", "worsening", "improving"];
const DIRECTION_CODE: Record<TrendDirection, number> = { stable: 0, worsening: 1, improving: 2 };

/** One batch's trends as columns; slot i is row i. Figures of rows not fitted are 0 (NaN for weeks owed). */
export interface TrendColumns {
  rows: number;
  /** ROW_FITTED, ROW_BLANK or ROW_REFUSED. */
  outcome: Uint8Array;
  /** Each refused row's error, naming the account's position. */
  errors: Map<number, ArrearsInputError>;
  slopePerPeriod: Float64Array;
  /** Index into {@link TREND_DIRECTIONS}. */
  direction: Uint8Array;
  projectedBalance: Float64Array;
  /** NaN where no weekly rent was given (null in a {@link TrendResult}). */
  weeksOwed: Float64Array;
  periodsInArrears: Float64Array;
  latestBalance: Float64Array;
  pointsUsed: Float64Array;
  periodLength: Float64Array;
}

/** Columns for `count` rows, every figure 0 and every outcome ROW_FITTED until a fit writes them. */
export function emptyTrendColumns(count: number): TrendColumns {
  return {
    rows: count,
    outcome: new Uint8Array(count),
    errors: new Map(),
    slopePerPeriod: new Float64Array(count),
    direction: new Uint8Array(count),
    projectedBalance: new Float64Array(count),
    weeksOwed: new Float64Array(count),
    periodsInArrears: new Float64Array(count),
    latestBalance: new Float64Array(count),
    pointsUsed: new Float64Array(count),
    periodLength: new Float64Array(count),
  };
}

/**
 * What every fully-filled row of one length shares: each x measured from the first
 * (as the general fit measures it), their sums, and where the latest x is.
 */
export interface SharedAxis {
  dx: Float64Array;
  sumX: number;
  meanDx: number;
  sxx: number;
  meanX: number;
  latestX: number;
  latestAt: number;
  periodLength: number;
}

/** Slope per period of a row fitted on a shared axis from its sums (y less the row's first balance): the general fit's own arithmetic (fit.ts), term for term. */
export function sharedSlope(sh: SharedAxis, m: number, sumY: number, sumXY: number): number {
  const meanDy = sumY / m;
  return ((sumXY - m * sh.meanDx * meanDy) / sh.sxx) * sh.periodLength;
}

/**
 * Writes into slot i a row fitted on a shared axis in one pass, from its sums (y less
 * `base`, the row's first balance): the general fit's closing arithmetic, term for term,
 * so the batch paths give the single fit's figures. `rent` null: no weekly rent.
 */
export function writeSharedFit(out: TrendColumns, i: number, sh: SharedAxis, m: number, base: number, sumY: number, sumXY: number, inArrears: number, latest: number, rent: number | null, horizon: number, tolerance: number): void {
  const meanDy = sumY / m;
  const sxy = sumXY - m * sh.meanDx * meanDy;
  const meanY = base + meanDy;
  const slopePerX = sxy / sh.sxx;
  const slope = slopePerX * sh.periodLength;
  const projectAt = sh.latestX + horizon * sh.periodLength;
  const projected = meanY + slopePerX * (projectAt - sh.meanX);
  out.outcome[i] = ROW_FITTED;
  out.slopePerPeriod[i] = roundPence(slope);
  out.direction[i] = Math.abs(slope) <= tolerance ? 0 : slope > 0 ? 1 : 2;
  out.projectedBalance[i] = roundPence(projected);
  out.weeksOwed[i] = rent === null ? Number.NaN : weeksOwedOf(latest, rent);
  out.periodsInArrears[i] = inArrears;
  out.latestBalance[i] = latest;
  out.pointsUsed[i] = m;
  out.periodLength[i] = sh.periodLength;
}

/** Writes the general fit's result into slot i (weeks owed NaN when there is no weekly rent). */
export function writeTrendResult(out: TrendColumns, i: number, t: TrendResult): void {
  out.outcome[i] = ROW_FITTED;
  out.slopePerPeriod[i] = t.slopePerPeriod;
  out.direction[i] = DIRECTION_CODE[t.direction];
  out.projectedBalance[i] = t.projectedBalance;
  out.weeksOwed[i] = t.weeksOwed === null ? Number.NaN : t.weeksOwed;
  out.periodsInArrears[i] = t.periodsInArrears;
  out.latestBalance[i] = t.latestBalance;
  out.pointsUsed[i] = t.pointsUsed;
  out.periodLength[i] = t.periodLength;
}

/** The shared sums for rows of `m` balances on this axis, or null when the general fit must judge (too few points, or every x the same). */
export function sharedAxis(m: number, axis: PeriodAxis | null): SharedAxis | null {
  if (m < 2) return null;
  const values = axis?.values;
  if (values && (values.length !== m || axis!.usable !== m)) return null;
  const xAt = (k: number) => (values ? (values[k] as number) : k + 1);
  const shift = xAt(0);
  const dx = new Float64Array(m);
  // The same additions, in the same order, as the general fit makes for a row with no blanks: so the figures are the same to the last bit.
  let sumX = 0;
  let sumXX = 0;
  let latestX = -Infinity;
  let latestAt = 0;
  for (let k = 0; k < m; k++) {
    const x = xAt(k);
    const d = x - shift;
    dx[k] = d;
    sumX += d;
    sumXX += d * d;
    if (x >= latestX) {
      latestX = x;
      latestAt = k;
    }
  }
  const meanDx = sumX / m;
  const sxx = sumXX - m * meanDx * meanDx;
  if (!(sxx > 1e-9 * Math.max(1, sumXX))) return null;
  return { dx, sumX, meanDx, sxx, meanX: shift + meanDx, latestX, latestAt, periodLength: axis ? axis.fullSpacing : 1 };
}

/**
 * Fits every row's trend into columns. Same options, checks and refusals as
 * {@link trendOfAccounts}; a bad row is refused in its own slot.
 * @param rows balances per account, all sharing the same `periods`.
 * @param options shared options; weekly rent may be one figure or one per row.
 * @throws ArrearsInputError when a shared option is invalid.
 */
export function trendColumnsOf(rows: readonly (readonly (number | null)[])[], options: TrendBatchOptions = {}): TrendColumns {
  return fitColumns(rows, options, false);
}

/** Options for {@link trendColumnsOfCells}: cells are read whole, so no column offset, and NaN is refused as any non-amount is. */
export type TrendCellBatchOptions = Omit<TrendBatchOptions, "fromIndex" | "nanAsBlank">;

/**
 * Fits every row of a spreadsheet's 2-D grid of balance cells (of unknown type, as
 * Excel passes a range) into columns, reading each cell strictly as it goes, so the
 * caller makes no pass of its own over the grid. A row of plain numbers within the
 * amount cap is fitted in the batch's one pass, as it is; any other row is read by
 * {@link balancesOfCells} (blanks left out, amount text read, numbers rounded to the
 * penny) and then fitted, or refused in its own slot with the line naming its first
 * unreadable cell ("balances row R, column C: …", R and C 1-based). Fit refusals
 * read "account R: …", as from {@link trendColumnsOf}.
 * @param grid balance cells, one row per account, all sharing the same `periods`.
 * @param options shared options; weekly rent may be one figure or one per row.
 * @throws ArrearsInputError when a shared option is invalid.
 */
export function trendColumnsOfCells(grid: readonly (readonly unknown[])[], options: TrendCellBatchOptions = {}): TrendColumns {
  const { weeklyRent, periods, horizon, tolerance } = options;
  return fitColumns(grid, { weeklyRent, periods, horizon, tolerance }, true);
}

/** The batch fit behind both entry points; `cells` says the rows are unread cells (see {@link trendColumnsOfCells}). */
function fitColumns(rows: readonly (readonly unknown[])[], options: TrendBatchOptions, cells: boolean): TrendColumns {
  const { weeklyRent, fromIndex = 0, nanAsBlank = false, ...shared } = options;
  if (!Number.isInteger(fromIndex) || fromIndex < 0) throw new ArrearsInputError("fromIndex", `fromIndex must be a whole number of columns, zero or more, got ${describeValue(fromIndex)}`);
  const window: FitWindow = { from: fromIndex, nanIsBlank: nanAsBlank };
  const opts = parseOrThrow(TrendOptionsSchema, shared);
  const horizon = opts.horizon ?? DEFAULT_HORIZON;
  const tolerance = opts.tolerance ?? DEFAULT_STABLE_TOLERANCE;
  const rents = Array.isArray(weeklyRent) ? weeklyRent : null;
  if (rents && rents.length !== rows.length) {
    throw new ArrearsInputError("weeklyRent", `weekly rent must be one figure or one per account: got ${rents.length} for ${rows.length} accounts`);
  }
  const single = rents ? null : (parseOrThrow(TrendOptionsSchema, { weeklyRent: weeklyRent as number | null | undefined }).weeklyRent ?? null);
  const axis = axisOf(opts.periods ?? null);

  const count = rows.length;
  const out = emptyTrendColumns(count);
  // Rows usually share one length; the shared sums are worked out once per length met, and the last one is kept at hand.
  const sharedByLength = new Map<number, SharedAxis | null>();
  let lastLength = -1;
  let lastShared: SharedAxis | null = null;
  const refuse = (i: number, e: unknown) => {
    if (!(e instanceof ArrearsInputError)) throw e;
    out.outcome[i] = ROW_REFUSED;
    out.errors.set(i, new ArrearsInputError(e.field, `account ${i + 1}: ${e.message}`));
  };

  // What the one pass takes as is: a finite number, and from cells only one within the amount cap (anything else is read cell by cell first).
  const max = cells ? MAX_LINE_AMOUNT : Number.MAX_VALUE;
  for (let i = 0; i < count; i++) {
    let row = rows[i] as readonly (number | null)[];
    const m = row.length - fromIndex;
    if (m !== lastLength) {
      let found = sharedByLength.get(m);
      if (found === undefined) sharedByLength.set(m, (found = sharedAxis(m, axis)));
      lastLength = m;
      lastShared = found;
    }
    const s = lastShared;

    // One pass over the balances alone; any blank or non-number sends the row to the general fit.
    let filled = s !== null;
    let sumY = 0;
    let sumXY = 0;
    let inArrears = 0;
    const base = filled ? row[fromIndex] : 0;
    if (filled) {
      const dx = s!.dx;
      for (let k = 0; k < m; k++) {
        const y = row[fromIndex + k];
        if (typeof y !== "number" || !(y <= max && y >= -max)) {
          filled = false;
          break;
        }
        const dy = y - (base as number);
        sumY += dy;
        sumXY += dx[k] * dy;
        // In arrears = owes at least 1p once rounded, written out as the general fit has it; added as 0 or 1, not
        // branched on (balances either side of zero defeat the branch predictor).
        inArrears += +(y * 100 >= 0.5 - 1e-9);
      }
    }
    if (!filled && cells) {
      const read = balancesOfCells(row, i + 1);
      if (read instanceof ArrearsInputError) {
        out.outcome[i] = ROW_REFUSED;
        out.errors.set(i, read);
        continue;
      }
      row = read;
    }
    if (!filled && allBlank(row, window)) {
      out.outcome[i] = ROW_BLANK;
      out.weeksOwed[i] = Number.NaN;
      continue;
    }
    let rent: number | null;
    try {
      // The common case (a positive number) is checked by hand: zod per row is most of a 17,000-row batch's time.
      const r = rents ? rents[i] : single;
      rent = r === null || r === undefined ? null : typeof r === "number" && Number.isFinite(r) && r > 0 ? r : (parseOrThrow(TrendOptionsSchema, { weeklyRent: r }).weeklyRent ?? null);
      if (!filled) {
        writeTrendResult(out, i, fitTrend(row, axis, rent, horizon, tolerance, window));
        continue;
      }
    } catch (e) {
      refuse(i, e);
      continue;
    }
    // With the x sums from the batch.
    writeSharedFit(out, i, s!, m, base as number, sumY, sumXY, inArrears, row[fromIndex + s!.latestAt] as number, rent, horizon, tolerance);
  }
  return out;
}

/** Row i of a batch as {@link trendOfAccounts} gives it: its trend, its error, or null. */
export function trendRowOf(cols: TrendColumns, i: number): TrendRowOutcome {
  const outcome = cols.outcome[i];
  if (outcome === ROW_BLANK) return null;
  if (outcome === ROW_REFUSED) return cols.errors.get(i)!;
  const weeksOwed = cols.weeksOwed[i];
  return {
    slopePerPeriod: cols.slopePerPeriod[i],
    direction: TREND_DIRECTIONS[cols.direction[i]],
    projectedBalance: cols.projectedBalance[i],
    weeksOwed: Number.isNaN(weeksOwed) ? null : weeksOwed,
    periodsInArrears: cols.periodsInArrears[i],
    latestBalance: cols.latestBalance[i],
    pointsUsed: cols.pointsUsed[i],
    periodLength: cols.periodLength[i],
  };
}
