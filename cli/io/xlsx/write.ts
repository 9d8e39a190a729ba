import type * as Fflate from "fflate";
import { columnLetter } from "../../../core/export/columnLetter";
import { looksLikeFormula } from "../../../core/safety/cellText";
import type { CellValue } from "./read";
import { cellTextAsStored, escapeCellText, escapeXml } from "./xml";
import { DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, rowHeight, TITLE_POINTS } from "./layout";
import { pageSetupXml, printNames } from "./pageSetup";
import { zipFast } from "./zipFast";

/**
 * Writes .xlsx workbooks for reports and samples: values with number formats,
 * bold headers, frozen header rows, Excel tables and (dynamic-array) formulas.
 * The same input always gives the same bytes (fixed zip timestamps, no clock),
 * so sample files can be regenerated and compared byte for byte.
 *
 * Formula injection: text is always written as a text cell, which Excel never
 * evaluates; text that *looks* like a formula (= + - @ tab CR) also gets Excel's
 * quote-prefix style, so it stays text even when someone edits the cell.
 */

/** How a number is shown. */
export type CellFormat = "text" | "integer" | "money" | "percent" | "percentFigure" | "date" | "decimal" | "weeks";

export interface OutCell {
  value: CellValue;
  /** A formula without the leading "=" (e.g. `SUM(A1:A3)` or `ARREARS.TREND(B2:BA100)`); `value` is then only a cached result. */
  formula?: string;
  /** Write as a dynamic-array formula that spills (Excel 365); otherwise a plain one-cell formula. */
  spill?: boolean;
  format?: CellFormat;
  bold?: boolean;
  wrap?: boolean;
  /** A sheet title: bold and larger (14 pt). */
  title?: boolean;
}

/**
 * How a sheet prints: A4, by default landscape and scaled to one page wide (as many
 * pages down as it needs), the header row repeated at the top of every page, the
 * sheet name and `headerText` in the page header and "Page x of y" in the footer.
 */
export interface PrintSetup {
  orientation?: "landscape" | "portrait";
  /** Scale to one page wide; default true. */
  fitToWidth?: boolean;
  /** Rows repeated at the top of every page (Excel's print titles, 0-based, inclusive); default the sheet's header row. */
  repeatRows?: readonly [first: number, last: number] | null;
  /** Print only rows 0..lastRow and columns 0..lastColumn (Excel's print area, 0-based, inclusive). */
  area?: { lastRow: number; lastColumn: number };
  /** Left side of the page header (e.g. organisation and period); the right side is the sheet name. */
  headerText?: string;
}

export interface OutSheet {
  /** Sheet name: at most 31 characters, none of : \ / ? * [ ]. */
  name: string;
  rows: (CellValue | OutCell)[][];
  /** Column widths in characters, from column A. */
  columnWidths?: number[];
  /** Freeze the first row so headers stay visible while scrolling. */
  freezeHeader?: boolean;
  /** Make rows (header in row 1) an Excel table with this name, e.g. QAReviews. */
  table?: { name: string };
  /**
   * The row holding the column headers (0-based; default 0), when a title block
   * sits above it: the frozen pane, the table and the print titles start there.
   */
  headerRow?: number;
  /**
   * A number format for whole columns, from column A: cells written without a format
   * and cells a dynamic array spills into (which take the format of the cell they land in) show in it.
   */
  columnFormats?: readonly (CellFormat | null | undefined)[];
  /** Page setup; without it the sheet prints with Excel's defaults. */
  print?: PrintSetup;
}

const NUM_FMT: Record<CellFormat, { id: number; code?: string }> = {
  text: { id: 49 },
  integer: { id: 3 },
  decimal: { id: 2 },
  money: { id: 164, code: '[$£-809]#,##0.00;-[$£-809]#,##0.00' },
  // A fraction shown as a percentage: 0.8308 shows 83.08% (KPIs are rounded to 2 dp of a percent).
  percent: { id: 165, code: "0.00%" },
  date: { id: 166, code: "dd/mm/yyyy" },
  weeks: { id: 167, code: "0.0" },
  // A percentage already in percent (83.08 meaning 83.08 %), as the ARREARS functions return it: the % is text, so the value is not scaled.
  percentFigure: { id: 168, code: '0.00"%"' },
};

