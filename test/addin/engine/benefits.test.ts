import { buildEngine } from "../../support/hyperformulaArrears";

// The benefit functions as built (dist/functions.js and functions.json) in HyperFormula, beside
// native formulas doing the same arithmetic. Inputs to spilling formulas are values, not formulas.

const at = (hf: ReturnType<typeof buildEngine>, row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });

describe("benefit functions in a spreadsheet engine", () => {
  it("estimates UC and HB from cells and agrees with native arithmetic", () => {
    const sheet: unknown[][] = [
      [30, 90, "week", 1, "2025-26"],
      ["=ARREARS.UCAWARD(A1, , B1, C1, D1, , , , E1)", "=400.14+ROUND(B1*52/12, 2)"],
      ["=ARREARS.UCHOUSING(A1, , B1, C1, D1, , , , E1)", "=ROUND(B1*52/12, 2)"],
      ["=ARREARS.HBAWARD(A1, , B1, C1, D1, 150, , , E1)", "=B1-ROUND((150-5-92.05)*0.65, 2)"],
    ];
    const hf = buildEngine(sheet);
    expect(at(hf, 1, 0)).toBe(790.14);
    expect(at(hf, 1, 0)).toBeCloseTo(at(hf, 1, 1) as number, 10);
    expect(at(hf, 2, 0)).toBeCloseTo(at(hf, 2, 1) as number, 10);
    expect(at(hf, 3, 0)).toBeCloseTo(at(hf, 3, 1) as number, 10);
    hf.destroy();
  });

  it("reads a column of child ages and a household form, and spills the breakdown", () => {
    const sheet: unknown[][] = [
      ["Adult 1 age", 40, "10F"],
      ["Rent", 120, "6M"],
      ["Rent period", "week", null],
      ["Bedrooms", 2, null],
      ["Tax year", "2025-26", null],
      ["=ARREARS.UCAWARD(A1:B5)", "=ARREARS.UNDEROCCUPANCY(A1:B5)", "=ROUND(ROUND(B2*52/12, 2)*0.14, 2)", "=ARREARS.BEDROOMSNEEDED(B1, C1:C3)", "=ARREARS.UCAWARD(B1, C1:C3, B2, B3, 3, , , , B5)"],
      ["=ARREARS.UCAWARD(A1:B5, TRUE())"],
    ];
    const hf = buildEngine(sheet);
    expect(at(hf, 5, 0)).toBe(847.34);
    expect(at(hf, 5, 1)).toBeCloseTo(at(hf, 5, 2) as number, 10);
    expect(at(hf, 5, 3)).toBe(3);
    // 400.14 + 339.00 + 292.81 + 520.00: girl 10 and boy 6 cannot share, so 3 bedrooms are allowed.
    expect(at(hf, 5, 4)).toBeCloseTo(1551.95, 10);
    expect(at(hf, 6, 0)).toBe("Universal Credit 2025-26");
    expect(at(hf, 6, 1)).toBe("£ a month");
    expect(at(hf, 7, 0)).toBe("Standard allowance (single, 25 or over)");
    expect(at(hf, 7, 1)).toBe(400.14);
    hf.destroy();
  });

  it("gives non-dependant charges and the benefit cap", () => {
    const sheet: unknown[][] = [
      [23, 300, 35, 33, 7],
      [20, 0, null, null, 5],
      [null, null, null, null, 3],
      ["=ARREARS.NONDEP(A1:B2, \"UC\", \"2025-26\")", "=ARREARS.NONDEP(A1:B1, \"HB\", \"2025-26\")", "=ARREARS.BENEFITCAP(C1:D1, E1:E3, 108, \"week\", 3, , , , \"2025-26\")"],
    ];
    const hf = buildEngine(sheet);
    expect(at(hf, 3, 0)).toBe(93.02);
    expect(at(hf, 3, 1)).toBe(62);
    expect(at(hf, 3, 2)).toBeCloseTo(109.1, 10);
    hf.destroy();
  });

  it("shows #VALUE! with the function's message for bad input", () => {
    const hf = buildEngine([[30, -5, "=ARREARS.UCAWARD(A1, , B1, \"week\", 1, , , , \"2025-26\")", "=ARREARS.HBAWARD(A1, , 90, \"quarterly\", 1)", "=ARREARS.UCAWARD(A1, , 90, \"week\", 1, , , , \"2019-20\")"]]);
    const v = (c: number) => at(hf, 0, c) as { value: string; message: string };
    expect(v(2).value).toBe("#VALUE!");
    expect(v(2).message).toBe("ARREARS.UCAWARD: rent must be zero or more, got -5");
    expect(v(3).message).toBe('ARREARS.HBAWARD: rent period must be week, fortnight, 4 weeks or month, got "quarterly"');
    expect(v(4).message).toMatch(/^ARREARS.UCAWARD: no benefit rates for tax year 2019-20/);
    hf.destroy();
  });
});
