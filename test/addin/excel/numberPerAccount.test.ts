import fc from "fast-check";
import { numberPerAccount } from "../../../addin/excel/cells";

/**
 * numberPerAccount reads a column with one cell per account (the usual shape of a weekly-rent
 * argument) in one pass straight from its rows. The same cells given as one row take the
 * general path (flatten, then read each cell), so the two shapes must agree on every value
 * and every refusal, word for word.
 */

/** The figures, or the refusal's message: what a caller sees either way. */
function settle(read: () => unknown): unknown {
  try {
    return read();
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

const asColumn = (cells: unknown[]) => cells.map((c) => [c]);
const asRow = (cells: unknown[]) => [cells];

describe("numberPerAccount's column pass", () => {
  it("reads numbers as they are and blanks (null, empty or spaces) as unknown, never as 0", () => {
    // Worked by hand: 95.47 and 0 are numbers (0 is refused later, by the trend, as not a positive rent); the rest are blanks.
    expect(numberPerAccount(asColumn([95.47, null, "", "   ", 0, undefined]), 6, "weekly rent")).toEqual([95.47, null, null, null, 0, null]);
  });

  it("hands anything else to the general path: amount text read, other text and NaN refused naming the account", () => {
    expect(numberPerAccount(asColumn([100, "£95.50", null]), 3, "weekly rent")).toEqual([100, 95.5, null]);
    expect(() => numberPerAccount(asColumn([100, 90, "n/a"]), 3, "weekly rent")).toThrow(/^weekly rent \(account 3\) must be a number, got "n\/a"$/);
    expect(() => numberPerAccount(asColumn([100, Number.NaN]), 2, "weekly rent")).toThrow(/^weekly rent \(account 2\) must be a number/);
  });

  it("refuses a block wider than one cell, and a column of the wrong length, as the general path does", () => {
    expect(() => numberPerAccount([[1], [2, 3], [4]], 3, "weekly rent")).toThrow("weekly rent must be a single row or column, got 3 rows by 1 columns");
    expect(() => numberPerAccount(asColumn([1, 2, 3]), 4, "weekly rent")).toThrow("weekly rent must be one figure or one per account: got 3 for 4 accounts");
  });

  it("agrees with the same cells read as a row, value for value and refusal for refusal", () => {
    const cell = fc.oneof(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.integer({ min: 0, max: 500 }),
      fc.constantFrom(null, undefined, "", "  ", Number.NaN, Number.POSITIVE_INFINITY, "£95.00", "12,50", "n/a", true, "(10.00)"),
    );
    fc.assert(
      fc.property(fc.array(cell, { minLength: 2, maxLength: 12 }), (cells) => {
        expect(settle(() => numberPerAccount(asColumn(cells), cells.length, "weekly rent"))).toEqual(settle(() => numberPerAccount(asRow(cells), cells.length, "weekly rent")));
      }),
      { numRuns: 500 },
    );
  });
});