/** Fixed timestamp for every zip entry, so output is byte-for-byte repeatable. */
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

interface StyleKey {
  format?: CellFormat;
  bold?: boolean;
  wrap?: boolean;
  quote?: boolean;
  title?: boolean;
  /** Aligned to the top: every cell of a row made taller for wrapped text, so figures sit level with their labels. */
  top?: boolean;
}

/** Builds the workbook and returns the .xlsx bytes. */
/**
 * How hard the zip compresses: "small" (deflate level 6 by fflate, the default, for sample
 * files kept in the repository byte for byte) or "fast" (level 1 by Node's native zlib, see
 * zipFast.ts: a few per cent larger, a fraction of the CPU; the command line's reports, where
 * the 17,000-account return spent ~0.3 s at level 6 and ~0.13 s at fflate's level 1).
 */
export type XlsxCompression = "small" | "fast";

export function writeXlsx(sheets: readonly OutSheet[], options: { compression?: XlsxCompression } = {}): Uint8Array {
  if (sheets.length === 0) throw new Error("a workbook needs at least one sheet");
  const names = new Set<string>();
  for (const s of sheets) {
    if (!/^[^:\\/?*[\]]{1,31}$/.test(s.name) || s.name.startsWith("'")) throw new Error(`"${s.name}" is not a valid sheet name`);
    if (names.has(s.name.toLowerCase())) throw new Error(`two sheets are named "${s.name}"`);
    names.add(s.name.toLowerCase());
  }
  const styles: string[] = [];
  const styleIndex = new Map<string, number>();
  const styleOf = (key: StyleKey): number => {
    if (!key.format && !key.bold && !key.wrap && !key.quote && !key.title && !key.top) return 0;
    const id = `${key.format ?? ""}|${key.bold ? 1 : 0}|${key.wrap ? 1 : 0}|${key.quote ? 1 : 0}|${key.title ? 1 : 0}|${key.top ? 1 : 0}`;
    let index = styleIndex.get(id);
    if (index === undefined) {
      index = styles.length + 1;
      styleIndex.set(id, index);
      const numFmtId = key.format ? NUM_FMT[key.format].id : 0;
      const fontId = key.title ? 2 : key.bold ? 1 : 0;
      styles.push(
        `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="0" borderId="0" xfId="0"` +
          `${numFmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${key.quote ? ' quotePrefix="1"' : ""}` +
          `${key.wrap ? ' applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf>' : key.top ? ' applyAlignment="1"><alignment vertical="top"/></xf>' : "/>"}`,
      );
    }
    return index;
  };

  // UTF-8, as fflate's strToU8 gives it (it uses TextEncoder where there is one).
  const encoder = new TextEncoder();
  const strToU8 = (text: string): Uint8Array => encoder.encode(text);
  const files: Record<string, Uint8Array> = {};
  let tableCount = 0;
  let usesDynamicArrays = false;
  sheets.forEach((sheet, i) => {
    const { xml, dynamic } = sheetXml(sheet, styleOf, sheet.table ? `rIdT1` : null);
    usesDynamicArrays ||= dynamic;
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(xml);
    if (sheet.table) {
      tableCount++;
      files[`xl/tables/table${tableCount}.xml`] = strToU8(tableXml(sheet, tableCount));
      files[`xl/worksheets/_rels/sheet${i + 1}.xml.rels`] = strToU8(
        `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdT1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table${tableCount}.xml"/></Relationships>`,
      );
    }
  });
  files["[Content_Types].xml"] = strToU8(contentTypes(sheets.length, tableCount, usesDynamicArrays));
  files["_rels/.rels"] = strToU8(
    `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  files["xl/workbook.xml"] = strToU8(workbookXml(sheets, printNames(sheets)));
  files["xl/_rels/workbook.xml.rels"] = strToU8(workbookRels(sheets.length, usesDynamicArrays));
  files["xl/styles.xml"] = strToU8(stylesXml(styles));
  if (usesDynamicArrays) files["xl/metadata.xml"] = strToU8(METADATA_XML);
  // "fast": level 1 by Node's zlib (native); "small": fflate at level 6, the same bytes on every machine.
  if (options.compression === "fast") return zipFast(files);
  // fflate is loaded only here (and by the reader): a report written "fast" never loads it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain require is what loads a module only when it is used
  const { zipSync } = require("fflate") as typeof Fflate;
  return zipSync(files, { level: 6, mtime: ZIP_TIME });
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function isOutCell(v: CellValue | OutCell): v is OutCell {
  return v !== null && typeof v === "object";
}

const FORMAT_CODES: readonly (CellFormat | undefined)[] = [undefined, ...(Object.keys(NUM_FMT) as CellFormat[])];

/**
 * styleOf with a numeric memo in front: a cell's style key as one number (format and five
 * flags), so the escalation sheet's 60,000 cells build no key text and no key object. A
 * key not seen yet goes to styleOf, so styles are numbered in the same order as ever.
 */
function memoStyles(styleOf: (k: StyleKey) => number): (format: CellFormat | undefined, bold: boolean, wrap: boolean, quote: boolean, title: boolean, top: boolean) => number {
  const seen = new Map<number, number>();
  return (format, bold, wrap, quote, title, top) => {
    const f = format === undefined ? 0 : FORMAT_CODES.indexOf(format);
    const code = f * 32 + (bold ? 1 : 0) + (wrap ? 2 : 0) + (quote ? 4 : 0) + (title ? 8 : 0) + (top ? 16 : 0);
    let style = seen.get(code);
    if (style === undefined) {
      style = styleOf({ format, bold, title, wrap, top, quote });
      seen.set(code, style);
    }
    return style;
  };
}

function sheetXml(sheet: OutSheet, styleOf: (k: StyleKey) => number, tableRel: string | null): { xml: string; dynamic: boolean } {
  let dynamic = false;
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const parts: string[] = [];
  const letters = Array.from({ length: width }, (_, c) => columnLetter(c));
  const styleFor = memoStyles(styleOf);
  sheet.rows.forEach((row, r) => {
    const cells: string[] = [];
    const height = rowHeight(row, sheet.columnWidths);
    const top = height > DEFAULT_ROW_HEIGHT;
    row.forEach((raw, c) => {
      const out = isOutCell(raw) ? raw : null;
      const ref = `${letters[c]}${r + 1}`;
      const value = out ? out.value : (raw as CellValue);
      const formula = out?.formula;
      const isText = typeof value === "string";
      // Judged on the text as Excel will hold it (lone surrogates replaced), not as given.
      const quote = isText && !formula && looksLikeFormula(cellTextAsStored(value));
      const style = out ? styleFor(out.format, !!out.bold, !!out.wrap, quote, !!out.title, top) : styleFor(undefined, false, false, quote, false, top);
      const s = style ? ` s="${style}"` : "";
      if (formula) {
        const spill = out?.spill;
        const f = escapeXml(formula.startsWith("=") ? formula.slice(1) : formula);
        if (spill) dynamic = true;
        const fTag = spill ? `<f t="array" ref="${ref}">${f}</f>` : `<f>${f}</f>`;
        const cm = spill ? ' cm="1"' : "";
        if (typeof value === "number" && Number.isFinite(value)) cells.push(`<c r="${ref}"${s}${cm}>${fTag}<v>${value}</v></c>`);
        else if (typeof value === "string") cells.push(`<c r="${ref}"${s}${cm} t="str">${fTag}<v>${escapeCellText(value)}</v></c>`);
        else cells.push(`<c r="${ref}"${s}${cm}>${fTag}</c>`);
        return;
      }
      if (value === null || value === undefined) {
        if (style) cells.push(`<c r="${ref}"${s}/>`);
      } else if (typeof value === "number") {
        if (!Number.isFinite(value)) throw new Error(`cell ${sheet.name}!${ref} is not a finite number`);
        cells.push(`<c r="${ref}"${s}><v>${value}</v></c>`);
      } else if (typeof value === "boolean") {
        cells.push(`<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`);
      } else {
        cells.push(`<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeCellText(value)}</t></is></c>`);
      }
    });
    parts.push(`<row r="${r + 1}"${height === DEFAULT_ROW_HEIGHT ? "" : ` ht="${height}" customHeight="1"`}>${cells.join("")}</row>`);
  });
  const dim = `A1:${columnLetter(width - 1)}${Math.max(1, sheet.rows.length)}`;
  const headerRow = sheet.headerRow ?? 0;
  const views = sheet.freezeHeader
    ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${headerRow + 1}" topLeftCell="A${headerRow + 2}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>`
    : `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const cols = colsXml(sheet, styleOf);
  const tableParts = tableRel ? `<tableParts count="1"><tablePart r:id="${tableRel}"/></tableParts>` : "";
  const xml =
    `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `${sheet.print && sheet.print.fitToWidth !== false ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : ""}` +
    `<dimension ref="${dim}"/>${views}<sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${parts.join("")}</sheetData>` +
    `${pageSetupXml(sheet.print)}${tableParts}</worksheet>`;
  return { xml, dynamic };
}

