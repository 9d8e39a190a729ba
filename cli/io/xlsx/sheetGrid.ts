import type { CellGrid } from "../../../core/export/cellGrid";
import { isBlankCell } from "../../../core/export/cellValues";
import { plainAmount, type AmountOptions } from "../../../core/values/amount";
import { plainDate } from "../../../core/values/date";

/** A value as the reader holds it (read.ts's CellValue, repeated here so this module needs nothing from the reader). */
type Value = string | number | boolean | null;

/**
 * A worksheet's cells as the reader places them, row after row, in typed columns: a
 * number in a Float64Array, text or TRUE/FALSE by reference, a blank as nothing. A
 * year's balance history is 900,000 numbers; held as arrays of values per row, each
 * number was an object the garbage collector copied until the report ended.
 *
 * {@link SheetCells.append} takes cells in reading order (rows ascending, columns
 * ascending within a row); a cell out of that order is refused (false), and the reader
 * carries on with rows of values instead ({@link SheetCells.heldRows}). The grid answers
 * every question as `gridOfRows(rows)` over the rows the reader would have made
 * (core/export/cellGrid.ts), and {@link SheetCells.rows} makes those rows.
 */
export class SheetCells implements CellGrid {
  rowCount = 0;
  /** Row r's cells are slots rowFirst[r] to rowFirst[r + 1] - 1 (set for rows up to the last appended). */
  private rowFirst = new Int32Array(1024);
  /** Per slot: 0 blank, 1 number (in num), 2 text or TRUE/FALSE (texts[ref]). */
  private kind: Uint8Array;
  private num: Float64Array;
  private ref: Int32Array;
  private readonly texts: (string | boolean)[] = [];
  private slots = 0;
  /** The row being appended to (-1 before the first cell) and its width so far. */
  private lastRowIndex = -1;
  private rowWidth = 0;

  /** `slots`: room for this many cells (blanks within rows included) before the columns grow. */
  constructor(slots = 4096) {
    const n = Math.max(16, slots);
    this.kind = new Uint8Array(n);
    this.num = new Float64Array(n);
    this.ref = new Int32Array(n);
  }

  /**
   * Appends a value at (r, c) when it comes after every cell so far in reading order,
   * with blanks before it in its row; returns the blanks' and its own count (what it
   * adds to the row's width), or -1 (nothing appended) when it does not come after.
   * Counts are returned before anything is stored, so the caller can charge its budget first.
   */
  widthAdded(r: number, c: number): number {
    if (r > this.lastRowIndex) return c + 1;
    if (r === this.lastRowIndex && c >= this.rowWidth) return c + 1 - this.rowWidth;
    return -1;
  }

  /** Stores a value {@link widthAdded} accepted. */
  append(r: number, c: number, value: Value): void {
    if (r > this.lastRowIndex) this.startRow(r);
    const added = c + 1 - this.rowWidth;
    this.ensure(this.slots + added);
    // Blanks are slots of kind 0, as the new typed arrays are filled.
    const slot = this.slots + added - 1;
    if (typeof value === "number") {
      this.kind[slot] = 1;
      this.num[slot] = value;
    } else if (value !== null) {
      this.kind[slot] = 2;
      this.ref[slot] = this.texts.length;
      this.texts.push(value);
    }
    this.slots += added;
    this.rowWidth = c + 1;
    this.rowFirst[r + 1] = this.slots;
  }

  private startRow(r: number): void {
    if (r + 2 > this.rowFirst.length) {
      const grown = new Int32Array(Math.max(r + 2, this.rowFirst.length * 2));
      grown.set(this.rowFirst);
      this.rowFirst = grown;
    }
    // Rows skipped over hold no cells: they start and end where the last row ended.
    for (let k = this.lastRowIndex + 1; k <= r; k++) this.rowFirst[k + 1] = this.slots;
    this.rowFirst[r] = this.slots;
    this.lastRowIndex = r;
    this.rowWidth = 0;
    this.rowCount = r + 1;
  }

  private ensure(n: number): void {
    if (n <= this.kind.length) return;
    const cap = Math.max(n, this.kind.length * 2);
    const kind = new Uint8Array(cap);
    kind.set(this.kind.subarray(0, this.slots));
    this.kind = kind;
    const num = new Float64Array(cap);
    num.set(this.num.subarray(0, this.slots));
    this.num = num;
    const ref = new Int32Array(cap);
    ref.set(this.ref.subarray(0, this.slots));
    this.ref = ref;
  }

  /** The rows appended so far, by index, as arrays of values (for the reader to carry on with). */
  heldRows(): Map<number, Value[]> {
    const held = new Map<number, Value[]>();
    for (let r = 0; r < this.rowCount; r++) if (this.width(r) > 0) held.set(r, this.rowValues(r));
    return held;
  }

  /** The sheet's rows as arrays of values, an empty row as `empty`: what the reader made before. */
  rows(empty: Value[]): Value[][] {
    const rows = new Array<Value[]>(this.rowCount);
    for (let r = 0; r < this.rowCount; r++) rows[r] = this.width(r) > 0 ? this.rowValues(r) : empty;
    return rows;
  }

  private rowValues(r: number): Value[] {
    const out: Value[] = [];
    for (let s = this.rowFirst[r]; s < this.rowFirst[r + 1]; s++) out.push(this.slotValue(s));
    return out;
  }

  private slotValue(s: number): Value {
    const k = this.kind[s];
    return k === 1 ? this.num[s] : k === 2 ? this.texts[this.ref[s]] : null;
  }

  width(r: number): number {
    return this.rowFirst[r + 1] - this.rowFirst[r];
  }

  /** As `rows[r][c]`: undefined past the row's end. */
  cell(r: number, c: number): Value | undefined {
    if (!(c >= 0 && c < this.rowFirst[r + 1] - this.rowFirst[r])) return undefined;
    return this.slotValue(this.rowFirst[r] + c);
  }

  isBlank(r: number, c: number): boolean {
    return isBlankCell(this.cell(r, c));
  }

  plainAmount(r: number, c: number, options: AmountOptions): number | undefined {
    return plainAmount(this.cell(r, c), options);
  }

  plainAmountRow(r: number, cols: readonly number[], options: AmountOptions, out: Float64Array, at: number): number {
    const first = this.rowFirst[r];
    const width = this.rowFirst[r + 1] - first;
    let misses = 0;
    for (let k = 0; k < cols.length; k++) {
      // plainAmount of cell(r, c), with a number slot passed as the number it holds (the history's every cell).
      const c = cols[k];
      const s = first + c;
      const v = c >= 0 && c < width && this.kind[s] === 1 ? plainAmount(this.num[s], options) : plainAmount(this.cell(r, c), options);
      if (v === undefined) misses++;
      out[at + k] = v ?? Number.NaN;
    }
    return misses;
  }

  plainDate(r: number, c: number): number | undefined {
    return plainDate(this.cell(r, c));
  }

  row(r: number): Value[] {
    return this.rowValues(r);
  }
}
