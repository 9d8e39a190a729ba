import { refIndex } from "../columns/refIndex";
import type { BalanceHistory } from "../export/schema";
import { round2dp } from "../money";
import { ROW_FITTED, TREND_DIRECTIONS, trendColumnsOf, type TrendDirection } from "../trend/trend";
import type { EscalationResult } from "./escalate";

/**
 * Adds each account's recent arrears trend (from the weekly balance history) to its
 * escalation result, so the list shows whether arrears are rising, falling or static,
 * which is how an officer decides between pressing on and giving an arrangement time.
 */

/** Weeks of history the trend is fitted over: a quarter, the protocol's 13-week rent statement. */
export const TREND_WEEKS = 13;

export interface EscalationWithTrend extends EscalationResult {
  /** Direction and £-per-week slope over the last {@link TREND_WEEKS} snapshots; null without enough history. */
  trend: { direction: TrendDirection; slopePerWeek: number; weeks: number } | null;
}

/** Each account's recent trend as columns, one slot per account asked for (see {@link balanceTrendColumns}). */
export interface BalanceTrendColumns {
  /** 1 where the trend was fitted; 0 where the account has no usable history (trend null). */
  fitted: Uint8Array;
  /** Index into {@link TREND_DIRECTIONS}. */
  direction: Uint8Array;
  /** £ a week, 2 dp for dated snapshots (as {@link withBalanceTrend} shows it). */
  slopePerWeek: Float64Array;
  /** Snapshots the fit used. */
  weeks: Float64Array;
}

/**
 * The trend {@link withBalanceTrend} gives each account, as columns with no object or
 * text per account: for callers (the worklist) that only read the figures.
 * @param accounts the account references, one slot each, in order.
 * @param history weekly balances (wide).
 */
export function balanceTrendColumns(accounts: readonly string[], history: BalanceHistory): BalanceTrendColumns {
  const n = accounts.length;
  const out: BalanceTrendColumns = { fitted: new Uint8Array(n), direction: new Uint8Array(n), slopePerWeek: new Float64Array(n), weeks: new Float64Array(n) };
  const from = Math.max(0, history.dates.length - TREND_WEEKS);
  const dates = history.dates.slice(from);
  if (dates.length < 2) return out;
  const rowsByAccount = refIndex(history.accounts);
  const noHistory: null[] = history.dates.map(() => null);
  // The history's own rows, not copies: the fit reads the last weeks in place and takes NaN as a missing snapshot.
  const rows = accounts.map((ref) => {
    const i = rowsByAccount.rowOf(ref);
    return i < 0 ? noHistory : history.balances[i];
  });
  const trends = trendColumnsOf(rows, { periods: dates, fromIndex: from, nanAsBlank: true });
  for (let i = 0; i < n; i++) {
    if (trends.outcome[i] !== ROW_FITTED) continue;
    const slopePerPeriod = trends.slopePerPeriod[i];
    const periodLength = trends.periodLength[i];
    out.fitted[i] = 1;
    out.direction[i] = trends.direction[i];
    // Dated snapshots: a period is their spacing in days, so scale to 7 days. Numbered
    // snapshots (week 1, 2, 3 …) are a week apart already: scaling them as days made trends 7 times too steep.
    out.slopePerWeek[i] = history.axis === "periods" ? slopePerPeriod : periodLength > 0 ? round2dp((slopePerPeriod * 7) / periodLength) : slopePerPeriod;
    out.weeks[i] = trends.pointsUsed[i];
  }
  return out;
}

/**
 * Annotates escalation results with the arrears trend over the last 13 weekly balances.
 * Accounts missing from the history, or with fewer than two snapshots, get trend null.
 * @param results escalation results, as {@link escalationsOf} gives them.
 * @param history weekly balances (wide), e.g. from {@link readBalanceHistory}.
 */
export function withBalanceTrend(results: readonly EscalationResult[], history: BalanceHistory): EscalationWithTrend[] {
  const t = balanceTrendColumns(
    results.map((r) => r.account),
    history,
  );
  // Built as literals, not `{ ...r, … }`: spreading 17,000 results was most of this function's time.
  const annotated = (r: EscalationResult, reason: string, trend: EscalationWithTrend["trend"]): EscalationWithTrend => ({
    account: r.account,
    officer: r.officer,
    balance: r.balance,
    weeksOwed: r.weeksOwed,
    stage: r.stage,
    stageLabel: r.stageLabel,
    lastStage: r.lastStage,
    dueToEscalate: r.dueToEscalate,
    heldBy: r.heldBy,
    reason,
    nextAction: r.nextAction,
    steps: r.steps,
    trend,
  });
  return results.map((r, i) => {
    if (!t.fitted[i]) return annotated(r, r.reason, null);
    const direction = TREND_DIRECTIONS[t.direction[i]];
    const perWeek = t.slopePerWeek[i];
    const weeks = t.weeks[i];
    const words = direction === "stable" ? "static" : `${direction} by £${Math.abs(perWeek).toFixed(2)} a week`;
    const reason = r.balance > 0 ? `${r.reason}; arrears ${words} over the last ${weeks} weeks` : r.reason;
    return annotated(r, reason, { direction, slopePerWeek: perWeek, weeks });
  });
}
