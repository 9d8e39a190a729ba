import fc from "fast-check";
import { estimateHousingBenefit, estimateUniversalCredit, type HouseholdInput } from "../../../core/benefits";
import { TODAY } from "./cases";

// Property tests over generated households: they must hold for any valid household, in every tax year.

const pounds = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((p) => p / 100);
const level = fc.constantFrom("none" as const, "lower" as const, "middle" as const, "higher" as const);
const adult = fc.record(
  {
    age: fc.integer({ min: 18, max: 80 }),
    earnings: pounds(3000),
    hoursWorked: fc.integer({ min: 0, max: 45 }),
    lcwra: fc.boolean(),
    carer: fc.boolean(),
    disability: level,
    pensionCredit: fc.boolean(),
  },
  { requiredKeys: ["age"] },
);
const child = fc.record(
  { age: fc.integer({ min: 0, max: 19 }), sex: fc.constantFrom("F" as const, "M" as const), disability: level, twoChildException: fc.boolean() },
  { requiredKeys: ["age", "sex"] },
);
const nonDep = fc.record({ age: fc.integer({ min: 16, max: 80 }), grossWeeklyIncome: pounds(900), pensionCredit: fc.boolean() }, { requiredKeys: ["age"] });
const anyHousehold = fc.record({
  adults: fc.array(adult, { minLength: 1, maxLength: 2 }),
  children: fc.array(child, { maxLength: 6 }),
  nonDependants: fc.array(nonDep, { maxLength: 3 }),
  rent: fc.record({ amount: pounds(400), period: fc.constantFrom("week" as const, "fortnight" as const, "4 weeks" as const, "month" as const), serviceCharges: pounds(30) }),
  bedrooms: fc.integer({ min: 0, max: 7 }),
  capital: pounds(20000),
  unearnedIncome: pounds(800),
  london: fc.boolean(),
  taxYear: fc.constantFrom("2024-25", "2025-26", "2026-27"),
});

/**
 * The one age, on each year's estimate date, at which a child may have been born either side of
 * 6 April 2017, so "born before 2017" must be given when it matters. 2024-25 is read on 14/04/2024:
 * a 7-year-old was born 15/04/2016-14/04/2017 (either side), an 8-year-old by 14/04/2016 (before),
 * a 6-year-old from 15/04/2017 (after). 2025-26 on 14/04/2025: 8. 2026-27 on the clock's day,
 * 23/11/2026: 9 (born 24/11/2016-23/11/2017).
 */
const STRADDLE: Record<string, number> = { "2024-25": 7, "2025-26": 8, "2026-27": 9 };

/** Gives each child of the straddling age a "born before 2017" answer. */
const withBirthSide = <H extends { taxYear: string; children?: { age: number }[] }>(arb: fc.Arbitrary<H>): fc.Arbitrary<H> =>
  fc.tuple(arb, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 })).map(([h, sides]) => ({
    ...h,
    children: (h.children ?? []).map((c, i) => (c.age === STRADDLE[h.taxYear] ? { ...c, bornBefore2017: sides[i] } : c)),
  }));

const household: fc.Arbitrary<HouseholdInput> = withBirthSide(anyHousehold);
const opts = { today: TODAY };

