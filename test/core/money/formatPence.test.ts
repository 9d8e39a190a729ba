import fc from "fast-check";
import { formatPence, formatPounds } from "../../../core/money";

/** formatPence is formatPounds of pence ÷ 100 by integer arithmetic: the two must give the same text for every whole number of pence. */
describe("formatPence", () => {
  it("writes the same text as formatPounds for the edges of each thousands group, signs and zero", () => {
    const pence = [0, 1, 9, 10, 99, 100, 101, 999, 99_999, 100_000, 100_001, 100_005, 123_456, 99_999_999, 100_000_000, 100_000_500, 100_500_000, 1_000_000_000_07, 9_007_199_254_740_991];
    const all = [...pence, ...pence.map((p) => -p)];
    expect(all.map(formatPence)).toEqual(all.map((p) => formatPounds(p / 100)));
    expect(formatPence(100_005)).toBe("£1,000.05");
    expect(formatPence(-100_000_500)).toBe("-£1,000,005.00");
  });

  it("writes the same text as formatPounds for any whole pence", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (p) => formatPence(p) === formatPounds(p / 100)),
      { numRuns: 20_000 },
    );
  });

  it("falls back to formatPounds for an amount that is not whole pence", () => {
    expect(formatPence(12.5)).toBe(formatPounds(0.125));
  });
});
