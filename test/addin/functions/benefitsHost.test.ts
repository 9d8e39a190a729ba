import { loadBuiltFunctions } from "../../support/builtAddin";
import { isCfError } from "../../support/customFunctionsStub";

// The benefit functions in the headless host: the built functions.js in a fresh JS context, as
// Excel's runtime loads it, called with Excel's shapes (null for omitted arguments).

describe("benefit functions in the built bundle", () => {
  const { metadata, log } = loadBuiltFunctions();
  const call = (id: string, ...args: unknown[]) => log.functions.get(id)!(...args);

  it("declares each function with its units in the description and optional arguments after the first", () => {
    const units: Record<string, RegExp> = { UCAWARD: /£ a month/, UCHOUSING: /£ a month/, HBAWARD: /£ a week/, UNDEROCCUPANCY: /£ a month.*£ a week/, NONDEP: /£ a month.*£ a week/, BENEFITCAP: /£ a month/, BEDROOMSNEEDED: /bedroom/i };
    for (const [id, unit] of Object.entries(units)) {
      const f = metadata.functions.find((m) => m.id === id)!;
      expect(f.description).toMatch(unit);
      expect(f.parameters.slice(1).every((p) => p.optional)).toBe(true);
      expect(f.parameters.length).toBeLessThanOrEqual(10);
      expect(f.result.dimensionality).toBe("matrix");
    }
  });

  it("runs ARREARS.UCAWARD, ARREARS.HBAWARD and the others as Excel calls them", () => {
    const n = null;
    expect(call("UCAWARD", [[30]], n, 90, "week", 1, n, n, n, "2025-26", n)).toEqual([[790.14]]);
    expect(call("UCHOUSING", [[40]], n, 120, "week", 2, n, n, n, "2025-26", n)).toEqual([[447.2]]);
    expect(call("HBAWARD", [[30]], n, 90, "week", 1, [[150]], n, n, "2025-26", n)).toEqual([[55.58]]);
    expect(call("BEDROOMSNEEDED", [[30, 29]], [["12F"], ["8F"], [6]], n, n)).toEqual([[3]]);
    expect(call("UNDEROCCUPANCY", [[40]], n, 120, "week", 3, n, "HB", "2025-26", n)).toEqual([[30]]);
    expect(call("NONDEP", [[30, 256]], "HB", "2024-25", n, n)).toEqual([[60.95]]);
    expect(call("BENEFITCAP", [[35, 33]], [[7], [5], [3]], 108, "week", 3, n, n, n, "2025-26", n)).toEqual([[109.1]]);
  });

  it("returns Excel errors, never throws, for bad input", () => {
    const bad = call("UCAWARD", [[30]], null, -5, "week", 1, null, null, null, "2025-26", null);
    expect(isCfError(bad)).toBe(true);
    expect((bad as Error).message).toBe("ARREARS.UCAWARD: rent must be zero or more, got -5");
    expect(isCfError(call("HBAWARD", null, null, null, null, null, null, null, null, null, null))).toBe(true);
  });
});
