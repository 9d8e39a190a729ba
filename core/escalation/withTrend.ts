import type { HistoryColumns } from "../columns/historyColumns";
import { refIndex } from "../columns/refIndex";
import { ArrearsInputError } from "../errors";
import type { BalanceHistory } from "../export/schema";
import { round2dp, roundPence } from "../money";
import { historyFitOf, ROW_FITTED, sharedSlope, TREND_DIRECTIONS, trendColumnsOf, trendColumnsOfHistory, type TrendColumns, type TrendDirection } from "../trend/trend";
import type { EscalationColumns, EscalationResult } from "./escalate";
import { reasonWithTrend } from "./listWords";

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
  // The history's own rows, not copies: the fit reads the last weeks in place and takes NaN as a missing snapshot.
  // A history whose references are the very list asked for (the worklist hands over its cases' rows so) is read row for row, with no index built.
  const rows: readonly (readonly (number | null)[])[] = history.accounts === accounts ? history.balances : rowsOf(accounts, history);

  const trends = trendColumnsOf(rows, { periods: dates, fromIndex: from, nanAsBlank: true });
  return weeklyTrendOf(trends, history.axis === "periods", out);
}

/** The history's row of each account (a row of blanks when it has none). */
function rowsOf(accounts: readonly string[], history: BalanceHistory): readonly (readonly (number | null)[])[] {
  const rowsByAccount = refIndex(history.accounts);
  const noHistory: null[] = history.dates.map(() => null);
  return accounts.map((ref) => {
    const i = rowsByAccount.rowOf(ref);
    return i < 0 ? noHistory : history.balances[i];
  });
}

/** The fitted rows of a batch as £ a week, into `out` (slot for slot). */
function weeklyTrendOf(trends: TrendColumns, numbered: boolean, out: BalanceTrendColumns): BalanceTrendColumns {
  for (let i = 0; i < trends.rows; i++) weeklySlot(trends, i, numbered, out, i);
  return out;
}

/** Slot i of a batch, when fitted, as £ a week into slot j of `out`. */
function weeklySlot(trends: TrendColumns, i: number, numbered: boolean, out: BalanceTrendColumns, j: number): void {
  if (trends.outcome[i] !== ROW_FITTED) return;
  out.fitted[j] = 1;
  out.direction[j] = trends.direction[i];
  out.slopePerWeek[j] = perWeek(trends.slopePerPeriod[i], trends.periodLength[i], numbered);
  out.weeks[j] = trends.pointsUsed[i];
}

/**
 * A fitted slope per period as £ a week. Dated snapshots: a period is their spacing in days, so scale to 7 days.
 * Numbered snapshots (week 1, 2, 3 …) are a week apart already: scaling them as days made trends 7 times too steep.
 */
const perWeek = (slopePerPeriod: number, periodLength: number, numbered: boolean): number =>
  numbered ? slopePerPeriod : periodLength > 0 ? round2dp((slopePerPeriod * 7) / periodLength) : slopePerPeriod;

/**
 * The last {@link TREND_WEEKS} weeks' trend of the listed rows, straight into the list's columns: a row with
 * no gap in those weeks is fitted here, with the sums and closing arithmetic of trendColumnsOfHistory's own
 * pass (only what the list shows: the slope, its direction, the weeks); any other row is fitted by
 * trendColumnsOfHistory itself. So the list makes no eleven result columns of its own per call (at a million
 * accounts, 17 MB for the 250,000 listed, which with the rest of a run's new columns set off full collections).
 */
function listTrendOf(history: HistoryColumns, rows: Int32Array, out: BalanceTrendColumns): void {
  const fromWeek = Math.max(0, history.weeks - TREND_WEEKS);
  const { tolerance, m, shared } = historyFitOf(history, fromWeek);
  const numbered = history.axis === "periods";
  const weeks = history.weeks;
  const bal = history.balances;
  const { finite, irregular } = history;
  const others: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const r = rows[j];
    if (shared === null || (irregular.size > 0 && irregular.has(r))) {
      others.push(j);
      continue;
    }
    const dx = shared.dx;
    const at = r * weeks + fromWeek;
    const base = bal[at];
    let sumY = 0;
    let sumXY = 0;
    let whole = true;
    for (let k = 0; k < m; k++) {
      const y = bal[at + k];
      // A gap (NaN) or a value that is not finite, unless the import found the whole row finite: the general fit judges it.
      if (finite[r] !== 1 && !(y <= Number.MAX_VALUE && y >= -Number.MAX_VALUE)) {
        whole = false;
        break;
      }
      const dy = y - base;
      sumY += dy;
      sumXY += dx[k] * dy;
    }
    if (!whole) {
      others.push(j);
      continue;
    }
    const slope = sharedSlope(shared, m, sumY, sumXY);
    out.fitted[j] = 1;
    out.direction[j] = Math.abs(slope) <= tolerance ? 0 : slope > 0 ? 1 : 2;
    out.slopePerWeek[j] = perWeek(roundPence(slope), shared.periodLength, numbered);
    out.weeks[j] = m;
  }
  if (others.length === 0) return;
  const fitted = trendColumnsOfHistory(history, { fromWeek, rows: others.map((j) => rows[j]) });
  for (let k = 0; k < others.length; k++) weeklySlot(fitted, k, numbered, out, others[k]);
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
  return results.map((r, i) => {
    if (!t.fitted[i]) return annotated(r, r.reason, null);
    const reason = reasonWithTrend(r.reason, r.balance, t.direction[i], t.slopePerWeek[i], t.weeks[i]);
    return annotated(r, reason, trendAt(t, i));
  });
}

