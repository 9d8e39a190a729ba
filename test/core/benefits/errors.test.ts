import { estimateHousingBenefit, estimateHousingBenefitBatch, estimateUniversalCredit, estimateUniversalCreditBatch } from "../../../core/benefits";
import { ArrearsInputError } from "../../../core/errors";
import { TODAY } from "./cases";
import { errorOf } from "../../support/inputErrors";

const base = { adults: [{ age: 30 }], rent: { amount: 90, period: "week" }, bedrooms: 1 };


describe("bad household input gives a clear error naming the field", () => {
  const cases: [string, unknown, string, RegExp][] = [
    ["negative rent", { ...base, rent: { amount: -5, period: "week" } }, "rent.amount", /^rent must be zero or more, got -5$/],
    ["age 150", { ...base, adults: [{ age: 150 }] }, "adults.0.age", /^adult age must be between 16 and 120, got 150$/],
    ["unknown rent period", { ...base, rent: { amount: 90, period: "quarterly" } }, "rent.period", /^rent period must be week, fortnight, 4 weeks or month, got "quarterly"$/],
    ["a child aged 25", { ...base, children: [{ age: 25 }] }, "children.0.age", /child age must be between 0 and 19/],
    ["three adults", { ...base, adults: [{ age: 30 }, { age: 30 }, { age: 30 }] }, "adults", /list other adults as non-dependants/],
    ["a misspelt field", { ...base, bedroom: 2 }, "", /unknown field in household: got "bedroom"/],
    ["missing bedrooms", { adults: [{ age: 30 }], rent: { amount: 90, period: "week" } }, "bedrooms", /bedrooms must be a number/],
    ["bad disability level", { ...base, adults: [{ age: 30, disability: "severe" }] }, "adults.0.disability", /disability must be none, lower, middle or higher/],
    ["rent-free weeks on monthly rent", { ...base, rent: { amount: 400, period: "month", rentFreeWeeks: 2 } }, "rent.rentFreeWeeks", /only apply to rent charged weekly/],
    ["a child of 12 with unknown sex where it matters", { ...base, bedrooms: 3, children: [{ age: 12 }, { age: 11 }] }, "children.0.sex", /child 1 is 12: give their sex/],
  ];
  it.each(cases)("%s", (_, household, field, message) => {
    for (const estimate of [estimateUniversalCredit, estimateHousingBenefit]) {
      const e = errorOf(() => estimate(household, { today: TODAY }));
      if (field) expect(e.field).toBe(field);
      expect(e.message).toMatch(message);
    }
  });

  it("names the tax year when there are no rates for it", () => {
    const e = errorOf(() => estimateUniversalCredit({ ...base, taxYear: "2019-20" }, { today: TODAY }));
    expect(e.field).toBe("taxYear");
    expect(e.message).toMatch(/no benefit rates for tax year 2019-20/);
  });

  it("gives a bad household in a batch its own error and estimates the rest", () => {
    const out = estimateUniversalCreditBatch([base, { ...base, rent: { amount: -1, period: "week" } }], { taxYear: "2025-26" });
    expect(out[0]).toMatchObject({ award: 790.14 });
    expect(out[1]).toBeInstanceOf(ArrearsInputError);
    expect((out[1] as Error).message).toBe("household 2: rent must be zero or more, got -1");
    const hb = estimateHousingBenefitBatch([{ ...base, adults: [{ age: 150 }] }], { taxYear: "2025-26" });
    expect((hb[0] as Error).message).toMatch(/^household 1: adult age must be between/);
  });
});
