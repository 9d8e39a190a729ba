import fc from "fast-check";
import { isAscii } from "node:buffer";
import { unzipSync } from "fflate";
import { writeXlsx, type CellValue, type OutSheet } from "../../../cli/io/xlsx";
import { readSheetPart } from "../../../cli/io/xlsx/read";

// An all-ASCII worksheet part is read from its bytes (cli/io/xlsx/read.ts, readSheetBytes),
// anything it does not take plainly handed to the general parser through a window of text.
// It must give what decoding the part and reading the text gives: the same rows, the same
// unreadable cells, the same refusal word for word. Each case reads one part both ways.

const enc = new TextEncoder();

type Outcome = { rows: CellValue[][]; unreadable: unknown } | { error: string };

function outcome(part: Uint8Array, route: "auto" | "text", shared: string[], maxCells?: number): Outcome {
  try {
    const s = readSheetPart(part, route, shared, maxCells === undefined ? {} : { maxCells });
    return { rows: s.rows, unreadable: s.unreadable };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

/** Reads `xml` both ways and expects the same; returns the outcome. */
function agree(xml: string, shared: string[] = ["zero", "one"], maxCells?: number): Outcome {
  const part = enc.encode(xml);
  expect(isAscii(part)).toBe(true); // otherwise both routes decode, and the test proves nothing
  const viaBytes = outcome(part, "auto", shared, maxCells);
  const viaText = outcome(part, "text", shared, maxCells);
  expect(viaBytes).toEqual(viaText);
  return viaBytes;
}

const sheet = (data: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="x"><sheetData>${data}</sheetData></worksheet>`;

describe("an ASCII sheet read from its bytes reads as its text", () => {
  it("reads the usual rows and cells, and the unusual ones through the general parser", () => {
    const o = agree(
      sheet(
        '<row r="1"><c r="A1"><v>12.5</v></c><c r="B1" s="2" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t xml:space="preserve"> x </t></is></c><c r="D1" s="3"/></row>' +
          '<row r="2" spans="1:4"><c r="A2" t="b"><v>1</v></c><c r="B2"><f>A1*2</f><v>25</v></c><c r="C2" t="e"><v>#N/A</v></c><c r="D2" t="str"><v>a &amp; b</v></c></row>\n' +
          '  <row r="4">\n    <c r="B4"><v> 7 </v></c>\n    <c t="inlineStr"><is><t>no ref</t></is></c>\n  </row>' +
          '<row><c><v>3</v></c></row><row r="0009"><c r="A9"><v>1e3</v></c></row><!-- <row r="20"><c r="A20"><v>5</v></c></row> --><row r="10"><c r="A10"><![CDATA[x]]><v>4</v></c></row>',
      ),
    );
    expect("rows" in o && o.rows.length).toBe(10);
    expect(o).toMatchObject({ rows: [[12.5, "one", " x "], [true, 25, null, "a & b"], [], [null, 7, "no ref"], [3], [], [], [], [1000], [4]], unreadable: { count: 1 } });
  });

  it("gives the same refusals, word for word", () => {
    for (const data of [
      '<row r="1"><c r="A1"><v>1</v></c><c r="A1"><v>2</v></c></row>',
      '<row r="1"><c r="A0"><v>1</v></c></row>',
      '<row r="1"><c r="B1"><v>1',
      '<row r="1"><c r="B1" t="s"><v>7</v></c></row>',
      '<row r="1"><c r="B1"><v>0x1F</v></c></row>',
      '<row r="1"><c r="B1" t="q"><v>1</v></c></row>',
      '<row r="1"><c r="XFE1"><v>1</v></c></row>',
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>${"long ".repeat(3000)}</t></is></c><c r="C1"><v>x</v></c></row>`,
      `<row r="1"><c r="A1"><v>1</v></c><c r="B1" t="b"><v>${"2".repeat(2000)}</v></c>`,
    ]) {
      expect(agree(sheet(data))).toHaveProperty("error");
    }
    // The cell budget, spent the same way.
    expect(agree(sheet('<row r="1"><c r="A1"><v>1</v></c><c r="J1"><v>2</v></c></row><row r="2"><c r="A2"><v>1</v></c></row>'), [], 11)).toHaveProperty("error");
  });

  it("reads steps longer than the first window (long text, long comments, a tail after the data)", () => {
    const long = "word ".repeat(400);
    agree(sheet(`<row r="1"><c r="A1" t="str"><v>${long}</v></c><!-- ${long} --><c r="B1"><v>2</v></c></row><row r="3"><c r="C3"><v>1</v></c></row><!-- ${long}`));
    agree(sheet(`<row r="1"><c r="A1" t="str"><v>${long}</v></c><!-- ${long} --><c r="B1"><v>2</v></c></row><row r="3"><c r="C3"><v>1</v></c></row>`) + `<mergeCells>${'<mergeCell ref="A1:B1"/>'.repeat(200)}</mergeCells>`);
  });

  it("agrees on sheets built at random from plain cells and their near misses", () => {
    const piece = fc.constantFrom(
      '<row r="1">', '<row r="2">', '<row r="12">', '<row r="01">', '<row r="1048577">', '<row r="3" spans="1:2">', '<row>', "<row/>", "</row>",
      '<c r="A1"><v>1</v></c>', '<c r="B2" s="4"><v>-0.5</v></c>', '<c r="C2" t="s"><v>0</v></c>', '<c r="C3" t="s"><v>9</v></c>', '<c r="D1" t="n"><v>1.</v></c>',
      '<c r="E1"><v>12345678901234567</v></c>', '<c r="F1" t="inlineStr"><is><t>a b</t></is></c>', '<c r="F2" t="inlineStr"><is><t>a_x0041_</t></is></c>',
      // Inline texts the byte reading hands to the general parser (an entity, an escape, a CR) or takes (a "_" or "x" alone), and repeats of a short one.
      '<c r="F3" t="inlineStr"><is><t>a\rb</t></is></c>', '<c r="F4" t="inlineStr"><is><t>ab_</t></is></c>', '<c r="F5" t="inlineStr"><is><t>_x</t></is></c>',
      '<c r="F6" t="inlineStr"><is><t>_X_ x_</t></is></c>', '<c r="F7" t="inlineStr"><is><t>A&amp;B</t></is></c>', '<c r="F8" t="inlineStr"><is><t xml:space="preserve">a b</t></is></c>',
      '<c r="G1"/>', '<c r="G2" s="1"/>', "<c/>", "<c><v>5</v></c>", '<c r="H1" t="e"><v>#REF!</v></c>', '<c r="H2"><f>1+1</f></c>', '<c r="A1" t="b"><v>0</v></c>',
      '<c r="I1"><v>1e5</v></c>', '<c r="J1" t="d"><v>2026-10-01</v></c>', '<c r="K1"><v>', "</v></c>", "<!-- c -->", "<![CDATA[<c r=\"Z9\"><v>1</v></c>]]>",
      "\n", "  ", "text", "<", ">", '"', "<c ", 'r="A1"', "&amp;", "<v>2</v>", "</c>", '<x:c r="L1"><x:v>3</x:v></x:c>', "<?pi x?>",
    );
    const data = fc.array(piece, { maxLength: 30 }).map((p) => p.join(""));
    fc.assert(
      fc.property(data, (d) => {
        agree(sheet(d));
        agree(d);
      }),
      { numRuns: 3000 },
    );
  });

  it("reads the sheets our writer writes", () => {
    const rows: (CellValue | { value: CellValue; format?: "money" })[][] = [["Account", "Balance", "Note"]];
    for (let i = 0; i < 500; i++) rows.push([`A${String(i).padStart(5, "0")}`, { value: (i * 37.31) % 900 - 100, format: "money" }, i % 7 === 0 ? "=looks like a formula" : i % 5 === 0 ? null : `note ${i} _x0041_ & <b>`]);
    const files = unzipSync(writeXlsx([{ name: "Data", rows } as OutSheet]));
    const o = agree(new TextDecoder().decode(files["xl/worksheets/sheet1.xml"]));
    expect("rows" in o && o.rows.length).toBe(501);
  });
});
