import type { CellGrid } from "../../core/export/cellGrid";
import { plainAmount, MAX_LINE_AMOUNT, type AmountOptions } from "../../core/values/amount";
import { plainDate, plainIsoDateAt } from "../../core/values/date";
import { CsvError, detectDelimiter, FIELD_TOO_LONG, lineOf, MAX_CSV_FIELD_CHARS, QUOTED_FIELD_RUNS_ON, recordLimitBreach, type CsvDelimiter } from "./csv";
import { readTextInput, CliError } from "./input";

/**
 * A CSV as a {@link CellGrid}: the decoded text and where each field starts and ends,
 * in typed arrays, instead of one string per field. The report's inputs are about
 * 1.2 million fields (900,000 of them the balance history's); as strings they are most
 * of the run's time, in making them and in the garbage collector moving them. A cell's
 * text is made only when a reader asks for it, and a plain amount (95.50) is read from
 * its digits.
 *
 * The rules are {@link parseCsv}'s, with the same refusals in the same order (the whole
 * file is checked before any cell is read): `csvGrid(text).row(r)` is `parseCsv(text)[r]`
 * for every text (test/cli/io/csvGrid.test.ts).
 */
export class CsvGrid implements CellGrid {
  readonly rowCount: number;
  /** Field k: text from starts[k] to ends[k]; for a quoted field, the text between its quotes. */
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** 1 where field k was quoted (its "" are one "). */
  private readonly quoted: Uint8Array;
  /** Row r's fields are rowFirst[r] to rowFirst[r + 1] - 1. */
  private readonly rowFirst: Int32Array;

  constructor(
    private readonly text: string,
    index: { starts: Int32Array; ends: Int32Array; quoted: Uint8Array; rowFirst: Int32Array; rows: number },
  ) {
    this.starts = index.starts;
    this.ends = index.ends;
    this.quoted = index.quoted;
    this.rowFirst = index.rowFirst;
    this.rowCount = index.rows;
  }

  width(r: number): number {
    return this.rowFirst[r + 1] - this.rowFirst[r];
  }

  /** Field index of row r, column c, or -1 past the row's end. */
  private field(r: number, c: number): number {
    const k = this.rowFirst[r] + c;
    return c >= 0 && k < this.rowFirst[r + 1] ? k : -1;
  }

  private fieldText(k: number): string {
    const s = this.text.slice(this.starts[k], this.ends[k]);
    return this.quoted[k] === 1 ? s.replaceAll('""', '"') : s;
  }

  cell(r: number, c: number): string | undefined {
    const k = this.field(r, c);
    return k < 0 ? undefined : this.fieldText(k);
  }

  row(r: number): string[] {
    const out: string[] = [];
    for (let k = this.rowFirst[r]; k < this.rowFirst[r + 1]; k++) out.push(this.fieldText(k));
    return out;
  }

  isBlank(r: number, c: number): boolean {
    const k = this.field(r, c);
    if (k < 0) return true;
    const s = this.starts[k];
    if (s === this.ends[k]) return true;
    // A printable ASCII first character is not white space: decided without the text.
    const first = this.text.charCodeAt(s);
    if (first > 32 && first < 127) return false;
    return this.fieldText(k).trim() === "";
  }

  plainAmount(r: number, c: number, options: AmountOptions): number | undefined {
    const k = this.field(r, c);
    if (k < 0) return undefined;
    // Only the default grammar is read from the digits; anything else asks the plain function.
    if (this.quoted[k] === 1 || (options.decimalSeparator ?? ".") !== "." || options.max !== undefined) return plainAmount(this.fieldText(k), options);
    return plainDecimal(this.text, this.starts[k], this.ends[k]);
  }

  plainAmountRow(r: number, cols: readonly number[], options: AmountOptions, out: Float64Array, at: number): number {
    const first = this.rowFirst[r];
    const past = this.rowFirst[r + 1];
    // As plainAmount, field by field, with the row's bounds and the options looked at once.
    const general = (options.decimalSeparator ?? ".") !== "." || options.max !== undefined;
    let misses = 0;
    for (let k = 0; k < cols.length; k++) {
      const c = cols[k];
      const f = first + c;
      let v: number | undefined;
      if (c < 0 || f >= past) v = undefined;
      else if (general || this.quoted[f] === 1) v = plainAmount(this.fieldText(f), options);
      else v = plainDecimal(this.text, this.starts[f], this.ends[f]);
      if (v === undefined) {
        out[at + k] = Number.NaN;
        misses++;
      } else out[at + k] = v;
    }
    return misses;
  }

  plainDate(r: number, c: number): number | undefined {
    const k = this.field(r, c);
    if (k < 0) return undefined;
    if (this.quoted[k] === 1) return plainDate(this.fieldText(k));
    return plainIsoDateAt(this.text, this.starts[k], this.ends[k]);
  }
}

/**
 * {@link plainAmount} of the text from `s` to `e`, read from its characters: an optional
 * minus, 1 to 8 digits, optionally a point and 1 or 2 digits; undefined otherwise. The
 * value is the digits as a whole number divided by 10 or 100: both are exact integers
 * and IEEE division rounds correctly, so it is the double nearest the decimal, the same
 * as Number(text). A magnitude over £10 million is left to the plain function's refusal.
 */
export function plainDecimal(text: string, s: number, e: number): number | undefined {
  let i = s;
  const negative = text.charCodeAt(i) === 45;
  if (negative) i++;
  const intStart = i;
  let whole = 0;
  while (i < e) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    whole = whole * 10 + d;
    i++;
  }
  const intDigits = i - intStart;
  if (intDigits < 1 || intDigits > 8) return undefined;
  let scale = 1;
  if (i < e) {
    if (text.charCodeAt(i) !== 46) return undefined;
    const decStart = ++i;
    while (i < e) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return undefined;
      whole = whole * 10 + d;
      scale *= 10;
      i++;
    }
    if (i - decStart < 1 || i - decStart > 2) return undefined;
  }
  const magnitude = whole / scale;
  if (magnitude > MAX_LINE_AMOUNT) return undefined;
  // + 0 turns -0 ("-0.00") into 0, as plainAmount does.
  return (negative ? -magnitude : magnitude) + 0;
}

