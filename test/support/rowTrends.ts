import { ArrearsInputError } from "../../core/errors";
import { parseOrThrow } from "../../core/zodIssues";
import { allBlank, axisOf, fitTrend, type FitWindow } from "../../core/trend/fit";
import { DEFAULT_HORIZON, DEFAULT_STABLE_TOLERANCE, TrendOptionsSchema, type TrendBatchOptions, type TrendRowOutcome } from "../../core/trend/options";

/**
 * Trends of many accounts worked row by row through the general fit, one result
 * object per row (the batch as it was before the columnar core), kept as the oracle
 * the columnar batch must equal figure for figure and refusal for refusal.
 */
export function rowTrends(rows: readonly (readonly (number | null)[])[], options: TrendBatchOptions = {}): TrendRowOutcome[] {
  const { weeklyRent, fromIndex = 0, nanAsBlank = false, ...shared } = options;
  const window: FitWindow = { from: fromIndex, nanIsBlank: nanAsBlank };
  const opts = parseOrThrow(TrendOptionsSchema, shared);
  const rents = Array.isArray(weeklyRent) ? weeklyRent : null;
  const single = rents ? null : (parseOrThrow(TrendOptionsSchema, { weeklyRent: weeklyRent as number | null | undefined }).weeklyRent ?? null);
  const axis = axisOf(opts.periods ?? null);
  return rows.map((row, i) => {
    if (allBlank(row, window)) return null;
    try {
      const r = rents ? rents[i] : single;
      const rent = r === null || r === undefined ? null : (parseOrThrow(TrendOptionsSchema, { weeklyRent: r }).weeklyRent ?? null);
      return fitTrend(row, axis, rent, opts.horizon ?? DEFAULT_HORIZON, opts.tolerance ?? DEFAULT_STABLE_TOLERANCE, window);
    } catch (e) {
      if (e instanceof ArrearsInputError) return new ArrearsInputError(e.field, `account ${i + 1}: ${e.message}`);
      throw e;
    }
  });
}
