import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readXlsx, type OutSheet, type SheetData } from "../../cli/io/xlsx";
import { DEFAULT_ESCALATION_POLICY } from "../../core/escalation/policy";
import { monthOfSerial } from "../../core/qa/month";
import { worklistOf } from "../../core/worklist/worklist";
import { committedSamples, SMALL_EXPORT } from "../../samples/build";
import { householdWorkbook } from "../../samples/build/householdWorkbook";
import { monthlyReturnWorkbook } from "../../samples/build/monthlyReturnWorkbook";
import { qaLogWorkbook } from "../../samples/build/qaLogWorkbook";
import { trendWorkbook } from "../../samples/build/trendWorkbook";
import { generateTeamExport, isoToSerial } from "../../samples/generator/teamExport";
import { isCfError } from "../support/customFunctionsStub";
import { evaluateArrearsFormulas, type ArrearsFormulaCell } from "../support/sampleFormulas";

const SAMPLES = path.resolve(__dirname, "../../samples");
const exp = generateTeamExport(SMALL_EXPORT);
const START = isoToSerial(String(SMALL_EXPORT.periodStart));
const END = isoToSerial(String(SMALL_EXPORT.periodEnd));

const cellOf = (sheets: readonly OutSheet[], name: string, row: number, col: number): unknown => {
  const v = sheets.find((s) => s.name === name)!.rows[row]?.[col];
  return v !== null && typeof v === "object" ? v.value : v;
};
const results = (cells: ArrearsFormulaCell[], name: string) => cells.filter((c) => c.name === name).map((c) => c.result);
const failures = (cells: ArrearsFormulaCell[]) =>
  cells.filter((c) => isCfError(c.result) || (typeof c.result === "number" && !Number.isFinite(c.result))).map((c) => `${c.sheet} ${c.formula}: ${(c.result as Error).message ?? c.result}`);

describe("npm run samples", () => {
  it("regenerates every committed sample byte for byte", () => {
    const stale = committedSamples().filter((f) => {
      const file = path.join(SAMPLES, f.path);
      return !fs.existsSync(file) || !Buffer.from(f.bytes).equals(fs.readFileSync(file));
    });
    expect(stale.map((f) => `${f.path} differs from what the builders make: run npm run samples`)).toEqual([]);
  });
});

describe("sample workbooks: every ARREARS formula, evaluated by the built add-in", () => {
  it("monthly return: the return, officers, ageing and escalations spill; the KPI checks match the core", () => {
    const sheets = monthlyReturnWorkbook(exp, START, END);
    const cells = evaluateArrearsFormulas(sheets);
    expect(failures(cells)).toEqual([]);
    expect(new Set(cells.map((c) => c.name))).toEqual(new Set(["MONTHLYRETURN", "BYOFFICER", "AGEING", "ESCALATIONS", "ARRANGEMENTS", "WORKLIST", "KPI"]));
    const [ret] = results(cells, "MONTHLYRETURN") as unknown[][][];
    expect(ret[0][0]).toBe("Id");
    expect(ret.length).toBeGreaterThan(20);
    const [officers] = results(cells, "BYOFFICER") as unknown[][][];
    expect(officers.length).toBe(1 + SMALL_EXPORT.officers + 1); // header, one per officer, team total
    const [escalations] = results(cells, "ESCALATIONS") as unknown[][][];
    expect(escalations.length).toBe(exp.accounts.length + 1);
    for (const kpi of cells.filter((c) => c.name === "KPI")) expect(kpi.result).toBe(kpi.cached);
    // The Arrangement status sheet: one row per planted arrangement, each with its planted status (the accounts' holds applying).
    const [arrangements] = results(cells, "ARRANGEMENTS") as unknown[][][];
    expect(arrangements.length).toBe(exp.arrangements!.length + 1);
    expect(arrangements.slice(1).map((r) => r[2])).toEqual(exp.arrangementLabels!.map((l) => l.outcome));
    // The Worklist sheet, scored by the sheet's Points table: the core's list at period end, row for row, each
    // score the sum of the points its reasons show, and every planted broken arrangement's account that is listed
    // says so.
    const [list] = results(cells, "WORKLIST") as unknown[][][];
    const core = worklistOf({ accounts: exp.accounts, transactions: exp.transactions, asOf: END, arrangements: exp.arrangements, policy: DEFAULT_ESCALATION_POLICY });
    const ranked = list.slice(1).filter((r) => typeof r[0] === "number");
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.map((r) => [r[1], r[3]])).toEqual(core.rows.map((r) => [r.account, r.score]));
    for (const r of ranked) expect([...String(r[4]).matchAll(/\(\+(\d+)\)/g)].reduce((sum, m) => sum + Number(m[1]), 0)).toBe(r[3]);
    const broken = new Set(exp.arrangementLabels!.filter((l) => l.outcome === "broken").map((l) => l.account));
    for (const r of ranked.filter((x) => broken.has(String(x[1])))) expect(String(r[4])).toContain("broken arrangement (+40)");
  });

  it("household calculator: each example gives a figure, and the examples show what they say they show", () => {
    const sheets = householdWorkbook();
    const cells = evaluateArrearsFormulas(sheets);
    expect(failures(cells)).toEqual([]);
    // A one-cell answer may come back as a 1×1 array, which Excel shows as the one value.
    const at = (sheet: string, name: string) => {
      const r = cells.find((c) => c.sheet === sheet && c.name === name && !c.formula.endsWith(",TRUE)"))!.result;
      return Array.isArray(r) ? r[0][0] : r;
    };
    expect(at("UC family", "UNDEROCCUPANCY")).toBeGreaterThan(0); // one spare bedroom
    expect(at("UC family", "BEDROOMSNEEDED")).toBe(3);
    expect(at("UC non-dependant", "NONDEP")).toBeGreaterThan(0);
    expect(at("UC benefit cap", "BENEFITCAP")).toBeGreaterThan(0);
    expect(at("HB pensioner", "HBAWARD")).toBeGreaterThan(0);
    expect(at("HB pensioner", "UNDEROCCUPANCY")).toBe(0); // pension age: no charge
    for (const c of cells.filter((x) => x.formula.endsWith(",TRUE)"))) expect((c.result as unknown[][]).length).toBeGreaterThan(3);
  });

  it("arrears trend: one spill with a row per account", () => {
    const cells = evaluateArrearsFormulas(trendWorkbook(exp));
    expect(failures(cells)).toEqual([]);
    const [trend] = results(cells, "TREND") as unknown[][][];
    expect(trend.length).toBe(exp.accounts.length);
    expect(trend[0].length).toBe(5);
  });

  it("QA log: QASCORE gives each officer's average of that month's saved scores", () => {
    const sheets = qaLogWorkbook();
    const cells = evaluateArrearsFormulas(sheets);
    expect(failures(cells)).toEqual([]);
    const reviews = sheets.find((s) => s.table?.name === "QAReviews")!;
    const [header, ...rows] = reviews.rows.map((r) => r.map((v) => (v !== null && typeof v === "object" ? v.value : v)));
    const [officerCol, dateCol, scoreCol] = ["Officer", "Call date", "Score"].map((h) => header.indexOf(h));
    const month = monthOfSerial(cellOf(sheets, "QA Summary", 0, 1) as number);
    for (const c of cells) {
      const officer = cellOf(sheets, c.sheet, c.row, 0);
      const scores = rows.filter((r) => r[officerCol] === officer && monthOfSerial(r[dateCol] as number) === month).map((r) => r[scoreCol] as number);
      expect(scores.length).toBeGreaterThan(0);
      const mean = scores.reduce((sum, x) => sum + x, 0) / scores.length;
      // QASCORE shows one decimal place: within half a tenth of the exact mean.
      expect(Math.abs((c.result as number) - mean)).toBeLessThanOrEqual(0.05 + 1e-9);
    }
  });
});