/** Slot i of trend columns as the list's trend object (null where not fitted). */
function trendAt(t: BalanceTrendColumns, i: number): EscalationWithTrend["trend"] {
  return t.fitted[i] ? { direction: TREND_DIRECTIONS[t.direction[i]], slopePerWeek: t.slopePerWeek[i], weeks: t.weeks[i] } : null;
}

// Built as literals, not `{ ...r, … }`: spreading 17,000 results was most of withBalanceTrend's time.
function annotated(r: EscalationResult, reason: string, trend: EscalationWithTrend["trend"]): EscalationWithTrend {
  return {
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
  };
}

/**
 * The escalation list as columns: the listed accounts (a stage past "none", or due), in
 * account order, each with its reason (the 13-week trend's words added) and next action
 * as text, and its 13-week trend as numbers read from the history matrix. Only listed
 * rows are fitted and only their words are built; full result objects are made one at a
 * time, by `resultAt`, for the edges that print them.
 */
export interface EscalationListColumns {
  /** How many accounts are listed. */
  count: number;
  /** Account row of each listed account, in account order. */
  row: Int32Array;
  /** The reason shown, as {@link withBalanceTrend} words it. */
  reason: string[];
  nextAction: string[];
  /** Each listed account's trend over the last {@link TREND_WEEKS} snapshots, slot for slot. */
  trend: BalanceTrendColumns;
  /** Listed slot j as {@link withBalanceTrend} gives it for `stages.listedResults()[j]`. */
  resultAt(j: number): EscalationWithTrend;
}

/**
 * The escalation list with its 13-week trend, over judged stage columns and the history
 * matrix: the same list, reason for reason and figure for figure, as
 * `withBalanceTrend(stages.listedResults(), history)` (accounts refused by the judging
 * are left off, as there).
 * @param stages every account's stage, from {@link escalationColumnsOf}.
 * @param history the balance history aligned to the same account rows ({@link historyColumnsOf}); null when the
 *   export has none (every trend is then null and each reason is the judged one).
 * @throws ArrearsInputError when the history's dates cannot be read (as withBalanceTrend refuses them).
 */
export function escalationListOf(stages: EscalationColumns, history: HistoryColumns | null): EscalationListColumns {
  const n = stages.accountCount;
  let count = 0;
  for (let i = 0; i < n; i++) count += stages.listed[i];
  const row = new Int32Array(count);
  for (let i = 0, j = 0; i < n; i++) if (stages.listed[i] === 1) row[j++] = i;
  const trend: BalanceTrendColumns = { fitted: new Uint8Array(count), direction: new Uint8Array(count), slopePerWeek: new Float64Array(count), weeks: new Float64Array(count) };
  if (history && history.weeks >= 2) {
    if (history.rows !== n) throw new ArrearsInputError("history", `the balance history is aligned to ${history.rows} accounts, not the ${n} judged`);
    listTrendOf(history, row, trend);
  }
  const { reason, nextAction } = stages.listWords(row, trend);
  return new EscalationList(stages, row, reason, nextAction, trend);
}

/** The list {@link escalationListOf} gives: a class, so every call's result has one shape. */
class EscalationList implements EscalationListColumns {
  readonly count: number;

  constructor(
    private readonly stages: EscalationColumns,
    readonly row: Int32Array,
    readonly reason: string[],
    readonly nextAction: string[],
    readonly trend: BalanceTrendColumns,
  ) {
    this.count = row.length;
  }

  // An arrow function, not a method, so it can be handed on apart from the list.
  readonly resultAt = (j: number): EscalationWithTrend => annotated(this.stages.resultAt(this.row[j]) as EscalationResult, this.reason[j], trendAt(this.trend, j));
}
