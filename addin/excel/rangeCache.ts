/**
 * A small memo for custom functions that take whole tables: twenty ARREARS.KPI cells
 * over the same ranges would otherwise parse the export and compute the return twenty
 * times in one recalculation.
 *
 * Excel passes fresh 2-D arrays on every call, so the arrays' identity never repeats;
 * the key is their content. A 32-bit FNV-1a hash over every cell's type and value
 * (one pass, no strings built) picks the candidate entry, and a cell-by-cell
 * comparison with a copy taken when the entry was stored decides the hit: a hash
 * collision can cost a recomputation, never a stale figure. Every cell is read;
 * nothing is sampled. Arguments holding anything other than numbers, text,
 * booleans, blanks and 1- or 2-D arrays of them (an error cell, a Date) are not
 * cached: the function just computes.
 */

/** Token types of the canonical form: an argument list is a prefix code of these, so two different inputs never give the same sequence. */
enum Token {
  Args = 0,
  Grid = 1,
  Row = 2,
  Number = 3,
  Text = 4,
  Boolean = 5,
  Null = 6,
  Undefined = 7,
}

/** Receives the canonical form of the arguments, token by token; returns false to stop early. */
interface Sink {
  token(type: Token, value: unknown): boolean;
}

function visitCell(cell: unknown, sink: Sink): boolean | null {
  switch (typeof cell) {
    case "number":
      return sink.token(Token.Number, cell);
    case "string":
      return sink.token(Token.Text, cell);
    case "boolean":
      return sink.token(Token.Boolean, cell);
    case "undefined":
      return sink.token(Token.Undefined, undefined);
    default:
      return cell === null ? sink.token(Token.Null, null) : null;
  }
}

/** Walks the arguments in their canonical order: false when the sink stopped, null when some value cannot be keyed. */
function visit(args: readonly unknown[], sink: Sink): boolean | null {
  if (!sink.token(Token.Args, args.length)) return false;
  for (const arg of args) {
    if (!Array.isArray(arg)) {
      const ok = visitCell(arg, sink);
      if (ok !== true) return ok;
      continue;
    }
    if (!sink.token(Token.Grid, arg.length)) return false;
    for (const row of arg) {
      if (!Array.isArray(row)) {
        const ok = visitCell(row, sink);
        if (ok !== true) return ok;
        continue;
      }
      if (!sink.token(Token.Row, row.length)) return false;
      for (let c = 0; c < row.length; c++) {
        const ok = visitCell(row[c], sink);
        if (ok !== true) return ok;
      }
    }
  }
  return true;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a, 32 bits, over each token's type byte and its value's bytes (a number's 8 IEEE bytes, text's length and UTF-16 units). */
class HashSink implements Sink {
  hash = FNV_OFFSET;
  private readonly float = new Float64Array(1);
  private readonly words = new Uint32Array(this.float.buffer);

  private byte(b: number): void {
    this.hash = Math.imul(this.hash ^ (b & 0xff), FNV_PRIME);
  }

  private word(w: number): void {
    this.byte(w);
    this.byte(w >>> 8);
    this.byte(w >>> 16);
    this.byte(w >>> 24);
  }

  token(type: Token, value: unknown): boolean {
    this.byte(type);
    if (type === Token.Number) {
      this.float[0] = value as number;
      this.word(this.words[0]);
      this.word(this.words[1]);
    } else if (type === Token.Text) {
      const s = value as string;
      this.word(s.length);
      for (let i = 0; i < s.length; i++) {
        const u = s.charCodeAt(i);
        this.byte(u);
        this.byte(u >>> 8);
      }
    } else if (type === Token.Boolean) {
      this.byte(value ? 1 : 0);
    } else if (type !== Token.Null && type !== Token.Undefined) {
      this.word(value as number);
    }
    return true;
  }
}

/** The canonical form kept with an entry: token types and values side by side (values are all primitives, so the copy cannot change). */
interface Snapshot {
  types: Token[];
  values: unknown[];
}

class CopySink implements Sink {
  readonly snapshot: Snapshot = { types: [], values: [] };
  token(type: Token, value: unknown): boolean {
    this.snapshot.types.push(type);
    this.snapshot.values.push(value);
    return true;
  }
}

/** Compares the arguments with a snapshot; Object.is so that 0 and -0 differ (they can print differently). */
class CompareSink implements Sink {
  private i = 0;
  constructor(private readonly snapshot: Snapshot) {}
  token(type: Token, value: unknown): boolean {
    const { types, values } = this.snapshot;
    if (this.i >= types.length || types[this.i] !== type || !Object.is(values[this.i], value)) return false;
    this.i++;
    return true;
  }
  get atEnd(): boolean {
    return this.i === this.snapshot.types.length;
  }
}

/** The content hash of an argument list, or null when some value cannot be keyed (then do not cache). */
export function contentHash(args: readonly unknown[]): number | null {
  const sink = new HashSink();
  return visit(args, sink) === true ? sink.hash >>> 0 : null;
}

function sameContent(args: readonly unknown[], snapshot: Snapshot): boolean {
  const sink = new CompareSink(snapshot);
  return visit(args, sink) === true && sink.atEnd;
}

function snapshotOf(args: readonly unknown[]): Snapshot {
  const sink = new CopySink();
  visit(args, sink);
  return sink.snapshot;
}

interface Entry<T> {
  hash: number;
  snapshot: Snapshot;
  value: T;
}

/** A bounded least-recently-used memo from argument content to a computed value. */
export class RangeCache<T> {
  /** Most recently used last. */
  private entries: Entry<T>[] = [];
  /** Calls answered from the cache and calls that computed, for tests and the bench. */
  hits = 0;
  misses = 0;

  /** `hash` is replaceable so a test can force every entry to collide. */
  constructor(
    private readonly capacity: number,
    private readonly hash: (args: readonly unknown[]) => number | null = contentHash,
  ) {}

  /**
   * The value for these arguments: a stored one when an entry's content equals theirs
   * cell for cell, otherwise `compute()`'s, stored when it returns (a throw is not stored).
   */
  get(args: readonly unknown[], compute: () => T): T {
    const hash = this.hash(args);
    if (hash === null) {
      this.misses++;
      return compute();
    }
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.hash === hash && sameContent(args, e.snapshot)) {
        this.entries.splice(i, 1);
        this.entries.push(e);
        this.hits++;
        return e.value;
      }
    }
    this.misses++;
    const value = compute();
    this.entries.push({ hash, snapshot: snapshotOf(args), value });
    if (this.entries.length > this.capacity) this.entries.shift();
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
