import { formulasToReenter } from "../../../addin/excel/reenterFormulas";
import { displayForm, savedCall } from "../../../addin/excel/savedFormulas";
import { describeOutcome, reenterArrearsFormulas } from "../../../addin/excel/reenterInWorkbook";

describe("formulasToReenter", () => {
  it("picks ARREARS formulas in display and saved forms, and nothing else", () => {
    const grid = [
      ["=ARREARS.TREND(B2:BA100)", "=SUM(A1:A3)", 12, "ARREARS.TREND as text", null],
      ["=_xldudf_ARREARS_RETURN(Accounts[#All],Transactions[#All],B3,B4)", "=[2]!_xldudf_ARREARS_KPI(\"current_arrears\",A:A)", "=IF(A1>0,arrears.stage(G2,D2,B2),\"\")", 4.5, ""],
      ["='C:\\addins\\Old.xlam'!_xldudf_ARREARS_UC(A2:B40)", "=Book1.xla!_xldudf_arrears_hb(A2:B40)", "=MYCO.TREND(A1)", "=ARREARSX(A1)", true],
    ];
    expect(formulasToReenter(grid)).toEqual([
      { row: 0, col: 0, formula: "=ARREARS.TREND(B2:BA100)" },
      { row: 1, col: 0, formula: "=ARREARS.MONTHLYRETURN(Accounts[#All],Transactions[#All],B3,B4)" },
      { row: 1, col: 1, formula: '=ARREARS.KPI("current_arrears",A:A)' },
      { row: 1, col: 2, formula: '=IF(A1>0,arrears.stage(G2,D2,B2),"")' },
      { row: 2, col: 0, formula: "=ARREARS.UCAWARD(A2:B40)" },
      { row: 2, col: 1, formula: "=ARREARS.HBAWARD(A2:B40)" },
    ]);
  });

  it("leaves spilled values alone: they are not formulas", () => {
    expect(formulasToReenter([["=ARREARS.TREND(B2:C3)", -1.5, "worsening"], [0.25, "stable", 3]])).toEqual([{ row: 0, col: 0, formula: "=ARREARS.TREND(B2:C3)" }]);
  });

  it("reads back what the sample workbooks write", () => {
    expect(displayForm(`=${savedCall("TREND", "Balances!$C$2:$BB$401", "Balances!$C$1:$BB$1")}`)).toBe("=ARREARS.TREND(Balances!$C$2:$BB$401,Balances!$C$1:$BB$1)");
  });

  it("re-enters the renamed functions (UC, HB, RETURN) under their new names, in either form, and only those", () => {
    expect(displayForm("=ARREARS.UC(A1)+arrears.hb (A1)+ARREARS.UCHOUSING(A1)+_xldudf_ARREARS_RETURN(X)")).toBe(
      "=ARREARS.UCAWARD(A1)+ARREARS.HBAWARD(A1)+ARREARS.UCHOUSING(A1)+ARREARS.MONTHLYRETURN(X)",
    );
    expect(displayForm("=MYARREARS.UC(A1)+ARREARS.RETURNS(A1)")).toBe("=MYARREARS.UC(A1)+ARREARS.RETURNS(A1)");
    expect(formulasToReenter([["=ARREARS.UC(A1:B9)"]])).toEqual([{ row: 0, col: 0, formula: "=ARREARS.UCAWARD(A1:B9)" }]);
  });

  it("rewrites every saved call in a formula, keeping the rest of it", () => {
    expect(displayForm("=_xldudf_ARREARS_KPI(\"a\",X)+_xldudf_ARREARS_KPI(\"b\",X)")).toBe('=ARREARS.KPI("a",X)+ARREARS.KPI("b",X)');
  });
});

