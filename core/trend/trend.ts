import { parseOrThrow } from "../zodIssues";
import { axisOf, fitTrend, weeksOwedOf } from "./fit";
export { weeksOwedOf };
import { DEFAULT_HORIZON, DEFAULT_STABLE_TOLERANCE, TrendOptionsSchema, type TrendBatchOptions, type TrendOptions, type TrendResult, type TrendRowOutcome } from "./options";
import { trendColumnsOf, trendRowOf } from "./trendColumns";

export * from "./balanceCells";
export * from "./options";
export * from "./trendColumns";

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

/**
 * Fits trends for many accounts at once (one row of balances per account), so a
 * 17,000-account export is one call. Options are validated once; a bad account
 * yields its own error in its slot instead of failing the whole batch.
 *
 * @param rows balances per account, all sharing the same `periods`.
 * @param options shared options; weekly rent may be one figure or one per row.
 * @returns one outcome per row, in order (built from {@link trendColumnsOf}, which callers that want columns use directly).
 */
export function trendOfAccounts(rows: readonly (readonly (number | null)[])[], options: TrendBatchOptions = {}): TrendRowOutcome[] {
  const cols = trendColumnsOf(rows, options);
  const out = new Array<TrendRowOutcome>(cols.rows);
  for (let i = 0; i < cols.rows; i++) out[i] = trendRowOf(cols, i);
  return out;
}
export * from "./historyTrend";
