import { z } from "zod";
import { ArrearsInputError, describeValue } from "../errors";
import { round2dp, roundPence } from "../money";
import { parseOrThrow } from "../zodIssues";

/**
 * Arrears trend for one rent account: a least-squares line through its periodic
 * balances (positive = owed by the tenant, negative = in credit), read the way an
 * income officer reads a rent statement: is it getting worse, where will it be,
 * and how many weeks of rent does it already represent.
 */

/** Which way the balance is moving. Worsening means arrears are rising. */
export type TrendDirection = "worsening" | "improving" | "stable";

/** Default band, in £ per period, within which a slope counts as stable. */
export const DEFAULT_STABLE_TOLERANCE = 1;
/** Default projection horizon in periods (4 weekly periods is about a month). */
export const DEFAULT_HORIZON = 4;
/** Longest horizon we will project: ten years of weekly periods. Beyond that a straight line means nothing. */
export const MAX_HORIZON = 520;

/** The columns of a trend result, in the order the add-in spills them and the CLI prints them. */
export const TREND_COLUMNS = ["slope_per_period", "direction", "projected_balance", "weeks_owed", "periods_in_arrears"] as const;

export interface TrendOptions {
  /**
   * The x value of each balance: dates as Excel serials or period numbers, same
   * length as the balances. Omitted: balances are taken as equally spaced periods.
   * A null pairs with its balance being ignored.
   */
  periods?: readonly (number | null)[] | null;
  /** Weekly rent in £; when given, the latest balance is also stated in weeks of rent. */
  weeklyRent?: number | null;
  /** How many periods ahead to project; default {@link DEFAULT_HORIZON}. */
  horizon?: number | null;
  /** Slope (in £ per period) at or below which the account is "stable"; default £1. */
  tolerance?: number | null;
}

export interface TrendResult {
  /** Least-squares slope in £ per period, rounded to the penny. Positive = arrears rising. */
  slopePerPeriod: number;
  direction: TrendDirection;
  /** Balance the line projects `horizon` periods after the latest balance, to the penny. */
  projectedBalance: number;
  /** Latest balance divided by weekly rent (2 dp); null when no weekly rent was given. */
  weeksOwed: number | null;
  /** How many of the balances used were in arrears (owed at least 1p). */
  periodsInArrears: number;
  /** The latest balance used (the one with the largest x). */
  latestBalance: number;
  /** How many balances were used (blanks and unpaired values left out). */
  pointsUsed: number;
  /** Length of one period in x units: the median spacing of the x values (1 when none were given; 7 for weekly dates). */
  periodLength: number;
}

const finiteNumber = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine(Number.isFinite, { message: `${what} must be a finite number` });

/** Options schema: messages are user-facing, the field names are the ones in the function signature. */
export const TrendOptionsSchema = z.object({
  weeklyRent: finiteNumber("weekly rent")
    .refine((v) => v > 0, { message: "weekly rent must be a positive number" })
    .nullish(),
  horizon: finiteNumber("horizon")
    .refine((v) => v >= 0 && v <= MAX_HORIZON, { message: `horizon must be between 0 and ${MAX_HORIZON} periods` })
    .nullish(),
  tolerance: finiteNumber("tolerance").refine((v) => v >= 0, { message: "tolerance must be zero or more" }).nullish(),
  periods: z.array(finiteNumber("each date or period").nullable()).nullish(),
});

/**
 * Fits the arrears trend of one account.
 *
 * @param balances balances in £, oldest first when no periods are given; null for a blank or unreadable cell (ignored, never treated as zero).
 * @param options periods, weekly rent, horizon and stable tolerance; see {@link TrendOptions}.
 * @returns the trend; throws {@link ArrearsInputError} when fewer than two usable balances remain or an option is invalid.
 * @example trendOf([100, 110, 120, 130], { weeklyRent: 100 }) // slope 10, worsening, projected 170, 1.3 weeks owed
 */
