import type { EscalationResult } from "../../core/escalation/escalate";
import type { EscalationWithTrend } from "../../core/escalation/withTrend";
import type { MonthlyReturn } from "../../core/kpi/monthlyReturn";
import type { TrendRowOutcome } from "../../core/trend/trend";
import type { BenchData } from "./data";
import { shippedCore } from "./shippedCore";

/**
 * The core case: what `arrears report` computes for a month, plus the 52-week trend
 * of every account. The monthly return (every KPI, per officer, ageing), the
 * escalation list judged at period end with its 13-week trend (as the report lists
 * it), and ARREARS.TREND's figures for every account's 52 balances against their dates.
 */

export interface CoreOutput {
  ret: MonthlyReturn;
  escalations: EscalationWithTrend[];
  trends: TrendRowOutcome[];
}

export function runCore(data: BenchData): CoreOutput {
  const { monthlyReturn, escalationsOf, DEFAULT_ESCALATION_POLICY, withBalanceTrend, trendOfAccounts } = shippedCore();
  const { accounts, transactions, voids, balanceHistory } = data.export;
  const ret = monthlyReturn({ accounts, transactions, voids }, { periodStart: data.periodStart, periodEnd: data.periodEnd });
  const judged = escalationsOf(accounts, DEFAULT_ESCALATION_POLICY, data.periodEnd);
  // Generated accounts are all valid; an error here means the generator and the policy disagree, which the benchmark should not hide.
  const results = judged.map((r) => {
    if (r instanceof Error) throw r;
    return r as EscalationResult;
  });
  const escalations = withBalanceTrend(results, balanceHistory);
  const trends = trendOfAccounts(balanceHistory.balances, { periods: balanceHistory.dates, weeklyRent: accounts.map((a) => a.weeklyRent) });
  return { ret, escalations, trends };
}

/** What issue 16's first target times: the monthly return and every account's 52-week trend, without the escalation list. */
export function runReturnAndTrend(data: BenchData): Pick<CoreOutput, "ret" | "trends"> {
  const { monthlyReturn, trendOfAccounts } = shippedCore();
  const { accounts, transactions, voids, balanceHistory } = data.export;
  const ret = monthlyReturn({ accounts, transactions, voids }, { periodStart: data.periodStart, periodEnd: data.periodEnd });
  const trends = trendOfAccounts(balanceHistory.balances, { periods: balanceHistory.dates, weeklyRent: accounts.map((a) => a.weeklyRent) });
  return { ret, trends };
}
