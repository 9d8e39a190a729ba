import { ArrearsInputError, describeValue } from "../errors";
import { round2dp, roundPence } from "../money";
import type { TrendResult } from "./options";

/**
 * The least-squares fit behind every trend, for one row of balances: what the batch
 * falls back to for a row with blanks or bad values, and what a single trend uses.
 */

/** Weeks of rent the latest balance comes to: balance ÷ weekly rent, to 2 dp as Excel's ROUND(x, 2) rounds (one rule for every trend path and the spilled adapter). */
export function weeksOwedOf(latestBalance: number, weeklyRent: number): number {
  return round2dp(latestBalance / weeklyRent);
}

export function allBlank(row: readonly (number | null)[], window: FitWindow): boolean {
  for (let i = window.from; i < row.length; i++) {
    const v = row[i];
    if (v !== null && !(window.nanIsBlank && Number.isNaN(v))) return false;
  }
  return true;
}

/** Which balances a fit reads: from a column on, and whether NaN (a gap in a balance history) counts as blank. */
export interface FitWindow {
  from: number;
  nanIsBlank: boolean;
}
export const WHOLE_ROW: FitWindow = { from: 0, nanIsBlank: false };

/** The x values shared by every row of a batch, with what can be worked out once for all rows. */
export interface PeriodAxis {
  values: readonly (number | null)[];
  /** How many values are not blank: a row using that many points used them all. */
  usable: number;
  /** Period length when every value is used (the usual case), so it is not re-sorted per account. */
  fullSpacing: number;
}

export function axisOf(periods: readonly (number | null)[] | null): PeriodAxis | null {
  if (!periods) return null;
  const usable = periods.filter((p): p is number => p !== null);
  return { values: periods, usable: usable.length, fullSpacing: usable.length >= 2 ? medianSpacing(usable) : 1 };
}

// One pass straight over the row, no per-account arrays: at 17,000 accounts the
// garbage from copying each row cost more than the arithmetic.
export function fitTrend(
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
    weeksOwed: weeklyRent === null ? null : weeksOwedOf(latest, weeklyRent),
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
export function medianSpacing(xs: readonly number[]): number {
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
