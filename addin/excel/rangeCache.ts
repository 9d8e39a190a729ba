/**
 * A small memo for custom functions that take whole tables: twenty ARREARS.KPI cells
 * over the same ranges would otherwise parse the export and compute the return twenty
 * times in one recalculation.
 *
 * Excel passes fresh 2-D arrays on every call, so the arrays' identity never repeats;
 * the key is their content, all of it. Each entry keeps a copy of its arguments' cells
 * (primitives only, so the copy cannot change; a table's rows copied as they are, see TableCopy),
 * and a lookup compares the new arguments with it cell by cell, most recent entry first. An exact
 * comparison, not a hash: no collision can ever return another input's figure, and it
 * is one pass over the cells, cheaper than hashing and then verifying (measured: see
 * scripts/bench/kpiCells.ts). Nothing is sampled. Arguments holding anything other than
 * numbers, text, booleans, blanks and 1- or 2-D arrays of them (an error cell, a Date)
 * are not cached: the function just computes.
 */

const isKeyable = (cell: unknown): boolean => cell === null || (typeof cell !== "object" && typeof cell !== "function" && typeof cell !== "symbol" && typeof cell !== "bigint");

/** Object.is for keyable cells, written with === so that the common case (equal, not zero) costs no call. */
function sameCell(x: unknown, y: unknown): boolean {
  return x === y ? x !== 0 || 1 / (x as number) === 1 / (y as number) : x !== x && y !== y;
}

/**
 * A copy of a table: every row an array of the same width, as Excel passes a range. Its
 * cells (primitives only, so nothing can change them) are kept in one array, row after row:
 * one object per table rather than one per row, which a hit reads in order and the collector
 * moves in one piece (measured: a hit about 2% quicker than with a copy per row).
 */
class TableCopy {
  constructor(
    readonly height: number,
    readonly width: number,
    /** Every cell, header row included, row after row. */
    readonly cells: readonly unknown[],
  ) {}
}

/** A copy of any other array argument (a single row, ragged rows): each entry a cell or a copy of its row. */
class ListCopy {
  constructor(readonly entries: readonly unknown[]) {}
}

/** The copy of a table, null when the array is not rectangular rows (a ListCopy then), undefined when a cell cannot be keyed. */
function tableCopyOf(grid: readonly unknown[]): TableCopy | null | undefined {
  const height = grid.length;
  if (height === 0 || !Array.isArray(grid[0])) return null;
  const width = (grid[0] as unknown[]).length;
  const cells: unknown[] = new Array(height * width);
  for (let r = 0; r < height; r++) {
    const row: unknown = grid[r];
    if (!Array.isArray(row) || row.length !== width) return null;
    for (let c = 0; c < width; c++) {
      const cell: unknown = row[c];
      if (!isKeyable(cell)) return undefined;
      cells[r * width + c] = cell;
    }
  }
  return new TableCopy(height, width, cells);
}

/**
 * Whether a row of keyable cells holds the same cells as `kept` from index `from`, as Object.is
 * compares them (0 and -0 differ; NaN equals NaN; "1" and 1 differ). Written for a hit, which
 * reads every cell: text first (most cells), compared with === so that V8 compares two strings
 * directly; anything else with ===, and only an equal zero or an unequal pair looked at again.
 * Object.is on every cell called V8's SameValue builtin per cell (about a fifth of a hit), and
 * a copy filed by column kind (numbers in a Float64Array) with a typeof guard on each side took
 * about an eighth longer than this (a hit 80 µs against 70, alternating, on the sample export;
 * see scripts/bench/kpiCells.ts).
 */
function sameRowCells(row: readonly unknown[], kept: readonly unknown[], from: number): boolean {
  for (let c = 0; c < row.length; c++) {
    const x: unknown = row[c];
    const y: unknown = kept[from + c];
    if (typeof x === "string") {
      if (x !== y) return false;
    } else if (x !== y) {
      if (x === x || y === y) return false; // unequal unless both are NaN
    } else if (x === 0 && 1 / x !== 1 / (y as number)) return false; // 0 and -0
  }
  return true;
}

