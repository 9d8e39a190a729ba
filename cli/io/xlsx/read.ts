import { isAscii } from "node:buffer";
import { gridOfRows, type CellGrid } from "../../../core/export/cellGrid";
import { columnLetter } from "../../../core/export/columnLetter";
import { AsciiTexts } from "./asciiTexts";
import { SheetCells } from "./sheetGrid";
import { dateStyles } from "./styles";
import { elementText, endTagIndex, nextTag } from "./xml";
import { inflateEntries, mb, partKey, refuseOle, XlsxError } from "./zip";

export { XlsxError } from "./zip";

/**
 * Reads the cell values of an .xlsx workbook, defensively and strictly. Housing-system
 * exports reach us from users' machines, so every file is treated as hostile: the zip
 * is inflated as a stream with a byte budget (zip bombs stop early), XML is scanned
 * linearly (no regular-expression blow-ups), cells are held sparsely and counted, the
 * whole read has a time limit, and values land only in arrays of primitives (no object
 * is ever keyed by file content, so no prototype pollution).
 *
 * Strict: every value is read as what it is, or the file is refused naming the sheet
 * and cell. An error cell (#N/A), a formula with no saved result, a text cell without
 * its text, a number that is not decimal, or an unknown cell type is refused, never
 * read as a blank or 0. Dates in a 1904-date-system workbook come back as 1900-system
 * serials (see styles.ts). Parts are found the way the package says (_rels/.rels, then
 * the workbook's relationships), names matched case-insensitively; chart, dialog and
 * macro sheets are skipped, as they hold no cells.
 *
 * We do not use the `xlsx` npm package for reading: its npm release carries unfixed
 * advisories for exactly these inputs (CVE-2023-30533, CVE-2024-22363). The tests
 * check this reader against SheetJS 0.20.3 (@e965/xlsx) cell for cell.
 */

/** A value as read: text, number (dates as 1900-system Excel serials), TRUE/FALSE, or null for empty. */
export type CellValue = string | number | boolean | null;

export interface SheetData {
  name: string;
  /** Rows from row 1; each row as long as its last filled cell. Empty rows are one shared empty array. */
  rows: CellValue[][];
  /**
   * Cells whose value cannot be read, held as null in `rows`: an error value (#N/A,
   * #REF!…) or a formula with no saved result. A sheet with any is not usable data:
   * whoever takes its rows must refuse it with `first` (see {@link usableRows}). They
   * are not refused at once because a workbook may carry a sheet nobody reads (a chart's
   * workings, a pivot) with errors in it.
   */
  unreadable: { count: number; first: string } | null;
}

/**
 * A sheet's rows for use as data.
 * @throws XlsxError naming the first unreadable cell (sheet and address) and how many more there are.
 */
export function usableRows(sheet: SheetData): CellValue[][] {
  refuseUnreadable(sheet);
  return sheet.rows;
}

/**
 * A sheet for use as data, as a grid over its cells: the same cells as {@link usableRows}
 * and the same refusal, without making the rows when the reader kept the cells in columns.
 * @throws XlsxError as usableRows.
 */
export function usableGrid(sheet: SheetData): CellGrid {
  refuseUnreadable(sheet);
  return sheetGrid(sheet);
}

function refuseUnreadable(sheet: SheetData): void {
  const u = sheet.unreadable;
  if (u) throw new XlsxError(u.count > 1 ? `${u.first} (and ${u.count - 1} more such cell${u.count > 2 ? "s" : ""} in the sheet)` : u.first);
}

/** The cells of sheets the reader kept in columns ({@link SheetCells}), by sheet. */
const CELLS = new WeakMap<SheetData, SheetCells>();

/** A sheet as a grid: over its cells in columns when the reader kept them so, else over its rows. */
export function sheetGrid(sheet: SheetData): CellGrid {
  return CELLS.get(sheet) ?? gridOfRows(sheet.rows);
}

/** A sheet's data: its rows, or its cells in columns with the rows made (once) only when asked for. */
function sheetData(name: string, held: CellValue[][] | SheetCells, unreadable: SheetData["unreadable"]): SheetData {
  if (Array.isArray(held)) return { name, rows: held, unreadable };
  let rows: CellValue[][] | undefined;
  const sheet: SheetData = {
    name,
    get rows() {
      return (rows ??= held.rows(EMPTY_ROW));
    },
    set rows(value: CellValue[][]) {
      rows = value;
      CELLS.delete(sheet);
    },
    unreadable,
  };
  CELLS.set(sheet, held);
  return sheet;
}

export interface XlsxLimits {
  /** Largest .xlsx file accepted. */
  maxFileBytes: number;
  /** Most bytes the parts we read may inflate to, all together (kept well under V8's longest string). */
  maxInflatedBytes: number;
  /**
   * Most cell positions held across all sheets: filled cells, the blanks between them
   * in a row, and one per row up to each sheet's last. A stray value at XFD1048576 costs
   * about a million; a value far to the right on every row is refused, not padded.
   */
  maxCells: number;
  /** Longest text in one cell (Excel's own limit is 32,767 characters). */
  maxCellChars: number;
  /** Most shared strings. */
  maxSharedStrings: number;
  /** Most sheets. */
  maxSheets: number;
  /** Wall-clock budget for the whole read, in milliseconds. */
  maxMillis: number;
}

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  maxFileBytes: 64 * 1024 * 1024,
  maxInflatedBytes: 256 * 1024 * 1024,
  maxCells: 16_000_000,
  maxCellChars: 32_767,
  maxSharedStrings: 4_000_000,
  maxSheets: 200,
  maxMillis: 60_000,
};

