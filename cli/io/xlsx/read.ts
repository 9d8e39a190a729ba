import { Unzip, UnzipInflate, type UnzipFile } from "fflate";
import { elementText, endTagIndex, nextTag } from "./xml";

/**
 * Reads the cell values of an .xlsx workbook, defensively. Housing-system exports
 * reach us from users' machines, so every file is treated as hostile: the zip is
 * inflated as a stream with a byte budget (zip bombs stop early), sheet XML is
 * scanned linearly (no regular-expression blow-ups), cell and string counts are
 * capped, the whole read has a time limit, and values land only in arrays of
 * primitives (no object is ever keyed by file content, so no prototype pollution).
 * We do not use the `xlsx` npm package for reading: its npm release carries
 * unfixed advisories for exactly these inputs (CVE-2023-30533, CVE-2024-22363).
 */

/** A value as read: text, number (dates stay Excel serials), TRUE/FALSE, or null for empty. */
export type CellValue = string | number | boolean | null;

export interface SheetData {
  name: string;
  rows: CellValue[][];
}

export interface XlsxLimits {
  /** Largest .xlsx file accepted. */
  maxFileBytes: number;
  /** Most bytes all the parts we read may inflate to. */
  maxInflatedBytes: number;
  /** Most non-empty cells across all sheets. */
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
  maxFileBytes: 100 * 1024 * 1024,
  maxInflatedBytes: 600 * 1024 * 1024,
  maxCells: 20_000_000,
  maxCellChars: 32_767,
  maxSharedStrings: 5_000_000,
  maxSheets: 200,
  maxMillis: 60_000,
};

/** Excel's grid: 1,048,576 rows by 16,384 columns. */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** A file we will not or cannot read, with a reason a user can act on. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxError";
  }
}

/**
 * Reads every sheet's values.
 * @param bytes the .xlsx file.
 * @param limits overrides for {@link DEFAULT_XLSX_LIMITS}.
 * @throws XlsxError for a damaged, oversized, hostile or non-xlsx file.
 */
export function readXlsx(bytes: Uint8Array, limits: Partial<XlsxLimits> = {}): { sheets: SheetData[] } {
  const lim = { ...DEFAULT_XLSX_LIMITS, ...limits };
  const deadline = Date.now() + lim.maxMillis;
  const clock = () => {
    if (Date.now() > deadline) throw new XlsxError(`reading the workbook took longer than ${lim.maxMillis / 1000} seconds; it is too large or malformed`);
  };
  if (bytes.length > lim.maxFileBytes) throw new XlsxError(`the file is ${mb(bytes.length)}, more than the ${mb(lim.maxFileBytes)} we read`);
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XlsxError("this is not an .xlsx workbook (it is not a zip archive); save it from Excel as .xlsx or export CSV");

  const parts = inflateParts(bytes, lim, clock);
  const workbook = parts.get("xl/workbook.xml");
  if (workbook === undefined) throw new XlsxError("this zip is not an Excel workbook (no xl/workbook.xml)");
  const rels = relationships(parts.get("xl/_rels/workbook.xml.rels") ?? "");
  const shared = sharedStrings(parts.get("xl/sharedStrings.xml") ?? "", lim, clock);

  const sheets: SheetData[] = [];
  const budget = { cells: lim.maxCells };
  let at = 0;
  for (;;) {
    const tag = nextTag(workbook, ["sheet"], at);
    if (!tag) break;
    at = tag.end;
    if (sheets.length >= lim.maxSheets) throw new XlsxError(`the workbook has more than ${lim.maxSheets} sheets`);
    const target = rels.get(tag.attrs.id ?? "") ?? `worksheets/sheet${sheets.length + 1}.xml`;
    const path = target.startsWith("/") ? target.slice(1) : `xl/${target}`;
    const xml = parts.get(path);
    if (xml === undefined) throw new XlsxError(`sheet "${tag.attrs.name ?? "?"}" is missing from the file (${path}); the workbook is damaged`);
    sheets.push({ name: tag.attrs.name ?? `Sheet${sheets.length + 1}`, rows: sheetRows(xml, shared, lim, budget, clock) });
  }
  if (sheets.length === 0) throw new XlsxError("the workbook has no sheets");
  return { sheets };
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The parts we need, inflated under the byte budget; everything else in the zip is skipped unread. */
function inflateParts(bytes: Uint8Array, lim: XlsxLimits, clock: () => void): Map<string, string> {
  const wanted = (name: string) =>
    name === "xl/workbook.xml" || name === "xl/_rels/workbook.xml.rels" || name === "xl/sharedStrings.xml" || (name.startsWith("xl/worksheets/") && name.endsWith(".xml"));
  const chunks = new Map<string, Uint8Array[]>();
  const finished = new Set<string>();
  let inflated = 0;
  let failure: XlsxError | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (!wanted(file.name) || chunks.has(file.name)) return;
    const list: Uint8Array[] = [];
    chunks.set(file.name, list);
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new XlsxError(`the workbook is damaged (${file.name}: ${err.message})`);
        return;
      }
      inflated += data.length;
      if (inflated > lim.maxInflatedBytes) {
        failure = new XlsxError(`the workbook expands to more than ${mb(lim.maxInflatedBytes)}; refusing it as a possible zip bomb`);
        return;
      }
      list.push(data);
      if (final) finished.add(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const STEP = 1 << 16;
  try {
    for (let i = 0; i < bytes.length && !failure; i += STEP) {
      unzip.push(bytes.subarray(i, Math.min(i + STEP, bytes.length)), i + STEP >= bytes.length);
      clock();
    }
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError(`the workbook is damaged or truncated (${e instanceof Error ? e.message : String(e)})`);
  }
  if (failure) throw failure;
  const decoder = new TextDecoder("utf-8", { fatal: false });
  const parts = new Map<string, string>();
  for (const [name, list] of chunks) {
    if (!finished.has(name)) throw new XlsxError(`the workbook is truncated: ${name} is incomplete`);
    const total = list.reduce((n, c) => n + c.length, 0);
    const joined = new Uint8Array(total);
    let off = 0;
    for (const c of list) {
      joined.set(c, off);
      off += c.length;
    }
    parts.set(name, decoder.decode(joined));
  }
  return parts;
}

function relationships(xml: string): Map<string, string> {
  const map = new Map<string, string>();
  let at = 0;
  for (;;) {
    const tag = nextTag(xml, ["Relationship"], at);
    if (!tag) return map;
    at = tag.end;
    if (tag.attrs.Id && tag.attrs.Target) map.set(tag.attrs.Id, tag.attrs.Target);
  }
}

/** Text of an element holding <t> runs (plain or rich text), skipping phonetic <rPh> runs. */
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
    text += elementText(xml.slice(tag.end, close));
    if (text.length > lim.maxCellChars) throw new XlsxError(`a cell holds more than ${lim.maxCellChars} characters, more than Excel allows`);
    at = close + 4;
  }
  return text;
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
  const row = Number(ref.slice(i));
  if (i === 0 || !Number.isInteger(row) || row < 1 || row > MAX_ROW || col > MAX_COL) return null;
  return [row - 1, col - 1];
}

