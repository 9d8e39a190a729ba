import * as fs from "node:fs";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { OutCell, OutSheet } from "../../cli/io/xlsx";
import { generateTeamExport, isoToSerial } from "../../samples/generator/teamExport";
import { SMALL_EXPORT } from "../../samples/build";
import { householdWorkbook } from "../../samples/build/householdWorkbook";
import { monthlyReturnWorkbook } from "../../samples/build/monthlyReturnWorkbook";
import { qaLogWorkbook } from "../../samples/build/qaLogWorkbook";
import { trendWorkbook } from "../../samples/build/trendWorkbook";
import { START_HERE } from "../../samples/build/layout";
import { kpiById, monthlyReturn } from "../../core/kpi/monthlyReturn";
import { oneSheetCopies, printWorkbooks, type PrintedSheet } from "../support/printedPages";

/**
 * The sample workbooks as a new user meets them: a Start here sheet first, titled and
 * formatted results, and set up to print (checked by printing the monthly return with
 * LibreOffice; one run, so its own file).
 */

const SAMPLES = path.resolve(__dirname, "../../samples/workbooks");
const exp = generateTeamExport(SMALL_EXPORT);
const books: Record<string, OutSheet[]> = {
  "monthly-return.xlsx": monthlyReturnWorkbook(exp, isoToSerial(String(SMALL_EXPORT.periodStart)), isoToSerial(String(SMALL_EXPORT.periodEnd))),
  "household-calculator.xlsx": householdWorkbook(),
  "arrears-trend.xlsx": trendWorkbook(exp),
  "qa-log.xlsx": qaLogWorkbook(),
};
const text = (v: unknown) => String(v !== null && typeof v === "object" ? (v as OutCell).value : (v ?? ""));
const sheet = (book: string, name: string) => books[book].find((s) => s.name === name)!;

