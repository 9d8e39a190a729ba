import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { readXlsx, type SheetData } from "../../cli/io/xlsx";
import { oneSheetCopies, printWorkbooks, type PrintedSheet } from "../support/printedPages";
import { runCli } from "../support/runCli";

/**
 * The return workbook as a team leader prints it: `arrears report --out` on the
 * committed 400-account sample export, each sheet rendered by LibreOffice to PDF
 * (one run for all sheets; slow, hence its own file) and its pages counted.
 */

const SAMPLE = path.resolve(__dirname, "../../samples/export/team-export.xlsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-report-print-"));
const OUT = path.join(dir, "return.xlsx");
const ARGS = ["report", "--in", SAMPLE, "--from", "2026-10-01", "--to", "2026-10-31", "--organisation", "Northgate & District Homes"];

const run = runCli;

/** Header cells' text width, estimated independently of the writer: Calibri 11 bold at 1.25 column units a character (wider than Calibri's
 * own glyphs, to cover LibreOffice's DejaVu/Liberation substitute), plus 1 unit of cell margin. */
const BOLD_CHAR = 1.25;
const MARGIN = 1;
const widthOf = (text: string) => [...text].length * BOLD_CHAR + MARGIN;
/** Lines a wrapped header takes at a column width, greedily at spaces (15 pt a line). */
function linesAt(text: string, width: number): number {
  let lines = 1;
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && widthOf(next) > width) {
      lines++;
      line = word;
    } else line = next;
  }
  return lines;
}

let bytes: Uint8Array;
let book: SheetData[];
let parts: Record<string, Uint8Array>;
let printed: Map<string, PrintedSheet>;

