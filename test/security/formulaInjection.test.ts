import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import { strFromU8, unzipSync } from "fflate";
import { DEFAULT_TEMPLATE, buildOneToOneSheet, newDraft, readReviewTable, reviewToRow, scoreReview, withResponse, type ReviewDraft } from "../../core";
import { ExcelReviewStore } from "../../addin/storage/excelReviewStore";
import { main } from "../../cli/main";
import { readXlsx, writeXlsx } from "../../cli/io/xlsx";
import { createFakeExcel } from "../support/fakeExcel";

// Issue #7: every cell we write from data that starts with = + - @ tab or CR is written as
// text, by every writer. Full-width ＝ ＋ － ＠ are guarded too (Excel with an East Asian
// input method reads them as formula operators when typed). A leading space is not a
// trigger (Excel keeps " =2+3" as text), so that text is written exactly as given.

const PAYLOADS: [string, string][] = [
  ["=", "=2+3"],
  ["+", "+2+3"],
  ["-", "-5 arrears"],
  ["@", "@SUM(1)"],
  ["tab", "\t=2+3"],
  ["CR", "\r=2+3"],
  ["full-width ＝", "＝2+3"],
  ["full-width －", "－5"],
  ["leading space", " =2+3"],
];

/** Our own list, independent of the implementation under test. */
const TRIGGER = /^[=+\-@\t\r＝＋－＠]/;

/** Text as Excel will see it when the writer sets a value as if typed: a leading apostrophe makes it text. */
function assertTypedText(v: unknown, given: string) {
  expect(typeof v).toBe("string");
  const s = v as string;
  if (TRIGGER.test(given)) expect(s.startsWith("'")).toBe(true);
  else expect(s).toBe(given);
  expect(TRIGGER.test(s)).toBe(false);
}

/** The xlsx cell holding `value` in a sheet: a text cell, quote-prefixed when it starts like a formula. */
function assertXlsxText(bytes: Uint8Array, sheetIndex: number, value: string) {
  const book = readXlsx(bytes);
  const rows = book.sheets[sheetIndex].rows;
  const r = rows.findIndex((row) => row[0] === value);
  expect(r).toBeGreaterThanOrEqual(0);
  const parts = unzipSync(bytes);
  const xml = strFromU8(parts[`xl/worksheets/sheet${sheetIndex + 1}.xml`]);
  const tag = xml.match(new RegExp(`<c r="A${r + 1}"[^>]*>`))![0];
  expect(tag).toContain('t="inlineStr"');
  expect(xml).not.toContain("<f>");
  const xfs = strFromU8(parts["xl/styles.xml"]).match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)![1].split("<xf ").slice(1);
  const style = Number(/ s="(\d+)"/.exec(tag)?.[1] ?? 0);
  expect(xfs[style].includes('quotePrefix="1"')).toBe(TRIGGER.test(value));
}

