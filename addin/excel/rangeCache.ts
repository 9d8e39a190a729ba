/**
 * A small memo for custom functions that take whole tables: twenty ARREARS.KPI cells
 * over the same ranges would otherwise parse the export and compute the return twenty
 * times in one recalculation.
 *
 * Excel passes fresh 2-D arrays on every call, so the arrays' identity never repeats;
 * the key is their content, all of it. Each entry keeps a flat copy of its arguments'
 * cells (type and value; primitives only, so the copy cannot change), and a lookup
 * compares the new arguments with it cell by cell, most recent entry first. An exact
 * comparison, not a hash: no collision can ever return another input's figure, and it
 * is one pass over the cells, cheaper than hashing and then verifying (measured: see
 * scripts/bench/kpiCells.ts). Nothing is sampled. Arguments holding anything other than
 * numbers, text, booleans, blanks and 1- or 2-D arrays of them (an error cell, a Date)
 * are not cached: the function just computes.
 */

/** Token types of the copy. Structure tokens carry a length, so two different inputs never give the same sequence. */
const ARGS = 0;
const GRID = 1;
const ROW = 2;
/** Any type from here up is a cell, stored as the cell's own primitive value. */
const CELL = 3;

/** The canonical copy kept with an entry: token types and values side by side. */
interface Snapshot {
  types: Uint8Array;
  values: unknown[];
}

const isKeyable = (cell: unknown): boolean => cell === null || (typeof cell !== "object" && typeof cell !== "function" && typeof cell !== "symbol" && typeof cell !== "bigint");

/**
 * Tokens the flat copy of an argument list needs, or -1 when some value cannot be
 * keyed. A first pass, so the copy is written into arrays of the right size: growing
 * them token by token (and Uint8Array.from over half a million numbers) was most of
 * the cost of a MONTHLYRETURN over a 17,000-account export.
 */
function tokenCount(args: readonly unknown[]): number {
  let n = 1;
  for (let a = 0; a < args.length; a++) {
    const arg = args[a];
    if (!Array.isArray(arg)) {
      if (!isKeyable(arg)) return -1;
      n++;
      continue;
    }
    n++;
    for (let r = 0; r < arg.length; r++) {
      const row: unknown = arg[r];
      if (!Array.isArray(row)) {
        if (!isKeyable(row)) return -1;
        n++;
        continue;
      }
      n += 1 + row.length;
      for (let c = 0; c < row.length; c++) if (!isKeyable(row[c])) return -1;
    }
  }
  return n;
}

/** The flat copy of an argument list, or null when some value cannot be keyed. */
function snapshotOf(args: readonly unknown[]): Snapshot | null {
  const n = tokenCount(args);
  if (n < 0) return null;
  const types = new Uint8Array(n);
  const values: unknown[] = new Array(n);
  let i = 0;
  const put = (type: number, value: unknown) => {
    types[i] = type;
    values[i++] = value;
  };
  put(ARGS, args.length);
  for (let a = 0; a < args.length; a++) {
    const arg = args[a];
    if (!Array.isArray(arg)) {
      put(CELL, arg);
      continue;
    }
    put(GRID, arg.length);
    for (let r = 0; r < arg.length; r++) {
      const row: unknown = arg[r];
      if (!Array.isArray(row)) {
        put(CELL, row);
        continue;
      }
      put(ROW, row.length);
      // Cells are the bulk: written straight in, CELL being the Uint8Array's only non-zero fill.
      types.fill(CELL, i, i + row.length);
      for (let c = 0; c < row.length; c++) values[i++] = row[c];
    }
  }
  return { types, values };
}

/**
 * Whether the arguments are exactly the snapshot's: same shape, and every cell the
 * same value of the same type (Object.is, so 0 and -0 differ; "1" and 1 differ).
 * Written as one plain loop: it runs on every call, over every cell.
 */
function sameContent(args: readonly unknown[], snap: Snapshot): boolean {
  const { types, values } = snap;
  if (types[0] !== ARGS || values[0] !== args.length) return false;
  let i = 1;
  for (let a = 0; a < args.length; a++) {
    const arg = args[a];
    if (!Array.isArray(arg)) {
      if (types[i] !== CELL || !Object.is(arg, values[i])) return false;
      i++;
      continue;
    }
    if (types[i] !== GRID || values[i] !== arg.length) return false;
    i++;
    for (let r = 0; r < arg.length; r++) {
      const row = arg[r];
      if (!Array.isArray(row)) {
        if (types[i] !== CELL || !Object.is(row, values[i])) return false;
        i++;
        continue;
      }
      if (types[i] !== ROW || values[i] !== row.length) return false;
      i++;
      for (let c = 0; c < row.length; c++, i++) if (types[i] !== CELL || !Object.is(row[c], values[i])) return false;
    }
  }
  return i === types.length;
}

interface Entry<T> {
  snapshot: Snapshot;
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
