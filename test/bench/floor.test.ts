import { runCore } from "../../scripts/bench/coreCase";
import { benchData } from "../../scripts/bench/data";
import { compareFigures, coreFigures } from "../../scripts/bench/figures";
import { floorFigures, floorInput, floorPass, round2 } from "../../scripts/bench/floor";

/**
 * The typed-array floor is only a fair yardstick if it does the core's arithmetic:
 * its figures must be the core's, to the penny, on the bench's own export.
 */

describe("typed-array floor", () => {
  it("computes every monthly-return and trend figure the core does (300 accounts)", () => {
    const data = benchData(300);
    const x = floorInput(data);
    const agreement = compareFigures(coreFigures(runCore(data)), floorFigures(x, floorPass(x)));
    // 300 accounts × 5 trend figures, plus the KPIs for the team and each officer and the ageing table.
    expect(agreement.compared).toBeGreaterThan(300 * 5 + 12 * 30);
    expect(agreement.examples).toEqual([]);
    expect(agreement.mismatches).toBe(0);
    // The escalation stage is the core's only figure the floor leaves out (it is not part of the return or the trend).
    expect(agreement.notCovered).toEqual(["esc:due", "esc:stage"]);
  });

  it("rounds as Excel's ROUND(v, 2) does: halves away from zero", () => {
    expect(round2(1.005)).toBe(1.01); // stored as 1.00499…; Excel shows 1.01
    expect(round2(-1.625)).toBe(-1.63);
    expect(round2(2.344)).toBe(2.34);
    expect(round2(0.004)).toBe(0);
  });
});