/** V8's longest string is 0x1fffffe8 characters; no part may decode to more. */
const MAX_PART_BYTES = 0x1fffffe8 - 1024;

/** Excel's grid: 1,048,576 rows by 16,384 columns. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Days from 31 December 1899 (1900 system, serial 0) to 1 January 1904 (1904 system, serial 0). */
const DAYS_1904 = 1462;

/** Parts never needed for cell values, skipped unread so their size cannot count against the budget. */
const UNUSED_FOLDERS = ["pivotcache", "charts/", "drawings/", "media/", "customxml", "theme/", "externallinks/", "printersettings/", "embeddings/", "activex/", "diagrams/", "docprops/"];

const EMPTY_ROW: CellValue[] = Object.freeze([]) as unknown as CellValue[];

/**
 * Reads every worksheet's values.
 * @param bytes the .xlsx file.
 * @param limits overrides for {@link DEFAULT_XLSX_LIMITS}.
 * @throws XlsxError for a damaged, oversized, hostile, encrypted or non-xlsx file, or a cell that cannot be read as a value.
 */
export function readXlsx(bytes: Uint8Array, limits: Partial<XlsxLimits> = {}): { sheets: SheetData[] } {
  const lim = { ...DEFAULT_XLSX_LIMITS, ...limits };
  const deadline = Date.now() + lim.maxMillis;
  const clock = () => {
    if (Date.now() > deadline) throw new XlsxError(`reading the workbook took longer than ${lim.maxMillis / 1000} seconds; it is too large or malformed`);
  };
  if (bytes.length > lim.maxFileBytes) throw new XlsxError(`the file is ${mb(bytes.length)}, more than the ${mb(lim.maxFileBytes)} we read`);
  refuseOle(bytes);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XlsxError("this is not an .xlsx workbook (it is not a zip archive); save it from Excel as .xlsx or export CSV");

  const wanted = (key: string) => (key.endsWith(".xml") || key.endsWith(".rels")) && !UNUSED_FOLDERS.some((f) => key.includes(f));
  const parts = inflateEntries(bytes, wanted, Math.min(lim.maxInflatedBytes, MAX_PART_BYTES), clock);
  const text = (key: string): string | undefined => {
    const b = parts.get(key);
    if (b === undefined) return undefined;
    parts.delete(key); // each part is decoded once; its bytes go as soon as its text exists
    return decodePart(b);
  };

  const rootRels = relationships(text("_rels/.rels") ?? "", "");
  const office = [...rootRels.values()].find((r) => r.type.endsWith("/officeDocument"));
  const workbookKey = office?.target ?? "xl/workbook.xml";
  const workbook = text(workbookKey);
  if (workbook === undefined) throw new XlsxError(`this zip is not an Excel workbook (no ${workbookKey})`);
  const dir = workbookKey.includes("/") ? workbookKey.slice(0, workbookKey.lastIndexOf("/") + 1) : "";
  const rels = relationships(text(`${dir}_rels/${workbookKey.slice(dir.length)}.rels`) ?? "", dir);
  const relOfType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.target;
  const shared = sharedStrings(text(relOfType("/sharedStrings") ?? `${dir}sharedstrings.xml`) ?? "", lim, clock);
  const workbookPr = nextTag(workbook, ["workbookPr"], 0);
  const date1904 = workbookPr !== null && (workbookPr.attrs.date1904 === "1" || workbookPr.attrs.date1904 === "true");
  const dateStyle = date1904 ? dateStyles(text(relOfType("/styles") ?? `${dir}styles.xml`) ?? "") : [];

  const sheets: SheetData[] = [];
  const budget = { cells: lim.maxCells };
  const texts = new AsciiTexts();
  let at = 0;
  let position = 0;
  for (;;) {
    const tag = nextTag(workbook, ["sheet"], at);
    if (!tag) break;
    at = tag.end;
    position++;
    const name = tag.attrs.name ?? `Sheet${position}`;
    const rel = rels.get(tag.attrs.id ?? "");
    if (rel && NOT_WORKSHEETS.some((t) => rel.type.endsWith(t))) continue; // a chart or dialog sheet has no cells
    if (sheets.length >= lim.maxSheets) throw new XlsxError(`the workbook has more than ${lim.maxSheets} sheets`);
    const key = rel?.target ?? `${dir}worksheets/sheet${position}.xml`;
    const part = parts.get(key);
    if (part === undefined) throw new XlsxError(`sheet "${name}" is missing from the file (${key}); the workbook is damaged`);
    parts.delete(key);
    const context: SheetContext = { name, shared, lim, budget, clock, date1904, dateStyle, unreadable: null, texts };
    const held = sheetRowsOfPart(part, context);
    sheets.push(sheetData(name, held, context.unreadable));
  }
  if (sheets.length === 0) throw new XlsxError("the workbook has no worksheets");
  return { sheets };
}

/** Relationship types of sheets that hold no cells: chart sheets, Excel 5 dialog sheets, Excel 4 macro sheets. */
const NOT_WORKSHEETS = ["/chartsheet", "/dialogsheet", "/xlMacrosheet", "/xlIntlMacrosheet"];

/** A part's bytes as text: UTF-8 (with or without BOM), or UTF-16 when it starts with a UTF-16 BOM. */
function decodePart(b: Uint8Array): string {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b);
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b);
  return new TextDecoder("utf-8").decode(b);
}

interface Relationship {
  type: string;
  /** The target as a normalised part key. */
  target: string;
}

