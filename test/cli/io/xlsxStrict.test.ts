import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import { DEFAULT_XLSX_LIMITS, readXlsx, usableRows, writeXlsx, XlsxError } from "../../../cli/io/xlsx";
import { entry, rawZip, zerosDeflated } from "../../support/rawZip";

// Issue #11, "The xlsx reader and writer": each class of file the reader used to misread,
// built by hand part by part, with the value or the one-line refusal it must give.

const CT = '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const ROOT_RELS = (target: string) =>
  `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;
const WS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";

/** A workbook with one sheet "Data" (plus any extra parts), laid out as Excel does. */
function book(sheetData: string, opts: { workbookPr?: string; styles?: string; sharedStrings?: string; extra?: Record<string, string> } = {}): Uint8Array {
  const rels = [`<Relationship Id="rId1" Type="${WS_TYPE}" Target="worksheets/sheet1.xml"/>`];
  const files: Record<string, string> = {
    "[Content_Types].xml": CT,
    "_rels/.rels": ROOT_RELS("xl/workbook.xml"),
    "xl/workbook.xml": `<workbook>${opts.workbookPr ?? ""}<sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  if (opts.styles !== undefined) {
    rels.push(`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
    files["xl/styles.xml"] = opts.styles;
  }
  if (opts.sharedStrings !== undefined) {
    rels.push(`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>`);
    files["xl/sharedStrings.xml"] = opts.sharedStrings;
  }
  files["xl/_rels/workbook.xml.rels"] = `<Relationships>${rels.join("")}</Relationships>`;
  Object.assign(files, opts.extra ?? {});
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const rowsOf = (bytes: Uint8Array) => usableRows(readXlsx(bytes).sheets[0]);

describe("cells held sparsely", () => {
  it("reads one cell at XFD1048576 without padding every row", () => {
    const before = process.memoryUsage().heapUsed;
    const rows = rowsOf(book('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>7</v></c></row>'));
    expect(rows.length).toBe(1_048_576);
    expect(rows[1_048_575].length).toBe(16_384);
    expect(rows[1_048_575][16_383]).toBe(7);
    expect(rows[500_000]).toEqual([]);
    // A million empty rows share one array: well under 100 MB (dense padding took gigabytes).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(100 * 1024 * 1024);
  });

  it("refuses a far cell on every row at the position budget instead of exhausting memory", () => {
    const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c><c r="XFD${i + 1}"><v>2</v></c></row>`).join("");
    const bytes = book(rows);
    expect(bytes.length).toBeLessThan(60_000);
    // 2,000 rows × 16,384 positions = 32.8 million > 16 million.
    expect(() => readXlsx(bytes)).toThrow(/sheet "Data": the workbook holds more than 16,000,000 cell positions/);
  });
});

