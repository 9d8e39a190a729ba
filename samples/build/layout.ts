import { fitColumnWidths, type CellFormat, type CellValue, type OutCell, type OutSheet, type PrintSetup } from "../../cli/io/xlsx";

/**
 * What makes a sample workbook self-explaining and printable: a "Start here" sheet,
 * titles over spilled results, number formats for the columns results spill into,
 * and page setup on every sheet. Layout only; the formulas stay in each builder.
 */

/** Sheet name of the first sheet in every sample workbook. */
export const START_HERE = "Start here";

const bold = (value: string): OutCell => ({ value, bold: true });
const para = (value: string): OutCell => ({ value, wrap: true });

/** Width of the Start here text column (characters): a readable line, one landscape page. */
const START_WIDTH = 110;

/**
 * The first sheet: what the workbook shows, how to load the add-in, that ARREARS cells
 * read #NAME? until it is loaded, and the two ways to re-enter them if they stay so.
 */
export function startHereSheet(title: string, shows: readonly string[]): OutSheet {
  const rows: (CellValue | OutCell)[][] = [
    [{ value: title, title: true }],
    [],
    [bold("What this workbook shows")],
    ...shows.map((s) => [para(s)]),
    [],
    [bold("Load the Arrears toolkit add-in first")],
    [para("The ARREARS formulas in this workbook (ARREARS.…) are the add-in's functions: every one of them reads #NAME? until the add-in is loaded in Excel, and calculates as soon as it is.")],
    [para("Load it yourself (sideload): Home › Add-ins › More Add-ins › Upload My Add-in, then choose the toolkit's manifest.xml. Or ask your IT team to deploy the add-in to you from the Microsoft 365 admin centre (Integrated apps); it then appears for you without uploading.")],
    [],
    [bold("Cells still read #NAME? after loading?")],
    [para("Excel does not look again at formulas in a workbook opened before the add-in loaded. Re-enter them once: on the ribbon's Arrears group choose Re-enter formulas, or open the task pane and choose Formulas › Re-enter ARREARS formulas. Only ARREARS formulas are re-entered; values and other formulas are left alone.")],
    [],
    [para("Opened in LibreOffice, or in Excel without the add-in, the ARREARS cells read #NAME?; native Excel formulas (the checks beside them) still calculate.")],
  ];
  return { name: START_HERE, rows, columnWidths: [START_WIDTH], print: { orientation: "landscape", repeatRows: null } };
}

/**
 * A title and a line of explanation above a sheet whose content starts in row 1 (a spill,
 * whose first row is its header): the content moves down by the rows added, the spill's
 * header becomes the row that freezes and repeats on every printed page.
 */
export function titled(sheet: OutSheet, title: string, note: string): OutSheet {
  const block: (CellValue | OutCell)[][] = [[{ value: title, title: true }], [note], []];
  return { ...sheet, rows: [...block, ...sheet.rows], headerRow: (sheet.headerRow ?? 0) + block.length, freezeHeader: true };
}

/** Page setup for a sample sheet: A4 landscape, one page wide, the header row repeated (the writer's defaults), unless the sheet says otherwise. */
export function printable(sheet: OutSheet, print: PrintSetup = {}): OutSheet {
  return { ...sheet, print: { ...print, ...sheet.print } };
}

/**
 * Whole-column formats for a spill, from its header row: "%" a percentage
 * figure (the functions return 83.08 for 83.08 %, shown with a % sign, not scaled),
 * "£" money, "weeks owed" one decimal, any other figure column a whole number; `text` columns none.
 */
export function formatsForHeaders(headers: readonly string[], text: readonly string[]): (CellFormat | null)[] {
  return headers.map((h) => {
    if (text.includes(h)) return null;
    // "% of arrears £" is a share of money, so % is tested first.
    if (/%/.test(h)) return "percentFigure";
    if (/£/.test(h)) return "money";
    if (/weeks owed/i.test(h)) return "weeks";
    return "integer";
  });
}

/** The widest figure each format shows in these samples (a team's £ totals run to six figures): a column narrower shows ####. */
const WIDEST: Partial<Record<CellFormat, number>> = { money: 999_999.99, percentFigure: 100, integer: 99_999, weeks: 999.9 };

/**
 * Widths for the columns a spill lands in, which the builder cannot measure (Excel fills
 * them): each heading, the widest figure its format shows, and `labels`, the row labels
 * (officers, bands) expected in the first column.
 */
export function spillColumnWidths(headers: readonly string[], formats: readonly (CellFormat | null)[], labels: readonly string[] = []): number[] {
  const widest: OutCell[] = formats.map((f) => ({ value: f ? (WIDEST[f] ?? null) : null, format: f ?? undefined }));
  return fitColumnWidths([headers, widest, ...labels.map((l) => [l])], { max: 36 });
}