function sheetRows(xml: string, shared: string[], lim: XlsxLimits, budget: { cells: number }, clock: () => void): CellValue[][] {
  const rows: CellValue[][] = [];
  let at = 0;
  let rowIndex = -1;
  let colIndex = -1;
  let steps = 0;
  for (;;) {
    // The clock is checked per tag, not per value: a sheet of millions of empty cells has no values.
    if ((++steps & 0xffff) === 0) clock();
    const tag = nextTag(xml, ["row", "c"], at);
    if (!tag) break;
    at = tag.end;
    if (tag.name === "row") {
      const r = Number(tag.attrs.r);
      rowIndex = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r - 1 : rowIndex + 1;
      colIndex = -1;
      continue;
    }
    const pos = tag.attrs.r ? cellRef(tag.attrs.r) : null;
    if (tag.attrs.r && !pos) throw new XlsxError(`the workbook is damaged (cell reference "${tag.attrs.r.slice(0, 20)}")`);
    const [r, c] = pos ?? [Math.max(rowIndex, 0), colIndex + 1];
    rowIndex = r;
    colIndex = c;
    if (tag.selfClosing) continue;
    const close = endTagIndex(xml, "c", tag.end);
    if (close < 0) throw new XlsxError("the workbook is damaged (an unterminated cell)");
    const value = cellValue(xml, tag.attrs.t, tag.end, close, shared, lim);
    at = close + 4;
    if (value === null) continue;
    if (--budget.cells < 0) throw new XlsxError(`the workbook has more than ${lim.maxCells} filled cells`);
    while (rows.length <= r) rows.push([]);
    const row = rows[r];
    while (row.length < c) row.push(null);
    row[c] = value;
  }
  return rows;
}

function cellValue(xml: string, type: string | undefined, from: number, to: number, shared: string[], lim: XlsxLimits): CellValue {
  if (type === "inlineStr") {
    const is = nextTag(xml, ["is"], from, to);
    return is ? textRuns(xml, is.end, to, lim) : "";
  }
  const v = nextTag(xml, ["v"], from, to);
  if (!v || v.selfClosing) return null;
  const close = endTagIndex(xml, "v", v.end, to);
  if (close < 0) throw new XlsxError("the workbook is damaged (an unterminated value)");
  const raw = elementText(xml.slice(v.end, close));
  switch (type) {
    case "s": {
      const s = shared[Number(raw)];
      if (s === undefined) throw new XlsxError(`the workbook is damaged (text number ${raw.slice(0, 12)} does not exist)`);
      return s;
    }
    case "str":
      if (raw.length > lim.maxCellChars) throw new XlsxError(`a cell holds more than ${lim.maxCellChars} characters, more than Excel allows`);
      return raw;
    case "b":
      return raw === "1";
    case "e":
      return null; // An error value (#N/A, #REF!…) carries no data; the caller sees a blank.
    default: {
      const n = Number(raw);
      return raw.trim() !== "" && Number.isFinite(n) ? n : null;
    }
  }
}
