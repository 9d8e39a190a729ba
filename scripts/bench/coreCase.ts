import type { EscalationColumns } from "../../core/escalation/escalate";
import type { EscalationWithTrend } from "../../core/escalation/withTrend";
import type { MonthlyReturn } from "../../core/kpi/monthlyReturn";
import type { TrendRowOutcome } from "../../core/trend/trend";
import type { BenchData } from "./data";
import { shippedCore } from "./shippedCore";

/**
 * The core case: what `arrears report` computes for a month, plus the 52-week trend
 * of every account. The monthly return (every KPI, per officer, ageing), every
 * account's escalation stage judged at period end and the escalation list with its
 * 13-week trend (as the report lists it), and ARREARS.TREND's figures for every account's 52 balances against their dates.
 */

export interface CoreOutput {
  ret: MonthlyReturn;
  /** Every account's stage and due flag, in account order. */
  stages: EscalationColumns;
  /** The escalation list (accounts past "none" or due, in account order) with each one's 13-week trend. */
  escalations: EscalationWithTrend[];
  trends: TrendRowOutcome[];
}

export function runCore(data: BenchData): CoreOutput {
  const { monthlyReturn, escalationColumnsOf, DEFAULT_ESCALATION_POLICY, withBalanceTrend, trendOfAccounts } = shippedCore();
  const { accounts, transactions, voids, balanceHistory } = data.export;
  const ret = monthlyReturn({ accounts, transactions, voids }, { periodStart: data.periodStart, periodEnd: data.periodEnd });
  // Every account's stage and due flag as columns (compared with the native sheet's), the words and the
  // 13-week trend only for the accounts the list shows, as `arrears report` judges them.
  const stages = escalationColumnsOf(accounts, DEFAULT_ESCALATION_POLICY, data.periodEnd);
  // Generated accounts are all valid; an error here means the generator and the policy disagree, which the benchmark should not hide.
  if (stages.firstError) throw stages.firstError;
  const escalations = withBalanceTrend(stages.listedResults(), balanceHistory);
  const trends = trendOfAccounts(balanceHistory.balances, { periods: balanceHistory.dates, weeklyRent: accounts.map((a) => a.weeklyRent) });
  return { ret, stages, escalations, trends };
}

/** What issue 16's first target times: the monthly return and every account's 52-week trend, without the escalation list. */
export function runReturnAndTrend(data: BenchData): Pick<CoreOutput, "ret" | "trends"> {
  const { monthlyReturn, trendOfAccounts } = shippedCore();
  const { accounts, transactions, voids, balanceHistory } = data.export;
  const ret = monthlyReturn({ accounts, transactions, voids }, { periodStart: data.periodStart, periodEnd: data.periodEnd });
  const trends = trendOfAccounts(balanceHistory.balances, { periods: balanceHistory.dates, weeklyRent: accounts.map((a) => a.weeklyRent) });
  return { ret, trends };
}