/** A relationships part: Id → type and target resolved against `base` (the source part's folder). External targets are left out. */
function relationships(xml: string, base: string): Map<string, Relationship> {
  const map = new Map<string, Relationship>();
  let at = 0;
  for (;;) {
    const tag = nextTag(xml, ["Relationship"], at);
    if (!tag) return map;
    at = tag.end;
    const { Id: id, Target: target, Type: type, TargetMode: mode } = tag.attrs;
    if (!id || !target || mode === "External") continue;
    map.set(id, { type: type ?? "", target: resolvePart(base, target) });
  }
}

/** A relationship target resolved to a part key: absolute ("/xl/x.xml") or relative to `base`, with "." and ".." applied. */
export function resolvePart(base: string, target: string): string {
  let t = target.replace(/\\/g, "/");
  try {
    t = decodeURIComponent(t);
  } catch {
    // not percent-encoded after all: use it as written
  }
  const segments = (t.startsWith("/") ? t : base + t).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "" || s === ".") continue;
    if (s === "..") out.pop();
    else out.push(s);
  }
  return partKey(out.join("/"));
}

/** Text of an element holding <t> runs (plain or rich text), skipping phonetic <rPh> runs; line breaks as "\n". */
function textRuns(xml: string, from: number, to: number, lim: XlsxLimits): string {
  let text = "";
  let at = from;
  for (;;) {
    const tag = nextTag(xml, ["t", "rPh"], at, to);
    if (!tag) break;
    if (tag.name === "rPh") {
      const close = endTagIndex(xml, "rPh", tag.end, to);
      at = close < 0 ? to : close + 6;
      continue;
    }
    if (tag.selfClosing) {
      at = tag.end;
      continue;
    }
    const close = endTagIndex(xml, "t", tag.end, to);
    if (close < 0) throw new XlsxError("the workbook is damaged (an unterminated text run)");
    text += cellText(xml.slice(tag.end, close));
    if (text.length > lim.maxCellChars) throw new XlsxError(`a cell holds more than ${lim.maxCellChars} characters, more than Excel allows`);
    at = close + 4;
  }
  return text;
}

/**
 * A text run's or text value's characters, with line breaks as "\n". Literal CR LF and
 * lone CR in the XML become LF, as XML's end-of-line rule says; then a CR written with
 * OOXML's escape before a line feed (`_x000D_` + LF, how Excel stores a Windows line
 * break) becomes one LF too. A lone escaped CR is a real character of the cell and stays.
 */
function cellText(raw: string): string {
  const text = elementText(raw.indexOf("\r") < 0 ? raw : raw.replace(/\r\n?/g, "\n"));
  return text.indexOf("\r\n") < 0 ? text : text.replace(/\r\n/g, "\n");
}

function sharedStrings(xml: string, lim: XlsxLimits, clock: () => void): string[] {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const si = nextTag(xml, ["si"], at);
    if (!si) return out;
    if (out.length >= lim.maxSharedStrings) throw new XlsxError(`the workbook has more than ${lim.maxSharedStrings} distinct texts`);
    if (si.selfClosing) {
      out.push("");
      at = si.end;
      continue;
    }
    const close = endTagIndex(xml, "si", si.end);
    if (close < 0) throw new XlsxError("the workbook is damaged (an unterminated shared string)");
    out.push(textRuns(xml, si.end, close, lim));
    at = close + 5;
    if ((out.length & 0xfff) === 0) clock();
  }
}

/** "BC12" → [11, 54] as zero-based [row, column]; null when malformed or off Excel's grid. */
export function cellRef(ref: string): [number, number] | null {
  let col = 0;
  let i = 0;
  while (i < ref.length && i < 4) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  const digits = ref.slice(i);
  if (!/^[1-9][0-9]{0,6}$/.test(digits)) return null;
  const row = Number(digits);
  if (i === 0 || row > MAX_ROW || col > MAX_COL) return null;
  return [row - 1, col - 1];
}

/** "A1" for zero-based [row, column]. */
const refText = (r: number, c: number): string => `${columnLetter(c)}${r + 1}`;

interface SheetContext {
  name: string;
  shared: string[];
  lim: XlsxLimits;
  budget: { cells: number };
  clock: () => void;
  date1904: boolean;
  /** By style index: whether the style shows a date (1904 workbooks only). */
  dateStyle: boolean[];
  unreadable: SheetData["unreadable"];
  /** Short texts of the workbook's ASCII sheets, each made once (one table for all sheets: accounts' references recur on their transactions). */
  texts: AsciiTexts;
}

/** Marks a cell that holds no readable value (an error, or a formula never calculated). */
class Unreadable {
  constructor(readonly message: string) {}
}

/**
 * A sheet's cells as they are placed: rows held sparsely by index, each value charged to
 * the cell budget with the blanks before it, a cell written twice refused. Both readings
 * of a sheet (its text, or its ASCII bytes) place through one of these.
 */
class SheetBuilder {
  /** The cells in reading order, kept in columns until one comes out of that order; then rows by index ({@link held}). */
  private readonly cells: SheetCells;
  private held: Map<number, CellValue[]> | null = null;
  private lastRow = -1;
  /** Where the last cell or row tag put the reading, for a cell or row written without its reference. */
  rowIndex = -1;
  colIndex = -1;
  steps = 0;
  // Cells come row by row, so the row last placed into is kept at hand (no map lookup per cell).
  private lastPlaced = -1;
  private lastPlacedRow: CellValue[] = [];

  /** `partBytes`: the worksheet part's length, from which the cells' columns are sized at the start. */
  constructor(
    private readonly cx: SheetContext,
    partBytes = 0,
  ) {
    this.cells = new SheetCells(slotsFor(partBytes));
  }

