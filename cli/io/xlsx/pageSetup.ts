import { columnLetter } from "../../../core/export/columnLetter";
import type { OutSheet, PrintSetup } from "./write";
import { escapeXml } from "./xml";

/**
 * Print setup as SpreadsheetML: the worksheet's margins, page setup and page
 * header/footer, and the workbook's print titles and print areas, which Excel
 * keeps as defined names local to a sheet (_xlnm.Print_Titles, _xlnm.Print_Area).
 */

/** A4 in Excel's paperSize list. */
const A4 = 9;

/** "'By officer'!": a sheet name quoted for a reference (an apostrophe doubled). */
const sheetRef = (name: string) => `'${name.replace(/'/g, "''")}'!`;

/** `&` starts a header/footer code (&P page, &N pages, &A sheet name), so literal text doubles it. */
const headerFooterText = (text: string) => text.replace(/&/g, "&&");

/** Excel refuses a page header over 255 characters (codes included); "&R&A" and "&L" take 6, so longer text is cut with "…", never inside an "&&". */
function fitHeader(text: string): string {
  const room = 255 - 6;
  if (text.length <= room) return text;
  let cut = text.slice(0, room - 1);
  if (/(^|[^&])(&&)*&$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** pageMargins, pageSetup and headerFooter for a worksheet (margins only, Excel's defaults, without a setup). */
export function pageSetupXml(print: PrintSetup | undefined): string {
  if (!print) return `<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`;
  const fit = print.fitToWidth !== false ? ' fitToWidth="1" fitToHeight="0"' : "";
  const left = print.headerText ? `&L${fitHeader(headerFooterText(print.headerText))}` : "";
  return (
    `<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.5" header="0.2" footer="0.2"/>` +
    `<pageSetup paperSize="${A4}" orientation="${print.orientation ?? "landscape"}"${fit}/>` +
    `<headerFooter><oddHeader>${escapeXml(`${left}&R&A`)}</oddHeader><oddFooter>${escapeXml("&CPage &P of &N")}</oddFooter></headerFooter>`
  );
}

/** The workbook's definedNames: each printing sheet's repeated header rows and print area. */
export function printNames(sheets: readonly OutSheet[]): string {
  const names: string[] = [];
  sheets.forEach((sheet, i) => {
    const print = sheet.print;
    if (!print) return;
    if (print.area) {
      const ref = `${sheetRef(sheet.name)}$A$1:$${columnLetter(print.area.lastColumn)}$${print.area.lastRow + 1}`;
      names.push(`<definedName name="_xlnm.Print_Area" localSheetId="${i}">${escapeXml(ref)}</definedName>`);
    }
    const header = sheet.headerRow ?? 0;
    const repeat = print.repeatRows === undefined ? ([header, header] as const) : print.repeatRows;
    if (repeat) {
      const ref = `${sheetRef(sheet.name)}$${repeat[0] + 1}:$${repeat[1] + 1}`;
      names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(ref)}</definedName>`);
    }
  });
  return names.length ? `<definedNames>${names.join("")}</definedNames>` : "";
}
