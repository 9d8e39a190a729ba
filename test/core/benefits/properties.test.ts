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
const child = fc.record({ age: fc.integer({ min: 0, max: 19 }), sex: fc.constantFrom("F" as const, "M" as const), disability: level }, { requiredKeys: ["age", "sex"] });
const nonDep = fc.record({ age: fc.integer({ min: 16, max: 80 }), grossWeeklyIncome: pounds(900), pensionCredit: fc.boolean() }, { requiredKeys: ["age"] });
const household: fc.Arbitrary<HouseholdInput> = fc.record({
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
});