/**
 * Indexes CSV text by {@link parseCsv}'s rules: blank lines dropped, the delimiter read
 * from the header line unless given, the same caps and the same refusals.
 * @throws CsvError naming the line, as parseCsv does.
 */
export function csvGrid(text: string, delimiter?: CsvDelimiter): CsvGrid {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delim = (delimiter ?? detectDelimiter(text, start)).charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const n = text.length;
  // Room for a field every four characters (exports average more), doubled when a file needs more.
  // Plain locals, not captured by a closure, so the loop keeps them in registers.
  let cap = Math.max(16, (n >> 2) + 2);
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let quoted = new Uint8Array(cap);
  let rowFirst = new Int32Array(cap + 1);
  let rows = 0;
  let fields = 0;
  /** Fields seen, blank lines' included (the cap counts them, as parseCsv's does). */
  let total = 0;
  let rowStartField = 0;
  let recordStart = start;
  let i = start;
  const fail = (message: string, at: number): never => {
    throw new CsvError(`line ${lineOf(text, at)}: ${message}`);
  };
  for (;;) {
    // One field starts at i.
    let s = i;
    let e = i;
    let isQuoted = 0;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const open = i;
      isQuoted = 1;
      s = i + 1;
      let seg = i + 1;
      let length = 0;
      for (;;) {
        const q = text.indexOf('"', seg);
        if (length + ((q < 0 ? n : q) - seg) > MAX_CSV_FIELD_CHARS) fail(QUOTED_FIELD_RUNS_ON, open);
        if (q < 0) fail(`the CSV ends inside a quoted field (this " is never closed)`, open);
        if (text.charCodeAt(q + 1) === QUOTE) {
          length += q + 1 - seg;
          seg = q + 2;
          continue;
        }
        length += q - seg;
        e = q;
        i = q + 1;
        break;
      }
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c !== -1 && c !== delim && c !== CR && c !== LF) {
        const value = text.slice(s, e).replaceAll('""', '"');
        fail(`text follows the closing quote of a field ("${value.slice(0, 20)}"${text.slice(i, i + 10)}…); quote the whole field`, i);
      }
    } else {
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim || c === CR || c === LF) break;
        i++;
      }
      if (i - s > MAX_CSV_FIELD_CHARS) fail(FIELD_TOO_LONG, s);
      e = i;
    }
    if (fields === cap) {
      cap *= 2;
      const s2 = new Int32Array(cap);
      s2.set(starts);
      starts = s2;
      const e2 = new Int32Array(cap);
      e2.set(ends);
      ends = e2;
      const q2 = new Uint8Array(cap);
      q2.set(quoted);
      quoted = q2;
      // Rows never outnumber fields, so rowFirst grows with them.
      const r2 = new Int32Array(cap + 1);
      r2.set(rowFirst);
      rowFirst = r2;
    }
    starts[fields] = s;
    ends[fields] = e;
    quoted[fields] = isQuoted;
    fields++;
    const breach = recordLimitBreach(++total, fields - rowStartField, i - recordStart);
    if (breach !== null) fail(breach, recordStart);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    i++;
    if (c === delim) continue;
    // End of a record: CRLF, LF or a lone CR.
    if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
    // End the record; a lone empty field is a blank line, dropped.
    if (fields - rowStartField === 1 && starts[rowStartField] === ends[rowStartField]) fields = rowStartField;
    else {
      rowFirst[rows++] = rowStartField;
      rowStartField = fields;
    }
    recordStart = i;
    if (i >= n) break;
  }
  if (fields > rowStartField && !(fields - rowStartField === 1 && starts[rowStartField] === ends[rowStartField])) rowFirst[rows++] = rowStartField;
  else fields = rowStartField;
  rowFirst[rows] = fields;
  return new CsvGrid(text, { starts, ends, quoted, rowFirst, rows });
}

/** Reads a CSV input (a file, or stdin for "-" or none) as a grid; a problem becomes a one-line CliError naming the input and line, as readCsvInput's. */
export async function readCsvGridInput(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<CsvGrid> {
  const text = await readTextInput(file, stdin);
  try {
    return csvGrid(text);
  } catch (e) {
    if (e instanceof CsvError) throw new CliError(`${file && file !== "-" ? file : "standard input"}: ${e.message}`);
    throw e;
  }
}