export function trendOf(balances: readonly (number | null)[], options: TrendOptions = {}): TrendResult {
  const opts = parseOrThrow(TrendOptionsSchema, options);
  return fitTrend(balances, axisOf(opts.periods ?? null), opts.weeklyRent ?? null, opts.horizon ?? DEFAULT_HORIZON, opts.tolerance ?? DEFAULT_STABLE_TOLERANCE);
}

/** Batch options: the same for every account, except weekly rent, which may differ per account. */
export interface TrendBatchOptions extends Omit<TrendOptions, "weeklyRent"> {
  /** One weekly rent for all accounts, or one per account (null where unknown). */
  weeklyRent?: number | readonly (number | null)[] | null;
  /** Fit each row from this column on (0-based), e.g. the last 13 of 52 weeks; `periods` then covers those columns only. Default 0. */
  fromIndex?: number;
  /** Treat NaN as a blank: a balance history marks a missing snapshot that way. Default false (NaN is an error). */
  nanAsBlank?: boolean;
}

/** One account's outcome in a batch: its trend, its own error, or null when the row had no balances at all. */
export type TrendRowOutcome = TrendResult | ArrearsInputError | null;

/**
 * Fits trends for many accounts at once (one row of balances per account), so a
 * 17,000-account export is one call. Options are validated once; a bad account
 * yields its own error in its slot instead of failing the whole batch.
 *
 * @param rows balances per account, all sharing the same `periods`.
 * @param options shared options; weekly rent may be one figure or one per row.
 * @returns one outcome per row, in order.
 */
export function trendOfAccounts(rows: readonly (readonly (number | null)[])[], options: TrendBatchOptions = {}): TrendRowOutcome[] {
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
  const single = rents ? null : parseOrThrow(TrendOptionsSchema, { weeklyRent: weeklyRent as number | null | undefined }).weeklyRent ?? null;
  const axis = axisOf(opts.periods ?? null);
  return rows.map((row, i) => {
    if (allBlank(row, window)) return null;
    try {
      // The common case (a positive number) is checked by hand: zod per row is most of a 17,000-row batch's time.
      const r = rents ? rents[i] : single;
      const rent = r === null || r === undefined ? null : typeof r === "number" && Number.isFinite(r) && r > 0 ? r : (parseOrThrow(TrendOptionsSchema, { weeklyRent: r }).weeklyRent ?? null);
      return fitTrend(row, axis, rent, horizon, tolerance, window);
    } catch (e) {
      if (e instanceof ArrearsInputError) return new ArrearsInputError(e.field, `account ${i + 1}: ${e.message}`);
      throw e;
    }
  });
}

function allBlank(row: readonly (number | null)[], window: FitWindow): boolean {
  for (let i = window.from; i < row.length; i++) {
    const v = row[i];
    if (v !== null && !(window.nanIsBlank && Number.isNaN(v))) return false;
  }
  return true;
}

/** Which balances a fit reads: from a column on, and whether NaN (a gap in a balance history) counts as blank. */
interface FitWindow {
  from: number;
  nanIsBlank: boolean;
}
const WHOLE_ROW: FitWindow = { from: 0, nanIsBlank: false };

/** The x values shared by every row of a batch, with what can be worked out once for all rows. */
interface PeriodAxis {
  values: readonly (number | null)[];
  /** How many values are not blank: a row using that many points used them all. */
  usable: number;
  /** Period length when every value is used (the usual case), so it is not re-sorted per account. */
  fullSpacing: number;
}

function axisOf(periods: readonly (number | null)[] | null): PeriodAxis | null {
  if (!periods) return null;
  const usable = periods.filter((p): p is number => p !== null);
  return { values: periods, usable: usable.length, fullSpacing: usable.length >= 2 ? medianSpacing(usable) : 1 };
}

