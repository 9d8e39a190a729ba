import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as XLSX from "@e965/xlsx";
import { readXlsx, writeXlsx, type SheetData } from "../../../cli/io/xlsx";

// Issue #11: our .xlsx reader against another implementation, SheetJS 0.20.3 (@e965/xlsx,
// a devDependency used only here), cell for cell: same values and same types, on every
// sample workbook, on files LibreOffice writes, on workbooks SheetJS writes (dates as
// numbers and as t="d" ISO cells, the 1904 date system, line breaks), so the comparison
// covers files from three different writers.

const SAMPLES = path.resolve(__dirname, "../../../samples");

/** Excel's 1900-system serial of 1 January 1904 less one: 1904-system serials are this many days behind. */
const DAYS_1904 = 1462;

interface Disagreement {
  sheet: string;
  cell: string;
  ours: unknown;
  theirs: unknown;
}

/**
 * Every cell either reader holds, compared. SheetJS types: n number, s string, b boolean,
 * e error, z blank stub, d date (not used: read with cellDates off). Our errors and
 * uncalculated formulas are null in the rows and counted in `unreadable`; SheetJS gives
 * errors as t "e" and uncalculated formulas as stubs with a formula, so those must be
 * exactly the cells we count. In a 1904 workbook SheetJS gives raw 1904 serials; a cell
 * whose number format is a date must then be 1,462 more in ours.
 */
function compare(bytes: Uint8Array): { disagreements: Disagreement[]; cells: number; ours: SheetData[] } {
  const ours = readXlsx(bytes).sheets;
  const theirs = XLSX.read(bytes, { type: "buffer", cellNF: true, cellDates: false, cellFormula: true, sheetStubs: true, dense: false });
  const date1904 = Boolean(theirs.Workbook?.WBProps?.date1904);
  const disagreements: Disagreement[] = [];
  let cells = 0;
  const kind = (n: string) => String((theirs.Sheets[n] as { "!type"?: string } | undefined)?.["!type"] ?? "sheet");
  const sheetNames = theirs.SheetNames.filter((n) => kind(n) !== "chart" && kind(n) !== "dialog");
  expect(ours.map((s) => s.name)).toEqual(sheetNames);
  for (const sheet of ours) {
    const ws = theirs.Sheets[sheet.name];
    const seen = new Set<string>();
    let theirUnreadable = 0;
    for (const addr of Object.keys(ws)) {
      if (addr.startsWith("!")) continue;
      const cell = ws[addr] as XLSX.CellObject;
      const { r, c } = XLSX.utils.decode_cell(addr);
      const mine = sheet.rows[r]?.[c] ?? null;
      seen.add(`${r},${c}`);
      let expected: unknown;
      // SheetJS reads an uncalculated formula as a stub (t "z") holding 0: the very "blank read as 0" we refuse.
      if (cell.t === "e" || (cell.f !== undefined && (cell.t === "z" || cell.v === undefined))) {
        theirUnreadable++;
        expected = null;
      } else if (cell.t === "z" || cell.v === undefined) expected = null;
      else if (cell.t === "s") expected = String(cell.v).replace(/\r\n/g, "\n");
      else if (cell.t === "n" && date1904 && cell.z !== undefined && XLSX.SSF.is_date(cell.z)) expected = (cell.v as number) + DAYS_1904;
      else expected = cell.v;
      cells++;
      if (!Object.is(mine, expected)) disagreements.push({ sheet: sheet.name, cell: addr, ours: mine, theirs: expected });
    }
    // Nothing held by us that SheetJS does not have.
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && !seen.has(`${r},${c}`)) disagreements.push({ sheet: sheet.name, cell: XLSX.utils.encode_cell({ r, c }), ours: v, theirs: undefined });
      }),
    );
    expect({ sheet: sheet.name, unreadable: sheet.unreadable?.count ?? 0 }).toEqual({ sheet: sheet.name, unreadable: theirUnreadable });
  }
  return { disagreements, cells, ours };
}

