import { historyColumnsOf } from "../../../core/columns/historyColumns";
import { toColumnar } from "../../../core/columns/columnarExport";
import { refIndex } from "../../../core/columns/refIndex";
import { escalationColumnsOf } from "../../../core/escalation/escalate";
import { DEFAULT_ESCALATION_POLICY } from "../../../core/escalation/policy";
import { escalationListOf, TREND_WEEKS, withBalanceTrend } from "../../../core/escalation/withTrend";
import type { Account, BalanceHistory } from "../../../core/export/schema";
import { trendColumnsOfHistory } from "../../../core/trend/historyTrend";
import { trendColumnsOf, trendOf, trendOfAccounts, trendRowOf, type TrendColumns } from "../../../core/trend/trend";
import { mulberry32 } from "../../../samples/generator/random";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";

/**
 * The history matrix and what reads it (the 52-week trend of every account, the
 * escalation list with its 13-week trend) against the row paths they replace in the
 * bench and the report: trendColumnsOf / trendOfAccounts over the history's own rows,
 * and withBalanceTrend over the listed results. The row paths are the reference (their
 * own suites check them against trendOf and the policy by hand).
 */

const PERIOD_START = isoToSerial("2026-10-01");
const PERIOD_END = isoToSerial("2026-10-31");

/** The history row each account reads, found as the row paths find it (a Map built in order: the last row wins). */
function alignedRows(history: BalanceHistory, refs: readonly string[]): (readonly (number | null)[])[] {
  const byRef = new Map<string, number>();
  history.accounts.forEach((ref, h) => byRef.set(ref, h));
  const none = history.dates.map(() => null);
  return refs.map((ref) => (byRef.has(ref) ? history.balances[byRef.get(ref)!] : none));
}

/** Every slot of two batches, outcome for outcome (an error by its message). */
function expectSameTrends(got: TrendColumns, want: TrendColumns): void {
  expect(got.rows).toBe(want.rows);
  for (let i = 0; i < want.rows; i++) {
    const g = trendRowOf(got, i);
    const w = trendRowOf(want, i);
    if (w instanceof Error) expect({ i, message: g instanceof Error ? g.message : g }).toEqual({ i, message: w.message });
    else expect({ i, t: g }).toEqual({ i, t: w });
  }
}

/**
 * The generated export, roughened the ways a real history is: gaps, rows all blank, a
 * row with one snapshot in the last 13 weeks, a value that is not finite, history rows
 * out of order, missing and repeated, a row of the wrong length, a cell of text from an
 * untyped caller, accounts with no weekly rent or a rent of 0.
 */
function roughExport(accounts: number, seed: number) {
  const data = generateTeamExport({ accounts, officers: 6, seed, periodStart: PERIOD_START, periodEnd: PERIOD_END, weeks: 52 });
  const rnd = mulberry32(seed + 1);
  const h = data.balanceHistory;
  const weeks = h.dates.length;
  const rows = h.balances.map((r) => [...r]);
  const refs = [...h.accounts];
  for (let i = 0; i < rows.length; i++) {
    const u = rnd();
    if (u < 0.1) rows[i][Math.floor(rnd() * weeks)] = Number.NaN; // a missed snapshot
    else if (u < 0.12) rows[i].fill(Number.NaN); // no snapshots at all
    else if (u < 0.14) rows[i].fill(Number.NaN, 0, weeks - 1); // one snapshot: refused ("needs at least 2")
    else if (u < 0.15) rows[i][weeks - 3] = Number.POSITIVE_INFINITY; // refused: not a number
    else if (u < 0.16) rows[i].fill(Number.NaN, weeks - TREND_WEEKS, weeks - 1); // one snapshot in the last 13 weeks
  }
  (rows[5] as unknown[])[weeks - 2] = "n/a"; // text, from an untyped caller
  rows[7] = rows[7].slice(1); // a row one snapshot short
  (rows[9] as unknown[])[4] = null; // an untyped caller's blank
  // Missing and repeated rows: drop a few, repeat a few with other balances after the first.
  const keep = rows.map((_, i) => i % 97 !== 3);
  const outRefs: string[] = [];
  const outRows: number[][] = [];
  rows.forEach((r, i) => {
    if (!keep[i]) return;
    outRefs.push(refs[i]);
    outRows.push(r);
    if (i % 89 === 11) {
      outRefs.push(refs[i]);
      outRows.push(r.map((v) => v + 25));
    }
  });
  const history: BalanceHistory = { dates: h.dates, accounts: outRefs, balances: outRows, axis: h.axis };
  const accountsList: Account[] = data.accounts.map((a, i) => (i % 131 === 17 ? { ...a, weeklyRent: 0 } : a));
  return { data: { ...data, accounts: accountsList }, history };
}

