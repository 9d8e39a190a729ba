import { excelToday } from "../../../addin/excel/clock";
import { hbAward, ucAward } from "../../../addin/functions/benefits";

// In Excel an omitted tax year follows today's date: the add-in reads the clock (core never
// does) and every breakdown's first note says which rates that gave. A "Rates for" form row pins them.

const n = null as never;
const firstNote = (rows: unknown[][]) => String(rows.find((r) => String(r[0]).startsWith("Note: "))?.[0]);

describe("rates when the tax year is left out", () => {
  afterEach(() => jest.useRealTimers());

  it("UC: the day before the 13 April 2026 uprating gives 2025-26 rates, the day itself 2026-27", () => {
    jest.useFakeTimers();
    // Noon local time, so the local calendar day is the one named whatever the machine's time zone.
    jest.setSystemTime(new Date(2026, 3, 12, 12));
    // Single 30-year-old, no rent: the award is the standard allowance, £400.14 in 2025-26, £424.90 in 2026-27.
    expect(ucAward([[30]], n, 0, "week", 1)).toEqual([[400.14]]);
    expect(firstNote(ucAward([[30]], n, 0, "week", 1, n, n, n, n, true))).toMatch(/^Note: 2025-26 rates: today, 2026-04-12, taken as the first day of the assessment period/);
    jest.setSystemTime(new Date(2026, 3, 13, 12));
    expect(ucAward([[30]], n, 0, "week", 1)).toEqual([[424.9]]);
  });

  it("HB: weekly rent follows the first Monday in April (6 April 2026)", () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date(2026, 3, 6, 12));
    expect(firstNote(hbAward([[30]], n, 90, "week", 1, n, n, n, n, true))).toMatch(/^Note: 2026-27 rates: today, 2026-04-06, taken as a day in the benefit week, is on or after 2026-04-06/);
  });

  it("a Rates for row in a household form pins the rates (a tax year or a date) whatever today is", () => {
    jest.useFakeTimers();
    jest.setSystemTime(new Date(2026, 10, 23, 12));
    const form = (ratesFor: unknown) => [["Rates for", ratesFor], ["Adult 1 age", 30], ["Rent", 0], ["Bedrooms", 1]];
    expect(ucAward(form("2025-26"))).toEqual([[400.14]]);
    expect(ucAward(form("2026-04-12"))).toEqual([[400.14]]);
    // Excel date serial 46125 is 13 April 2026 (serial 45658 is 1 January 2025; + 365 + 102).
    expect(ucAward(form(46125))).toEqual([[424.9]]);
    expect(ucAward(form(""))).toEqual([[424.9]]);
  });

  it("takes today's local calendar date, not the UTC one", () => {
    expect(excelToday(new Date(2026, 3, 6, 0, 30)).toISOString()).toBe("2026-04-06T00:00:00.000Z");
    expect(excelToday(new Date(2026, 3, 5, 23, 30)).toISOString()).toBe("2026-04-05T00:00:00.000Z");
  });
});