/** The copy of an array that is not a table, or undefined when some cell cannot be keyed. */
function listCopyOf(list: readonly unknown[]): ListCopy | undefined {
  const entries: unknown[] = new Array(list.length);
  for (let r = 0; r < list.length; r++) {
    const row: unknown = list[r];
    if (!Array.isArray(row)) {
      if (!isKeyable(row)) return undefined;
      entries[r] = row;
      continue;
    }
    for (let c = 0; c < row.length; c++) if (!isKeyable(row[c])) return undefined;
    entries[r] = row.slice();
  }
  return new ListCopy(entries);
}

/**
 * The copy kept with an entry, one item per argument: the argument itself when it is a
 * single value, a TableCopy or ListCopy when it is an array. Null when some value cannot
 * be keyed.
 */
function snapshotOf(args: readonly unknown[]): unknown[] | null {
  const copy: unknown[] = new Array(args.length);
  for (let a = 0; a < args.length; a++) {
    const arg = args[a];
    if (!Array.isArray(arg)) {
      if (!isKeyable(arg)) return null;
      copy[a] = arg;
      continue;
    }
    const table = tableCopyOf(arg);
    const item = table === null ? listCopyOf(arg) : table;
    if (item === undefined) return null;
    copy[a] = item;
  }
  return copy;
}

/** Whether a table has exactly the copy's shape and cells. Plain loops: it runs on every call, over every cell. */
function sameTable(grid: readonly unknown[], copy: TableCopy): boolean {
  const { height, width, cells } = copy;
  if (grid.length !== height) return false;
  for (let r = 0; r < height; r++) {
    const row: unknown = grid[r];
    if (!Array.isArray(row) || row.length !== width || !sameRowCells(row, cells, r * width)) return false;
  }
  return true;
}

function sameList(list: readonly unknown[], copy: ListCopy): boolean {
  const { entries } = copy;
  if (list.length !== entries.length) return false;
  for (let r = 0; r < list.length; r++) {
    const row: unknown = list[r];
    const kept = entries[r];
    if (!Array.isArray(kept)) {
      if (Array.isArray(row) || !sameCell(row, kept)) return false;
      continue;
    }
    if (!Array.isArray(row) || row.length !== kept.length || !sameRowCells(row, kept, 0)) return false;
  }
  return true;
}

/**
 * Whether the arguments are exactly the snapshot's: same shape, and every cell the
 * same value of the same type (as Object.is: 0 and -0 differ; NaN equals NaN; "1" and 1 differ).
 */
function sameContent(args: readonly unknown[], snap: readonly unknown[]): boolean {
  if (args.length !== snap.length) return false;
  for (let a = 0; a < args.length; a++) {
    const arg = args[a];
    const kept = snap[a];
    if (kept instanceof TableCopy) {
      if (!Array.isArray(arg) || !sameTable(arg, kept)) return false;
    } else if (kept instanceof ListCopy) {
      if (!Array.isArray(arg) || !sameList(arg, kept)) return false;
    } else if (Array.isArray(arg) || !sameCell(arg, kept)) return false;
  }
  return true;
}

interface Entry<T> {
  snapshot: unknown[];
  value: T;
}

/** A bounded least-recently-used memo from argument content to a computed value. */
export class RangeCache<T> {
  /** Most recently used last. */
  private entries: Entry<T>[] = [];
  /** Calls answered from the store and calls that computed, for tests and the bench. */
  hits = 0;
  misses = 0;

  constructor(private readonly capacity: number) {}

  /**
   * The value for these arguments: a stored one when an entry's content equals theirs
   * cell for cell, otherwise `compute()`'s, stored when it returns (a throw is not stored).
   * Put small, often-changing arguments (dates, options) first: a comparison stops at the first difference.
   */
  get(args: readonly unknown[], compute: () => T): T {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (sameContent(args, e.snapshot)) {
        this.entries.splice(i, 1);
        this.entries.push(e);
        this.hits++;
        return e.value;
      }
    }
    this.misses++;
    const value = compute();
    const snapshot = snapshotOf(args);
    if (snapshot !== null) {
      this.entries.push({ snapshot, value });
      if (this.entries.length > this.capacity) this.entries.shift();
    }
    return value;
  }

  /** Forgets every entry and resets the counts. */
  clear(): void {
    this.entries = [];
    this.hits = 0;
    this.misses = 0;
  }

  get size(): number {
    return this.entries.length;
  }
}

/** Freezes a computed result all the way down, so that a caller sharing it from the cache cannot change what the next caller reads. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as object)) deepFreeze(v);
  }
  return value;
}