/** Column widths and whole-column number formats. */
function colsXml(sheet: OutSheet, styleOf: (k: StyleKey) => number): string {
  const count = Math.max(sheet.columnWidths?.length ?? 0, sheet.columnFormats?.length ?? 0);
  if (count === 0) return "";
  const cols = Array.from({ length: count }, (_, i) => {
    const width = sheet.columnWidths?.[i];
    const format = sheet.columnFormats?.[i];
    const style = format ? ` style="${styleOf({ format })}"` : "";
    return `<col min="${i + 1}" max="${i + 1}" width="${width ?? DEFAULT_COLUMN_WIDTH}"${style}${width === undefined ? "" : ' customWidth="1"'}/>`;
  });
  return `<cols>${cols.join("")}</cols>`;
}

function tableXml(sheet: OutSheet, id: number): string {
  const headerRow = sheet.headerRow ?? 0;
  const header = sheet.rows[headerRow] ?? [];
  if (header.length === 0) throw new Error(`table ${sheet.table!.name} needs a header row`);
  const names = header.map((h) => String(isOutCell(h) ? h.value : h));
  const seen = new Set<string>();
  for (const n of names) {
    if (!n || seen.has(n.toLowerCase())) throw new Error(`table ${sheet.table!.name}: column headers must be present and distinct ("${n}")`);
    seen.add(n.toLowerCase());
  }
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(sheet.table!.name)) throw new Error(`"${sheet.table!.name}" is not a valid table name`);
  const lastRow = Math.max(headerRow + 2, sheet.rows.length);
  const ref = `A${headerRow + 1}:${columnLetter(names.length - 1)}${lastRow}`;
  const columns = names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeXml(n)}"/>`).join("");
  return (
    `${XML_HEAD}<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${sheet.table!.name}" displayName="${sheet.table!.name}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function workbookXml(sheets: readonly OutSheet[], definedNames: string): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  return (
    `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
    `<bookViews><workbookView/></bookViews><sheets>${list}</sheets>${definedNames}<calcPr calcId="191029" fullCalcOnLoad="1"/></workbook>`
  );
}

