import fc from "fast-check";
import { ArrearsInputError } from "../../../core/errors";
import { readAmount } from "../../../core/values/amount";
import { excelErrorOf } from "../../../core/values/errorCell";
import { describeValue } from "../../../core/errors";
import { ROW_BLANK, ROW_FITTED, ROW_REFUSED, trendColumnsOf, trendColumnsOfCells, trendOfAccounts, trendRowOf, type TrendBatchOptions, type TrendColumns, type TrendRowOutcome } from "../../../core/trend/trend";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";

/**
 * trendColumnsOfCells (Excel's grid of unknown cells, read strictly inside the batch's
 * one pass) against the path ARREARS.TREND took before it: every row read cell by cell
 * first (the reader below, written out from core's amount grammar: a row of plain
 * numbers within £10M used as it is, otherwise blanks left out, numbers rounded to the
 * penny, amount text read, the first unreadable cell refusing the row), then the
 * readable rows fitted by trendOfAccounts. Figures to the last bit, refusals word for word.
 */

const isBlank = (v: unknown) => v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function oldRead(row: readonly unknown[], rowNo: number): (number | null)[] | ArrearsInputError {
  if (row.every((v) => typeof v === "number" && Math.abs(v) <= 10_000_000)) return row as number[];
  const out: (number | null)[] = [];
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (isBlank(v)) {
      out.push(null);
      continue;
    }
    const a = readAmount(v);
    if (!a.ok) return new ArrearsInputError("balances", `balances row ${rowNo}, column ${i + 1}: ${excelErrorOf(v) === null ? `${describeValue(v)} ` : ""}${a.reason}`);
    out.push(a.value);
  }
  return out;
}

function oldPath(grid: readonly (readonly unknown[])[], options: TrendBatchOptions): TrendRowOutcome[] {
  const rows = grid.map((r, i) => oldRead(r, i + 1));
  const fitted = trendOfAccounts(
    rows.map((r) => (r instanceof ArrearsInputError ? [] : r)),
    options,
  );
  return rows.map((r, i) => (r instanceof ArrearsInputError ? r : fitted[i]));
}

const plain = (o: TrendRowOutcome) => (o instanceof ArrearsInputError ? { refused: `${o.field}: ${o.message}` } : o);
const settle = <T>(f: () => T): T | { threw: string } => {
  try {
    return f();
  } catch (e) {
    if (e instanceof ArrearsInputError) return { threw: `${e.field}: ${e.message}` };
    throw e;
  }
};
const outcomesOf = (cols: TrendColumns) => Array.from({ length: cols.rows }, (_, i) => plain(trendRowOf(cols, i)));

