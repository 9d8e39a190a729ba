import { estimateHousingBenefit, estimateUniversalCredit, type HouseholdInput } from "../../../core/benefits";
import { TODAY } from "./cases";
import { errorOf } from "../../support/inputErrors";

// Children are ordered by date of birth (UC Regs reg 24B), not by the order they are listed in.
// Rates 2025-26 (shared/reference/benefit-rates.md §2, §4.1): SA single 25+ 400.14; child element,
// first child born before 6 April 2017, 339.00; other children 292.81; HB lone parent 18+ 92.05,
// child allowance 84.66. Ages are read on 07/04/2025 (the UC uprating date; HB with weekly rent: the first Monday in April), so an 8-year-old was born 08/04/2016-07/04/2017:
// either side of 6 April 2017, which only "born before 2017" settles.

const opts = { taxYear: "2025-26", today: TODAY };
const lone = (children: HouseholdInput["children"], bedrooms: number, more: Partial<HouseholdInput> = {}): HouseholdInput => ({
  adults: [{ age: 35 }],
  children,
  rent: { amount: 100, period: "week" },
  bedrooms,
  ...more,
});
const paidChildElements = (lines: { key: string; amount: number }[]) => lines.filter((l) => l.key === "childElement" && l.amount > 0).length;


describe("child order: by date of birth, whatever order the children are listed in", () => {
  it("two 8-year-olds, the one born after April 2017 listed first: the elder still gets the higher first-child rate", () => {
    // 400.14 + 339.00 (elder, born before 6 April 2017) + 292.81 + rent 100 × 52/12 = 433.33 → 1,465.28.
    // Two children under 10 share: 2 bedrooms allowed, none spare. Cap: CB (26.05 + 17.25) × 52/12 = 187.63; 1,652.91 < 1,835.00.
    const afterFirst = lone([{ age: 8, bornBefore2017: false }, { age: 8, bornBefore2017: true }], 2);
    const beforeFirst = lone([{ age: 8, bornBefore2017: true }, { age: 8, bornBefore2017: false }], 2);
    for (const h of [afterFirst, beforeFirst]) {
      const e = estimateUniversalCredit(h, opts);
      expect(e.maximumAmount).toBe(1465.28);
      expect(e.award).toBe(1465.28);
    }
  });

  it("a 12-year-old ahead of them: two child elements, the one born after April 2017 is the third child", () => {
    // Order: 12 (before), 8 (before), 8 (after: third child, two-child limit).
    // 400.14 + 339.00 + 292.81 + 0 + 433.33 = 1,465.28. Bedrooms: claimant, boy 12, the two girls of 8 share = 3.
    // Cap: CB (26.05 + 2 × 17.25 = 60.55) × 52/12 = 262.38; 1,727.66 < 1,835.00.
    const h = lone([{ age: 12, sex: "M" }, { age: 8, sex: "F", bornBefore2017: false }, { age: 8, sex: "F", bornBefore2017: true }], 3);
    const e = estimateUniversalCredit(h, opts);
    expect(paidChildElements(e.lines)).toBe(2);
    expect(e.maximumAmount).toBe(1465.28);
    expect(e.award).toBe(1465.28);
  });

  it("HB child allowances follow the same order", () => {
    // Lone parent 92.05 + child allowances for the 12-year-old and the 8-year-old born before April 2017,
    // 2 × 84.66 = 169.32; none for the third child born after → 261.37.
    const h = lone([{ age: 12, sex: "M" }, { age: 8, sex: "F", bornBefore2017: false }, { age: 8, sex: "F", bornBefore2017: true }], 3, { unearnedIncome: 300 });
    expect(estimateHousingBenefit(h, opts).applicableAmount).toBe(261.37);
  });

  it("twins after an elder child: the one with the multiple-birth exception comes second of the two, so both are paid", () => {
    // Boy 7 (born after April 2017: standard rate 292.81), twin girls 5, one with the exception (Sch 12 para 2).
    // Order 7, 5, 5 (exception): 292.81 × 3 = 878.43; 400.14 + 878.43 + 433.33 = 1,711.90.
    // Three children under 10: two share, 3 bedrooms allowed.
    const h = lone([{ age: 5, sex: "F", twoChildException: true }, { age: 5, sex: "F" }, { age: 7, sex: "M" }], 3);
    const e = estimateUniversalCredit(h, opts);
    expect(e.maximumAmount).toBe(1711.9);
    expect(paidChildElements(e.lines)).toBe(3);
  });

  it("refuses, naming the child, when an unknown 'born before 2017' changes the award", () => {
    // An only child of 8: the first-child rate is 339.00 if born before 6 April 2017, 292.81 if not.
    const e = errorOf(() => estimateUniversalCredit(lone([{ age: 8 }], 2), opts));
    expect(e.field).toBe("children.0.bornBefore2017");
    expect(e.message).toBe('child 1 is 8 on 2025-04-07, so may have been born either side of 6 April 2017, and that changes the award: say which (e.g. 8 pre2017 or 8 post2017, or "born before 2017" yes or no)');
  });

  it("does not ask when the answer makes no difference, and says so", () => {
    // Girl 10 (born by 14/04/2015: before) is the eldest; the 8-year-old is second, paid either way.
    // Two girls under 16 share: 2 bedrooms. 400.14 + 339.00 + 292.81 + 433.33 = 1,465.28.
    const e = estimateUniversalCredit(lone([{ age: 8, sex: "F" }, { age: 10, sex: "F" }], 2), opts);
    expect(e.maximumAmount).toBe(1465.28);
    expect(e.notes.join(" ")).toMatch(/Child 1 \(aged 8\) may have been born either side of 6 April 2017; it makes no difference to the award/);
  });

  it("refuses a 'born before 2017' that contradicts the age", () => {
    // A 12-year-old on 07/04/2025 was born by 07/04/2013.
    const e = errorOf(() => estimateHousingBenefit(lone([{ age: 12, sex: "M", bornBefore2017: false }], 2), opts));
    expect(e.field).toBe("children.0.bornBefore2017");
    expect(e.message).toBe('child 1 is 12 on 2025-04-07, so was born before 6 April 2017, but "born before 2017" says no');
  });
});