describe("our reader agrees with SheetJS cell for cell", () => {
  const samples = ["export/team-export.xlsx", "workbooks/household-calculator.xlsx", "workbooks/monthly-return.xlsx", "workbooks/arrears-trend.xlsx", "workbooks/qa-log.xlsx"];

  it.each(samples)("on the sample %s", (file) => {
    const { disagreements, cells } = compare(fs.readFileSync(path.join(SAMPLES, file)));
    expect(cells).toBeGreaterThan(10);
    expect(disagreements.slice(0, 5)).toEqual([]);
  });

  describe("on workbooks SheetJS writes", () => {
    const rows = [
      ["Account", "Date", "Balance", "Flag", "Note"],
      ["A1", new Date(Date.UTC(2025, 3, 1)), 12.5, true, "line one\r\nline two"],
      ["A2", new Date(Date.UTC(2026, 0, 31, 12)), -3, false, "tab\there & <there> _x0041_"],
      ["A3", new Date(Date.UTC(2024, 1, 29)), 1234567.891, true, "£ ’ “ ” – €"],
    ];
    const book = (date1904: boolean) => {
      const wb = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows, { cellDates: true }), "Data");
      XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["x", 1], [null, "=not a formula"]]), "Second");
      if (date1904) wb.Workbook = { WBProps: { date1904: true } };
      return wb;
    };
    // Dates worked by hand: 1 April 2025 is serial 45748 (1900 system: 45,658 for 1 Jan 2025 + 90 days);
    // 31 January 2026 noon is 46053.5; 29 February 2024 is 45351.
    const expectedDates = [45748, 46053.5, 45351];

    it("with dates as numbers", () => {
      const bytes = XLSX.write(book(false), { type: "buffer", bookType: "xlsx" });
      const { disagreements, ours } = compare(bytes);
      expect(disagreements).toEqual([]);
      expect(ours[0].rows.slice(1).map((r) => r[1])).toEqual(expectedDates);
    });

    it("with dates as ISO t=\"d\" cells", () => {
      const bytes = XLSX.write(book(false), { type: "buffer", bookType: "xlsx", cellDates: true });
      const { disagreements, ours } = compare(bytes);
      expect(disagreements).toEqual([]);
      expect(ours[0].rows.slice(1).map((r) => r[1])).toEqual(expectedDates);
    });

    it("in the 1904 date system: dates shifted by 1,462 days, amounts untouched", () => {
      const bytes = XLSX.write(book(true), { type: "buffer", bookType: "xlsx" });
      const { disagreements, ours } = compare(bytes);
      expect(disagreements).toEqual([]);
      expect(ours[0].rows.slice(1).map((r) => r[1])).toEqual(expectedDates);
      expect(ours[0].rows.slice(1).map((r) => r[2])).toEqual([12.5, -3, 1234567.891]);
    });

    it("and our writer's output reads the same in SheetJS", () => {
      const bytes = writeXlsx([{ name: "S", rows: [["_x0041_ stays", "\r=cr", "a\r\nb", 5, true, { value: 45748, format: "date" }]] }]);
      const { disagreements, ours } = compare(bytes);
      expect(disagreements).toEqual([]);
      expect(ours[0].rows[0].slice(0, 3)).toEqual(["_x0041_ stays", "\r=cr", "a\nb"]);
    });
  });

  it("on files LibreOffice writes (a CSV converted by soffice --headless)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-oracle-lo-"));
    try {
      const csv = path.join(dir, "export.csv");
      fs.writeFileSync(csv, "Account,Date,Balance,Officer\r\nA1,2025-04-01,450.25,North\r\nA2,2025-04-30,-12,\"South, Team 2\"\r\nA3,,0.1,Ó Briain\r\n");
      const run = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "xlsx", "--outdir", dir, csv], { encoding: "utf8", timeout: 180_000 });
      if (run.error) throw new Error(`soffice (LibreOffice) could not run (${run.error.message}): install LibreOffice Calc (Debian: libreoffice-calc), as the CI does; this test is not skipped without it`);
      expect(run.status).toBe(0);
      const { disagreements, cells, ours } = compare(fs.readFileSync(path.join(dir, "export.xlsx")));
      expect(disagreements).toEqual([]);
      expect(cells).toBeGreaterThanOrEqual(15);
      // LibreOffice recognises ISO dates in CSV and stores them as date-formatted serials: 1 April 2025 = 45748.
      expect(ours[0].rows[1]).toEqual(["A1", 45748, 450.25, "North"]);
      expect(ours[0].rows[2]).toEqual(["A2", 45777, -12, "South, Team 2"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 200_000);
});