describe("benefit estimates: properties", () => {
  it("award is never negative and never NaN, and the breakdown total is the award", () => {
    fc.assert(
      fc.property(household, (h) => {
        for (const e of [estimateUniversalCredit(h, opts), estimateHousingBenefit(h, opts)]) {
          expect(Number.isFinite(e.award)).toBe(true);
          expect(e.award).toBeGreaterThanOrEqual(0);
          expect(Math.abs(e.award * 100 - Math.round(e.award * 100))).toBeLessThan(1e-6); // whole pence
          expect(e.lines.find((l) => l.kind === "total")!.amount).toBe(e.award);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("raising earnings never raises UC before the cap, nor after it unless the rise crosses the cap's earnings exemption", () => {
    fc.assert(
      fc.property(household, pounds(500), (h, extra) => {
        const more = { ...h, adults: h.adults.map((a, i) => (i === 0 ? { ...a, earnings: (a.earnings ?? 0) + extra } : a)) };
        const before = estimateUniversalCredit(h, opts);
        const after = estimateUniversalCredit(more, opts);
        expect(after.awardBeforeCap).toBeLessThanOrEqual(before.awardBeforeCap);
        // Reaching the exemption lifts the cap: the law's cliff edge, the one way more earnings can mean more UC.
        const crossed = before.benefitCap.exemption === null && after.benefitCap.exemption !== null;
        if (!crossed) expect(after.award).toBeLessThanOrEqual(before.award);
      }),
      { numRuns: 300 },
    );
  });

  it("adding a bedroom never raises the housing element (UC) or eligible HB", () => {
    fc.assert(
      fc.property(household, (h) => {
        const bigger = { ...h, bedrooms: h.bedrooms + 1 };
        expect(estimateUniversalCredit(bigger, opts).housingElement).toBeLessThanOrEqual(estimateUniversalCredit(h, opts).housingElement);
        expect(estimateHousingBenefit(bigger, opts).maximumBenefit).toBeLessThanOrEqual(estimateHousingBenefit(h, opts).maximumBenefit);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same UC for weekly rent and its monthly equivalent under the UC rules (× 52/12, to the penny)", () => {
    fc.assert(
      fc.property(household, pounds(300), (h, weeklyRent) => {
        const weekly = { ...h, rent: { amount: weeklyRent, period: "week" as const } };
        const monthlyPence = Math.floor((2 * Math.round(weeklyRent * 100) * 52 + 12) / 24);
        const monthly = { ...h, rent: { amount: monthlyPence / 100, period: "month" as const } };
        const a = estimateUniversalCredit(weekly, opts);
        const b = estimateUniversalCredit(monthly, opts);
        expect(b.award).toBe(a.award);
        expect(b.housingElement).toBe(a.housingElement);
        expect(b.underOccupancyReduction).toBe(a.underOccupancyReduction);
      }),
      { numRuns: 300 },
    );
  });

  it("never pays UC above the maximum amount or HB above eligible rent", () => {
    fc.assert(
      fc.property(household, (h) => {
        const uc = estimateUniversalCredit(h, opts);
        expect(uc.award).toBeLessThanOrEqual(uc.maximumAmount);
        const hb = estimateHousingBenefit(h, opts);
        expect(hb.award).toBeLessThanOrEqual(hb.eligibleRent);
      }),
      { numRuns: 200 },
    );
  });

  it("gives the same award whatever order the children are listed in (reg 24B: birth order, not list order)", () => {
    // Families with children around the 6 April 2017 boundary, so ties in age are common.
    const nearBoundary = fc.record(
      { age: fc.integer({ min: 5, max: 12 }), sex: fc.constantFrom("F" as const, "M" as const), twoChildException: fc.boolean(), disability: level },
      { requiredKeys: ["age", "sex"] },
    );
    const family = withBirthSide(
      fc.record({
        adults: fc.array(adult, { minLength: 1, maxLength: 2 }),
        children: fc.array(nearBoundary, { minLength: 2, maxLength: 6 }),
        rent: fc.record({ amount: pounds(300), period: fc.constant("week" as const) }),
        bedrooms: fc.integer({ min: 1, max: 5 }),
        taxYear: fc.constantFrom("2024-25", "2025-26", "2026-27"),
      }),
    );
    fc.assert(
      fc.property(family, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }), (h, keys) => {
        const shuffled = { ...h, children: h.children.map((c, i) => ({ c, k: keys[i] })).sort((a, b) => a.k - b.k).map((x) => x.c) };
        for (const estimate of [estimateUniversalCredit, estimateHousingBenefit]) {
          const a = estimate(h, opts);
          const b = estimate(shuffled, opts);
          expect(b.award).toBe(a.award);
          expect(b.awardBeforeCap).toBe(a.awardBeforeCap);
        }
        const ucA = estimateUniversalCredit(h, opts);
        expect(estimateUniversalCredit(shuffled, opts).maximumAmount).toBe(ucA.maximumAmount);
        const hbA = estimateHousingBenefit(h, opts);
        expect(estimateHousingBenefit(shuffled, opts).applicableAmount).toBe(hbA.applicableAmount);
      }),
      { numRuns: 300 },
    );
  });

  it("gives the same award whatever order the non-dependants are listed in, couples included", () => {
    const person = fc.record({ age: fc.integer({ min: 16, max: 70 }), grossWeeklyIncome: pounds(700), outOfWorkBenefit: fc.boolean(), esaMainPhase: fc.boolean() }, { requiredKeys: ["age"] });
    const people = fc.tuple(fc.array(person, { maxLength: 3 }), fc.option(fc.tuple(person, person), { nil: undefined })).map(([singles, pair]) => [
      ...singles.map((p) => ({ ...p, ...(p.esaMainPhase ? { outOfWorkBenefit: true } : {}) })),
      ...(pair ? pair.map((p) => ({ ...p, esaMainPhase: false, couple: "A" })) : []),
    ]);
    fc.assert(
      fc.property(household, people, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 5, maxLength: 5 }), (h, nonDependants, keys) => {
        const listed = { ...h, nonDependants };
        const shuffled = { ...h, nonDependants: nonDependants.map((p, i) => ({ p, k: keys[i] })).sort((a, b) => a.k - b.k).map((x) => x.p) };
        expect(estimateUniversalCredit(shuffled, opts).award).toBe(estimateUniversalCredit(listed, opts).award);
        expect(estimateHousingBenefit(shuffled, opts).award).toBe(estimateHousingBenefit(listed, opts).award);
      }),
      { numRuns: 200 },
    );
  });
});
