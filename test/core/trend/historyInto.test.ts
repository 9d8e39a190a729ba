import { historyColumnsOf } from "../../../core/columns/historyColumns";
import type { BalanceHistory } from "../../../core/export/schema";
import { trendColumnsOfHistory, type HistoryTrendOptions } from "../../../core/trend/historyTrend";
import { ROW_BLANK, ROW_FITTED, ROW_REFUSED, type TrendColumns } from "../../../core/trend/trend";
import { mulberry32 } from "../../../samples/generator/random";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";

/**
 * trendColumnsOfHistory writing into columns it is given (`into`, an earlier result
 * full of other figures, outcomes and errors) against the same call writing new
 * columns: every slot and every error must be the same, so nothing of the earlier fit
 * shows through.
 */

const PERIOD_START = isoToSerial("2026-10-01");
const PERIOD_END = isoToSerial("2026-10-31");

const COLUMNS = ["outcome", "slopePerPeriod", "direction", "projectedBalance", "weeksOwed", "periodsInArrears", "latestBalance", "pointsUsed", "periodLength"] as const;

function expectSameColumns(got: TrendColumns, want: TrendColumns): void {
  expect(got.rows).toBe(want.rows);
  for (const name of COLUMNS) expect({ name, values: Array.from(got[name]) }).toEqual({ name, values: Array.from(want[name]) });
  const messages = (t: TrendColumns) => [...t.errors.entries()].map(([j, e]) => [j, e.field, e.message]);
  expect(messages(got)).toEqual(messages(want));
}

/** The generated history with gaps, blank rows, rows of one snapshot, a value that is not finite, a text cell and a short row. */
function roughHistory(accounts: number, seed: number): { history: BalanceHistory; refs: string[]; rents: Float64Array } {
  const data = generateTeamExport({ accounts, officers: 4, seed, periodStart: PERIOD_START, periodEnd: PERIOD_END, weeks: 52 });
  const rnd = mulberry32(seed);
  const h = data.balanceHistory;
  const weeks = h.dates.length;
  const rows = h.balances.map((r) => [...r]);
  for (const row of rows) {
    const u = rnd();
    if (u < 0.1) row[Math.floor(rnd() * weeks)] = Number.NaN;
    else if (u < 0.13) row.fill(Number.NaN);
    else if (u < 0.16) row.fill(Number.NaN, 0, weeks - 1);
    else if (u < 0.18) row[weeks - 2] = Number.POSITIVE_INFINITY;
  }
  (rows[3] as unknown[])[7] = "n/a";
  rows[6] = rows[6].slice(1);
  const rents = Float64Array.from(data.accounts, (a, i) => (i % 50 === 7 ? Number.NaN : a.weeklyRent));
  return { history: { ...h, balances: rows }, refs: data.accounts.map((a) => a.account), rents };
}

describe("trendColumnsOfHistory into given columns", () => {
  const { history, refs, rents } = roughHistory(2000, 41);
  const m = historyColumnsOf(history, refs);
  const other = historyColumnsOf(roughHistory(2000, 42).history, refs);

  it("gives every row the same figures, outcomes and errors as new columns", () => {
    const calls: HistoryTrendOptions[] = [{ weeklyRent: rents }, { weeklyRent: 120, horizon: 8, tolerance: 0.5 }, { fromWeek: 39, weeklyRent: rents }];
    for (const options of calls) {
      const want = trendColumnsOfHistory(m, options);
      // Every kind of slot occurs, so a stale figure of each kind would show.
      for (const outcome of [ROW_FITTED, ROW_BLANK, ROW_REFUSED]) expect(want.outcome.includes(outcome)).toBe(true);
      // Into an earlier fit of another history (other outcomes, figures and errors), and into columns of noise.
      const earlier = trendColumnsOfHistory(other, { weeklyRent: 99, fromWeek: 50 });
      const got = trendColumnsOfHistory(m, { ...options, into: earlier });
      expect(got).toBe(earlier);
      expectSameColumns(got, want);
      const noise = trendColumnsOfHistory(other, {});
      const rnd = mulberry32(7);
      for (const name of COLUMNS) noise[name].forEach((_, i, a) => (a[i] = name === "outcome" || name === "direction" ? Math.floor(rnd() * 3) : rnd() * 1000 - 500));
      expectSameColumns(trendColumnsOfHistory(m, { ...options, into: noise }), want);
    }
  });

  it("writes the rows asked for into columns of that many slots, and refuses columns of another size", () => {
    const rows = Int32Array.from({ length: 300 }, (_, j) => (j * 7) % 2000);
    const want = trendColumnsOfHistory(m, { fromWeek: 39, rows });
    expectSameColumns(trendColumnsOfHistory(m, { fromWeek: 39, rows, into: trendColumnsOfHistory(other, { rows }) }), want);
    expect(() => trendColumnsOfHistory(m, { rows, into: trendColumnsOfHistory(m, {}) })).toThrow("the columns to write into have 2000 slots, not the 300 fitted");
  });
});