describe("values never read as blank or 0", () => {
  it("marks an error cell and a formula without a saved result, and usableRows refuses them naming sheet and cell", () => {
    const sheet = readXlsx(book('<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="e"><v>#N/A</v></c></row><row r="2"><c r="C2"><f>SUM(A1:A9)</f></c></row>')).sheets[0];
    expect(sheet.rows).toEqual([[1]]);
    expect(sheet.unreadable).toEqual({ count: 2, first: expect.stringMatching(/^sheet "Data" cell B1 holds the error #N\/A/) });
    expect(() => usableRows(sheet)).toThrow(/sheet "Data" cell B1 holds the error #N\/A; .* \(and 1 more such cell in the sheet\)/);
    expect(() => rowsOf(book('<row r="1"><c r="C1"><f>SUM(A1:A9)</f></c></row>'))).toThrow(/sheet "Data" cell C1 has a formula with no saved result/);
  });

  it("reads a formula's saved result", () => {
    expect(rowsOf(book('<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1" t="str"><f>"x"</f><v>x</v></c></row>'))).toEqual([[2, "x"]]);
  });

  it("refuses a shared-string cell with an empty value, a non-decimal number, a bad boolean and an unknown type", () => {
    const sst = '<sst><si><t>hello</t></si></sst>';
    expect(() => readXlsx(book('<row r="1"><c r="A1" t="s"><v></v></c></row>', { sharedStrings: sst }))).toThrow(/sheet "Data" cell A1 is a text cell without its text/);
    expect(() => readXlsx(book('<row r="1"><c r="A1" t="s"><v/></c></row>', { sharedStrings: sst }))).toThrow(/cell A1 is a text cell without its text/);
    for (const bad of ["0x10", "Infinity", "NaN", "1,5", "£5", "1e999"]) {
      expect(() => readXlsx(book(`<row r="1"><c r="B1"><v>${bad}</v></c></row>`))).toThrow(new RegExp(`cell B1 is a number cell holding "${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}", which is not a decimal number`));
    }
    expect(rowsOf(book('<row r="1"><c r="A1"><v>1.5E3</v></c><c r="B1"><v>-.25</v></c></row>'))).toEqual([[1500, -0.25]]);
    expect(() => readXlsx(book('<row r="1"><c r="A1" t="b"><v>yes</v></c></row>'))).toThrow(/cell A1 is a TRUE\/FALSE cell holding "yes"/);
    expect(() => readXlsx(book('<row r="1"><c r="A1" t="x"><v>1</v></c></row>'))).toThrow(/cell A1 has an unknown cell type "x"/);
  });

  it("refuses the same cell twice", () => {
    expect(() => readXlsx(book('<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>'))).toThrow(/cell A1 appears twice/);
  });
});

describe("dates", () => {
  // 1 April 2025 is 1900-system serial 45748 (worked independently: 45658 is 1 Jan 2025, plus 90 days).
  it('reads t="d" ISO dates as 1900-system serials and refuses impossible ones', () => {
    expect(rowsOf(book('<row r="1"><c r="A1" t="d"><v>2025-04-01</v></c><c r="B1" t="d"><v>2025-04-01T18:00:00Z</v></c></row>'))).toEqual([[45748, 45748.75]]);
    expect(() => readXlsx(book('<row r="1"><c r="A1" t="d"><v>2025-02-31</v></c></row>'))).toThrow(/cell A1 is a date cell holding "2025-02-31"/);
  });

  it("shifts date-formatted numbers in a 1904 workbook by 1,462 days and leaves amounts alone", () => {
    const styles =
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
      '<cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>' +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14"/><xf numFmtId="4"/></cellXfs></styleSheet>';
    // In the 1904 system 1 April 2025 is 45748 − 1462 = 44286.
    const sheet = '<row r="1"><c r="A1" s="1"><v>44286</v></c><c r="B1" s="2"><v>44286</v></c><c r="C1" s="3"><v>44286</v></c><c r="D1"><v>12.5</v></c></row>';
    expect(rowsOf(book(sheet, { workbookPr: '<workbookPr date1904="1"/>', styles }))).toEqual([[45748, 45748, 44286, 12.5]]);
    expect(rowsOf(book(sheet, { styles }))).toEqual([[44286, 44286, 44286, 12.5]]);
  });
});

describe("markup", () => {
  it("skips XML comments, even ones holding cells", () => {
    expect(rowsOf(book('<!-- <row r="1"><c r="A1"><v>999</v></c></row> --><row r="1"><c r="A1"><v>1</v><!-- </c> --></c><c r="B1" t="inlineStr"><is><t>a<!-- x -->b</t></is></c></row>'))).toEqual([[1, "ab"]]);
  });

  it("normalises line breaks to \\n (literal CR LF, lone CR, and Excel's _x000D_ before LF); a lone escaped CR stays", () => {
    const sst = "<sst><si><t>one\r\ntwo</t></si><si><t>one_x000D_\nthree</t></si><si><t>a\rb</t></si><si><t>_x000D_=x</t></si></sst>";
    expect(rowsOf(book('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>', { sharedStrings: sst }))).toEqual([
      ["one\ntwo", "one\nthree", "a\nb", "\r=x"],
    ]);
  });
});

describe("parts found the way the package says", () => {
  it("follows _rels/.rels to a workbook at any path, matching part names case-insensitively and accepting backslashes", () => {
    const files: Record<string, string> = {
      "[Content_Types].xml": CT,
      "_rels/.rels": ROOT_RELS("/Book/Main.xml"),
      "BOOK/main.xml": '<workbook><sheets><sheet name="Mine" sheetId="1" r:id="r7"/></sheets></workbook>',
      "book\\_rels\\Main.xml.rels": `<Relationships><Relationship Id="r7" Type="${WS_TYPE}" Target="Sheets/One.xml"/></Relationships>`,
      "book/sheets/one.XML": '<worksheet><sheetData><row r="1"><c r="A1"><v>3</v></c></row></sheetData></worksheet>',
    };
    const bytes = zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
    const { sheets } = readXlsx(bytes);
    expect(sheets.map((s) => [s.name, s.rows])).toEqual([["Mine", [[3]]]]);
  });

  it("skips a chart sheet and a dialog sheet instead of calling the workbook damaged", () => {
    const files: Record<string, string> = {
      "[Content_Types].xml": CT,
      "_rels/.rels": ROOT_RELS("xl/workbook.xml"),
      "xl/workbook.xml": '<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="Chart1" sheetId="2" r:id="rId2"/><sheet name="Dialog1" sheetId="3" r:id="rId3"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels":
        `<Relationships><Relationship Id="rId1" Type="${WS_TYPE}" Target="worksheets/sheet1.xml"/>` +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>' +
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/dialogsheet" Target="dialogsheets/sheet1.xml"/></Relationships>',
      "xl/worksheets/sheet1.xml": '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
    };
    const { sheets } = readXlsx(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
    expect(sheets.map((s) => s.name)).toEqual(["Data"]);
  });

  it("refuses two zip entries with the same name (exactly, or differing only in case)", () => {
    const twice = rawZip([
      entry("_rels/.rels", ROOT_RELS("xl/workbook.xml")),
      entry("xl/workbook.xml", '<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      entry("xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="${WS_TYPE}" Target="worksheets/sheet1.xml"/></Relationships>`),
      entry("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>'),
      entry("xl/worksheets/sheet1.xml", '<worksheet><sheetData><row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>'),
    ]);
    expect(() => readXlsx(twice)).toThrow(/zip holds two entries named "xl\/worksheets\/sheet1\.xml", and which one counts would be a guess/);
    const cased = book('<row r="1"><c r="A1"><v>1</v></c></row>', { extra: { "XL/Worksheets/Sheet1.xml": "<worksheet/>" } });
    expect(() => readXlsx(cased)).toThrow(/two entries named/);
  });

  it("recognises a password-protected workbook and an old .xls", () => {
    const ole = (extra: Buffer) => Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504), extra]);
    expect(() => readXlsx(ole(Buffer.from("EncryptedPackage", "utf16le")))).toThrow(/password-protected \(encrypted\); .*remove the password/);
    expect(() => readXlsx(ole(Buffer.from("Workbook", "utf16le")))).toThrow(/old-style Excel 97-2003 \.xls/);
  });

  it("keeps the inflate budget under V8's longest string, and stops a 600 KB file that inflates to 590 MB at it", () => {
    // V8 cannot make a string longer than 0x1fffffe8 characters ("Cannot create a string longer than…").
    expect(DEFAULT_XLSX_LIMITS.maxInflatedBytes).toBeLessThan(0x1fffffe8);
    const bytes = rawZip([entry("_rels/.rels", ROOT_RELS("xl/workbook.xml")), entry("xl/workbook.xml", "<workbook/>"), zerosDeflated("xl/worksheets/sheet1.xml", 590)]);
    expect(bytes.length).toBeLessThan(700 * 1024);
    // A smaller budget than the default keeps this quick on a loaded machine; the file corpus runs the default.
    expect(() => readXlsx(bytes, { maxInflatedBytes: 8 * 1024 * 1024 })).toThrow(/expands to more than 8\.0 MB; refusing it as a possible zip bomb/);
  }, 60_000);

  it("says what is wrong with a broken file as an XlsxError", () => {
    expect(() => readXlsx(strToU8("not a zip"))).toThrow(XlsxError);
  });
});

describe("writer", () => {
  it("escapes text that looks like an OOXML escape so Excel (and SheetJS) show it literally", () => {
    const bytes = writeXlsx([{ name: "S", rows: [["_x0041_", "_x003D_1+1", "a_x00"] ]}]);
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    expect(xml).toContain(">_x005F_x0041_<");
    expect(xml).toContain(">_x005F_x003D_1+1<");
    const theirs = XLSX.read(bytes, { type: "buffer" }).Sheets.S;
    expect([theirs.A1.v, theirs.B1.v, theirs.C1.v]).toEqual(["_x0041_", "_x003D_1+1", "a_x00"]);
    expect(readXlsx(bytes).sheets[0].rows[0]).toEqual(["_x0041_", "_x003D_1+1", "a_x00"]);
  });

  it("never writes a character XML 1.0 forbids", () => {
    const nasty = "a\u0000b\u0001\u000b\u001f\uFFFE\uFFFF\uD800c\uDC00d\uD83D\uDE00";
    const bytes = writeXlsx([{ name: "S", rows: [[nasty, { value: 1, formula: "1+1\u0001" }]] }]);
    for (const [name, part] of Object.entries(unzipSync(bytes))) {
      const text = new TextDecoder("utf-8", { fatal: true }).decode(part);
      // XML 1.0 Char: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
      // eslint-disable-next-line no-control-regex -- control characters are what this looks for
      expect({ name, bad: /[\u0000-\u0008\u000b\u000c\u000e-\u001f\uFFFE\uFFFF]/.test(text) }).toEqual({ name, bad: false });
      expect(text.includes("\uFFFD") && name.endsWith("sheet1.xml")).toBe(true === name.endsWith("sheet1.xml"));
    }
    // Excel (and SheetJS) decode the escapes back; lone surrogates become U+FFFD; the pair 😀 survives.
    expect(XLSX.read(bytes, { type: "buffer" }).Sheets.S.A1.v).toBe("a\u0000b\u0001\u000b\u001f\uFFFE\uFFFF\uFFFDc\uFFFDd\uD83D\uDE00");
  });

  it("quote-prefixes text as Excel will hold it", () => {
    const bytes = writeXlsx([{ name: "S", rows: [["=1+1", "_x003D_1+1", " =1"]] }]);
    const xml = strFromU8(unzipSync(bytes)["xl/worksheets/sheet1.xml"]);
    const styles = strFromU8(unzipSync(bytes)["xl/styles.xml"]);
    const quoteStyle = styles.match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)![1].split("<xf ").slice(1).findIndex((x) => x.includes('quotePrefix="1"'));
    expect(xml).toMatch(new RegExp(`<c r="A1" s="${quoteStyle}" t="inlineStr">`));
    // Escaped, "_x003D_1+1" is shown as written, which is not a formula: no prefix needed.
    expect(xml).toMatch(/<c r="B1" t="inlineStr">/);
  });
});
