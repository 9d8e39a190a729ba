import { countBedrooms, estimateHousingBenefit, estimateUniversalCredit, HouseholdSchema, type HouseholdInput } from "../../../core/benefits";
import { TODAY } from "./cases";
import { errorOf } from "../../support/inputErrors";

// Non-dependant couples and main-phase ESA. Rates 2025-26 (shared/reference/benefit-rates.md):
// UC SA single 25+ 400.14, housing cost contribution 93.02 a month each; HB single 25+ 92.05;
// HB non-dependant deductions (reg 74): under £183 (or not working) 19.65, £183-265.99 45.15,
// £266-347.99 62.00, £348-462.99 101.35.

const opts = { taxYear: "2025-26", today: TODAY };
const withNonDeps = (nonDependants: HouseholdInput["nonDependants"], rent: number, bedrooms: number): HouseholdInput => ({
  adults: [{ age: 50 }],
  nonDependants,
  rent: { amount: rent, period: "week" },
  bedrooms,
});


describe("a non-dependant couple", () => {
  const couple = [{ age: 30, grossWeeklyIncome: 200, couple: "A" }, { age: 28, grossWeeklyIncome: 150, couple: "A" }];

  it("shares one bedroom (UC Sch 4 paras 8-12; HB reg B13(5)(a))", () => {
    const count = countBedrooms(HouseholdSchema.parse(withNonDeps(couple, 120, 2)));
    expect(count.needed).toBe(2);
    expect(count.lines).toEqual(["1 bedroom for the claimant", "1 bedroom for non-dependants 1 and 2 (a couple, aged 30 and 28)"]);
  });

  it("UC: one bedroom, but a housing cost contribution from each (Sch 4 para 13)", () => {
    // 3 bedrooms, 2 allowed: 14% of 120 × 52/12 = 520.00 → 72.80. HCC 2 × 93.02 = 186.04.
    // Housing 520.00 − 72.80 − 186.04 = 261.16; + 400.14 = 661.30.
    const e = estimateUniversalCredit(withNonDeps(couple, 120, 3), opts);
    expect(e.bedroomsNeeded).toBe(2);
    expect(e.underOccupancyReduction).toBe(72.8);
    expect(e.nonDependantContributions).toBe(186.04);
    expect(e.award).toBe(661.3);
  });

  it("HB: one deduction for the couple, banded on their joint income (reg 74(3)-(4))", () => {
    // Joint gross 200 + 150 = 350.00 a week: band £348-462.99 → 101.35 (apart they would be 45.15 + 19.65 = 64.80).
    // Eligible rent 150.00, 2 bedrooms allowed and held; maximum HB 150 − 101.35 = 48.65; no income → 48.65.
    const e = estimateHousingBenefit(withNonDeps(couple, 150, 2), opts);
    expect(e.nonDependantDeductions).toBe(101.35);
    expect(e.award).toBe(48.65);
    expect(e.lines.filter((l) => l.key === "nonDependantDeduction")).toHaveLength(1);
  });

  it("HB: the higher of the two members' amounts when one is exempt", () => {
    // Member 2 gets Pension Credit (nil); member 1 works: band on joint income 200 + 0 = 200.00 → 45.15.
    const e = estimateHousingBenefit(withNonDeps([{ age: 60, grossWeeklyIncome: 200, couple: 1 }, { age: 67, pensionCredit: true, couple: 1 }], 150, 2), opts);
    expect(e.nonDependantDeductions).toBe(45.15);
  });

  it("refuses a couple label on one person, or on three", () => {
    const one = errorOf(() => estimateUniversalCredit(withNonDeps([{ age: 30, couple: "A" }, { age: 40 }], 120, 3), opts));
    expect(one.field).toBe("nonDependants.0.couple");
    expect(one.message).toBe('non-dependant 1: couple "A" has no partner: give the same label to both members of the couple');
    const three = errorOf(() => estimateHousingBenefit(withNonDeps([{ age: 30, couple: "A" }, { age: 40, couple: "a" }, { age: 41, couple: "A" }], 120, 3), opts));
    expect(three.field).toBe("nonDependants.2.couple");
    expect(three.message).toBe('non-dependant 3: couple "A" already has two people (non-dependants 1 and 2); a couple is two');
  });
});

describe("a non-dependant on main-phase income-related ESA", () => {
  it("HB: aged 18-24, a deduction at the not-in-work rate (not the under-25 nil for the assessment phase)", () => {
    // reg 74(1)(b): 19.65; 150 − 19.65 = 130.35.
    const e = estimateHousingBenefit(withNonDeps([{ age: 22, outOfWorkBenefit: true, esaMainPhase: true }], 150, 2), opts);
    expect(e.nonDependantDeductions).toBe(19.65);
    expect(e.award).toBe(130.35);
  });

  it("HB: aged 22 in the assessment phase still has none", () => {
    expect(estimateHousingBenefit(withNonDeps([{ age: 22, outOfWorkBenefit: true }], 150, 2), opts).nonDependantDeductions).toBe(0);
  });

  it("refuses main-phase ESA with 'out of work benefit' no", () => {
    const e = errorOf(() => estimateHousingBenefit(withNonDeps([{ age: 22, outOfWorkBenefit: false, esaMainPhase: true }], 150, 2), opts));
    expect(e.field).toBe("nonDependants.0.outOfWorkBenefit");
  });
});
