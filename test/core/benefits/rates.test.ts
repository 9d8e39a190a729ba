import { availableTaxYears, chooseRates, estimateHousingBenefit, estimateUniversalCredit, normaliseTaxYear, taxYearOf } from "../../../core/benefits";
import { loadRates } from "../../../core/benefits/rates";
import { RATES_2025_26 } from "../../../core/benefits/rates/2025-26";
import { isArrearsInputError } from "../../../core/errors";

const at = (iso: string) => () => new Date(`${iso}T00:00:00Z`);

describe("benefit rates registry", () => {
  it("holds validated rates for 2024-25, 2025-26 and 2026-27", () => {
    expect(availableTaxYears()).toEqual(["2024-25", "2025-26", "2026-27"]);
    for (const [year, rates] of loadRates()) {
      expect(rates.taxYear).toBe(year);
      expect(rates.from).toBe(`${year.slice(0, 4)}-04-06`);
      expect(rates.to).toBe(`${Number(year.slice(0, 4)) + 1}-04-05`);
    }
  });

  it("names every source without a URL scheme, so the add-in bundle carries no URLs", () => {
    for (const [, rates] of loadRates()) {
      for (const text of Object.values(rates.sources)) expect(text).not.toMatch(/https?:\/\//);
    }
  });

  it("rejects a rates file whose figure names a source it does not list", () => {
    const bad = { ...RATES_2025_26, uc: { ...RATES_2025_26.uc, child: { value: 292.81, source: "nowhere" } } };
    expect(() => loadRates([bad])).toThrow(/names source "nowhere"/);
  });

  it("rejects a rates file that fails the schema (a negative rate)", () => {
    const bad = { ...RATES_2025_26, uc: { ...RATES_2025_26.uc, carer: { value: -1, source: "cpagUc" } } };
    expect(() => loadRates([bad])).toThrow();
  });

  it("with no date or tax year, follows the caller's today (UC: 2026-27 rates from the assessment period starting 13 April 2026)", () => {
    expect(chooseRates({ today: at("2026-11-23") }).rates.taxYear).toBe("2026-27");
    // 6 April 2026 is a Monday; UC rates change on the first Monday AFTER 6 April, 13 April 2026.
    expect(chooseRates({ today: at("2026-04-12") }).rates.taxYear).toBe("2025-26");
    expect(chooseRates({ today: at("2026-04-13") }).rates.taxYear).toBe("2026-27");
    expect(chooseRates({ today: at("2026-04-13") }).reason).toBe(
      "2026-27 rates: today, 2026-04-13, taken as the first day of the assessment period, is on or after 2026-04-13, the UC uprating date (new rates from the first assessment period starting on or after it)",
    );
  });

  it("never reads the clock itself: no today, no date and no tax year is refused, and a tax year alone gives the same date whatever the time", () => {
    expect(() => chooseRates({})).toThrow("give a tax year (like 2026-27) or a date: the benefit rates depend on it");
    jest.useFakeTimers();
    try {
      const dates = ["2025-11-23T12:00:00Z", "2031-02-01T00:00:00Z"].map((now) => {
        jest.setSystemTime(new Date(now));
        return chooseRates({ taxYear: "2025-26" }).date.toISOString();
      });
      // Outside today, a tax year given alone is estimated at its UC uprating date, 7 April 2025.
      expect(dates).toEqual(["2025-04-07T00:00:00.000Z", "2025-04-07T00:00:00.000Z"]);
    } finally {
      jest.useRealTimers();
    }
    // Within the tax year given, the caller's today is the estimate date.
    expect(chooseRates({ taxYear: "2026-27", today: at("2026-11-23") }).date.toISOString()).toBe("2026-11-23T00:00:00.000Z");
  });

  it("chooses UC rates by the assessment period's first day, not the tax-year label", () => {
    // 6 April 2025 is in tax year 2025-26, but an assessment period starting then is before the 7 April 2025 uprating.
    const early = chooseRates({ date: "2025-04-06" });
    expect(early.rates.taxYear).toBe("2024-25");
    expect(early.reason).toBe(
      "2024-25 rates: assessment period starting 2025-04-06 is on or after 2024-04-08, the UC uprating date (new rates from the first assessment period starting on or after it), and before 2025-04-07 when 2025-26 rates start",
    );
    expect(chooseRates({ date: "07/04/2025" }).rates.taxYear).toBe("2025-26");
    expect(chooseRates({ date: "2026-04-12" }).rates.taxYear).toBe("2025-26");
    expect(chooseRates({ date: "2026-04-13" }).rates.taxYear).toBe("2026-27");
  });

  it("chooses HB rates from the first Monday in April for weekly rents, 1 April for other rents", () => {
    // 1 April 2026 is a Wednesday, so the first Monday in April 2026 is the 6th.
    expect(chooseRates({ date: "2026-04-05", ratesFor: "hbWeeklyRent" }).rates.taxYear).toBe("2025-26");
    expect(chooseRates({ date: "2026-04-06", ratesFor: "hbWeeklyRent" }).reason).toBe(
      "2026-27 rates: benefit week of 2026-04-06 is on or after 2026-04-06, the HB uprating date for weekly rents (the first Monday in April)",
    );
    expect(chooseRates({ date: "2026-03-31", ratesFor: "hbOtherRent" }).rates.taxYear).toBe("2025-26");
    expect(chooseRates({ date: "2026-04-01", ratesFor: "hbOtherRent" }).rates.taxYear).toBe("2026-27");
    // 1 April 2024 was itself a Monday: 2024-25 HB rates from then, though the tax year began on the 6th.
    expect(chooseRates({ date: "2024-04-01", ratesFor: "hbWeeklyRent" }).rates.taxYear).toBe("2024-25");
  });

  it("picks by tax year in the spellings officers type", () => {
    for (const t of ["2025-26", "2025/26", "2025/2026", "2025", 2025]) expect(normaliseTaxYear(t)).toBe("2025-26");
    expect(chooseRates({ taxYear: "2025/26" }).reason).toBe("2025-26 rates: tax year 2025-26 given");
    expect(taxYearOf(new Date("2024-04-06T00:00:00Z"))).toBe("2024-25");
  });

  it("says which tax years exist when asked for one without rates, or a date outside them", () => {
    let err: unknown;
    try {
      chooseRates({ taxYear: "2030-31" });
    } catch (e) {
      err = e;
    }
    expect(isArrearsInputError(err)).toBe(true);
    expect((err as Error & { field: string }).field).toBe("taxYear");
    expect((err as Error).message).toBe("no benefit rates for tax year 2030-31: rates are held for 2024-25, 2025-26, 2026-27");
    expect(() => chooseRates({ today: at("2027-05-01") })).toThrow(/no benefit rates for tax year 2027-28/);
    // The day after the newest year ends, next year's rates may be due any day: refused, not guessed.
    expect(() => chooseRates({ date: "2027-04-06" })).toThrow(/no benefit rates for tax year 2027-28/);
    expect(chooseRates({ date: "2027-04-05" }).rates.taxYear).toBe("2026-27");
    expect(() => chooseRates({ date: "2024-04-07" })).toThrow(/no benefit rates for tax year 2024-25 \(assessment period starting 2024-04-07 is before 2024-04-08/);
  });

  it("rejects unreadable tax years and dates, and a tax year whose rates do not apply on the date given", () => {
    expect(() => normaliseTaxYear("last year")).toThrow(/tax year must look like 2026-27/);
    expect(() => normaliseTaxYear("2025-27")).toThrow(/one year to the next/);
    expect(() => chooseRates({ date: "31/02/2025" })).toThrow(/date must be a date/);
    expect(() => chooseRates({ date: "2025-05-01", taxYear: "2024-25" })).toThrow(/^tax year 2024-25 does not match the date 2025-05-01: 2025-26 rates/);
    expect(() => chooseRates({ date: "2025-04-06", taxYear: "2025-26" })).toThrow(/^tax year 2025-26 does not match the date 2025-04-06: 2024-25 rates/);
    expect(chooseRates({ date: "2025-04-06", taxYear: "2024-25" }).rates.taxYear).toBe("2024-25");
  });

  it("checks each year's uprating dates: a listed source, in April, later than last year's", () => {
    expect(() => loadRates([{ ...RATES_2025_26, uc: { ...RATES_2025_26.uc, effectiveFromSource: "nowhere" } }])).toThrow(/uprating source "nowhere"/);
    expect(() => loadRates([{ ...RATES_2025_26, hb: { ...RATES_2025_26.hb, otherRentsFrom: "2025-03-31" } }])).toThrow(/hbOtherRent uprating date 2025-03-31 is not in April 2025/);
    expect(() => loadRates([RATES_2025_26, { ...RATES_2025_26, taxYear: "2026-27", from: "2026-04-06", to: "2027-04-05" }])).toThrow(/uprating date 2025-04-07 is not in April 2026/);
  });
});

describe("the estimators say which rates they used and why", () => {
  const single = { adults: [{ age: 30 }], rent: { amount: 90, period: "week" as const }, bedrooms: 1 };

  it("UC: the standard allowance changes with the assessment period's start, and the first note says why", () => {
    // Single 25 or over: £400.14 in 2025-26, £424.90 in 2026-27 (gov.uk rates pages, as in the rates files).
    const before = estimateUniversalCredit(single, { date: "2026-04-12" });
    const after = estimateUniversalCredit(single, { date: "2026-04-13" });
    expect(before.lines.find((l) => l.key === "standardAllowance")?.amount).toBe(400.14);
    expect(after.lines.find((l) => l.key === "standardAllowance")?.amount).toBe(424.9);
    expect(before.notes[0]).toMatch(/^2025-26 rates: assessment period starting 2026-04-12 is on or after 2025-04-07/);
    expect(after.notes[0]).toMatch(/^2026-27 rates: assessment period starting 2026-04-13 is on or after 2026-04-13/);
  });

  it("HB: monthly rent moves to new rates on 1 April, weekly rent on the first Monday in April", () => {
    const monthly = estimateHousingBenefit({ ...single, rent: { amount: 390, period: "month" as const } }, { date: "2026-04-02" });
    const weekly = estimateHousingBenefit(single, { date: "2026-04-02" });
    expect(monthly.taxYear).toBe("2026-27");
    expect(weekly.taxYear).toBe("2025-26");
    expect(monthly.notes[0]).toMatch(/the HB uprating date for rent not due in weeks \(1 April\)/);
  });
});

describe("money in labels", () => {
  it("formats pence as pounds with thousands separators", () => {
    const { gbp } = jest.requireActual("../../../core/benefits/breakdown");
    expect([gbp(0), gbp(5), gbp(12345), gbp(100000), gbp(123456789), gbp(-7205)]).toEqual(["£0.00", "£0.05", "£123.45", "£1,000.00", "£1,234,567.89", "-£72.05"]);
  });
});
