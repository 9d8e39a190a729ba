import { availableTaxYears, chooseRates, normaliseTaxYear, taxYearOf } from "../../../core/benefits";
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

  it("defaults to the tax year containing today, from the injected clock", () => {
    expect(chooseRates({ today: at("2026-11-23") }).rates.taxYear).toBe("2026-27");
    expect(chooseRates({ today: at("2026-04-05") }).rates.taxYear).toBe("2025-26");
    expect(chooseRates({ today: at("2026-04-06") }).rates.taxYear).toBe("2026-27");
  });

  it("picks by date or tax year, in the spellings officers type", () => {
    expect(chooseRates({ date: "2025-01-10", today: at("2026-11-23") }).rates.taxYear).toBe("2024-25");
    expect(chooseRates({ date: "10/01/2025", today: at("2026-11-23") }).rates.taxYear).toBe("2024-25");
    for (const t of ["2025-26", "2025/26", "2025/2026", "2025", 2025]) expect(normaliseTaxYear(t)).toBe("2025-26");
    expect(taxYearOf(new Date("2024-04-06T00:00:00Z"))).toBe("2024-25");
  });

  it("says which tax years exist when asked for one without rates", () => {
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
  });

  it("rejects unreadable tax years and dates, and a date outside the tax year given", () => {
    expect(() => normaliseTaxYear("last year")).toThrow(/tax year must look like 2026-27/);
    expect(() => normaliseTaxYear("2025-27")).toThrow(/one year to the next/);
    expect(() => chooseRates({ date: "31/02/2025" })).toThrow(/date must be a date/);
    expect(() => chooseRates({ date: "2025-05-01", taxYear: "2024-25" })).toThrow(/does not contain the date/);
  });
});

describe("money in labels", () => {
  it("formats pence as pounds with thousands separators", () => {
    const { gbp } = jest.requireActual("../../../core/benefits/breakdown");
    expect([gbp(0), gbp(5), gbp(12345), gbp(100000), gbp(123456789), gbp(-7205)]).toEqual(["£0.00", "£0.05", "£123.45", "£1,000.00", "£1,234,567.89", "-£72.05"]);
  });
});