  private spend(n: number): void {
    const cx = this.cx;
    cx.budget.cells -= n;
    if (cx.budget.cells < 0) {
      throw new XlsxError(
        `sheet "${cx.name}": the workbook holds more than ${cx.lim.maxCells.toLocaleString("en-GB")} cell positions (filled cells, the blanks between them and rows up to the last); delete stray values far from the data, or export in smaller parts`,
      );
    }
  }

  /** One value into its row, refusing a cell written twice and charging the budget for the blanks before it. */
  place(r: number, c: number, value: CellValue): void {
    if (this.held === null) {
      // In reading order: charged as the row would be (the blanks before it and itself), then kept in columns.
      const added = this.cells.widthAdded(r, c);
      if (added >= 0) {
        this.spend(added);
        this.cells.append(r, c, value);
        if (r > this.lastRow) this.lastRow = r;
        return;
      }
      // Out of order (a cell before one already read): carry on with rows, which take cells in any order.
      this.held = this.cells.heldRows();
      this.lastPlaced = -1;
    }
    let row: CellValue[] | undefined = r === this.lastPlaced ? this.lastPlacedRow : this.held.get(r);
    if (row === undefined) {
      row = [];
      this.held.set(r, row);
    }
    this.lastPlaced = r;
    this.lastPlacedRow = row;
    if (c < row.length && row[c] !== null) throw new XlsxError(`sheet "${this.cx.name}" is damaged: cell ${refText(r, c)} appears twice`);
    if (c >= row.length) {
      this.spend(c + 1 - row.length);
      while (row.length < c) row.push(null);
      row.push(value);
    } else row[c] = value;
    if (r > this.lastRow) this.lastRow = r;
  }

  unreadable(u: Unreadable): void {
    const cx = this.cx;
    if (cx.unreadable) cx.unreadable.count++;
    else cx.unreadable = { count: 1, first: u.message };
  }

  /** The sheet's cells: in columns when every cell came in reading order, else as rows. */
  finish(): CellValue[][] | SheetCells {
    this.spend(this.lastRow + 1);
    const held = this.held;
    if (held === null) return this.cells;
    const rows = new Array<CellValue[]>(this.lastRow + 1);
    for (let r = 0; r <= this.lastRow; r++) rows[r] = held.get(r) ?? EMPTY_ROW;
    return rows;
  }
}

/**
 * Slots to make room for at the start, from a worksheet part's length: a cell is rarely
 * under 32 bytes of XML (`<c r="B2" s="1"><v>95.5</v></c>`), so most sheets never grow
 * their columns (a history of 900,000 numbers grew them nine times, copying each time).
 * Capped: a sheet of long texts would otherwise ask for room it never fills.
 */
function slotsFor(partBytes: number): number {
  return Math.min(Math.ceil(partBytes / 32), 1 << 21);
}

/** What one step of the general parser read: nothing more (the sheet's end), a row tag, or a cell (with or without a value). */
const STEP: { end: number; kind: "end" | "row" | "cell"; r: number; c: number; value: CellValue | Unreadable } = { end: 0, kind: "end", r: 0, c: 0, value: null };

/**
 * The general parser's reading of the next row or cell tag at or after `at`, into
 * {@link STEP}, without placing anything: the caller applies it ({@link applyStep}).
 * Positions are in `xml`; `rowIndex`/`colIndex` are where the reading stands.
 */
function generalStep(xml: string, at: number, rowIndex: number, colIndex: number, cx: SheetContext): void {
  const tag = nextTag(xml, ["row", "c"], at);
  if (!tag) {
    STEP.kind = "end";
    return;
  }
  STEP.end = tag.end;
  if (tag.name === "row") {
    const r = Number(tag.attrs.r);
    STEP.kind = "row";
    STEP.r = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r - 1 : rowIndex + 1;
    return;
  }
  const pos = tag.attrs.r ? cellRef(tag.attrs.r) : null;
  if (tag.attrs.r && !pos) throw new XlsxError(`sheet "${cx.name}" is damaged (cell reference "${tag.attrs.r.slice(0, 20)}")`);
  const [r, c] = pos ?? [Math.max(rowIndex, 0), colIndex + 1];
  if (c >= MAX_COL) throw new XlsxError(`sheet "${cx.name}" is damaged (a cell past column XFD on row ${r + 1})`);
  STEP.kind = "cell";
  STEP.r = r;
  STEP.c = c;
  STEP.value = null;
  if (tag.selfClosing) return;
  const close = endTagIndex(xml, "c", tag.end);
  if (close < 0) throw new XlsxError(`sheet "${cx.name}" is damaged (cell ${refText(r, c)} never ends)`);
  STEP.value = cellValue(xml, tag.attrs, tag.end, close, r, c, cx);
  STEP.end = close + 4;
}

/** Applies what {@link generalStep} read (not "end") to the sheet. */
function applyStep(b: SheetBuilder): void {
  if (STEP.kind === "row") {
    b.rowIndex = STEP.r;
    b.colIndex = -1;
    return;
  }
  b.rowIndex = STEP.r;
  b.colIndex = STEP.c;
  const value = STEP.value;
  if (value instanceof Unreadable) b.unreadable(value);
  else if (value !== null) b.place(STEP.r, STEP.c, value);
}

/**
 * A worksheet part's rows. An all-ASCII part (what exports and our own writer produce:
 * text cells in shared strings or escaped) is read from its bytes, where a byte is a
 * character: decoding a 30 MB sheet to a string was a fifth of reading an .xlsx, most
 * of it the memory the string takes. Any other part is decoded and read as text.
 */
