import { strToU8, zipSync } from "fflate";
import { readXlsx, usableRows } from "../../../cli/io/xlsx";

// The xlsx reader reads the usual cell (`<c r="B7" s="3" t="s"><v>12</v></c>`, a number,
// a one-run inline string, an empty `<c/>`) with a plain scanner, and hands anything else
// to the general parser from the same place. Both routes must give the same values and
// the same refusals: each case below is on one route or the other, with the value worked
// out from the XML by hand.

const WS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const SS_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings";

function book(sheetData: string, sharedStrings: string[] = []): Uint8Array {
  const files: Record<string, string> = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": `<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": '<workbook><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": `<Relationships><Relationship Id="rId1" Type="${WS_TYPE}" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${SS_TYPE}" Target="sharedStrings.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `<sst>${sharedStrings.map((s) => `<si><t>${s}</t></si>`).join("")}</sst>`,
    "xl/worksheets/sheet1.xml": `<worksheet><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));
}

const rowsOf = (sheetData: string, shared: string[] = []) => usableRows(readXlsx(book(sheetData, shared)).sheets[0]);

describe("plain cells and their near misses read alike", () => {
  it("reads numbers, shared and inline text and empty cells written the usual way", () => {
    const rows = rowsOf(
      '<row r="1"><c r="A1"><v>12.5</v></c><c r="B1" s="0" t="n"><v>-3</v></c><c r="C1" t="s"><v>1</v></c>' +
        '<c r="D1" s="1" t="inlineStr"><is><t xml:space="preserve"> Flat 2 </t></is></c><c r="E1" s="2"/><c r="F1" t="inlineStr"><is><t></t></is></c></row>',
      ["unused", "Rent due"],
    );
    // Shared string 1 is the second <si>; inline text keeps its spaces; E1 is empty (null); F1 is an empty text.
    expect(rows).toEqual([[12.5, -3, "Rent due", " Flat 2 ", null, ""]]);
  });

  it("hands entities, spaces, other quotes and attributes to the general parser, which reads them", () => {
    const rows = rowsOf(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>A &amp; B</t></is></c><c r="B1"><v> 7 </v></c><c r=\'C1\'><v>4</v></c>' +
        '<c r="D1" cm="1"><v>5</v></c><c r="E1" t="inlineStr"><is><t>x_x0041_</t></is></c><c  r="F1"  s="1" ><v>6</v></c></row>',
    );
    // &amp; is "&"; " 7 " is 7; single quotes and an unknown attribute are still read; _x0041_ is "A".
    expect(rows).toEqual([["A & B", 7, 4, 5, "xA", 6]]);
  });

  it("places cells by their reference, to the last column", () => {
    const rows = rowsOf('<row r="3"><c r="B3"><v>1</v></c><c r="XFD3"><v>2</v></c></row>');
    expect(rows.length).toBe(3);
    expect(rows[2][1]).toBe(1);
    expect(rows[2].length).toBe(16_384);
    expect(rows[2][16_383]).toBe(2);
  });

  it("refuses what it refused before, naming the cell", () => {
    expect(() => rowsOf('<row r="1"><c r="G1" t="s"><v>9</v></c></row>', ["only"])).toThrow('sheet "Data" cell G1 is damaged (text number 9 does not exist)');
    expect(() => rowsOf('<row r="1"><c r="H1"><v>1e999</v></c></row>')).toThrow('sheet "Data" cell H1 is a number cell holding "1e999", which is not a decimal number');
    expect(() => rowsOf('<row r="1"><c r="H1"><v>0x10</v></c></row>')).toThrow(/cell H1 is a number cell holding "0x10"/);
    expect(() => rowsOf('<row r="2"><c r="A2"><v>1</v></c><c r="A2"><v>2</v></c></row>')).toThrow('sheet "Data" is damaged: cell A2 appears twice');
    expect(() => rowsOf('<row r="1"><c r="A0"><v>1</v></c></row>')).toThrow('sheet "Data" is damaged (cell reference "A0")');
  });
});
