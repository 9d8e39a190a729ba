import { loadBuiltFunctions } from "../support/builtAddin";
import { isCfError } from "../support/customFunctionsStub";

// The headless host: the *built* functions.js in a fresh context, as Excel's
// runtime loads it. Catches the "#NAME? after load" family: a function in
// functions.json that the bundle never associates, or associates twice.

describe("built functions bundle", () => {
  const { metadata, log } = loadBuiltFunctions();

  it("associates every id in the generated functions.json exactly once", () => {
    const ids = metadata.functions.map((f) => f.id).sort();
    expect(ids.length).toBeGreaterThan(0);
    expect([...log.counts.keys()].sort()).toEqual(ids);
    for (const id of ids) expect(log.counts.get(id)).toBe(1);
  });

  it("describes every function and parameter for Excel's formula autocomplete", () => {
    for (const f of metadata.functions) {
      expect(f.description?.length).toBeGreaterThan(20);
      for (const p of f.parameters) expect(p.description?.length).toBeGreaterThan(10);
    }
  });

  it("declares TREND with its optional arguments", () => {
    const t = metadata.functions.find((f) => f.id === "TREND")!;
    expect(t.parameters.map((p) => [p.name, !!p.optional])).toEqual([
      ["balances", false],
      ["periods", true],
      ["weeklyRent", true],
      ["horizon", true],
      ["tolerance", true],
    ]);
    expect(t.result.dimensionality).toBe("matrix");
  });

  it("runs ARREARS.TREND as Excel calls it: 2-D ranges, nulls for omitted arguments, serial dates", () => {
    const trend = log.functions.get("TREND")!;
    const out = trend([[0, 14, 28, 42]], [[45292, 45299, 45306, 45313]], null, null, null) as unknown[][];
    expect(out).toEqual([[14, "worsening", 98, "", 3]]);
    const many = trend([[10, 20, 30], [30, 20, 10]], null, [[10], [20]], 2, null) as unknown[][];
    expect(many).toEqual([
      [10, "worsening", 50, 3, 3],
      [-10, "improving", -10, 0.5, 3],
    ]);
  });

  it("returns an Excel error, not an exception, for bad input", () => {
    const trend = log.functions.get("TREND")!;
    const out = trend([[1, 2]], null, [[-5]], null, null);
    expect(isCfError(out)).toBe(true);
    expect((out as Error).message).toBe("ARREARS.TREND: weekly rent must be a positive number, got -5");
  });
});