function sheetRowsOfPart(part: Uint8Array, cx: SheetContext, route: "auto" | "text" = "auto"): CellValue[][] | SheetCells {
  const b = new SheetBuilder(cx, part.length);
  if (route === "auto" && isAscii(part)) readSheetBytes(Buffer.from(part.buffer, part.byteOffset, part.byteLength), b, cx);
  else readSheetText(decodePart(part), 0, b, cx);
  return b.finish();
}

/**
 * A worksheet part read by either route, for the tests that hold the two to the same
 * values and the same refusals: "auto" is what {@link readXlsx} does, "text" decodes first.
 */
export function readSheetPart(part: Uint8Array, route: "auto" | "text", shared: string[] = [], limits: Partial<XlsxLimits> = {}, name = "Data"): SheetData {
  const lim = { ...DEFAULT_XLSX_LIMITS, ...limits };
  const cx: SheetContext = { name, shared, lim, budget: { cells: lim.maxCells }, clock: () => {}, date1904: false, dateStyle: [], unreadable: null, texts: new AsciiTexts() };
  return sheetData(name, sheetRowsOfPart(part, cx, route), cx.unreadable);
}

/** The first window of text the general parser is given at a byte the plain readers do not take; doubled until its step fits. */
const FIRST_WINDOW = 512;

/**
 * Reads an ASCII sheet's bytes from the start into `b`: the same steps as
 * {@link readSheetText}, each at the same index (a byte is a character). The usual
 * cell, row tag and row end are read from the bytes; anything else is handed to the
 * general parser as the text of a window from that index, doubled until the step is
 * read inside it (a tag or end tag not found, or a refusal, is only believed once the
 * window reaches the part's end), so every value and refusal is the text reading's own.
 */
function readSheetBytes(buf: Buffer, b: SheetBuilder, cx: SheetContext): void {
  const n = buf.length;
  let at = 0;
  for (;;) {
    if ((++b.steps & 0xffff) === 0) cx.clock();
    if (plainCellBytes(buf, at, cx)) {
      const { r, c, value } = PLAIN;
      b.rowIndex = r;
      b.colIndex = c;
      at = PLAIN.end;
      if (value === null) continue;
      b.place(r, c, value);
      continue;
    }
    if (buf[at] === 60) {
      const next = plainRowBytes(buf, at);
      if (next > 0) {
        // As the general parser reads <row r="N">: N is in Excel's grid (plainRowBytes checks), and no cell is open.
        b.rowIndex = ROW_R - 1;
        b.colIndex = -1;
        at = next;
        continue;
      }
      // "</row>": the general parser passes over end tags to the next "<".
      if (buf[at + 1] === 47 && buf[at + 2] === 114 && buf[at + 3] === 111 && buf[at + 4] === 119 && buf[at + 5] === 62) {
        at += 6;
        continue;
      }
    } else {
      // Text between tags (line breaks, indentation): the general parser looks for the next "<" too.
      const lt = buf.indexOf(60, at);
      if (lt < 0) break;
      at = lt;
      continue;
    }
    for (let w = FIRST_WINDOW; ; w *= 2) {
      const to = Math.min(n, at + w);
      const whole = to === n;
      const text = buf.toString("latin1", at, to);
      try {
        generalStep(text, 0, b.rowIndex, b.colIndex, cx);
      } catch (e) {
        if (whole) throw e;
        continue;
      }
      if (STEP.kind !== "end" || whole) break;
    }
    if (STEP.kind === "end") break;
    at += STEP.end;
    applyStep(b);
  }
}

/** The row number {@link plainRowBytes} read. */
let ROW_R = 0;

/**
 * `<row r="N">` at `at`, exactly so (N from 1 to Excel's last row, no leading zero): sets
 * {@link ROW_R} and returns the index past it; 0 for anything else.
 */
function plainRowBytes(buf: Buffer, at: number): number {
  // "<row r=\""
  if (buf[at + 1] !== 114 || buf[at + 2] !== 111 || buf[at + 3] !== 119 || buf[at + 4] !== 32 || buf[at + 5] !== 114 || buf[at + 6] !== 61 || buf[at + 7] !== 34) return 0;
  let i = at + 8;
  if (buf[i] === 48) return 0;
  let r = 0;
  for (; i < at + 15; i++) {
    const d = buf[i] - 48;
    if (!(d >= 0 && d <= 9)) break;
    r = r * 10 + d;
  }
  if (i === at + 8 || r > MAX_ROW || buf[i] !== 34 || buf[i + 1] !== 62) return 0;
  ROW_R = r;
  return i + 2;
}

/**
 * `b.indexOf(byte, from)` as a plain loop: the searches a cell makes (an attribute's
 * closing quote, the end of a value) are a few bytes long, and Buffer's indexOf is a
 * call into C++ that costs more than the search.
 */
function byteIndex(b: Buffer, byte: number, from: number): number {
  for (let i = from; i < b.length; i++) if (b[i] === byte) return i;
  return -1;
}

/** True when the bytes at `at` are "</v></c>". */
function isValueEnd(b: Buffer, at: number): boolean {
  return b[at + 1] === 47 && b[at + 2] === 118 && b[at + 3] === 62 && b[at + 4] === 60 && b[at + 5] === 47 && b[at + 6] === 99 && b[at + 7] === 62;
}