describe("trend batch over a grid of unknown cells", () => {
  it("agrees with the old adapter path and with trendColumnsOf on the generated team export (17,000 × 52)", () => {
    const exp = generateTeamExport({ accounts: 17_000, officers: 12, seed: 20261, periodStart: isoToSerial("2026-10-01"), periodEnd: isoToSerial("2026-10-31"), weeks: 52 });
    const history = exp.balanceHistory;
    const options = { periods: history.dates, weeklyRent: exp.accounts.map((a) => a.weeklyRent) };
    const cols = trendColumnsOfCells(history.balances, options);
    expect(outcomesOf(cols)).toEqual(oldPath(history.balances, options).map(plain));
    expect(outcomesOf(cols)).toEqual(outcomesOf(trendColumnsOf(history.balances, options)));
    // Real work was compared: every account fitted.
    expect(Array.from(cols.outcome).every((o) => o === ROW_FITTED)).toBe(true);
  });

  it("reads blanks and amount text in the fit, and refuses a bad cell naming its row and column", () => {
    const grid: unknown[][] = [
      // x = 1, 2, 4 (the blank left out), y = 100, 110, 130: mean x 7/3, mean y 340/3,
      // Sxx = 21 - 3(7/3)² = 14/3, Sxy = 840 - 3(7/3)(340/3) = 140/3, slope 10 per period;
      // projected at x = 4 + 4: 340/3 + 10(8 - 7/3) = 170; all three owe at least 1p.
      [100, "110", null, "£130.00"],
      [100, "12,50", 120, 130], // a decimal comma: refused
      [null, "", "  ", undefined], // nothing: blank
      [100, 20_000_000, 120, 130], // above £10M: refused, not fitted
      [100, Number.NaN, 120, 130], // refused
      [100, 110, true, 130], // refused
      [100, 110, 120, { code: "#N/A" }], // an Excel error: refused, naming the error
      [null, null, null, 5], // one balance: the fit's refusal
    ];
    const cols = trendColumnsOfCells(grid, {});
    expect(Array.from(cols.outcome)).toEqual([ROW_FITTED, ROW_REFUSED, ROW_BLANK, ROW_REFUSED, ROW_REFUSED, ROW_REFUSED, ROW_REFUSED, ROW_REFUSED]);
    const first = trendRowOf(cols, 0) as { slopePerPeriod: number; projectedBalance: number; periodsInArrears: number; pointsUsed: number };
    expect(first).toMatchObject({ slopePerPeriod: 10, direction: "worsening", projectedBalance: 170, periodsInArrears: 3, pointsUsed: 3, latestBalance: 130 });
    const message = (i: number) => cols.errors.get(i)!.message;
    expect(message(1)).toMatch(/^balances row 2, column 2: "12,50" uses a decimal comma/);
    expect(message(3)).toMatch(/^balances row 4, column 2: 20000000 is larger than £10,000,000/);
    expect(message(4)).toBe("balances row 5, column 2: a non-finite number is not a finite number");
    expect(message(5)).toBe("balances row 6, column 3: TRUE is TRUE/FALSE, not an amount");
    expect(message(6)).toMatch(/^balances row 7, column 4: .*#N\/A/);
    expect(message(7)).toBe("account 8: needs at least 2 balances to fit a trend, found 1");
    expect(outcomesOf(cols)).toEqual(oldPath(grid, {}).map(plain));
  });

  it("agrees with the old path on random small grids: numbers, noisy and huge numbers, blanks, text, errors, booleans, NaN (fast-check)", () => {
    const cell = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -200_000, max: 200_000 }).map((p) => p / 100) },
      { weight: 2, arbitrary: fc.double({ min: -1e8, max: 1e8, noNaN: true }) },
      fc.constantFrom(12.499999999999998, -0, 10_000_000, -10_000_000, 10_000_000.01, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY),
      fc.constantFrom(null, undefined, "", "   "),
      fc.constantFrom("£1,234.50", "(12.00)", "45.10 CR", "95.50", "12,50", "1.234", "abc", "#N/A", "1e3", "-£5"),
      fc.string({ maxLength: 6 }),
      fc.boolean(),
      fc.constantFrom({ code: "#REF!" }, { code: "#DIV/0!" }),
    );
    const width = fc.integer({ min: 2, max: 6 });
    const arb = width.chain((w) =>
      fc.record({
        grid: fc.array(fc.array(cell, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 }),
        periods: fc.oneof(
          fc.constant(undefined),
          fc.array(fc.option(fc.integer({ min: 45_000, max: 46_000 }), { nil: null, freq: 6 }), { minLength: w, maxLength: w }),
          fc.array(fc.integer({ min: 45_000, max: 46_000 }), { minLength: w + 1, maxLength: w + 1 }),
        ),
        rent: fc.option(fc.constantFrom(95.5, 120, -3, 0), { nil: undefined }),
        horizon: fc.option(fc.integer({ min: 0, max: 52 }), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(arb, ({ grid, periods, rent, horizon }) => {
        // A bad shared rent refuses the whole batch (the same words both ways); a bad per-account rent, its row.
        const perRow = rent !== undefined && grid.length % 2 === 0;
        const options = { periods, weeklyRent: perRow ? grid.map((_, i) => (i === 0 ? rent : 100)) : rent, horizon };
        expect(settle(() => outcomesOf(trendColumnsOfCells(grid, options)))).toEqual(settle(() => oldPath(grid, options).map(plain)));
      }),
      { numRuns: 1500 },
    );
  });

  it("ignores a column offset or NaN-as-blank smuggled into its options: cells are read whole and NaN refused", () => {
    const grid = [[Number.NaN, 100, 110, 120]];
    const cols = trendColumnsOfCells(grid, { fromIndex: 1, nanAsBlank: true } as TrendBatchOptions);
    expect(cols.errors.get(0)!.message).toBe("balances row 1, column 1: a non-finite number is not a finite number");
  });
});
