import { contentHash, deepFreeze, RangeCache } from "../../../addin/excel/rangeCache";

describe("contentHash", () => {
  it("separates inputs that differ only in type, sign of zero, shape or argument boundaries", () => {
    const variants: unknown[][] = [
      [[[1, "2"]]],
      [[[1, 2]]],
      [[["1", 2]]],
      [[[true, 2]]],
      [[[1, 2, null]]],
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
    ];
    const hashes = variants.map((v) => contentHash(v));
    expect(new Set(hashes).size).toBe(variants.length);
  });

  it("is the same for fresh arrays with the same cells (Excel passes new arrays on every call)", () => {
    const make = () => [[["Ref", "Balance"], ["A1", 12.5]], 45748, null];
    expect(contentHash(make())).toBe(contentHash(make()));
  });

  it("refuses to key error cells and other objects", () => {
    expect(contentHash([[[1, new Error("#N/A")]]])).toBeNull();
    expect(contentHash([new Date(0)])).toBeNull();
    expect(contentHash([[[[1]]]])).toBeNull();
  });
});

describe("RangeCache", () => {
  it("answers equal content from the store, and recomputes when any cell differs, even in place", () => {
    const cache = new RangeCache<number>(4);
    let computed = 0;
    const grid = [["a", 1], ["b", 2]];
    const sum = () => cache.get([grid], () => (computed++, (grid[0][1] as number) + (grid[1][1] as number)));
    expect(sum()).toBe(3);
    expect(sum()).toBe(3);
    expect(computed).toBe(1);
    grid[1][1] = 5; // the same array, changed: identity would hit here, content must not
    expect(sum()).toBe(6);
    expect(computed).toBe(2);
    expect(cache.hits).toBe(1);
  });

  it("trusts only an exact match: entries with a colliding hash are compared cell by cell", () => {
    // Every entry given the same hash: only the comparison keeps them apart.
    const cache = new RangeCache<string>(4, () => 0);
    for (const v of ["w", "x", "y", "z"]) cache.get([[[v]]], () => v);
    for (const v of ["w", "x", "y", "z"]) expect(cache.get([[[v]]], () => "recomputed")).toBe(v);
    expect(cache.get([[["w", "x"]]], () => "recomputed")).toBe("recomputed");
    expect(cache.get([[["w"], ["x"]]], () => "again")).toBe("again");
  });

  it("keeps at most its capacity, evicting the least recently used", () => {
    const cache = new RangeCache<number>(2);
    let computed = 0;
    const get = (n: number) => cache.get([n], () => (computed++, n));
    get(1);
    get(2);
    get(1); // 1 is now the most recent
    get(3); // evicts 2
    expect(cache.size).toBe(2);
    expect(computed).toBe(3);
    get(1);
    expect(computed).toBe(3);
    get(2);
    expect(computed).toBe(4);
  });

  it("does not store a failure", () => {
    const cache = new RangeCache<number>(2);
    expect(() => cache.get([1], () => { throw new Error("bad input"); })).toThrow("bad input");
    expect(cache.get([1], () => 7)).toBe(7);
  });

  it("does not cache arguments it cannot key", () => {
    const cache = new RangeCache<number>(2);
    let computed = 0;
    cache.get([new Date(0)], () => ++computed);
    cache.get([new Date(0)], () => ++computed);
    expect(computed).toBe(2);
    expect(cache.size).toBe(0);
  });
});

describe("deepFreeze", () => {
  it("freezes nested objects and arrays", () => {
    const v = deepFreeze({ a: [{ b: 1 }] });
    expect(Object.isFrozen(v.a[0])).toBe(true);
    expect(() => { (v.a as { b: number }[]).push({ b: 2 }); }).toThrow();
  });
});
