import fc from "fast-check";
import { refIndex } from "../../../core/columns/refIndex";

/** The reference index must answer exactly as a Map built by set in row order (a repeated reference finds its last row). */
describe("refIndex", () => {
  const mapAnswer = (refs: readonly string[], ref: string) => {
    const m = new Map<string, number>();
    refs.forEach((r, i) => m.set(r, i));
    return m.get(ref) ?? -1;
  };

  it("finds rows, the last row of a repeated reference, and -1 for a missing one", () => {
    const idx = refIndex(["RA1", "RA2", "RA1", "", "ra2"]);
    expect([idx.rowOf("RA1"), idx.rowOf("RA2"), idx.rowOf(""), idx.rowOf("ra2"), idx.rowOf("RA3")]).toEqual([2, 1, 3, 4, -1]);
    expect(refIndex([]).rowOf("RA1")).toBe(-1);
  });

  it("answers as a Map does for random references, including repeats and near-misses (fast-check)", () => {
    const ref = fc.oneof(fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 40 }).map((n) => `RA${n}`));
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 60 }), fc.array(ref, { maxLength: 20 }), (refs, asked) => {
        const idx = refIndex(refs);
        for (const r of [...refs, ...asked]) expect(idx.rowOf(r)).toBe(mapAnswer(refs, r));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps a Map's answers when an untyped caller passes a number as a reference (5 is not \"5\")", () => {
    const refs = ["A", 5 as unknown as string, "5"];
    const idx = refIndex(refs);
    expect([idx.rowOf("5"), idx.rowOf(5 as unknown as string), idx.rowOf("A")]).toEqual([2, 1, 0]);
  });

  it("fills a table of 20,000 references without losing one", () => {
    const refs = Array.from({ length: 20_000 }, (_, i) => `RA${100001 + i}`);
    const idx = refIndex(refs);
    expect(refs.every((r, i) => idx.rowOf(r) === i)).toBe(true);
    expect(idx.rowOf("RA99999")).toBe(-1);
  });

  it("names the first row whose reference an earlier row has (as a Set filled in row order finds it)", () => {
    // "RA1" first repeats at row 2; "RA2" repeats later (row 4): the first repeat is row 2.
    expect(refIndex(["RA1", "RA2", "RA1", "RA3", "RA2"]).repeatedRow).toBe(2);
    expect(refIndex(["RA1", "RA2", "ra1"]).repeatedRow).toBe(-1);
    expect(refIndex([]).repeatedRow).toBe(-1);
    expect(refIndex(["A", 5 as unknown as string, 5 as unknown as string]).repeatedRow).toBe(2);
    const firstRepeat = (refs: readonly string[]) => {
      const seen = new Set<string>();
      for (let i = 0; i < refs.length; i++) {
        if (seen.has(refs[i])) return i;
        seen.add(refs[i]);
      }
      return -1;
    };
    const ref = fc.integer({ min: 0, max: 30 }).map((n) => `RA${n}`);
    fc.assert(
      fc.property(fc.array(ref, { maxLength: 40 }), (refs) => {
        expect(refIndex(refs).repeatedRow).toBe(firstRepeat(refs));
      }),
      { numRuns: 300 },
    );
  });
});
