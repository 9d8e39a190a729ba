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
 * The dates each estimate reads ages on, for a tax year given (rates files, and TODAY inside
 * 2026-27): UC from its uprating date (8/4/2024, 7/4/2025); HB from the first Monday in April
 * for weekly rents (1/4/2024, 7/4/2025) and 1 April for other rents.
 */
const AGES_ON: Record<string, { uc: string; hbWeekly: string; hbOther: string }> = {
  "2024-25": { uc: "2024-04-08", hbWeekly: "2024-04-01", hbOther: "2024-04-01" },
  "2025-26": { uc: "2025-04-07", hbWeekly: "2025-04-07", hbOther: "2025-04-01" },
  "2026-27": { uc: "2026-11-23", hbWeekly: "2026-11-23", hbOther: "2026-11-23" },
};

/**
 * Born before 6 April 2017, from an age on a day: true or false when the age settles it, null when
 * the child may have been born either side (a child aged a on d was born after d − (a+1) years, on or before d − a years).
 */
function sideOn(age: number, isoDay: string): boolean | null {
  const [y, m, d] = isoDay.split("-").map(Number);
  const latest = Date.UTC(y - age, m - 1, d);
  const earliest = Date.UTC(y - age - 1, m - 1, d + 1);
  const cut = Date.UTC(2017, 3, 6);
  return latest < cut ? true : earliest >= cut ? false : null;
}

/**
 * Gives each child whose birth side is open on any estimate's date a "born before 2017" answer,
 * consistent with the other date when that one settles it, so the household is valid for both UC and HB.
 */
const withBirthSide = <H extends { taxYear: string; rent: { period: string }; children?: { age: number }[] }>(arb: fc.Arbitrary<H>): fc.Arbitrary<H> =>
  fc.tuple(arb, fc.array(fc.boolean(), { minLength: 20, maxLength: 20 })).map(([h, sides]) => ({
    ...h,
    children: (h.children ?? []).map((c, i) => {
      const on = AGES_ON[h.taxYear];
      const known = [sideOn(c.age, on.uc), sideOn(c.age, h.rent.period === "month" ? on.hbOther : on.hbWeekly)];
      if (!known.includes(null)) return c;
      return { ...c, bornBefore2017: known.find((k) => k !== null) ?? sides[i] };
    }),
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
