import fc from "fast-check";
import { roundPence, toPence } from "../../../core/money";

// toPence counts round2dp's rule in whole pence without dividing back to pounds; the
// plain composition (round to the penny, then × 100 and Math.round) is its oracle.
const plain = (pounds: number) => Math.round(roundPence(pounds) * 100);

describe("toPence", () => {
  it("gives the plain composition's pence, sign and -0 for amounts to the penny and beyond (fast-check)", () => {
    const pennies = fc.integer({ min: -1e13, max: 1e13 }).map((p) => p / 100);
    // Sub-penny amounts, halves among them, either side of zero.
    const parts = fc.integer({ min: -1e9, max: 1e9 }).map((p) => p / 1000);
    const any = fc.double({ min: -1e12, max: 1e12, noNaN: true });
    fc.assert(
      fc.property(fc.oneof(pennies, parts, any), (pounds) => {
        expect(Object.is(toPence(pounds), plain(pounds))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
  });

  it("rounds halves away from zero, keeps 1.005 as Excel's ROUND does, and passes NaN and the infinities through", () => {
    expect([0.005, -0.005, 12.345, -12.345, 1.005, 2.675, -0.004, -0].map(toPence)).toEqual([1, -1, 1235, -1235, 101, 268, -0, 0]);
    expect(Object.is(toPence(-0.004), -0)).toBe(true);
    for (const v of [NaN, Infinity, -Infinity]) expect(Object.is(toPence(v), plain(v))).toBe(true);
  });
});
