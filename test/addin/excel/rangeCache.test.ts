import fc from "fast-check";
import { deepFreeze, RangeCache } from "../../../addin/excel/rangeCache";
import { excelCell, sampleTable } from "../../support/excelSampleTables";

/** A cache whose computation returns a fresh token each time, so a hit is visible as the old token. */
function counting(capacity = 4) {
  const cache = new RangeCache<number>(capacity);
  let computed = 0;
  return { cache, get: (args: unknown[]) => cache.get(args, () => ++computed), computed: () => computed };
}

describe("RangeCache", () => {
  it("answers fresh arrays with the same cells from the store (Excel passes new arrays on every call)", () => {
    const c = counting();
    const make = () => [45748, null, [["Ref", "Balance"], ["A1", 12.5]], [["x", true]]];
    expect(c.get(make())).toBe(1);
    expect(c.get(make())).toBe(1);
    expect(c.cache.hits).toBe(1);
  });

  it("keeps apart inputs that differ only in type, sign of zero, shape or argument boundaries", () => {
    const variants: unknown[][] = [
      [[[1, "2"]]],
      [[[1, 2]]],
      [[["1", 2]]],
      [[[true, 2]]],
      [[[1, 2, null]]],
      [[[1, 2, undefined]]],
      [[[1], [2]]],
      [[[1, 2]], null],
      [[[1, 2]], undefined],
      [[[-0, 2]]],
      [[[0, 2]]],
      [[1, 2]],
      [1, 2],
      [[[1]], [[2]]],
      [[["ab", ""]]],
      [[["a", "b"]]],
      [[[2]]],
      [[2]],
      [2],
      [[[NaN]]],
    ];
    const c = counting(variants.length);
    const first = variants.map((v) => c.get(v));
    expect(new Set(first).size).toBe(variants.length); // every one computed
    // Asked again in another order, each gets its own value back.
    for (let i = variants.length - 1; i >= 0; i--) expect(c.get(structuredClone(variants[i]))).toBe(first[i]);
    expect(c.computed()).toBe(variants.length);
  });

  it("recomputes when any cell differs, even when the same array is changed in place", () => {
    const c = counting();
    const grid = [["a", 1], ["b", 2]];
    expect(c.get([grid])).toBe(1);
    grid[1][1] = 2.01; // the same array: an identity key would hit here
    expect(c.get([grid])).toBe(2);
    grid[1][1] = 2;
    expect(c.get([grid])).toBe(1); // the first content again, still stored
  });

  it("keeps at most its capacity, evicting the least recently used", () => {
    const c = counting(2);
    c.get([1]);
    c.get([2]);
    c.get([1]); // 1 is now the most recent
    c.get([3]); // evicts 2
    expect(c.cache.size).toBe(2);
    expect(c.computed()).toBe(3);
    expect(c.get([1])).toBe(1);
    expect(c.get([2])).toBe(4);
  });

  it("does not store a failure", () => {
    const cache = new RangeCache<number>(2);
    expect(() => cache.get([1], () => { throw new Error("bad input"); })).toThrow("bad input");
    expect(cache.get([1], () => 7)).toBe(7);
  });

  it("does not cache error cells, Dates or deeper arrays: the function just computes", () => {
    for (const args of [[[[1, new Error("#N/A")]]], [new Date(0)], [[[[1]]]], [{ a: 1 }]]) {
      const c = counting();
      c.get(args);
      c.get(args);
      expect(c.computed()).toBe(2);
      expect(c.cache.size).toBe(0);
    }
  });
});

describe("deepFreeze", () => {
  it("freezes nested objects and arrays", () => {
    const v = deepFreeze({ a: [{ b: 1 }] });
    expect(Object.isFrozen(v.a[0])).toBe(true);
    expect(() => { (v.a as { b: number }[]).push({ b: 2 }); }).toThrow();
  });
});

/** The rule the cache must follow, written plainly: same shape, every leaf the same by Object.is. */
function sameByObjectIs(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => sameByObjectIs(x, b[i]));
  }
  return Object.is(a, b);
}

