import { ArrearsInputError } from "../errors";
import { parseOrThrow } from "../zodIssues";
import { countBedrooms, sexNeededError, type BedroomCount } from "./bedrooms";
import { findUnknownField, HouseholdSchema, type Adult, type Household } from "./household";
import { chooseRates, type ChosenRates, type RatesChoice, type RatesFor } from "./rates";
import type { RatesYear } from "./rates/schema";

/** Options shared by both estimators: which rates (a date or tax year; else the caller's today). Whose uprating date applies is the estimator's. */
export type EstimateOptions = Omit<RatesChoice, "ratesFor">;

/**
 * Validates a household and picks its rates: the household's own date or tax year wins
 * over the options'. HB rates change on a different day for rent not due in weeks.
 */
export function prepare(household: unknown, options: EstimateOptions, benefit: "uc" | "hb"): { h: Household; chosen: ChosenRates } {
  const unknown = findUnknownField(household);
  if (unknown) throw new ArrearsInputError(unknown.path, unknown.message);
  const h = parseOrThrow(HouseholdSchema, household);
  const own = h.date !== undefined || h.taxYear !== undefined;
  const ratesFor: RatesFor = benefit === "uc" ? "uc" : h.rent.period === "month" ? "hbOtherRent" : "hbWeeklyRent";
  const chosen = chooseRates({ ...(own ? { date: h.date, taxYear: h.taxYear } : { date: options.date, taxYear: options.taxYear }), today: options.today, ratesFor });
  if (h.rent.period === "month" && (h.rent.rentFreeWeeks ?? 0) > 0) {
    throw new ArrearsInputError("rent.rentFreeWeeks", "rent-free weeks only apply to rent charged weekly, fortnightly or 4-weekly");
  }
  return { h, chosen };
}

/** Whether an adult has reached State Pension age: their own flag, else age at or over the rates file's State Pension age. */
export function isPensionAge(a: Adult, rates: RatesYear): boolean {
  return a.pensionAge ?? a.age >= rates.statePensionAge.value;
}

/** The under-occupancy outcome: bedrooms counted, spare rooms and the percentage. */
export interface UnderOccupancy {
  count: BedroomCount;
  spare: number;
  percent: number;
}

/**
 * Spare bedrooms and the under-occupancy percentage (14% for one, 25% for two or more).
 * @throws ArrearsInputError naming a child's sex when an unknown sex would change the answer.
 */
export function underOccupancy(h: Household, onePercent: number, twoPlusPercent: number): UnderOccupancy {
  const count = countBedrooms(h);
  const pct = (needed: number) => {
    const spare = Math.max(0, h.bedrooms - needed);
    return spare === 0 ? 0 : spare === 1 ? onePercent : twoPlusPercent;
  };
  if (count.neededIfUnknownSexesPair !== null && pct(count.neededIfUnknownSexesPair) !== pct(count.needed)) {
    throw sexNeededError(h);
  }
  const spare = Math.max(0, h.bedrooms - count.needed);
  return { count, spare, percent: pct(count.needed) };
}
