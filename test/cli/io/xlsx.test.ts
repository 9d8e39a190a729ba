import { strToU8, unzipSync, zipSync } from "fflate";
import { readXlsx, writeXlsx, XlsxError, type OutSheet } from "../../../cli/io/xlsx";

const text = (bytes: Uint8Array, part: string) => new TextDecoder().decode(unzipSync(bytes)[part]);

/** A minimal valid workbook around one sheet's XML, for hand-made hostile inputs. */
function workbookWith(sheetXml: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8('<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

describe("writeXlsx and readXlsx", () => {
  const sheets: OutSheet[] = [
    {
      name: "Return",
      freezeHeader: true,
      columnWidths: [30, 14],
      rows: [
        [{ value: "KPI", bold: true }, { value: "Value", bold: true }],
        ["Rent collected", { value: 0.987, format: "percent" }],
        ["Arrears", { value: 4321.5, format: "money" }],
        ["Tenant & <name>", true],
        ["=HYPERLINK(\"http://x\")", "@SUM(1)"],
        [null, { value: 45754, format: "date" }],
      ],
    },
    { name: "QA", table: { name: "QAReviews" }, rows: [["ReviewId", "Score"], ["r1", 87.5]] },
    { name: "Trend", rows: [[1, 2, 3], [{ value: null, formula: "ARREARS.TREND(A1:C1)", spill: true }]] },
  ];
  const bytes = writeXlsx(sheets);

  it("round-trips values, including text with markup characters", () => {
    const book = readXlsx(bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(["Return", "QA", "Trend"]);
    expect(book.sheets[0].rows).toEqual([
      ["KPI", "Value"],
      ["Rent collected", 0.987],
      ["Arrears", 4321.5],
      ["Tenant & <name>", true],
      ['=HYPERLINK("http://x")', "@SUM(1)"],
      [null, 45754],
    ]);
    expect(book.sheets[1].rows).toEqual([["ReviewId", "Score"], ["r1", 87.5]]);
  });

  it("stores formula-looking text as quote-prefixed text, never as a formula", () => {
    const sheet = text(bytes, "xl/worksheets/sheet1.xml");
    expect(sheet).not.toContain("<f>HYPERLINK");
    const styles = text(bytes, "xl/styles.xml");
    const quoteXf = styles.match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)![1].split("<xf ").slice(1).findIndex((x) => x.includes('quotePrefix="1"'));
    expect(quoteXf).toBeGreaterThan(0);
    expect(sheet).toMatch(new RegExp(`<c r="A5" s="${quoteXf}" t="inlineStr">`));
  });

  it("writes number formats, a frozen header, an Excel table and a spilling formula", () => {
    expect(text(bytes, "xl/styles.xml")).toContain('formatCode="0.00%"');
    expect(text(bytes, "xl/worksheets/sheet1.xml")).toContain('state="frozen"');
    expect(text(bytes, "xl/tables/table1.xml")).toContain('name="QAReviews"');
    expect(text(bytes, "xl/tables/table1.xml")).toContain('ref="A1:B2"');
    expect(text(bytes, "xl/worksheets/sheet3.xml")).toContain('cm="1"><f t="array" ref="A2">ARREARS.TREND(A1:C1)</f>');
    expect(text(bytes, "xl/metadata.xml")).toContain('fDynamic="1"');
  });

  it("gives the same bytes for the same input", () => {
    expect(Buffer.from(writeXlsx(sheets)).equals(Buffer.from(bytes))).toBe(true);
  });

  it("refuses sheet names Excel would refuse", () => {
    expect(() => writeXlsx([{ name: "a/b", rows: [] }])).toThrow(/not a valid sheet name/);
    expect(() => writeXlsx([{ name: "A", rows: [] }, { name: "a", rows: [] }])).toThrow(/two sheets/);
  });
});

describe("readXlsx on broken and hostile files", () => {
  const good = writeXlsx([{ name: "S", rows: [["a", 1]] }]);

  it("rejects a file that is not a zip", () => {
    expect(() => readXlsx(strToU8("account,balance\nA1,5\n"))).toThrow(/not an .xlsx workbook/);
  });

  it("rejects a truncated workbook with a clear error", () => {
    expect(() => readXlsx(good.subarray(0, Math.floor(good.length * 0.6)))).toThrow(XlsxError);
  });

  it("rejects a zip that is not a workbook", () => {
    expect(() => readXlsx(zipSync({ "hello.txt": strToU8("hi") }))).toThrow(/not an Excel workbook/);
  });

  it("stops a zip bomb at the inflate budget", () => {
    const bomb = workbookWith(`<worksheet><sheetData>${" ".repeat(20 * 1024 * 1024)}</sheetData></worksheet>`);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(() => readXlsx(bomb, { maxInflatedBytes: 5 * 1024 * 1024 })).toThrow(/zip bomb/);
  });

  it("caps the number of cells and shared strings", () => {
    const many = `<worksheet><sheetData><row r="1">${Array.from({ length: 500 }, (_, i) => `<c r="A${i + 1}"><v>${i}</v></c>`).join("")}</row></sheetData></worksheet>`;
    expect(() => readXlsx(workbookWith(many), { maxCells: 100 })).toThrow(/more than 100 cell positions/);
    const sst = `<sst>${"<si><t>x</t></si>".repeat(1000)}</sst>`;
    expect(() => readXlsx(workbookWith("<worksheet/>", { "xl/sharedStrings.xml": sst }), { maxSharedStrings: 10 })).toThrow(/more than 10 distinct texts/);
  });

  it("keeps __proto__ and constructor as plain text, polluting nothing", () => {
    const book = readXlsx(
      workbookWith(
        `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr" __proto__="x" constructor="y"><is><t>__proto__</t></is></c><c r="B1" t="inlineStr"><is><t>constructor</t></is></c></row></sheetData></worksheet>`,
      ),
    );
    expect(book.sheets[0].rows).toEqual([["__proto__", "constructor"]]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it("rejects cell references off Excel's grid and dangling shared strings", () => {
    expect(() => readXlsx(workbookWith('<worksheet><sheetData><row><c r="A99999999"><v>1</v></c></row></sheetData></worksheet>'))).toThrow(/cell reference/);
    expect(() => readXlsx(workbookWith('<worksheet><sheetData><row><c r="A1" t="s"><v>7</v></c></row></sheetData></worksheet>'))).toThrow(/does not exist/);
  });

  it("reads pathological text quickly and literally", () => {
    const nasty = "&".repeat(15_000) + "_x".repeat(8_000); // under Excel's 32,767-character cell limit
    const book = readXlsx(workbookWith(`<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${nasty}</t></is></c></row></sheetData></worksheet>`));
    expect((book.sheets[0].rows[0][0] as string).length).toBe(nasty.length);
  });

  it("rejects an over-long cell", () => {
    const long = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${"a".repeat(40_000)}</t></is></c></row></sheetData></worksheet>`;
    expect(() => readXlsx(workbookWith(long))).toThrow(/more than 32767 characters/);
  });

  it("gives up at the time limit instead of hanging", () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
    expect(() => readXlsx(workbookWith(`<worksheet><sheetData>${rows}</sheetData></worksheet>`), { maxMillis: -1 })).toThrow(/took longer than/);
  });
});