// One pass straight over the row, no per-account arrays: at 17,000 accounts the
// garbage from copying each row cost more than the arithmetic.
function fitTrend(
  balances: readonly (number | null)[],
  axis: PeriodAxis | null,
  weeklyRent: number | null,
  horizon: number,
  tolerance: number,
  window: FitWindow = WHOLE_ROW,
): TrendResult {
  const { from, nanIsBlank } = window;
  const periods = axis?.values ?? null;
  if (periods && periods.length !== balances.length - from) {
    throw new ArrearsInputError("periods", `dates or periods must match the balances one for one: ${periods.length} dates for ${balances.length - from} balances`);
  }
  // One pass, with x and y measured from the first point used (shift, base) so the
  // sums stay small and exact enough when x is a date serial around 45,000 and the
  // balance hardly moves from a large figure.
  let n = 0;
  let shift = 0;
  let base = 0;
  let sumX = 0;
  let sumY = 0;
  let sumXX = 0;
  let sumXY = 0;
  let latestX = -Infinity;
  let latest = 0;
  let periodsInArrears = 0;
  for (let i = from; i < balances.length; i++) {
    const y = balances[i];
    if (y === null || (nanIsBlank && Number.isNaN(y))) continue;
    if (typeof y !== "number" || !Number.isFinite(y)) {
      throw new ArrearsInputError("balances", `balance ${i - from + 1} must be a number, got ${describeValue(y)}`);
    }
    const x = periods ? periods[i - from] : i - from + 1;
    if (x === null) continue;
    if (n === 0) {
      shift = x;
      base = y;
    }
    const dx = x - shift;
    const dy = y - base;
    n++;
    sumX += dx;
    sumY += dy;
    sumXX += dx * dx;
    sumXY += dx * dy;
    if (x >= latestX) {
      latestX = x;
      latest = y;
    }
    // In arrears = owes at least 1p once rounded: roundPence(y) > 0, written out because it runs for every balance.
    if (y * 100 >= 0.5 - 1e-9) periodsInArrears++;
  }
  if (n < 2) throw new ArrearsInputError("balances", `needs at least 2 balances to fit a trend, found ${n}`);
  const meanDx = sumX / n;
  const meanDy = sumY / n;
  const sxx = sumXX - n * meanDx * meanDx;
  const sxy = sumXY - n * meanDx * meanDy;
  const meanX = shift + meanDx;
  const meanY = base + meanDy;
  // Identical x values leave sxx at (or, by rounding, a hair off) zero.
  if (!(sxx > 1e-9 * Math.max(1, sumXX))) throw new ArrearsInputError("periods", "dates or periods must not all be the same");

  const slopePerX = sxy / sxx;
  const periodLength = !axis ? 1 : n === axis.usable ? axis.fullSpacing : medianSpacing(usedXs(balances, axis.values, window));
  const slope = slopePerX * periodLength;
  const projectAt = latestX + horizon * periodLength;
  const projected = meanY + slopePerX * (projectAt - meanX);

  return {
    slopePerPeriod: roundPence(slope),
    direction: Math.abs(slope) <= tolerance ? "stable" : slope > 0 ? "worsening" : "improving",
    projectedBalance: roundPence(projected),
    weeksOwed: weeklyRent === null ? null : round2dp(latest / weeklyRent),
    periodsInArrears,
    latestBalance: latest,
    pointsUsed: n,
    periodLength,
  };
}

/** The x values a fit used, when some periods were left out (a blank balance or date). */
function usedXs(balances: readonly (number | null)[], periods: readonly (number | null)[], window: FitWindow): number[] {
  const xs: number[] = [];
  for (let i = window.from; i < balances.length; i++) {
    const y = balances[i];
    const x = periods[i - window.from];
    if (y === null || x === null || (window.nanIsBlank && Number.isNaN(y))) continue;
    xs.push(x);
  }
  return xs;
}

/** Median gap between consecutive distinct x values: 7 for weekly dates, about 30.4 for monthly. */
function medianSpacing(xs: readonly number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const gaps: number[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const gap = sorted[i] - sorted[i - 1];
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 ? gaps[mid] : (gaps[mid - 1] + gaps[mid]) / 2;
}
