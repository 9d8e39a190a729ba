import { estimateHousingBenefit, estimateUniversalCredit } from "../../../core/benefits";
import { TODAY } from "./cases";

// Defaults the README and the Excel household form promise, applied the same wherever a household is read.

describe("household defaults", () => {
  it("HB reads earnings as £ a week unless incomePeriod says otherwise", () => {
    // 2026-27: single 25+ allowance 95.55; £5 disregard (no hours given, so no additional disregard).
    // 200 − 5 = 195.00; 195.00 − 95.55 = 99.45 × 65% = 64.6425 → 64.64; 98.50 − 64.64 = 33.86.
    const h = { adults: [{ age: 40, earnings: 200 }], rent: { amount: 98.5, period: "week" }, bedrooms: 1, taxYear: "2026-27" };
    expect(estimateHousingBenefit(h, { today: TODAY }).award).toBe(33.86);
    expect(estimateHousingBenefit({ ...h, incomePeriod: "week" }, { today: TODAY }).award).toBe(33.86);
  });

  it("UC still reads them as £ a month", () => {
    // 2026-27: SA 424.90 + rent 98.50 × 52/12 = 426.83 (9,850p × 52 / 12 = 42,683.3p); no work allowance
    // (no child, no LCWRA): 55% × 200.00 = 110.00 → 424.90 + 426.83 − 110.00 = 741.73.
    const h = { adults: [{ age: 40, earnings: 200 }], rent: { amount: 98.5, period: "week" }, bedrooms: 1, taxYear: "2026-27" };
    expect(estimateUniversalCredit(h, { today: TODAY }).award).toBe(741.73);
  });

  it("a rent without a period is weekly", () => {
    // 2025-26, single 30, no income. UC: 400.14 + 90 × 52/12 = 390.00 → 790.14. HB: maximum 90.00, income 0 → 90.00.
    const h = { adults: [{ age: 30 }], rent: { amount: 90 }, bedrooms: 1, taxYear: "2025-26" };
    expect(estimateUniversalCredit(h, { today: TODAY }).award).toBe(790.14);
    expect(estimateHousingBenefit(h, { today: TODAY }).award).toBe(90);
  });
});