/** True when the bytes at `at` are the ASCII characters of `s`. */
function bytesAre(buf: Buffer, at: number, s: string): boolean {
  if (at + s.length > buf.length) return false;
  for (let k = 0; k < s.length; k++) if (buf[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

/** {@link plainCell} over an ASCII sheet's bytes: the same cells taken, the same values, the same end. */
function plainCellBytes(xml: Buffer, at: number, cx: SheetContext): boolean {
  if (xml[at] !== 60 || xml[at + 1] !== 99 || xml[at + 2] !== 32) return false; // "<c "
  let i = at + 3;
  let refFrom = -1;
  let refTo = -1;
  let style = 0;
  let type = 110; // "n"
  for (;;) {
    const ch = xml[i];
    if (ch === 32) {
      i++;
      continue;
    }
    if (ch === 62 || ch === 47) break; // ">" or "/"
    if (xml[i + 1] !== 61 || xml[i + 2] !== 34) return false;
    const close = byteIndex(xml, 34, i + 3);
    if (close < 0) return false;
    if (ch === 114) {
      refFrom = i + 3;
      refTo = close;
    } else if (ch === 115) {
      style = 0;
      for (let k = i + 3; k < close; k++) {
        const d = xml[k] - 48;
        if (d < 0 || d > 9 || k - i - 3 >= 9) return false;
        style = style * 10 + d;
      }
      if (close === i + 3) return false;
    } else if (ch === 116) {
      if (close === i + 4 && xml[i + 3] === 110) type = 110;
      else if (close === i + 4 && xml[i + 3] === 115) type = 115;
      else if (close === i + 12 && bytesAre(xml, i + 3, "inlineStr")) type = 105;
      else return false;
    } else return false;
    i = close + 1;
  }
  if (refFrom < 0) return false;
  let col = 0;
  let k = refFrom;
  while (k < refTo && k - refFrom < 3) {
    const ch = xml[k];
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    k++;
  }
  if (k === refFrom || k === refTo || refTo - k > 7 || xml[k] === 48) return false;
  let row = 0;
  for (; k < refTo; k++) {
    const d = xml[k] - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  if (row > MAX_ROW || col > MAX_COL) return false;
  PLAIN.r = row - 1;
  PLAIN.c = col - 1;
  if (xml[i] === 47) {
    if (xml[i + 1] !== 62) return false;
    PLAIN.value = null;
    PLAIN.end = i + 2;
    return true;
  }
  if (type === 105) return plainInlineTextBytes(xml, i + 1, cx);
  // "<v>" and, below, "</v></c>" compared byte by byte: the two checks every number cell makes.
  if (xml[i + 1] !== 60 || xml[i + 2] !== 118 || xml[i + 3] !== 62) return false;
  const from = i + 4;
  const lt = byteIndex(xml, 60, from);
  if (lt <= from || !isValueEnd(xml, lt)) return false;
  if (type === 115) {
    if (lt - from > 9) return false;
    let n = 0;
    for (let j = from; j < lt; j++) {
      const d = xml[j] - 48;
      if (d < 0 || d > 9) return false;
      n = n * 10 + d;
    }
    const text = cx.shared[n];
    if (text === undefined) return false;
    PLAIN.value = text;
  } else {
    const n = plainNumberBytes(xml, from, lt) ?? decimalOf(xml.toString("latin1", from, lt));
    if (n === undefined) return false;
    PLAIN.value = numberValue(n, style, cx);
  }
  PLAIN.end = lt + 8;
  return true;
}

/** {@link plainInlineText} over an ASCII sheet's bytes. */
function plainInlineTextBytes(xml: Buffer, at: number, cx: SheetContext): boolean {
  let from: number;
  if (bytesAre(xml, at, "<is><t>")) from = at + 7;
  else if (bytesAre(xml, at, '<is><t xml:space="preserve">')) from = at + 28;
  else return false;
  const lt = byteIndex(xml, 60, from);
  if (lt < 0 || lt - from > cx.lim.maxCellChars || !bytesAre(xml, lt, "</t></is></c>")) return false;
  // As the text reading: an entity, an OOXML escape or a CR goes to the general parser.
  for (let k = from; k < lt; k++) {
    const ch = xml[k];
    if (ch === 38 || ch === 13 || (ch === 95 && k + 1 < lt && xml[k + 1] === 120)) return false; // "&", CR, "_x"
  }
  PLAIN.value = cx.texts.text(xml, from, lt);
  PLAIN.end = lt + 13;
  return true;
}

/** {@link plainNumber} over an ASCII sheet's bytes. */
function plainNumberBytes(xml: Buffer, from: number, to: number): number | undefined {
  let i = from;
  const negative = xml[i] === 45;
  if (negative) i++;
  let digits = 0;
  let whole = 0;
  let scale = 1;
  let point = -1;
  for (; i < to; i++) {
    const ch = xml[i];
    if (ch === 46 && point < 0) {
      point = i;
      continue;
    }
    const d = ch - 48;
    if (d < 0 || d > 9) return undefined;
    whole = whole * 10 + d;
    if (point >= 0) scale *= 10;
    digits++;
  }
  if (digits === 0 || digits > 15 || point === from + (negative ? 1 : 0) || point === to - 1) return undefined;
  const magnitude = whole / scale;
  return negative ? -magnitude : magnitude;
}

/** Reads the sheet's text from `at` on into `b`. */
function readSheetText(xml: string, from: number, b: SheetBuilder, cx: SheetContext): void {
  let at = from;
  for (;;) {
    // The clock is checked per tag, not per value: a sheet of millions of empty cells has no values.
    if ((++b.steps & 0xffff) === 0) cx.clock();
    // The usual cell, read without the general tag parser; anything unusual falls through to it from the same place.
    if (plainCell(xml, at, cx)) {
      const { r, c, value } = PLAIN;
      b.rowIndex = r;
      b.colIndex = c;
      at = PLAIN.end;
      if (value === null) continue;
      b.place(r, c, value);
      continue;
    }
    generalStep(xml, at, b.rowIndex, b.colIndex, cx);
    if (STEP.kind === "end") break;
    at = STEP.end;
    applyStep(b);
  }
}

/** What {@link plainCell} read: the cell's place, its value (null: no value) and the index just past it. */
const PLAIN: { r: number; c: number; value: CellValue; end: number } = { r: 0, c: 0, value: null, end: 0 };

/**
 * Reads the cell at `at` when it is written the usual way, with no entity, prefix or
 * other attribute to think about: `<c r="B7" s="3" t="s"><v>12</v></c>` (t absent, "n"
 * or "s") or `<c r="B7" s="3"/>`, fills {@link PLAIN} and returns true. Anything else
 * (another attribute or type, whitespace, an entity, a comment, an error) returns false
 * and the general parser reads the same text, so every check and message is its own.
 * This is the bulk of a sheet: most of a large read was the general parser allocating
 * a tag object, an attribute map and several substrings per cell.
 */
function plainCell(xml: string, at: number, cx: SheetContext): boolean {
  if (xml.charCodeAt(at) !== 60 || xml.charCodeAt(at + 1) !== 99 || xml.charCodeAt(at + 2) !== 32) return false; // "<c "
  let i = at + 3;
  let refFrom = -1;
  let refTo = -1;
  let style = 0;
  let type = 110; // "n"
  for (;;) {
    const ch = xml.charCodeAt(i);
    if (ch === 32) {
      i++;
      continue;
    }
    if (ch === 62 || ch === 47) break; // ">" or "/"
    // One attribute: a one-letter name r, s or t, "=", a double-quoted value.
    if (xml.charCodeAt(i + 1) !== 61 || xml.charCodeAt(i + 2) !== 34) return false;
    const close = xml.indexOf('"', i + 3);
    if (close < 0) return false;
    if (ch === 114) {
      refFrom = i + 3;
      refTo = close;
    } else if (ch === 115) {
      style = 0;
      for (let k = i + 3; k < close; k++) {
        const d = xml.charCodeAt(k) - 48;
        if (d < 0 || d > 9 || k - i - 3 >= 9) return false;
        style = style * 10 + d;
      }
      if (close === i + 3) return false;
    } else if (ch === 116) {
      if (close === i + 4 && xml.charCodeAt(i + 3) === 110) type = 110;
      else if (close === i + 4 && xml.charCodeAt(i + 3) === 115) type = 115;
      else if (close === i + 12 && xml.startsWith("inlineStr", i + 3)) type = 105;
      else return false;
    } else return false;
    i = close + 1;
  }
  if (refFrom < 0) return false;
  // The reference: 1 to 3 capital letters, then a row number without a leading zero.
  let col = 0;
  let k = refFrom;
  while (k < refTo && k - refFrom < 3) {
    const ch = xml.charCodeAt(k);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    k++;
  }
  if (k === refFrom || k === refTo || refTo - k > 7 || xml.charCodeAt(k) === 48) return false;
  let row = 0;
  for (; k < refTo; k++) {
    const d = xml.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  if (row > MAX_ROW || col > MAX_COL) return false;
  PLAIN.r = row - 1;
  PLAIN.c = col - 1;
  if (xml.charCodeAt(i) === 47) {
    if (xml.charCodeAt(i + 1) !== 62) return false;
    PLAIN.value = null;
    PLAIN.end = i + 2;
    return true;
  }
  if (type === 105) return plainInlineText(xml, i + 1, cx);
  // ">" then "<v>", the value's characters, "</v></c>".
  if (!xml.startsWith("<v>", i + 1)) return false;
  const from = i + 4;
  const lt = xml.indexOf("<", from);
  if (lt <= from || !xml.startsWith("</v></c>", lt)) return false;
  if (type === 115) {
    if (lt - from > 9) return false;
    let n = 0;
    for (let j = from; j < lt; j++) {
      const d = xml.charCodeAt(j) - 48;
      if (d < 0 || d > 9) return false;
      n = n * 10 + d;
    }
    const text = cx.shared[n];
    if (text === undefined) return false;
    PLAIN.value = text;
  } else {
    // A plain decimal is read from its digits; anything else (exponents, "5.", long digit strings) as before.
    const n = plainNumber(xml, from, lt) ?? decimalOf(xml.slice(from, lt));
    if (n === undefined) return false;
    PLAIN.value = numberValue(n, style, cx);
  }
  PLAIN.end = lt + 8;
  return true;
}

/** A number cell's text that is not plain digits, read as Number reads a decimal; undefined (left to the general parser) for anything else or a number too large. */
function decimalOf(raw: string): number | undefined {
  if (!DECIMAL.test(raw)) return undefined;
  const n = Number(raw);
  return Number.isFinite(n) ? n : undefined;
}

/** A number cell's value: a date in a 1904-based workbook moved onto Excel's 1900 serials. */
function numberValue(n: number, style: number, cx: SheetContext): number {
  return cx.date1904 && cx.dateStyle[style] === true ? n + DAYS_1904 : n;
}

/**
 * An inline-string cell's content from `at` (just past its start tag) when it is one
 * plain run: `<is><t>text</t></is></c>` (or `<t xml:space="preserve">`), the text with
 * no entity, `_x` escape, CR or markup, so it is exactly the cell's text. Otherwise false.
 */
function plainInlineText(xml: string, at: number, cx: SheetContext): boolean {
  let from: number;
  if (xml.startsWith("<is><t>", at)) from = at + 7;
  else if (xml.startsWith('<is><t xml:space="preserve">', at)) from = at + 28;
  else return false;
  const lt = xml.indexOf("<", from);
  if (lt < 0 || lt - from > cx.lim.maxCellChars || !xml.startsWith("</t></is></c>", lt)) return false;
  const text = xml.slice(from, lt);
  if (text.includes("&") || text.includes("_x") || text.includes("\r")) return false;
  PLAIN.value = text;
  PLAIN.end = lt + 13;
  return true;
}

/** A decimal number as OOXML writes one: optional sign, digits, point, exponent. No hex, no Infinity, no NaN. */
/**
 * Number(text) of the characters from `from` to `to`, read without making the text, when
 * they are a plain decimal: an optional minus, digits, optionally a point and digits,
 * 15 digits at most. The digits as a whole number (below 2^53, so exact) divided by a
 * power of ten (exact up to 10^22) is correctly rounded by IEEE division, so it is the
 * double nearest the decimal, which is what Number gives. Undefined for anything else.
 */
export function plainNumber(xml: string, from: number, to: number): number | undefined {
  let i = from;
  const negative = xml.charCodeAt(i) === 45;
  if (negative) i++;
  let digits = 0;
  let whole = 0;
  let scale = 1;
  let point = -1;
  for (; i < to; i++) {
    const ch = xml.charCodeAt(i);
    if (ch === 46 && point < 0) {
      point = i;
      continue;
    }
    const d = ch - 48;
    if (d < 0 || d > 9) return undefined;
    whole = whole * 10 + d;
    if (point >= 0) scale *= 10;
    digits++;
  }
  // At least one digit on each side of a point ("5." and ".5" go the long way), at most 15 in all.
  if (digits === 0 || digits > 15 || point === from + (negative ? 1 : 0) || point === to - 1) return undefined;
  const magnitude = whole / scale;
  return negative ? -magnitude : magnitude;
}

const DECIMAL = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** An ISO 8601 date or date-time as a t="d" cell holds it (no zone, or Z). */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?Z?)?$/;

function cellValue(xml: string, attrs: Record<string, string>, from: number, to: number, r: number, c: number, cx: SheetContext): CellValue | Unreadable {
  const where = () => `sheet "${cx.name}" cell ${refText(r, c)}`;
  const type = attrs.t ?? "n";
  if (type === "inlineStr") {
    const is = nextTag(xml, ["is"], from, to);
    return is ? textRuns(xml, is.end, to, cx.lim) : null;
  }
  const v = nextTag(xml, ["v"], from, to);
  let raw: string | null = null;
  let rawXml = "";
  if (v && !v.selfClosing) {
    const close = endTagIndex(xml, "v", v.end, to);
    if (close < 0) throw new XlsxError(`${where()} is damaged (an unterminated value)`);
    rawXml = xml.slice(v.end, close);
    raw = elementText(rawXml);
  }
  if (raw === null || (raw === "" && type !== "str")) {
    if (nextTag(xml, ["f"], from, to)) {
      return new Unreadable(`${where()} has a formula with no saved result (the file was written by a program that does not calculate); open it in Excel, let it calculate, save, and try again`);
    }
    if (type === "s") throw new XlsxError(`${where()} is a text cell without its text (an empty value); the workbook is damaged`);
    if (type === "e") return new Unreadable(`${where()} holds an error value; correct or clear it (an error is never read as blank or 0)`);
    return v ? refuseEmpty(type, where) : null;
  }
  switch (type) {
    case "s": {
      const s = /^\d{1,9}$/.test(raw.trim()) ? cx.shared[Number(raw.trim())] : undefined;
      if (s === undefined) throw new XlsxError(`${where()} is damaged (text number ${raw.slice(0, 12)} does not exist)`);
      return s;
    }
    case "str":
      if (raw.length > cx.lim.maxCellChars) throw new XlsxError(`${where()} holds more than ${cx.lim.maxCellChars} characters, more than Excel allows`);
      return cellText(rawXml);
    case "b":
      if (raw.trim() === "1" || raw.trim() === "true") return true;
      if (raw.trim() === "0" || raw.trim() === "false") return false;
      throw new XlsxError(`${where()} is a TRUE/FALSE cell holding "${raw.slice(0, 20)}"; the workbook is damaged`);
    case "e":
      return new Unreadable(`${where()} holds the error ${raw.slice(0, 20)}; correct or clear it (an error is never read as blank or 0)`);
    case "d": {
      const serial = isoToSerial(raw.trim());
      if (serial === null) throw new XlsxError(`${where()} is a date cell holding "${raw.slice(0, 30)}", which is not an ISO date from March 1900 on`);
      return serial;
    }
    case "n": {
      const t = raw.trim();
      const n = DECIMAL.test(t) ? Number(t) : NaN;
      if (!Number.isFinite(n)) throw new XlsxError(`${where()} is a number cell holding "${raw.slice(0, 30)}", which is not a decimal number`);
      const style = Number(attrs.s ?? 0);
      return cx.date1904 && cx.dateStyle[style] === true ? n + DAYS_1904 : n;
    }
    default:
      throw new XlsxError(`${where()} has an unknown cell type "${type.slice(0, 20)}"`);
  }
}

function refuseEmpty(type: string, where: () => string): never | null {
  if (type === "n" || type === "d" || type === "b" || type === "str") return null; // <v/>: no value, a blank cell
  throw new XlsxError(`${where()} has an empty value; the workbook is damaged`);
}

/** An ISO date (and optional time) as a 1900-system serial; null when malformed, impossible or before 1 March 1900 (Excel's leap-year bug). */
function isoToSerial(text: string): number | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const [y, mo, d, h = 0, mi = 0, s = 0] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return null;
  const days = (ms - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (days < 61) return null;
  const fraction = (h * 3600 + mi * 60 + s + (m[7] ? Number(m[7]) : 0)) / 86_400;
  return days + fraction;
}