describe("RangeCache's comparison against the plain rule", () => {
  // Cells of every kind the comparison tells apart, with the values where a shortcut would slip: -0, NaN, "" and " ", "1" beside 1.
  const NUMBER = fc.oneof(fc.constantFrom(0, 0, -0, NaN, 1, 0.1 + 0.2, 0.3, 46296, -12.5, 1e21), fc.double(), fc.integer());
  const TEXT = fc.oneof(fc.constantFrom("", " ", "1", "RA100001", "RA100002", "current", "Current", "é", "NaN"), fc.string({ maxLength: 6 }));
  const ANY = fc.oneof(NUMBER, TEXT, fc.boolean(), fc.constant(null), fc.constant(undefined));
  const CELL_OF = [NUMBER, TEXT, ANY];

  /** A table as Excel passes one: a header row, then rows whose columns each hold numbers, text or anything. */
  const TABLE = fc
    .record({ kinds: fc.array(fc.constantFrom(0, 1, 2), { minLength: 1, maxLength: 5 }), height: fc.integer({ min: 1, max: 8 }) })
    .chain(({ kinds, height }) =>
      fc.tuple(fc.array(TEXT, { minLength: kinds.length, maxLength: kinds.length }), fc.array(fc.tuple(...kinds.map((k) => CELL_OF[k])), { minLength: height - 1, maxLength: height - 1 })),
    )
    .map(([header, rows]) => [header as unknown[], ...rows.map((r) => [...r] as unknown[])]);
  /** Any other argument: a single value, a single row, ragged rows. */
  const OTHER = fc.oneof(ANY, fc.array(ANY, { maxLength: 4 }), fc.array(fc.oneof(ANY, fc.array(ANY, { maxLength: 3 })), { maxLength: 4 }));
  const ARGS = fc.array(fc.oneof(TABLE, TABLE, OTHER), { minLength: 1, maxLength: 4 });

  /** A new value for a cell from its old one: any value, or the near misses a shortcut would let through (0 to -0, 1 to "1", "a" to "a "). */
  const CHANGE: fc.Arbitrary<(old: unknown) => unknown> = fc.oneof(
    ANY.map((v) => () => v),
    fc.constantFrom(
      (old: unknown) => (typeof old === "number" ? -old : old),
      (old: unknown) => (typeof old === "number" ? String(old) : typeof old === "string" ? Number(old) : old),
      (old: unknown) => (typeof old === "string" ? `${old} ` : old),
      (old: unknown) => (typeof old === "number" ? old + Number.EPSILON * Math.max(1, Math.abs(old)) : old),
      (old: unknown) => (old === null ? undefined : old === undefined ? null : old === "" ? null : old),
    ),
  );

  /** Every place in an argument list a cell sits at, as a path of indexes. */
  function cellPaths(args: unknown[]): number[][] {
    const out: number[][] = [];
    const walk = (v: unknown, path: number[]) => {
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else out.push(path);
    };
    args.forEach((a, i) => walk(a, [i]));
    return out;
  }

  it("hits exactly when the new arguments equal the stored ones by the plain rule, one cell changed anywhere", () => {
    let hits = 0;
    let misses = 0;
    fc.assert(
      fc.property(ARGS, fc.nat(), CHANGE, (args, at, change) => {
        const changed = structuredClone(args);
        const paths = cellPaths(changed);
        if (paths.length > 0) {
          const path = paths[at % paths.length];
          let holder = changed as unknown[];
          for (const i of path.slice(0, -1)) holder = holder[i] as unknown[];
          holder[path[path.length - 1]] = change(holder[path[path.length - 1]]);
        }
        const cache = new RangeCache<string>(2);
        cache.get(args, () => "stored");
        const answer = cache.get(changed, () => "computed");
        const expected = sameByObjectIs(args, changed) ? "stored" : "computed";
        expect(answer).toBe(expected);
        if (answer === "stored") hits++;
        else misses++;
      }),
      { numRuns: 3000 },
    );
    // Both outcomes are exercised, not just one.
    expect(hits).toBeGreaterThan(100);
    expect(misses).toBeGreaterThan(1000);
  });

  it("misses when a table gains or loses a row or column, or a row stops being an array", () => {
    fc.assert(
      fc.property(TABLE, fc.nat(), fc.constantFrom("addRow", "dropRow", "addColumn", "dropColumn", "flatten"), (table, at, how) => {
        const changed = structuredClone(table);
        const r = at % changed.length;
        if (how === "addRow") changed.push([...changed[r]]);
        else if (how === "dropRow") changed.splice(r, 1);
        else if (how === "addColumn") changed[r].push("");
        else if (how === "dropColumn") changed[r].pop();
        else (changed as unknown[])[r] = changed[r][0];
        const cache = new RangeCache<string>(2);
        cache.get([table], () => "stored");
        expect(cache.get([changed], () => "computed")).toBe(sameByObjectIs(table, changed) ? "stored" : "computed");
      }),
      { numRuns: 1000 },
    );
  });
});

