import * as fs from "node:fs";
import * as path from "node:path";
import { readBuiltMetadata } from "../support/builtAddin";
import { EXCEL4_MACRO_FUNCTIONS } from "../support/excel4MacroFunctions";
import { isA1Reference, isExcel4MacroName, isR1C1Reference, nameProblems } from "../support/functionNameRules";

// Needs the build: dist/functions.json is GENERATED from the functions' JSDoc, so the
// rules are checked on what Excel will actually be given (readBuiltMetadata says to run
// `npm run build` when it is missing).

describe("the rules themselves", () => {
  it("knows A1 references from names: columns up to XFD, rows 1 to 1048576", () => {
    for (const ref of ["A1", "abc1", "ABC1", "XFD1048576", "UC1", "KPI2", "Z99"]) expect(isA1Reference(ref)).toBe(true);
    // XFE is column 16,385 (24×676 + 6×26 + 5), one past XFD; row 1048577 is one past the last.
    for (const name of ["UCAWARD", "XFE1", "A1048577", "A0", "A01", "ABCD1", "A1B", "KPI"]) expect(isA1Reference(name)).toBe(false);
  });

  it("knows R1C1 references", () => {
    for (const ref of ["R1C1", "rc", "R", "C", "R5", "C12", "R[-1]C[2]", "RC[3]"]) expect(isR1C1Reference(ref)).toBe(true);
    for (const name of ["RETURN", "RCX", "R1C1X", "CR", "TREND"]) expect(isR1C1Reference(name)).toBe(false);
  });

  it("knows the Excel 4.0 macro names Microsoft's page names, with or without dots", () => {
    expect(EXCEL4_MACRO_FUNCTIONS.length).toBeGreaterThan(400);
    for (const name of ["RETURN", "RUN", "ECHO", "GET.CELL", "GETCELL", "save.as", "ALERT", "EVALUATE"]) expect(isExcel4MacroName(name)).toBe(true);
    for (const name of ["TREND", "SUM", "KPI", "MONTHLYRETURN", "UCAWARD"]) expect(isExcel4MacroName(name)).toBe(false);
  });

  it("reports each broken rule for the old names", () => {
    expect(nameProblems("UC", "UC")).toEqual(['id "UC" must be at least 3 characters', 'name "UC" must be at least 3 characters']);
    expect(nameProblems("RETURN", "RETURN")).toEqual(['name "RETURN": "RETURN" is an Excel 4.0 macro function']);
    expect(nameProblems("abc-1", "ABC1")).toEqual(['id "abc-1" may only use A-Z, 0-9, _ and .', 'name "ABC1": "ABC1" is an A1 cell reference']);
    expect(nameProblems("X.R1C1", "X.R1C1")).toEqual(['name "X.R1C1": "R1C1" is an R1C1 cell reference']);
    expect(nameProblems("_AB", "1AB")).toEqual(['id "_AB" must start with a letter', 'name "1AB" must start with a letter']);
  });
});

describe("functions.json as generated", () => {
  const { functions } = readBuiltMetadata();

  it("has the functions the README and samples use", () => {
    expect(functions.map((f) => f.id)).toEqual(expect.arrayContaining(["UCAWARD", "HBAWARD", "MONTHLYRETURN", "TREND", "KPI"]));
    expect(functions.length).toBeGreaterThanOrEqual(15);
  });

  it("gives every function an id and name Excel accepts", () => {
    const problems = functions.flatMap((f) => nameProblems(f.id, f.name).map((p) => `${f.id}: ${p}`));
    expect(problems).toEqual([]);
  });

  it("never uses an id twice (ids are compared without case)", () => {
    const ids = functions.map((f) => f.id.toUpperCase());
    expect(new Set(ids).size).toBe(ids.length);
  });
});

const escapeHtml = (t: string) => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

describe("help links", () => {
  const { functions } = readBuiltMetadata();
  const support = fs.readFileSync(path.resolve(__dirname, "../../addin/support.html"), "utf8");
  const section = (id: string) => new RegExp(`<section id="${id}">([\\s\\S]*?)</section>`).exec(support)?.[1] ?? "";

  it("gives every function a helpUrl on the dev server's support page, at its own anchor", () => {
    for (const f of functions) expect(f.helpUrl).toBe(`https://localhost:3000/support.html#${f.id}`);
  });

  it("has a support.html section for every function: its signature, every argument, an example", () => {
    for (const f of functions) {
      const text = section(f.id);
      expect(text).toContain(`ARREARS.${f.id}(`);
      // The page states each argument exactly as Excel's own formula help does (the generated description), so the two never drift.
      for (const p of f.parameters) expect(text).toContain(`<li><code>${p.name}</code>${p.optional ? " (optional)" : ""}: ${escapeHtml(p.description ?? "")}</li>`);
      expect(text).toMatch(new RegExp(`Example:</strong>.*=ARREARS\\.${f.id}\\(`));
    }
  });
});