describe("LibreOffice opens every sample workbook (soffice --headless --convert-to)", () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-lo-"));
  const inputs = committedSamples()
    .filter((f) => f.path.endsWith(".xlsx"))
    .map((f) => path.join(SAMPLES, f.path));
  let converted: Map<string, SheetData[]>;

  beforeAll(() => {
    const run = spawnSync("soffice", [`-env:UserInstallation=file://${out}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", path.join(out, "xlsx"), ...inputs], { encoding: "utf8", timeout: 180_000 });
    if (run.error) throw new Error(`soffice could not run (${run.error.message}): install Debian's libreoffice-calc, as .ci/run does`);
    expect(run.status).toBe(0);
    converted = new Map(inputs.map((f) => [path.basename(f), readXlsx(fs.readFileSync(path.join(out, "xlsx", path.basename(f)))).sheets]));
  }, 200_000);

  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  it("converts each workbook with every sheet present", () => {
    for (const f of inputs) {
      const expected = readXlsx(fs.readFileSync(f)).sheets.map((s) => s.name);
      expect(converted.get(path.basename(f))?.map((s) => s.name)).toEqual(expected);
    }
  });

  it("LibreOffice's own SUMIFS / COUNTIFS on the sample agree with the core's KPIs to the penny", () => {
    const checks = converted.get("monthly-return.xlsx")!.find((s) => s.name === "Checks")!;
    const rows = checks.rows.slice(1, 3);
    expect(rows.map((r) => r[0])).toEqual(["Current tenant arrears £", "Current tenancies in arrears"]);
    for (const r of rows) {
      expect(typeof r[2]).toBe("number");
      expect(Math.round((r[2] as number) * 100)).toBe(Math.round((r[1] as number) * 100));
    }
  });

  it("LibreOffice's native SLOPE agrees with ARREARS.TREND's slope for the checked accounts", () => {
    const [trend] = results(evaluateArrearsFormulas(trendWorkbook(exp)), "TREND") as number[][][];
    const sheet = converted.get("arrears-trend.xlsx")!.find((s) => s.name === "Trend")!;
    const checked = sheet.rows.slice(1).filter((r) => typeof r[7] === "number");
    expect(checked.length).toBe(25);
    checked.forEach((r, i) => expect(r[7]).toBeCloseTo(trend[i][0], 2));
  });

  it("QA summary's native COUNTIFS and INDEX/MATCH read the review and team tables", () => {
    const sheet = converted.get("qa-log.xlsx")!.find((s) => s.name === "QA Summary")!;
    const body = sheet.rows.slice(2, 7);
    expect(body.map((r) => r[0])).toEqual(["Aisha Khan", "Ben Morgan", "Chloe Evans", "Dan Okafor", "Ella Hughes"]);
    for (const r of body) {
      expect(r[2]).toBeGreaterThan(0);
      expect(r[3]).toBe(4);
      expect(r[4]).toBe(Math.max(0, 4 - (r[2] as number)));
    }
  });
});
