import fc from "fast-check";
import { trend } from "../../../addin/functions/trend";
import { runCustomFunction } from "../../../addin/excel/results";
import { isCfError, StubCustomFunctionsError } from "../../support/customFunctionsStub";

/**
 * The spilled block (one call over many accounts) builds its rows straight from the batch's
 * columns, checking finiteness only where a figure comes out of a division. One account given
 * alone takes the single-account path (one fit, its row built from the result object). Every
 * account the block fits must read exactly as the same account given alone.
 */

const message = (cell: unknown) => (cell as Error).message;

describe("ARREARS.TREND spilled over a block", () => {
  it("spills each fitted account exactly as that account given alone", () => {
    const balance = fc.oneof(fc.integer({ min: -500_000, max: 500_000 }).map((p) => p / 100), fc.constant(null));
    const block = fc.integer({ min: 2, max: 6 }).chain((width) =>
      fc.record({
        rows: fc.array(fc.array(balance, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 8 }),
        dated: fc.boolean(),
        // One rent per account: mostly positive figures and blanks (the column read where each row is written), now
        // and then one the core must judge (zero, negative, text), which sends the whole column through numberPerAccount.
        rents: fc.array(
          fc.oneof(
            { weight: 8, arbitrary: fc.integer({ min: 1, max: 40_000 }).map((p) => p / 100) },
            { weight: 2, arbitrary: fc.constantFrom(null, "", " ") },
            { weight: 1, arbitrary: fc.constantFrom(0, -5, "x", "£95.00", 1e-320) },
          ),
          { minLength: 8, maxLength: 8 },
        ),
        width: fc.constant(width),
      }),
    );
    fc.assert(
      fc.property(block, ({ rows, dated, rents, width }) => {
        // Weekly dates from 1 Jan 2024 (serial 45292), or equally spaced periods when not dated.
        const periods = dated ? [Array.from({ length: width }, (_, k) => 45292 + 7 * k)] : null;
        const out = trend(rows, periods as never, rows.map((_, i) => [rents[i]]), null as never, null as never);
        // Text that is not an amount is refused for the whole call, as a bad shared option is.
        if (rents.slice(0, rows.length).includes("x")) return void expect(isCfError(out)).toBe(true);
        expect(Array.isArray(out)).toBe(true);
        rows.forEach((row, i) => {
          const alone = trend([row], periods as never, [[rents[i]]], null as never, null as never);
          // Only accounts the single path can fit are compared: a row of blanks is a blank row in a block, and an error alone.
          if (isCfError(alone)) return;
          expect(out[i]).toEqual(alone[0]);
        });
      }),
      { numRuns: 600 },
    );
  });

  it("shows a weeks-owed figure that overflows as that cell's error, never as Infinity", () => {
    // A weekly rent of 1e-320 is positive and finite, so it is accepted; 130 / 1e-320 is beyond the largest double (about 1.8e308): Infinity.
    const out = trend(
      [
        [100, 110, 120, 130],
        [130, 120, 110, 100],
      ],
      null as never,
      [[1e-320], [50]],
    );
    // Row 1: slope +10 per period, projected 130 + 4 × 10 = 170, 4 balances in arrears; weeks owed not finite.
    expect(out[0].slice(0, 3)).toEqual([10, "worsening", 170]);
    expect(isCfError(out[0][3])).toBe(true);
    expect(message(out[0][3])).toBe("ARREARS.TREND: the result was not a finite number");
    expect(out[0][4]).toBe(4);
    // Row 2: slope -10, projected 100 - 40 = 60, latest 100 / rent 50 = 2 weeks owed.
    expect(out[1]).toEqual([-10, "improving", 60, 2, 4]);
  });

  it("returns, unread, exactly the block the general result check would: every cell a finite number, text or an error cell", () => {
    // The spilled block is marked as checked and not sanitised again; the same rows copied (so unmarked) and run through
    // runCustomFunction's check must come back unchanged, over rows with blanks, amount text, bad cells, overflowing rents.
    const cell = fc.oneof(
      { weight: 6, arbitrary: fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((p) => p / 100) },
      fc.constantFrom(null, "", " ", "£1,234.50", "(12.00)", "12,50", "n/a", true, Number.NaN, Number.POSITIVE_INFINITY, 1e300, -0, new StubCustomFunctionsError("#N/A")),
    );
    const rent = fc.oneof(fc.integer({ min: 1, max: 40_000 }).map((p) => p / 100), fc.constantFrom(null, "", 1e-320, 0, -5, "x", 1e308));
    const block = fc.integer({ min: 2, max: 6 }).chain((width) =>
      fc.record({ rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 2, maxLength: 10 }), rents: fc.array(rent, { minLength: 10, maxLength: 10 }) }),
    );
    let fitted = 0;
    fc.assert(
      fc.property(block, ({ rows, rents }) => {
        const out = trend(rows, null as never, rows.map((_, i) => [rents[i]]) as never, null as never, null as never);
        if (!Array.isArray(out)) return; // a refusal of the whole call (a bad rent): one error, not a block
        const copy = out.map((row) => [...row]);
        expect(runCustomFunction("ARREARS.TREND", () => copy)).toEqual(out);
        for (const row of out)
          for (const c of row) expect(typeof c === "number" ? Number.isFinite(c) : typeof c === "string" || typeof c === "boolean" || isCfError(c)).toBe(true);
        fitted += out.filter((row) => typeof row[0] === "number").length;
      }),
      { numRuns: 400 },
    );
    expect(fitted).toBeGreaterThan(200);
  });
});
