import fc from "fast-check";
import { countBedrooms, type Household } from "../../../core/benefits";

const h = (over: Partial<Household>): Household => ({ adults: [{ age: 30 }], rent: { amount: 0, period: "week" }, bedrooms: 1, ...over }) as Household;

describe("bedroom standard", () => {
  it("gives a single person or a couple one bedroom", () => {
    expect(countBedrooms(h({})).needed).toBe(1);
    expect(countBedrooms(h({ adults: [{ age: 30 }, { age: 29 }] })).needed).toBe(1);
  });

  it("lets two children under 10 share whatever their sex", () => {
    const r = countBedrooms(h({ children: [{ age: 9, sex: "F" }, { age: 4, sex: "M" }] }));
    expect(r.needed).toBe(2);
    expect(r.lines[1]).toBe("1 bedroom shared by children 1 and 2 (aged 9 and 4: both under 10)");
  });

  it("does not pair a boy of 10 with a girl of 8, but pairs same-sex children under 16", () => {
    expect(countBedrooms(h({ children: [{ age: 10, sex: "M" }, { age: 8, sex: "F" }] })).needed).toBe(3);
    expect(countBedrooms(h({ children: [{ age: 15, sex: "M" }, { age: 8, sex: "M" }] })).needed).toBe(2);
  });

  it("gives a child of 16 or over their own room", () => {
    expect(countBedrooms(h({ children: [{ age: 16, sex: "F" }, { age: 14, sex: "F" }] })).needed).toBe(3);
  });

  it("pairs to need the fewest rooms, not greedily by age", () => {
    // Girl 12, boy 13, girl 8, boy 8: putting the two 8-year-olds together (both under 10) leaves the 12 and 13-year-olds
    // alone (3 children's rooms); pairing by sex (G12+G8, B13+B8) needs 2. Plus the claimant: 3.
    expect(countBedrooms(h({ children: [{ age: 12, sex: "F" }, { age: 13, sex: "M" }, { age: 8, sex: "F" }, { age: 8, sex: "M" }] })).needed).toBe(3);
  });

  it("adds a room for each non-dependant and each additional-room condition", () => {
    const r = countBedrooms(h({ adults: [{ age: 40 }, { age: 40 }], nonDependants: [{ age: 19 }, { age: 22 }], overnightCarer: true, coupleCannotShare: true, children: [{ age: 6, cannotShare: true }] }));
    expect(r.needed).toBe(1 + 2 + 1 + 1 + 1);
  });

  it("flags when a 10-15-year-old's unknown sex could change the count", () => {
    const r = countBedrooms(h({ children: [{ age: 12 }, { age: 11 }] }));
    expect(r.needed).toBe(3);
    expect(r.neededIfUnknownSexesPair).toBe(2);
    expect(countBedrooms(h({ children: [{ age: 12 }] })).neededIfUnknownSexesPair).toBeNull();
  });

  it("never needs more rooms than people over 16 plus children, nor fewer than half the children", () => {
    const child = fc.record({ age: fc.integer({ min: 0, max: 19 }), sex: fc.constantFrom("F" as const, "M" as const) });
    fc.assert(
      fc.property(fc.array(child, { maxLength: 10 }), (children) => {
        const n = countBedrooms(h({ children })).needed;
        expect(n).toBeLessThanOrEqual(1 + children.length);
        expect(n).toBeGreaterThanOrEqual(1 + Math.ceil(children.length / 2));
        // Adding a child never lowers the count.
        expect(countBedrooms(h({ children: [...children, { age: 3, sex: "F" }] })).needed).toBeGreaterThanOrEqual(n);
      }),
    );
  });
});