describe("every sample workbook starts with a Start here sheet", () => {
  it.each(Object.keys(books))("%s: what it shows, loading the add-in, #NAME? until then, and where to re-enter formulas", (book) => {
    const [first] = books[book];
    expect(first.name).toBe(START_HERE);
    const all = first.rows.map((r) => r.map(text).join(" ")).join("\n");
    expect(all).toContain("What this workbook shows");
    expect(all).toContain("Home › Add-ins › More Add-ins › Upload My Add-in");
    expect(all).toContain("manifest.xml");
    expect(all).toMatch(/IT team to deploy/);
    expect(all).toMatch(/reads #NAME\? until the add-in is loaded/);
    expect(all).toContain("Arrears group choose Re-enter formulas");
    expect(all).toContain("Formulas › Re-enter ARREARS formulas");
  });
});

describe("sample results are titled and formatted", () => {
  const book = "monthly-return.xlsx";
  it.each(["By officer", "Ageing", "Escalations"])("%s: a title above the spill, whose header row freezes and prints on every page", (name) => {
    const s = sheet(book, name);
    expect((s.rows[0][0] as OutCell).title).toBe(true);
    const anchor = s.rows[s.headerRow!][0] as OutCell;
    expect(anchor.spill).toBe(true);
    expect(s.headerRow).toBeGreaterThan(0);
    expect(s.freezeHeader).toBe(true);
  });

  it("formats the spilled columns by what they hold: £ money, % figures, weeks to 1 dp", () => {
    const officers = sheet(book, "By officer").columnFormats!;
    // OFFICER_COLUMNS: Officer, Current tenancies, Rent due £, Rent collected £, Collection % (ARC 26), …
    expect(officers.slice(0, 5)).toEqual([null, "integer", "money", "money", "percentFigure"]);
    const ageing = sheet(book, "Ageing").columnFormats!;
    expect(ageing).toEqual([null, "integer", "money", "percentFigure", "percentFigure", "integer", "money"]);
    // ESCALATION_COLUMNS: Account, Officer, Weeks owed, Balance £, Stage, Due to escalate, Reason, Next action.
    expect(sheet(book, "Escalations").columnFormats).toEqual([null, null, "weeks", "money", null, null, null, null]);
    // In the file: 83.08 (a percentage as the functions return it) shows as 83.08%, unscaled.
    const styles = strFromU8(unzipSync(new Uint8Array(fs.readFileSync(path.join(SAMPLES, book))))["xl/styles.xml"]);
    expect(styles).toContain('formatCode="0.00&quot;%&quot;"');
  });

  it("makes the spilled columns wide enough for the figures and labels the functions return (no ####, no cut names)", () => {
    // Width estimate: 1.15 column units a character (Calibri 11 regular, erring wide), plus 1 unit of margin.
    const fits = (text: string, width: number) => text.length * 1.15 + 1 <= width;
    const ret = monthlyReturn(exp, { periodStart: isoToSerial(String(SMALL_EXPORT.periodStart)), periodEnd: isoToSerial(String(SMALL_EXPORT.periodEnd)) });
    const money = (v: number) => `£${v.toLocaleString("en-GB", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    const ageing = sheet(book, "Ageing").columnWidths!;
    const tooWide = ret.ageing.flatMap((b) =>
      [b.label, String(b.accounts), money(b.arrears), `${b.pctOfAccountsInArrears?.toFixed(2)}%`, `${b.pctOfArrears?.toFixed(2)}%`, String(b.ucAccounts), money(b.ucArrears)].filter((t, c) => !fits(t, ageing[c])),
    );
    const officers = sheet(book, "By officer").columnWidths!;
    const team = kpiById(ret, "current_arrears").value!;
    const names = [...ret.byOfficer.map((o) => o.officer), "Team total"].filter((n) => !fits(n, officers[0]));
    expect([...tooWide, ...names]).toEqual([]);
    expect(fits(money(team), officers[5])).toBe(true); // OFFICER_COLUMNS[5]: Current arrears £, the team's total
  });

  it("shows the household forms' money inputs as £ (a rent of 112.4 reads £112.40)", () => {
    const family = sheet("household-calculator.xlsx", "UC family");
    const rent = family.rows.find((r) => r[0] === "Rent")![1] as OutCell;
    expect(rent).toEqual({ value: 112.4, format: "money" });
    const age = family.rows.find((r) => r[0] === "Adult 1 age")![1];
    expect(age).toBe(34);
  });

  it("sets every sheet of every sample to print one page wide with page numbers", () => {
    for (const [book, sheets] of Object.entries(books)) {
      for (const s of sheets) expect([book, s.name, s.print?.fitToWidth ?? true]).toEqual([book, s.name, true]);
      const files = unzipSync(new Uint8Array(fs.readFileSync(path.join(SAMPLES, book))));
      sheets.forEach((s, i) => {
        const ws = strFromU8(files[`xl/worksheets/sheet${i + 1}.xml`]);
        expect([s.name, ws]).toEqual([s.name, expect.stringContaining('fitToWidth="1" fitToHeight="0"')]);
        expect([s.name, ws]).toEqual([s.name, expect.stringContaining("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>")]);
      });
      // Sheets with a header row repeat it on every page.
      const titles = strFromU8(files["xl/workbook.xml"]).match(/_xlnm\.Print_Titles/g) ?? [];
      expect(titles.length).toBe(sheets.filter((s) => s.print?.repeatRows !== null).length);
    }
  });
});

describe("the monthly return sample on paper (LibreOffice PDF)", () => {
  let printed: Map<string, PrintedSheet>;
  beforeAll(() => {
    printed = printWorkbooks(oneSheetCopies(new Uint8Array(fs.readFileSync(path.join(SAMPLES, "monthly-return.xlsx")))));
  }, 300_000);

  it("prints in 48 pages or fewer (59 before the layout, at a smaller export), each sheet but the export's data tables on one landscape page", () => {
    // 36 pages before the sample had arrangements, Transactions at most 19 of them; now Transactions holds the 873 lines of the month
    // and 504 planted arrangement payments (1,377 lines, about 50 a page: at most 28 pages), plus the Arrangements table (70 rows: at
    // most 2 pages) and the Arrangement status sheet (1): 36 - 19 + 28 + 2 + 1 = 48.
    const total = [...printed.values()].reduce((n, p) => n + p.pages, 0);
    expect(total).toBeLessThanOrEqual(48);
    for (const name of [START_HERE, "Return", "By officer", "Ageing", "Escalations", "Arrangement status", "Checks", "Policy", "Voids"]) expect([name, printed.get(name)]).toEqual([name, { pages: 1, landscape: true }]);
    expect(printed.get("Arrangements")).toEqual({ pages: expect.any(Number), landscape: true });
    expect(printed.get("Arrangements")!.pages).toBeLessThanOrEqual(2);
    // 400 accounts, 14 columns: one page wide, about 55 rows a page.
    expect(printed.get("Accounts")!.pages).toBeLessThanOrEqual(9);
    expect(printed.get("Accounts")!.landscape).toBe(true);
    // The month's 873 transactions and the arrangements' 504 payments, five columns: portrait, about 50 rows a page.
    expect(printed.get("Transactions")!.pages).toBeLessThanOrEqual(28);
  });
});
