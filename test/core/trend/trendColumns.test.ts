import fc from "fast-check";
import { ArrearsInputError } from "../../../core/errors";
import { ROW_BLANK, ROW_FITTED, ROW_REFUSED, trendColumnsOf, trendOfAccounts, type TrendBatchOptions, type TrendRowOutcome } from "../../../core/trend/trend";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";
import { rowTrends } from "../../support/rowTrends";

/**
 * The columnar trend batch (x-axis sums once per batch, one pass over each row's
 * balances, figures written to columns) against the same rows fitted one by one
 * through the general fit (test/support/rowTrends.ts): every figure to the last bit
 * (toEqual tells 0 from -0), every refusal word for word.
 */

/** An outcome as plain data, so an error compares by its field and message. */
const plain = (o: TrendRowOutcome) => (o instanceof ArrearsInputError ? { refused: `${o.field}: ${o.message}` } : o);

function expectSame(rows: readonly (readonly (number | null)[])[], options: TrendBatchOptions): TrendRowOutcome[] {
  const columnar = trendOfAccounts(rows, options);
  expect(columnar.map(plain)).toEqual(rowTrends(rows, options).map(plain));
  return columnar;
}

describe("columnar trend batch against the row-by-row fit", () => {
  const periodEnd = isoToSerial("2026-10-31");
  const exp = generateTeamExport({ accounts: 17_000, officers: 12, seed: 20261, periodStart: isoToSerial("2026-10-01"), periodEnd, weeks: 52 });
  const history = exp.balanceHistory;

  it("agrees on the generated team export: 17,000 accounts × 52 weekly balances, each with its weekly rent", () => {
    const out = expectSame(history.balances, { periods: history.dates, weeklyRent: exp.accounts.map((a) => a.weeklyRent) });
    // Real work was compared: most rows fitted, with all three directions present.
    const fitted = out.filter((o) => o !== null && !(o instanceof Error));
    expect(fitted.length).toBe(17_000);
    expect(new Set(fitted.map((o) => (o as { direction: string }).direction))).toEqual(new Set(["stable", "worsening", "improving"]));
  });

  it("agrees on the last 13 weeks with NaN as a missing snapshot, and with no dates (periods 1, 2, 3 …)", () => {
    const gappy = history.balances.slice(0, 3000).map((row, i) => (i % 7 === 0 ? row.map((v, k) => (k % 5 === 0 ? Number.NaN : v)) : i % 11 === 0 ? row.map(() => Number.NaN) : row));
    expectSame(gappy, { periods: history.dates.slice(-13), fromIndex: 39, nanAsBlank: true });
    expectSame(gappy.slice(0, 500), { horizon: 13, tolerance: 0.1, weeklyRent: 95.5, nanAsBlank: true });
  });

  it("refuses bad rows in their own slots with the same words, and leaves all-blank rows null", () => {
    const rows: (number | null)[][] = [
      [100, 110, 120, 130], // fitted
      [null, null, null, null], // no balances: null
      [100, null, 120, 130], // a blank: fitted over three points
      [100, Number.NaN, 120, 130], // NaN without nanAsBlank: refused
      [100, Number.POSITIVE_INFINITY, 120, 130], // refused
      ["£100" as unknown as number, 110, 120, 130], // text: refused
      [100, 110, 120], // one short of the dates: refused
      [null, null, null, 5], // one balance: refused (needs two)
      [-50, -40, -30, -20.005], // credit, falling toward zero
    ];
    const periods = [46000, 46007, 46014, 46021];
    const out = expectSame(rows, { periods, weeklyRent: [100, 100, 100, 100, 100, 100, 100, 100, -3] });
    const cols = trendColumnsOf(rows, { periods });
    expect(Array.from(cols.outcome)).toEqual([ROW_FITTED, ROW_BLANK, ROW_FITTED, ROW_REFUSED, ROW_REFUSED, ROW_REFUSED, ROW_REFUSED, ROW_REFUSED, ROW_FITTED]);
    // A weekly rent below zero refuses its row only.
    expect((out[8] as ArrearsInputError).message).toMatch(/^account 9: weekly rent must be a positive number/);
    // Dates that are all the same, and dates with a blank, go through the general fit too.
    expectSame(rows, { periods: [46000, 46000, 46000, 46000] });
    expectSame(rows, { periods: [46000, null, 46014, 46021], weeklyRent: 80 });
    expectSame(rows, { periods: [46021, 46000, 46014, 46007] }); // out of order: the latest is the largest date
  });

  it("agrees on random batches (fast-check)", () => {
    const balance = fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: -200_000, max: 900_000 }).map((p) => p / 100) },
      { weight: 1, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
      { weight: 1, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
    );
    const batch = fc.integer({ min: 1, max: 8 }).chain((width) =>
      fc.record({
        rows: fc.array(fc.array(balance, { minLength: width, maxLength: width }), { maxLength: 12 }),
        periods: fc.option(fc.array(fc.option(fc.integer({ min: 45000, max: 45100 }), { nil: null, freq: 8 }), { minLength: width, maxLength: width }), { nil: undefined }),
        rent: fc.option(fc.integer({ min: 1, max: 30_000 }).map((p) => p / 100), { nil: null }),
        nanAsBlank: fc.boolean(),
        horizon: fc.integer({ min: 0, max: 52 }),
      }),
    );
    fc.assert(
      fc.property(batch, (b) => {
        expectSame(b.rows, { periods: b.periods, weeklyRent: b.rent, nanAsBlank: b.nanAsBlank, horizon: b.horizon });
      }),
      { numRuns: 400 },
    );
  });
});
