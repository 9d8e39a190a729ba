import { deepFreeze, RangeCache } from "../../../addin/excel/rangeCache";

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
