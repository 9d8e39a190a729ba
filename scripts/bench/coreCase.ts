import type { ColumnarExport, HistoryColumns } from "../../core/columns/columnarExport";
import type { EscalationColumns } from "../../core/escalation/escalate";
import type { EscalationListColumns, EscalationWithTrend } from "../../core/escalation/withTrend";
import type { MonthlyReturn } from "../../core/kpi/monthlyReturn";
import type { TrendColumns } from "../../core/trend/trend";
import type { BenchData } from "./data";
import { shippedCore } from "./shippedCore";

/**
 * The core case: what `arrears report` computes for a month, plus the 52-week trend
 * of every account. The monthly return (every KPI, per officer, ageing), every
 * account's escalation stage judged at period end and the escalation list with its
 * 13-week trend (as the report lists it), and ARREARS.TREND's figures for every
 * account's 52 balances against their dates.
 *
 * Timed over the export as the core holds it once imported ({@link importCore}: the
 * accounts and transactions as typed columns, the balance history as one matrix
 * aligned to the account rows), as LibreOffice is timed on recalculation, not loading.
 * The import is timed as its own case, and the old path from the row objects
 * ({@link runCoreFromRows}) is kept as a case too, so nothing is hidden.
 */

/** The export as the core holds it after import. */
export interface CoreImport {
  columns: ColumnarExport;
  history: HistoryColumns;
}

export interface CoreOutput {
  ret: MonthlyReturn;
  /** Every account's stage and due flag, in account order. */
  stages: EscalationColumns;
  /** The escalation list (accounts past "none" or due, in account order) with each one's 13-week trend. */
  escalations: EscalationListColumns;
  /** Every account's 52-week trend, slot i for account row i (columns the import's next run writes into again). */
  trends: TrendColumns;
}

/** The import: export rows to columns, the balance history to a matrix. What `importCore` times. */
export function importCore(data: BenchData): CoreImport {
  const { toColumnar, historyOfColumnar } = shippedCore();
  const { accounts, transactions, voids, balanceHistory } = data.export;
  const columns = toColumnar({ accounts, transactions, voids, balanceHistory });
  return { columns, history: historyOfColumnar(columns)! };
}

/** Each export's import, made once: the cases that time the computation take it from here, untimed. */
const imported = new WeakMap<BenchData, CoreImport>();
export function importedCore(data: BenchData): CoreImport {
  let found = imported.get(data);
  if (!found) imported.set(data, (found = importCore(data)));
  return found;
}

/**
 * Each import's 52-week trend columns, made by its first run and written into by every later one, as a sheet
 * recalculated again and again would reuse them: at a million accounts, 67 MB of new result columns per run set
 * off a full collection of the whole heap (the export's gigabyte of row objects included) in every run.
 */
const trendColumnsOf = new WeakMap<CoreImport, TrendColumns>();

/** The full case over the imported columns. */
export function runCore(data: BenchData, imp: CoreImport = importedCore(data)): CoreOutput {
  const { monthlyReturnOfColumns, escalationColumnsOf, DEFAULT_ESCALATION_POLICY, escalationListOf, trendColumnsOfHistory } = shippedCore();
  const { columns, history } = imp;
  const ret = monthlyReturnOfColumns(columns, { periodStart: data.periodStart, periodEnd: data.periodEnd });
  // Every account's stage and due flag as columns (compared with the native sheet's), the words and the
  // 13-week trend only for the accounts the list shows, as `arrears report` judges them.
  const stages = escalationColumnsOf(columns.source.accounts, DEFAULT_ESCALATION_POLICY, data.periodEnd);
  // Generated accounts are all valid; an error here means the generator and the policy disagree, which the benchmark should not hide.
  if (stages.firstError) throw stages.firstError;
  const escalations = escalationListOf(stages, history);
  const trends = trendColumnsOfHistory(history, { weeklyRent: columns.weeklyRent, into: trendColumnsOf.get(imp) });
  trendColumnsOf.set(imp, trends);
  return { ret, stages, escalations, trends };
}

/** What issue 16's first target times: the monthly return and every account's 52-week trend, without the escalation list. */
export function runReturnAndTrend(data: BenchData, imp: CoreImport = importedCore(data)): Pick<CoreOutput, "ret" | "trends"> {
  const { monthlyReturnOfColumns, trendColumnsOfHistory } = shippedCore();
  const { columns, history } = imp;
  const ret = monthlyReturnOfColumns(columns, { periodStart: data.periodStart, periodEnd: data.periodEnd });
  const trends = trendColumnsOfHistory(history, { weeklyRent: columns.weeklyRent });
  return { ret, trends };
}

/**
 * The full case from the export's row objects, as the core computed it before the
 * columnar import: `monthlyReturn` (columns built inside every call), `trendOfAccounts`
 * (an object per account) and `withBalanceTrend` over the listed results.
 */
export function runCoreFromRows(data: BenchData): { ret: MonthlyReturn; stages: EscalationColumns; escalations: EscalationWithTrend[]; trends: ReturnType<ReturnType<typeof shippedCore>["trendOfAccounts"]> } {
  const { monthlyReturn, escalationColumnsOf, DEFAULT_ESCALATION_POLICY, withBalanceTrend, trendOfAccounts } = shippedCore();
  const { accounts, transactions, voids, balanceHistory } = data.export;
  const ret = monthlyReturn({ accounts, transactions, voids }, { periodStart: data.periodStart, periodEnd: data.periodEnd });
  const stages = escalationColumnsOf(accounts, DEFAULT_ESCALATION_POLICY, data.periodEnd);
  if (stages.firstError) throw stages.firstError;
  const escalations = withBalanceTrend(stages.listedResults(), balanceHistory);
  const trends = trendOfAccounts(balanceHistory.balances, { periods: balanceHistory.dates, weeklyRent: accounts.map((a) => a.weeklyRent) });
  return { ret, stages, escalations, trends };
}
