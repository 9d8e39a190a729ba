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

/**
 * Annotates escalation results with the arrears trend over the last 13 weekly balances.
 * Accounts missing from the history, or with fewer than two snapshots, get trend null.
 * @param results escalation results, as {@link escalationsOf} gives them.
 * @param history weekly balances (wide), e.g. from {@link readBalanceHistory}.
 */
export function withBalanceTrend(results: readonly EscalationResult[], history: BalanceHistory): EscalationWithTrend[] {
  const from = Math.max(0, history.dates.length - TREND_WEEKS);
  const dates = history.dates.slice(from);
  const rowsByAccount = refIndex(history.accounts);
  const noHistory: null[] = history.dates.map(() => null);
  // The history's own rows, not copies: the fit reads the last weeks in place and takes NaN as a missing snapshot.
  const rows = results.map((r) => {
    const i = rowsByAccount.rowOf(r.account);
    return i < 0 ? noHistory : history.balances[i];
  });
  // Fitted into columns: read below by slot, with no trend object per account.
  const trends = dates.length >= 2 ? trendColumnsOf(rows, { periods: dates, fromIndex: from, nanAsBlank: true }) : null;
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
    if (trends === null || trends.outcome[i] !== ROW_FITTED) return annotated(r, r.reason, null);
    const slopePerPeriod = trends.slopePerPeriod[i];
    const periodLength = trends.periodLength[i];
    const direction = TREND_DIRECTIONS[trends.direction[i]];
    const weeks = trends.pointsUsed[i];
    // Dated snapshots: a period is their spacing in days, so scale to 7 days. Numbered
    // snapshots (week 1, 2, 3 …) are a week apart already: scaling them as days made trends 7 times too steep.
    const perWeek = history.axis === "periods" ? slopePerPeriod : periodLength > 0 ? round2dp((slopePerPeriod * 7) / periodLength) : slopePerPeriod;
    const words = direction === "stable" ? "static" : `${direction} by £${Math.abs(perWeek).toFixed(2)} a week`;
    const reason = r.balance > 0 ? `${r.reason}; arrears ${words} over the last ${weeks} weeks` : r.reason;
    return annotated(r, reason, { direction, slopePerWeek: perWeek, weeks });
  });
}
