/**
 * A small memo for custom functions that take whole tables: twenty ARREARS.KPI cells
 * over the same ranges would otherwise parse the export and compute the return twenty
 * times in one recalculation.
 *
 * Excel passes fresh 2-D arrays on every call, so the arrays' identity never repeats;
 * the key is their content, all of it. Each entry keeps a copy of its arguments' cells
 * (primitives only, so the copy cannot change; tables filed by column kind, see TableCopy),
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
 * A copy of a table: every row an array of the same width, as Excel passes a range. The
 * header row is kept as it is; below it each column is filed by what all its cells are,
 * numbers, text or a mixture (`kinds`), numbers in a Float64Array (NaN and -0 kept), text
 * and mixed cells in arrays, each row-major. A lookup reads every row's cells in order and
 * compares each by its column's kind: a number against the Float64Array, text with ===
 * (V8 compares two strings directly), only mixed columns through the general rule. Object.is
 * on every cell called V8's SameValue builtin per cell, about a fifth of a hit's profile;
 * reading the cells in their order, rather than one column kind after another through a
 * list of column indexes, took about a tenth off a hit (measured on the sample export). The
 * rest of a hit is reading the fresh copy's cells, which no comparison avoids.
 */
class TableCopy {
  constructor(
    readonly height: number,
    readonly width: number,
    readonly header: readonly unknown[],
    /** Per column: NUMBERS, TEXTS or MIXED. */
    readonly kinds: Uint8Array,
    /** Row-major, below the header: the number columns' cells. */
    readonly numbers: Float64Array,
    /** Row-major, below the header: the text columns' cells. */
    readonly texts: readonly string[],
    /** Row-major, below the header: the mixed columns' cells. */
    readonly mixed: readonly unknown[],
  ) {}
}

/** A copy of any other array argument (a single row, ragged rows): each entry a cell or a copy of its row. */
class ListCopy {
  constructor(readonly entries: readonly unknown[]) {}
}

/** Column kinds while a table is read. */
const NUMBERS = 0;
const TEXTS = 1;
const MIXED = 2;

/** The copy of a table, null when the array is not rectangular rows (a ListCopy then), undefined when a cell cannot be keyed. */
function tableCopyOf(grid: readonly unknown[]): TableCopy | null | undefined {
  const height = grid.length;
  if (height === 0 || !Array.isArray(grid[0])) return null;
  const width = (grid[0] as unknown[]).length;
  const kinds = new Uint8Array(width);
  for (let r = 0; r < height; r++) {
    const row: unknown = grid[r];
    if (!Array.isArray(row) || row.length !== width) return null;
    for (let c = 0; c < width; c++) {
      const cell: unknown = row[c];
      if (!isKeyable(cell)) return undefined;
      const kind = typeof cell === "number" ? NUMBERS : typeof cell === "string" ? TEXTS : MIXED;
      if (r === 1) kinds[c] = kind;
      else if (r > 1 && kind !== kinds[c]) kinds[c] = MIXED;
    }
  }
  const perRow = [0, 0, 0];
  for (let c = 0; c < width; c++) perRow[kinds[c]]++;
  const numbers = new Float64Array((height - 1) * perRow[NUMBERS]);
  const texts: string[] = new Array((height - 1) * perRow[TEXTS]);
  const mixed: unknown[] = new Array((height - 1) * perRow[MIXED]);
  let n = 0;
  let t = 0;
  let m = 0;
  for (let r = 1; r < height; r++) {
    const row = grid[r] as unknown[];
    for (let c = 0; c < width; c++) {
      const kind = kinds[c];
      if (kind === NUMBERS) numbers[n++] = row[c] as number;
      else if (kind === TEXTS) texts[t++] = row[c] as string;
      else mixed[m++] = row[c];
    }
  }
  return new TableCopy(height, width, (grid[0] as unknown[]).slice(), kinds, numbers, texts, mixed);
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

/**
 * Whether a table has exactly the copy's shape and cells. Plain loops: it runs on every call,
 * over every cell. Each comparison is guarded by typeof so that V8 only ever sees two numbers
 * or two strings there: a miss with other values leaves the hit path's code as fast as before.
 */
function sameTable(grid: readonly unknown[], copy: TableCopy): boolean {
  const { height, width, header } = copy;
  if (grid.length !== height) return false;
  const first: unknown = grid[0];
  if (!Array.isArray(first) || first.length !== width) return false;
  for (let c = 0; c < width; c++) if (!sameCell(first[c], header[c])) return false;
  const { kinds, numbers, texts, mixed } = copy;
  let n = 0;
  let t = 0;
  let m = 0;
  for (let r = 1; r < height; r++) {
    const row: unknown = grid[r];
    if (!Array.isArray(row) || row.length !== width) return false;
    for (let c = 0; c < width; c++) {
      const x: unknown = row[c];
      const kind = kinds[c];
      if (kind === NUMBERS) {
        if (typeof x !== "number") return false;
        const y = numbers[n++];
        if (x !== y) {
          if (x === x || y === y) return false; // unequal unless both are NaN
        } else if (x === 0 && 1 / x !== 1 / y) return false; // 0 and -0
      } else if (kind === TEXTS) {
        if (typeof x !== "string" || x !== texts[t++]) return false;
      } else if (!sameCell(x, mixed[m++])) return false;
    }
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
    if (!Array.isArray(row) || row.length !== kept.length) return false;
    for (let c = 0; c < row.length; c++) if (!sameCell(row[c], kept[c])) return false;
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
