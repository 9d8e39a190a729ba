import { differingRows, trendInputs, trendVariant } from "../../scripts/bench/adapterCase";
import { runCore } from "../../scripts/bench/coreCase";
import { benchData } from "../../scripts/bench/data";
import { compareFigures, coreFigures } from "../../scripts/bench/figures";
import { buildWorkbook, workbookFigures } from "../../scripts/bench/hyperformulaCase";
import { buildNativeSheets } from "../../scripts/bench/nativeSheet";

/**
 * The benchmark's correctness, at a small scale: the native-formula workbook computes
 * the same figures as the core, and the built ARREARS.TREND reports what the core
 * computes. Timing is not asserted here (machines are noisy); `npm run bench` times.
 */

describe("benchmark agreement (200 accounts)", () => {
  const data = benchData(200);

  it("native formulas in HyperFormula agree with the core to the penny", () => {
    const layout = buildNativeSheets(data);
    const agreement = compareFigures(coreFigures(runCore(data)), workbookFigures(buildWorkbook(layout), layout));
    expect(agreement.compared).toBeGreaterThan(1000);
    expect(agreement.notCovered).toEqual([]);
    // Money, percentages, counts, stages and trends agree exactly. Weeks owed may differ on an
    // exact half: the core rounds it with Math.round (halves up), Excel's ROUND away from zero.
    const { "trend:weeksOwed": weeksOwed = 0, ...others } = agreement.byFigure;
    expect(others).toEqual({});
    expect(weeksOwed).toBeLessThanOrEqual(1);
  });

  it("ARREARS.TREND, spilled or one row at a time, reports exactly the core's trend", () => {
    const inputs = trendInputs(data);
    const core = trendVariant("core")(inputs);
    expect(differingRows(core, trendVariant("spilled")(inputs))).toBe(0);
    expect(differingRows(core, trendVariant("rows")(inputs))).toBe(0);
  });
});