describe("historyColumnsOf", () => {
  it("holds each account's last history row by reference, NaN where there is none, and keeps rows it cannot hold", () => {
    const history: BalanceHistory = {
      dates: [10, 17, 24],
      accounts: ["B", "A", "C", "B", "D"],
      balances: [
        [1, 2, 3],
        [4, Number.NaN, 6],
        [7, 8],
        [9, 10, 11],
        [12, 13, 14],
      ],
    };
    const m = historyColumnsOf(history, ["A", "B", "C", "E"]);
    // A is history row 2; B's last row is row 4 (9, 10, 11), not row 1; C's row is short so it is kept aside; E has none.
    expect(Array.from(m.balances.subarray(0, 3))).toEqual([4, Number.NaN, 6]);
    expect(Array.from(m.balances.subarray(3, 6))).toEqual([9, 10, 11]);
    expect(Array.from(m.balances.subarray(6, 12))).toEqual([Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    expect(Array.from(m.hasHistory)).toEqual([1, 1, 1, 0]);
    expect([...m.irregular.entries()]).toEqual([[2, [7, 8]]]);
    // The same through an account index, with the history in another order than the accounts.
    const viaIndex = historyColumnsOf(history, ["A", "B", "C", "E"], refIndex(["A", "B", "C", "E"]));
    expect(Array.from(viaIndex.balances)).toEqual(Array.from(m.balances));
    expect([...viaIndex.irregular.entries()]).toEqual([[2, [7, 8]]]);
  });

  it("gives every account with a repeated reference the history row", () => {
    const history: BalanceHistory = { dates: [1, 2], accounts: ["A", "B"], balances: [[1, 2], [3, 4]] };
    const accounts = ["A", "B", "A"];
    const m = historyColumnsOf(history, accounts, refIndex(accounts));
    expect(Array.from(m.balances)).toEqual([1, 2, 3, 4, 1, 2]);
  });
});

describe("trendColumnsOfHistory against the row paths", () => {
  it("fits a hand-worked row: balances 100, 110, 120, 130 a week apart rise £10 a week", () => {
    // Dates 7 days apart: slope per day 10/7, per period (7 days) 10. Mean (dates 0..21) 10.5 days, mean balance 115;
    // projected 4 weeks after the latest (day 21 + 28 = 49): 115 + (10/7) × (49 − 10.5) = 115 + 55 = 170. Weeks owed 130 / 100 = 1.3.
    const m = historyColumnsOf({ dates: [45000, 45007, 45014, 45021], accounts: ["A"], balances: [[100, 110, 120, 130]] }, ["A"]);
    const t = trendRowOf(trendColumnsOfHistory(m, { weeklyRent: 100 }), 0);
    expect(t).toEqual({ slopePerPeriod: 10, direction: "worsening", projectedBalance: 170, weeksOwed: 1.3, periodsInArrears: 4, latestBalance: 130, pointsUsed: 4, periodLength: 7 });
  });

  it("gives every account's 52-week trend as trendColumnsOf (nanAsBlank) does over its history row, refusals included", () => {
    const { data, history } = roughExport(2500, 7);
    const refs = data.accounts.map((a) => a.account);
    const rents = data.accounts.map((a, i) => (i % 113 === 5 ? null : a.weeklyRent));
    const cols = toColumnar({ accounts: data.accounts, transactions: [], voids: null });
    for (const m of [historyColumnsOf(history, refs), historyColumnsOf(history, refs, refIndex(refs)), historyColumnsOfAccounts(history, cols)]) {
      const want = trendColumnsOf(alignedRows(history, refs), { periods: history.dates, weeklyRent: rents, nanAsBlank: true });
      const got = trendColumnsOfHistory(m, { weeklyRent: rents });
      expectSameTrends(got, want);
      // The columns' weekly rent (a typed array, as the bench passes it) reads as the accounts' own figures; a rent of 0 is refused in both.
      const plainRents = data.accounts.map((a) => a.weeklyRent);
      expectSameTrends(trendColumnsOfHistory(m, { weeklyRent: cols.weeklyRent }), trendColumnsOf(alignedRows(history, refs), { periods: history.dates, weeklyRent: plainRents, nanAsBlank: true }));
      // The roughening reached every kind of outcome.
      const outcomes = new Set(Array.from(got.outcome));
      expect([...outcomes].sort()).toEqual([0, 1, 2]);
      expect(got.errors.size).toBeGreaterThan(20);
      // The last 13 weeks, of a chosen few rows, with other options.
      const rows = Int32Array.from([3, 0, 7, 5, 9, 2499, 17, 3]);
      const last = trendColumnsOfHistory(m, { weeklyRent: 120, horizon: 8, tolerance: 0.5, fromWeek: 39, rows });
      const wantLast = trendColumnsOf(Array.from(rows, (r) => alignedRows(history, refs)[r]), { periods: history.dates.slice(39), fromIndex: 39, nanAsBlank: true, weeklyRent: 120, horizon: 8, tolerance: 0.5 });
      expectSameTrends(last, wantLast);
    }
  });

  it("agrees with trendOfAccounts and trendOf on a history with no gaps (the bench's 52-week trend)", () => {
    const data = generateTeamExport({ accounts: 1500, officers: 4, seed: 99, periodStart: PERIOD_START, periodEnd: PERIOD_END, weeks: 52 });
    const h = data.balanceHistory;
    const refs = data.accounts.map((a) => a.account);
    const rents = data.accounts.map((a) => a.weeklyRent);
    const got = trendColumnsOfHistory(historyColumnsOf(h, refs), { weeklyRent: rents });
    const want = trendOfAccounts(h.balances, { periods: h.dates, weeklyRent: rents });
    want.forEach((w, i) => expect({ i, t: trendRowOf(got, i) }).toEqual({ i, t: w }));
    expect(trendRowOf(got, 42)).toEqual(trendOf(h.balances[42], { periods: h.dates, weeklyRent: rents[42] }));
  });

  it("refuses options as the batch does", () => {
    const m = historyColumnsOf({ dates: [1, 2, 3], accounts: ["A"], balances: [[1, 2, 3]] }, ["A"]);
    expect(() => trendColumnsOfHistory(m, { weeklyRent: [1, 2] })).toThrow("weekly rent must be one figure or one per account: got 2 for 1 accounts");
    expect(() => trendColumnsOfHistory(m, { horizon: -1 })).toThrow("horizon must be between 0 and 520 periods");
    expect(() => trendColumnsOfHistory(m, { fromWeek: 4 })).toThrow("fromWeek must be a whole number of snapshots from 0 to 3, got 4");
    expect(() => trendColumnsOfHistory(m, { rows: [1] })).toThrow("row 1 is not an account row of the history (0 to 0)");
  });
});

/** The matrix as the bench builds it: through the columnar export's own account index. */
function historyColumnsOfAccounts(history: BalanceHistory, cols: ReturnType<typeof toColumnar>) {
  return historyColumnsOf(history, cols.source.accounts.map((a) => a.account), cols.accountIndex);
}

describe("escalationListOf against withBalanceTrend over the listed results", () => {
  it("lists the same accounts with the same reasons, next actions and 13-week trends", () => {
    for (const axis of ["dates", "periods"] as const) {
      const { data, history: rough } = roughExport(3000, 11);
      const history: BalanceHistory = axis === "dates" ? rough : { ...rough, axis, dates: rough.dates.map((_, k) => k + 1) };
      const stages = escalationColumnsOf(data.accounts, DEFAULT_ESCALATION_POLICY, PERIOD_END);
      const want = withBalanceTrend(stages.listedResults(), history);
      const m = historyColumnsOf(history, data.accounts.map((a) => a.account));
      const list = escalationListOf(stages, m);
      expect(list.count).toBe(want.length);
      want.forEach((w, j) => {
        expect(list.resultAt(j)).toEqual(w);
        expect({ j, reason: list.reason[j], next: list.nextAction[j], account: data.accounts[list.row[j]].account }).toEqual({ j, reason: w.reason, next: w.nextAction, account: w.account });
      });
      // Both kinds of listed account occur: with a trend in the reason and without one.
      expect(want.filter((w) => w.trend === null).length).toBeGreaterThan(10);
      expect(want.filter((w) => w.trend !== null && w.trend.direction !== "stable").length).toBeGreaterThan(100);
    }
  });

  it("leaves every trend null without a history, and with fewer than two snapshots", () => {
    const data = generateTeamExport({ accounts: 300, officers: 2, seed: 5, periodStart: PERIOD_START, periodEnd: PERIOD_END, weeks: 1 });
    const stages = escalationColumnsOf(data.accounts, DEFAULT_ESCALATION_POLICY, PERIOD_END);
    const want = withBalanceTrend(stages.listedResults(), data.balanceHistory);
    const m = historyColumnsOf(data.balanceHistory, data.accounts.map((a) => a.account));
    for (const list of [escalationListOf(stages, m), escalationListOf(stages, null)]) {
      expect(list.count).toBe(want.length);
      want.forEach((w, j) => expect(list.resultAt(j)).toEqual(w));
    }
  });
});