/** The Office.js calls reenterArrearsFormulas makes, over sheets held as formula grids. */
function fakeContext(sheets: { name: string; protected?: boolean; formulas: unknown[][]; spillParents?: Record<string, string> }[]) {
  const written: { sheet: string; address: string; formulas: unknown }[] = [];
  const addr = (r: number, c: number) => `${String.fromCharCode(65 + c)}${r + 1}`;
  const cell = (sheet: (typeof sheets)[number], r: number, c: number) => {
    const address = addr(r, c);
    const target = {
      address,
      set formulas(v: unknown) {
        written.push({ sheet: sheet.name, address, formulas: v });
      },
      load: () => undefined,
      getSpillParentOrNullObject: () => {
        const p = sheet.spillParents?.[address];
        return { isNullObject: p === undefined, address: p ?? "", load: () => undefined };
      },
    };
    return target;
  };
  const items = sheets.map((s) => ({
    name: s.name,
    protection: { protected: !!s.protected },
    getUsedRangeOrNullObject: () => ({
      isNullObject: s.formulas.length === 0,
      getSpecialCellsOrNullObject: () => ({
        isNullObject: false,
        load: () => undefined,
        areas: { items: [{ formulas: s.formulas, getCell: (r: number, c: number) => cell(s, r, c) }] },
      }),
    }),
  }));
  const context = { workbook: { worksheets: { items, load: () => undefined } }, sync: async () => undefined };
  return { context: context as unknown as Excel.RequestContext, written };
}

describe("reenterArrearsFormulas (Office.js side)", () => {
  beforeAll(() => {
    (globalThis as Record<string, unknown>).Excel = { SpecialCellType: { formulas: "Formulas" } };
  });

  it("writes each ARREARS formula back in display form, skips spill children, protected and empty sheets", async () => {
    const { context, written } = fakeContext([
      { name: "Trend", formulas: [["=_xldudf_ARREARS_TREND(B2:C3)", "=SUM(A1)"], ["=ARREARS.STAGE(A1,B1,C1)", 1]], spillParents: { B2: "A1" } },
      { name: "Locked", protected: true, formulas: [["=ARREARS.KPI(A1)"]] },
      { name: "Empty", formulas: [] },
      { name: "Plain", formulas: [["=A1+1"]] },
    ]);
    const outcome = await reenterArrearsFormulas(context);
    expect(written).toEqual([
      { sheet: "Trend", address: "A1", formulas: [["=ARREARS.TREND(B2:C3)"]] },
      { sheet: "Trend", address: "A2", formulas: [["=ARREARS.STAGE(A1,B1,C1)"]] },
    ]);
    expect(outcome).toEqual({ cells: 2, sheets: 1, protectedSheets: ["Locked"], failedSheets: [] });
    expect(describeOutcome(outcome)).toEqual({ done: "Re-entered 2 ARREARS formulas on 1 sheet.", problems: "Protected sheets were left alone (unprotect them and run this again): Locked." });
  });

  it("does not re-enter a cell inside another formula's spill", async () => {
    const { context, written } = fakeContext([{ name: "S", formulas: [["=ARREARS.TREND(X1:Y2)"], ["=ARREARS.TREND(X1:Y2)"]], spillParents: { A1: "A1", A2: "A1" } }]);
    await reenterArrearsFormulas(context);
    expect(written.map((w) => w.address)).toEqual(["A1"]);
  });

  it("reports a sheet Excel refuses, and carries on with the others", async () => {
    const { context } = fakeContext([{ name: "Bad", formulas: [["=ARREARS.KPI(A1)"]] }]);
    const sheets = (context.workbook.worksheets as unknown as { items: { getUsedRangeOrNullObject: () => unknown }[] }).items;
    sheets[0].getUsedRangeOrNullObject = () => {
      throw new Error("The cell is part of an array.");
    };
    const outcome = await reenterArrearsFormulas(context);
    expect(outcome.failedSheets).toEqual([{ sheet: "Bad", message: "The cell is part of an array." }]);
    expect(describeOutcome(outcome)).toEqual({ done: "No ARREARS formulas needed re-entering.", problems: "Excel would not re-enter the formulas on Bad: The cell is part of an array." });
  });
});
