import { strFromU8, unzipSync } from "fflate";
import { displayText, fitColumnWidths, groupedNumber, wrappedLines, writeXlsx } from "../../../cli/io/xlsx";

const part = (bytes: Uint8Array, name: string) => strFromU8(unzipSync(bytes)[name]);

describe("layout estimates for written sheets", () => {
  it("groups thousands and shows values as their formats do", () => {
    expect(groupedNumber(2073.97, 2)).toBe("2,073.97");
    expect(groupedNumber(8669959.771, 2)).toBe("8,669,959.77");
    expect(groupedNumber(-1234, 0)).toBe("-1,234");
    expect(displayText(-1234.5, "money")).toBe("-£1,234.50");
    expect(displayText(0.8308, "percent")).toBe("83.08%");
    expect(displayText(83.08, "percentFigure")).toBe("83.08%");
  });

  it("wraps text greedily at spaces into the column's width", () => {
    // 1.15 units a character, 1 unit of margin: a 24-unit column holds 20 characters (23 ÷ 1.15).
    expect(wrappedLines("aaaa bbbb cccc dddd eeee", 24)).toBe(2); // 24 characters: "aaaa bbbb cccc dddd" (19) then "eeee"
    expect(wrappedLines("aaaa bbbb cccc ddd", 24)).toBe(1); // 18 characters
    expect(wrappedLines("one\ntwo", 40)).toBe(2);
    expect(wrappedLines("x".repeat(45), 24)).toBe(3); // one 51.75-unit word over 23-unit lines
  });

  it("sizes columns to content within limits, but never cuts a header's longest word", () => {
    const widths = fitColumnWidths(
      [
        [{ value: "Name", bold: true }, { value: "Arrears outstanding", bold: true, wrap: true }],
        ["Jo", { value: 1234567.5, format: "money" }],
      ],
      { max: 10 },
    );
    // Column A: "Name" bold 4 × 1.25 + 1 = 6 (the minimum). Column B: capped at 10 by max, raised to the
    // header's longest word, "outstanding": 11 × 1.25 + 1 = 14.75.
    expect(widths).toEqual([6, 14.75]);
  });
});

describe("writeXlsx page setup", () => {
  const bytes = writeXlsx([
    { name: "Intro", rows: [["hello"]] },
    {
      name: "Tom's & Co",
      headerRow: 2,
      freezeHeader: true,
      rows: [[{ value: "Title", title: true }], [], ["Head"], [{ value: "a long line of wrapped text that needs three lines here", wrap: true }]],
      columnWidths: [24],
      columnFormats: [undefined, "money"],
      print: { headerText: "A & B", area: { lastRow: 3, lastColumn: 0 } },
    },
  ]);

  it("names the print titles and area for the sheet, quoting its name", () => {
    const wb = part(bytes, "xl/workbook.xml");
    expect(wb).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="1">'Tom''s &amp; Co'!$A$1:$A$4</definedName>`);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Tom''s &amp; Co'!$3:$3</definedName>`);
    expect(wb).not.toContain('localSheetId="0"');
  });

  it("writes landscape fit-to-width, header and footer, the frozen header below the title, row heights and column formats", () => {
    const ws = part(bytes, "xl/worksheets/sheet2.xml");
    expect(ws).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(ws).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(ws).toContain("<oddHeader>&amp;LA &amp;&amp; B&amp;R&amp;A</oddHeader><oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>");
    expect(ws).toContain('<pane ySplit="3" topLeftCell="A4"');
    // A 24-unit column less 1 of margin holds 20 characters at 1.15: "a long line of" (14; "+ wrapped" makes 22),
    // "wrapped text that" (17), "needs three lines" (17), "here": 4 lines × 15 pt.
    expect(ws).toContain('<row r="4" ht="60" customHeight="1">');
    expect(ws).toContain('<row r="1" ht="19.25" customHeight="1">');
    expect(ws).toMatch(/<col min="2" max="2" width="8.43" style="\d+"\/>/);
    expect(part(bytes, "xl/worksheets/sheet1.xml")).not.toContain("<pageSetup");
  });

  it("keeps a long page header within Excel's 255 characters, never splitting an escaped &", () => {
    // 248 characters are left before the "…" (255 − "&L" − "&R&A" − 1). After 247 "a", the doubled "&&" would be cut
    // between its two halves (a lone "&" would start a code), so it goes; after 246 it fits whole.
    for (const text of ["a".repeat(300), `${"a".repeat(247)}&bbb`, `${"a".repeat(246)}&bbb`]) {
      const ws = part(writeXlsx([{ name: "S", rows: [["x"]], print: { headerText: text } }]), "xl/worksheets/sheet1.xml");
      const header = ws.match(/<oddHeader>(.*)<\/oddHeader>/)![1].replace(/&amp;/g, "&");
      expect(header.length).toBeLessThanOrEqual(255);
      expect(header).toMatch(/^&L(a|&&)+(…)?&R&A$/);
    }
  });
});
