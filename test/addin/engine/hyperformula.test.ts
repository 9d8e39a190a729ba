import { buildEngine, registerArrearsFunctions } from "../../support/hyperformulaArrears";
import { readBuiltMetadata } from "../../support/builtAddin";

// HyperFormula stands in for Excel's calculation engine: the ARREARS functions
// (same metadata, same built code) beside native formulas on the same numbers.

describe("ARREARS functions in a spreadsheet engine", () => {
  it("registers every function in functions.json", () => {
    const names = registerArrearsFunctions();
    expect(names.sort()).toEqual(readBuiltMetadata().functions.map((f) => `ARREARS.${f.id}`).sort());
  });

  it("agrees with native SLOPE and a FORECAST on the same balances", () => {
    // Row 1: weekly dates from 7 April 2025 (serial 45754); rows 2-4: three accounts' balances; results spill from H2.
    // Dates are values, not =DATE() formulas: the engine sizes a spill when it parses the formula, before other formulas run.
    const sheet: unknown[][] = [
      [45754, 45761, 45768, 45775, 45782, 45789],
      [120.5, 150.25, 149, 210.75, 260, 300.1],
      [900, 850, 870, 700, 640.33, 500],
      [-20, -20, -19.5, -20, -20.25, -20],
    ];
    sheet[1][7] = "=ARREARS.TREND(A2:F4, A1:F1, 100, 4)";
    for (let r = 1; r <= 3; r++) {
      const row = r + 1;
      sheet[r][13] = `=SLOPE(A${row}:F${row}, $A$1:$F$1)*7`;
      // FORECAST spelled out (HyperFormula has no FORECAST): mean y + slope × (x − mean x).
      sheet[r][14] = `=AVERAGE(A${row}:F${row})+SLOPE(A${row}:F${row},$A$1:$F$1)*($F$1+28-AVERAGE($A$1:$F$1))`;
      sheet[r][15] = `=F${row}/100`;
      sheet[r][16] = `=COUNTIF(A${row}:F${row}, ">0")`;
    }
    const hf = buildEngine(sheet);
    for (let r = 1; r <= 3; r++) {
      const v = (c: number) => hf.getCellValue({ sheet: 0, row: r, col: c });
      expect(typeof v(7)).toBe("number");
      expect(v(7) as number).toBeCloseTo(v(13) as number, 2); // slope per week
      expect(v(9) as number).toBeCloseTo(v(14) as number, 2); // projection 4 weeks on
      expect(v(10) as number).toBeCloseTo(v(15) as number, 2); // weeks owed
      expect(v(11)).toBe(v(16)); // periods in arrears
    }
    expect(hf.getCellValue({ sheet: 0, row: 1, col: 8 })).toBe("worsening");
    expect(hf.getCellValue({ sheet: 0, row: 2, col: 8 })).toBe("improving");
    expect(hf.getCellValue({ sheet: 0, row: 3, col: 8 })).toBe("stable");
    hf.destroy();
  });

  it("shows a #VALUE! with the function's message for bad input", () => {
    const hf = buildEngine([[1, 2, 3, "=ARREARS.TREND(A1:C1, , -5)"]]);
    const v = hf.getCellValue({ sheet: 0, row: 0, col: 3 }) as { value: string; message: string };
    expect(v.value).toBe("#VALUE!");
    expect(v.message).toBe("ARREARS.TREND: weekly rent must be a positive number, got -5");
    hf.destroy();
  });
});