beforeAll(async () => {
  const res = await run([...ARGS, "--out", OUT]);
  expect(res.err).toBe("");
  expect(res.code).toBe(0);
  bytes = new Uint8Array(fs.readFileSync(OUT));
  book = readXlsx(bytes).sheets;
  parts = unzipSync(bytes);
  printed = printWorkbooks(oneSheetCopies(bytes));
}, 300_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const xml = (part: string) => strFromU8(parts[part]);
const sheetIndex = (name: string) => book.findIndex((s) => s.name === name);
/** The header row (1-based) each sheet repeats on every page: its _xlnm.Print_Titles. */
const titleRow = (name: string): number => {
  const m = xml("xl/workbook.xml").match(new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${sheetIndex(name)}">[^!]*!\\$(\\d+):\\$(\\d+)</definedName>`));
  expect(m).not.toBeNull();
  expect(m![1]).toBe(m![2]);
  return Number(m![1]);
};

describe("the return workbook on paper (LibreOffice PDF of the 400-account sample)", () => {
  it("prints Return and By officer on at most 2 landscape pages each, Ageing on 1", () => {
    // Before this layout the sample's workbook printed 27 portrait pages (Return 3, one column a page).
    expect(printed.get("Return")).toEqual({ pages: expect.any(Number), landscape: true });
    expect(printed.get("Return")!.pages).toBeLessThanOrEqual(2);
    expect(printed.get("By officer")!.pages).toBeLessThanOrEqual(2);
    expect(printed.get("By officer")!.landscape).toBe(true);
    expect(printed.get("Ageing")).toEqual({ pages: 1, landscape: true });
  });

  it("prints Escalations as the cases due to escalate, action columns only, landscape", () => {
    const sheet = book[sheetIndex("Escalations")];
    const header = titleRow("Escalations");
    const rows = sheet.rows.slice(header);
    const dueCol = sheet.rows[header - 1].indexOf("Due to escalate");
    const due = rows.filter((r) => r[dueCol] === true).length;
    expect(due).toBeGreaterThan(10);
    // Due cases come first, so the print area is the header and the next `due` rows, up to Next action (column G).
    expect(rows.slice(0, due).every((r) => r[dueCol] === true)).toBe(true);
    const area = xml("xl/workbook.xml").match(new RegExp(`<definedName name="_xlnm.Print_Area" localSheetId="${sheetIndex("Escalations")}">'Escalations'!\\$A\\$1:\\$([A-Z]+)\\$(\\d+)</definedName>`));
    expect(area).not.toBeNull();
    expect(area![1]).toBe("G");
    expect(sheet.rows[header - 1][6]).toBe("Next action");
    expect(Number(area![2])).toBe(header + due);
    // 90 due cases with a wrapped next action (1–3 lines each) come to 6 pages; a page a dozen cases at worst.
    const pages = printed.get("Escalations")!;
    expect(pages.landscape).toBe(true);
    expect(pages.pages).toBeLessThanOrEqual(Math.ceil(due / 12));
  });

  it("repeats each sheet's header row on every page, with landscape fit-to-width setup and a page x of y footer", () => {
    for (const sheet of book) {
      const i = sheetIndex(sheet.name);
      const ws = xml(`xl/worksheets/sheet${i + 1}.xml`);
      expect(ws).toContain('<pageSetUpPr fitToPage="1"/>');
      expect(ws).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      expect(ws).toContain("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>");
      // The ampersand in the organisation is doubled, so the page header shows it instead of reading a code.
      expect(ws).toContain("<oddHeader>&amp;LNorthgate &amp;&amp; District Homes");
      expect(titleRow(sheet.name)).toBeGreaterThan(1);
    }
  });

  it("gives every sheet a title block: title, organisation, period, when generated and from which file", () => {
    for (const sheet of book) {
      const block = sheet.rows.slice(0, titleRow(sheet.name) - 1).map((r) => String(r[0] ?? ""));
      expect(block[1]).toBe("Organisation: Northgate & District Homes");
      expect(block[2]).toBe("Period: 1 October 2026 to 31 October 2026");
      expect(block[3]).toMatch(/^Generated on \d{1,2} [A-Z][a-z]+ \d{4} at \d\d:\d\d UTC$/);
      expect(block[4]).toBe(`Source files: ${SAMPLE}`);
    }
  });

  it("has no header wider than its column (a wrapped header: its longest word, and all its lines within the row height)", () => {
    const problems: string[] = [];
    for (const sheet of book) {
      const i = sheetIndex(sheet.name);
      const ws = xml(`xl/worksheets/sheet${i + 1}.xml`);
      const widths = new Map([...ws.matchAll(/<col min="(\d+)" max="\d+" width="([\d.]+)"/g)].map((m) => [Number(m[1]) - 1, Number(m[2])]));
      const header = titleRow(sheet.name);
      const height = Number(ws.match(new RegExp(`<row r="${header}"(?: ht="([\\d.]+)")?`))![1] ?? 15);
      sheet.rows[header - 1].forEach((h, c) => {
        const text = String(h ?? "");
        const width = widths.get(c) ?? 8.43;
        const longestWord = Math.max(...text.split(" ").map(widthOf));
        if (longestWord > width) problems.push(`${sheet.name} "${text}": a word needs ${longestWord}, column ${width}`);
        if (linesAt(text, width) * 15 > height) problems.push(`${sheet.name} "${text}": ${linesAt(text, width)} lines in a ${height} pt row`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("sorts the escalation list as the About sheet says: due first, then worsening arrears, then most weeks owed, then account", async () => {
    const about = book[sheetIndex("About")].rows.map((r) => String(r[0] ?? "")).join("\n");
    expect(about).toContain("Order: due to escalate first; then, when a balance history is given, worsening arrears before the rest; then most weeks of rent owed first; then by account.");
    const json = JSON.parse((await run([...ARGS, "--json"])).out) as { escalations: { account: string; dueToEscalate: boolean; weeksOwed: number | null; trend: { direction: string } | null }[] };
    const list = json.escalations;
    expect(list.some((e) => e.trend?.direction === "worsening")).toBe(true);
    const key = (e: (typeof list)[number]) => [e.dueToEscalate ? 0 : 1, e.trend?.direction === "worsening" ? 0 : 1, -(e.weeksOwed ?? 0)];
    const outOfOrder = list.slice(1).filter((e, i) => {
      const [a, b] = [key(list[i]), key(e)];
      const d = a.findIndex((x, j) => x !== b[j]);
      return d === -1 ? list[i].account.localeCompare(e.account) > 0 : a[d] > b[d];
    });
    expect(outOfOrder.map((e) => e.account)).toEqual([]);
    // The sheet lists the accounts in that order.
    const sheet = book[sheetIndex("Escalations")];
    expect(sheet.rows.slice(titleRow("Escalations")).map((r) => r[0])).toEqual(list.map((e) => e.account));
  });

  it("writes money in the reasons with thousands separators and £ once per figure", () => {
    const sheet = book[sheetIndex("Escalations")];
    const reasons = sheet.rows.slice(titleRow("Escalations")).map((r) => String(r[sheet.rows[titleRow("Escalations") - 1].indexOf("Reason")]));
    expect(reasons.some((r) => /£\d{1,3}(,\d{3})+\.\d\d/.test(r))).toBe(true);
    expect(reasons.filter((r) => /£\d{4,}/.test(r))).toEqual([]);
    // The Return sheet has no unit column repeating the £ or % its figures' formats show.
    expect(book[0].rows[titleRow("Return") - 1]).not.toContain("Unit");
  });
});