// The comparison keeps a table's cells in one array and reads each row's cells in order, text
// first. Over the sample export as Excel passes it (numbers, dates as serials, blanks
// as ""), with the options and period the KPI cells pass: one cell changed in the header, the
// first, a middle or the last row of any column of any argument, to a near miss of its own
// kind or another kind, and the cache must compute again exactly when the plain rule says the
// arguments differ.
describe("RangeCache over the sample export, one cell changed anywhere", () => {
  const OPTIONS = [
    ["Void treatment", "net"],
    ["Age bands", "4,8,13"],
  ];
  // The KPI adapter's order: period, options, then the tables.
  const ARGS: unknown[] = [excelCell("2026-10-01"), excelCell("2026-10-31"), OPTIONS, sampleTable("voids.csv"), sampleTable("accounts.csv"), sampleTable("transactions.csv")];

  /** Near misses for a cell: of its own kind (a penny, the sign of zero, a trailing space, case) and of another kind ("1" for 1, a blank, null). */
  const changesOf = (old: unknown): unknown[] => {
    if (typeof old === "number") return [old + 0.01, old === 0 ? -0 : -old, String(old), "", null, NaN];
    if (old === "") return [null, 0, " ", undefined];
    if (typeof old === "string") return [`${old} `, old.toUpperCase() === old ? old.toLowerCase() : old.toUpperCase(), "", Number.isNaN(Number(old)) ? 0 : Number(old), true];
    return ["", 0, false];
  };

  it("has the sample tables as the test expects (a mixed column, several rows)", () => {
    const accounts = ARGS[4] as unknown[][];
    expect(accounts.length).toBeGreaterThan(100);
    const tenancyEnd = (accounts[0] as string[]).indexOf("tenancy end");
    const kinds = new Set(accounts.slice(1).map((row) => typeof row[tenancyEnd]));
    expect([...kinds].sort()).toEqual(["number", "string"]);
  });

  it("hits for an unchanged fresh copy and misses for every changed one", () => {
    // Room for the stored entry and one changed copy: each miss evicts the previous changed copy, never the stored entry, which is asked for again after every change.
    const cache = new RangeCache<string>(2);
    cache.get(structuredClone(ARGS), () => "stored");
    // Fresh arrays and strings, as Excel passes them (a clone of only the changed argument each time keeps the test quick; the cache keeps no argument's identity).
    const fresh = structuredClone(ARGS);
    let cases = 0;
    let misses = 0;
    for (let a = 0; a < ARGS.length; a++) {
      const arg = ARGS[a];
      const places: [number, number][] = [];
      if (Array.isArray(arg)) {
        const grid = arg as unknown[][];
        for (const r of new Set([0, 1, Math.floor(grid.length / 2), grid.length - 1])) for (let c = 0; c < grid[r].length; c++) places.push([r, c]);
      } else places.push([-1, -1]);
      for (const [r, c] of places) {
        const old = r < 0 ? arg : (arg as unknown[][])[r][c];
        for (const value of changesOf(old)) {
          const changed = fresh.map((x, i) => (i === a ? structuredClone(x) : x));
          if (r < 0) changed[a] = value;
          else (changed[a] as unknown[][])[r][c] = value;
          const expected = sameByObjectIs(ARGS, changed) ? "stored" : "computed";
          const answer = cache.get(changed, () => "computed");
          expect({ a, r, c, old, value, answer }).toEqual({ a, r, c, old, value, answer: expected });
          cases++;
          if (answer === "computed") misses++;
          expect(cache.get(fresh, () => "computed")).toBe("stored");
        }
      }
    }
    // Not vacuous: every argument, hundreds of cells, nearly all of them real changes.
    expect(cases).toBeGreaterThan(300);
    expect(misses).toBeGreaterThan(cases * 0.95);
  });
});