function workbookRels(sheetCount: number, dynamic: boolean): string {
  const rels = Array.from(
    { length: sheetCount },
    (_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${sheetCount + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
  if (dynamic) rels.push(`<Relationship Id="rId${sheetCount + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sheetMetadata" Target="metadata.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`;
}

function contentTypes(sheetCount: number, tableCount: number, dynamic: boolean): string {
  const sheets = Array.from(
    { length: sheetCount },
    (_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  ).join("");
  const tables = Array.from(
    { length: tableCount },
    (_, i) => `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/>`,
  ).join("");
  const meta = dynamic ? `<Override PartName="/xl/metadata.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml"/>` : "";
  return (
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets}${tables}${meta}</Types>`
  );
}

function stylesXml(xfs: string[]): string {
  const custom = Object.values(NUM_FMT).filter((f) => f.code);
  const numFmts = `<numFmts count="${custom.length}">${custom.map((f) => `<numFmt numFmtId="${f.id}" formatCode="${escapeXml(f.code!)}"/>`).join("")}</numFmts>`;
  return (
    `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${numFmts}` +
    `<fonts count="3"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="${TITLE_POINTS}"/><name val="Calibri"/><family val="2"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="${xfs.length + 1}"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${xfs.join("")}</cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

/** Marks cm="1" cells as dynamic-array formulas (Excel's XLDAPR cell metadata), so they spill instead of showing @-intersection. */
const METADATA_XML =
  `${XML_HEAD}<metadata xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray">` +
  `<metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes>` +
  `<futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata>` +
  `<cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`;