function draftWith(text: string): ReviewDraft {
  let d: ReviewDraft = { ...newDraft(DEFAULT_TEMPLATE, "rev-1", new Date("2026-11-20T10:00:00Z"), text), officer: text, callDate: "2026-11-18", reference: text, notes: text };
  for (const s of DEFAULT_TEMPLATE.sections) for (const c of s.criteria) d = withResponse(d, c.id, { answer: "met", comment: text }, new Date("2026-11-20T10:05:00Z"));
  return d;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-injection-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(PAYLOADS)("text starting %s is written as text", (_label, text) => {
  it("by the .xlsx writer every CLI workbook goes through (numbers stay numbers)", () => {
    const bytes = writeXlsx([{ name: "S", rows: [[text, -5]] }]);
    assertXlsxText(bytes, 0, text);
    expect(readXlsx(bytes).sheets[0].rows[0][1]).toBe(-5);
  });

  it("by arrears report --out, for an officer name from the export", async () => {
    const csv = (rows: string[][]) => rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(",")).join("\r\n");
    const accounts = path.join(dir, "a.csv");
    const transactions = path.join(dir, "t.csv");
    const out = path.join(dir, `return-${PAYLOADS.findIndex((p) => p[1] === text)}.xlsx`);
    fs.writeFileSync(accounts, csv([["Account", "Tenancy type", "Status", "Weekly rent", "Balance", "Officer"], ["A1", "secure", "current", "100", "450", text]]));
    fs.writeFileSync(transactions, csv([["Date", "Account", "Type", "Amount"], ["01/04/2025", "A1", "rent", "433.33"]]));
    let err = "";
    const code = await main(["report", "--accounts", accounts, "--transactions", transactions, "--from", "2025-04-01", "--to", "2025-04-30", "--out", out], {
      stdin: Readable.from([""]),
      stdout: { write: () => true },
      stderr: { write: (s: string) => (err += s) },
    });
    expect([code, err]).toEqual([0, ""]);
    // Officer names are trimmed on reading, so the tab and CR variants arrive as "=2+3".
    assertXlsxText(new Uint8Array(fs.readFileSync(out)), 1, text.trim());
  });

  it("in the QAReviews row (officer, reference, reviewer, comments, notes)", () => {
    const d = draftWith(text);
    const headers = ["Review ID", "Officer", "Reference", "Reviewer", "Comments", "Notes"];
    const row = reviewToRow(headers, d, DEFAULT_TEMPLATE, scoreReview(DEFAULT_TEMPLATE, d.responses), new Date("2026-11-20T10:30:00Z"));
    for (const v of row.slice(1, 4)) assertTypedText(v, text.trim());
    expect(TRIGGER.test(row[4] as string)).toBe(false); // "A1: …" one per line
    assertTypedText(row[5], text.trim());
  });

  it("in the QAReviews table, through the Office.js store", async () => {
    const f = createFakeExcel();
    (globalThis as Record<string, unknown>).Excel = f.Excel;
    const d = draftWith(text);
    const saved = await new ExcelReviewStore().saveReview(d, DEFAULT_TEMPLATE, scoreReview(DEFAULT_TEMPLATE, d.responses));
    const grid = f.control.tableGrid("QAReviews")!;
    const at = (h: string) => grid[1][grid[0].indexOf(h)];
    for (const h of ["Officer", "Reference", "Reviewer", "Notes"]) assertTypedText(at(h), text.trim());
    // Read back, the guard apostrophe is gone again.
    expect(saved.reference).toBe(text.trim());
  });

  it("on the one-to-one sheet, built in core and written by the store", async () => {
    const d = draftWith(text);
    const headers = ["Review ID", "Officer", "Call date", "Reference", "Reviewer", "Template ID", "Template version", "Score", "Grade", "Comments", "Notes", "A1"];
    const row = reviewToRow(headers, d, DEFAULT_TEMPLATE, scoreReview(DEFAULT_TEMPLATE, d.responses), new Date("2026-11-20T10:30:00Z"));
    const reviews = readReviewTable([headers, row]);
    const grid = buildOneToOneSheet({ officer: text, month: "2026-11", reviews, templates: [DEFAULT_TEMPLATE], kpis: [{ label: text, value: text }] });
    const cells = grid.rows.flat().filter((v): v is string => typeof v === "string");
    for (const v of cells) expect(TRIGGER.test(v)).toBe(false);
    expect(cells.filter((v) => v === `'${text.trim()}` || v === `'${text}` || v === text).length).toBeGreaterThanOrEqual(3);
    const f = createFakeExcel();
    (globalThis as Record<string, unknown>).Excel = f.Excel;
    await new ExcelReviewStore().writeSheet({ name: "1-2-1", rows: [[text, -5], ...grid.rows.map((r) => [r[0], -5])], headingRows: [] });
    const written = f.control.sheetGrid("1-2-1");
    assertTypedText(written[0][0], text);
    expect(written[0][1]).toBe(-5);
    for (const v of written.flat()) if (typeof v === "string") expect(TRIGGER.test(v)).toBe(false);
  });
});
