import { countBedrooms, estimateHousingBenefit, sexNeededError, estimateUniversalCredit, HouseholdSchema, type BreakdownLine, type HouseholdInput } from "../../core/benefits";
import { parseOrThrow } from "../../core/zodIssues";
import { benefitArg, breakdownRows, flagArg, householdFromForm, isHouseholdForm, nonDepsFromRange, readHousehold, taxYearArg, withoutHousingCosts } from "../excel/household";
import { TODAY_FROM_CLOCK } from "../excel/clock";
import { runCustomFunction } from "../excel/results";

// Thin adapters from Excel's shapes to core/benefits. Each returns a 1×1 result, or the
// breakdown as label/value rows when asked. Amounts: UC £ a month, HB £ a week.

const HOUSING_KEYS = new Set(["housingCosts", "bedrooms", "underOccupancy", "housingCostContribution", "housingElement", "eligibleRent", "otherCharges", "nonDependantDeduction", "maximumBenefit"]);
const pick = (lines: readonly BreakdownLine[], keys: Set<string>) => lines.filter((l) => keys.has(l.key));

/**
 * Universal Credit estimate for a social tenant, £ a month (after the benefit cap). Give the household positionally, or a two-column household form (field, value) as the first argument. Rates: the tax year or date given, else those in force today.
 * @customfunction UCAWARD
 * @helpurl https://localhost:3000/support.html#UCAWARD
 * @param adultAges Age of the claimant, and of the partner for a couple (one or two cells). Or a two-column household form range.
 * @param [childAges] Children's ages, a column or row; add the sex for ages 10-15 when they might share (12F, 12M), and pre2017 or post2017 when asked (8F pre2017). With a form: the breakdown flag.
 * @param [rent] Rent plus eligible service charges, £ per rent period.
 * @param [rentPeriod] Rent period: week (default), fortnight, 4 weeks or month.
 * @param [bedrooms] Bedrooms in the home.
 * @param [earnings] Net earnings, £ a month: one figure for the household or one per adult.
 * @param [nonDeps] Other adults (non-dependants): one row each, age, gross weekly income £, and a couple label for a couple (same label on both rows); or a column of ages.
 * @param [london] TRUE if the home is in Greater London (benefit cap level).
 * @param [taxYear] Tax year such as 2026-27, or a date (UC: the assessment period's first day; HB: a day in the benefit week). Omitted, today's date picks the rates, so the figure can change after the April uprating: pin it to keep a workbook's figures.
 * @param [breakdown] TRUE to spill the full breakdown as label/value rows.
 * @returns Universal Credit, £ a month; or the breakdown rows.
 */
export function ucAward(adultAges: any[][], childAges?: any[][], rent?: any, rentPeriod?: any, bedrooms?: any, earnings?: any[][], nonDeps?: any[][], london?: any, taxYear?: any, breakdown?: any): any[][] {
  return runCustomFunction("ARREARS.UCAWARD", () => {
    const r = readHousehold({ adultAges, childAges, rent, rentPeriod, bedrooms, earnings, nonDeps, london, taxYear }, "month", breakdown);
    const e = estimateUniversalCredit(r.household, TODAY_FROM_CLOCK);
    return r.breakdown ? breakdownRows(`Universal Credit ${e.taxYear}`, "£ a month", e.lines, e.notes) : [[e.award]];
  }) as any[][];
}

/**
 * Universal Credit housing costs element for a social tenant, £ a month: rent and eligible service charges converted to monthly, less the under-occupancy reduction and non-dependant housing cost contributions.
 * @customfunction UCHOUSING
 * @helpurl https://localhost:3000/support.html#UCHOUSING
 * @param adultAges Age of the claimant, and of the partner for a couple. Or a two-column household form range.
 * @param [childAges] Children's ages, a column or row (12F, 12M for ages 10-15). With a form: the breakdown flag.
 * @param [rent] Rent plus eligible service charges, £ per rent period.
 * @param [rentPeriod] Rent period: week (default), fortnight, 4 weeks or month.
 * @param [bedrooms] Bedrooms in the home.
 * @param [earnings] Net earnings, £ a month (not used for the housing element; kept so the arguments match ARREARS.UCAWARD).
 * @param [nonDeps] Non-dependants: one row each, age, gross weekly income £, and a couple label for a couple (same label on both rows); or a column of ages.
 * @param [london] TRUE if in Greater London (not used for the housing element).
 * @param [taxYear] Tax year such as 2026-27, or a date (UC: the assessment period's first day; HB: a day in the benefit week). Omitted, today's date picks the rates, so the figure can change after the April uprating: pin it to keep a workbook's figures.
 * @param [breakdown] TRUE to spill the housing lines as label/value rows.
 * @returns Housing costs element, £ a month; or the breakdown rows.
 */
export function ucHousing(adultAges: any[][], childAges?: any[][], rent?: any, rentPeriod?: any, bedrooms?: any, earnings?: any[][], nonDeps?: any[][], london?: any, taxYear?: any, breakdown?: any): any[][] {
  return runCustomFunction("ARREARS.UCHOUSING", () => {
    const r = readHousehold({ adultAges, childAges, rent, rentPeriod, bedrooms, earnings, nonDeps, london, taxYear }, "month", breakdown);
    const e = estimateUniversalCredit(r.household, TODAY_FROM_CLOCK);
    return r.breakdown ? breakdownRows(`UC housing costs element ${e.taxYear}`, "£ a month", pick(e.lines, HOUSING_KEYS)) : [[e.housingElement]];
  }) as any[][];
}

/**
 * Housing Benefit estimate for a social tenant, £ a week (working-age or pension-age rules by age, after the benefit cap). Give the household positionally, or a two-column household form as the first argument. Rates: the tax year or date given, else those in force today.
 * @customfunction HBAWARD
 * @helpurl https://localhost:3000/support.html#HBAWARD
 * @param adultAges Age of the claimant, and of the partner for a couple. Or a two-column household form range.
 * @param [childAges] Children's ages, a column or row (12F, 12M for ages 10-15). With a form: the breakdown flag.
 * @param [rent] Rent plus eligible service charges, £ per rent period.
 * @param [rentPeriod] Rent period: week (default), fortnight, 4 weeks or month.
 * @param [bedrooms] Bedrooms in the home.
 * @param [earnings] Net earnings, £ a week: one figure for the household or one per adult.
 * @param [nonDeps] Non-dependants: one row each, age, gross weekly income £, and a couple label for a couple (same label on both rows); or a column of ages.
 * @param [london] TRUE if the home is in Greater London (benefit cap level).
 * @param [taxYear] Tax year such as 2026-27, or a date (UC: the assessment period's first day; HB: a day in the benefit week). Omitted, today's date picks the rates, so the figure can change after the April uprating: pin it to keep a workbook's figures.
 * @param [breakdown] TRUE to spill the full breakdown as label/value rows.
 * @returns Housing Benefit, £ a week; or the breakdown rows.
 */
export function hbAward(adultAges: any[][], childAges?: any[][], rent?: any, rentPeriod?: any, bedrooms?: any, earnings?: any[][], nonDeps?: any[][], london?: any, taxYear?: any, breakdown?: any): any[][] {
  return runCustomFunction("ARREARS.HBAWARD", () => {
    const r = readHousehold({ adultAges, childAges, rent, rentPeriod, bedrooms, earnings, nonDeps, london, taxYear }, "week", breakdown);
    const e = estimateHousingBenefit(r.household, TODAY_FROM_CLOCK);
    return r.breakdown ? breakdownRows(`Housing Benefit ${e.taxYear} (${e.ageGroup})`, "£ a week", e.lines, e.notes) : [[e.award]];
  }) as any[][];
}

/**
 * Bedrooms a household is allowed under the social-sector bedroom standard (UC and HB): one for the claimant or couple, one for each other person 16 or over, children paired by age and sex, plus extra rooms for carers.
 * @customfunction BEDROOMSNEEDED
 * @helpurl https://localhost:3000/support.html#BEDROOMSNEEDED
 * @param adultAges Age of the claimant, and of the partner for a couple. Or a two-column household form range.
 * @param [childAges] Children's ages, a column or row; give the sex for ages 10-15 (12F, 12M). With a form: the breakdown flag.
 * @param [nonDeps] Non-dependants: one row each (age, income, couple label: a couple shares a bedroom), or a column of ages.
 * @param [breakdown] TRUE to spill one row per bedroom saying who it is for.
 * @returns Number of bedrooms allowed; or one row per bedroom.
 */
export function bedroomsNeeded(adultAges: any[][], childAges?: any[][], nonDeps?: any[][], breakdown?: any): any[][] {
  return runCustomFunction("ARREARS.BEDROOMSNEEDED", () => {
    const r = readHousehold({ adultAges, childAges, nonDeps, bedrooms: 0 }, "month", breakdown);
    const h = parseOrThrow(HouseholdSchema, withoutHousingCosts(r.household));
    const count = countBedrooms(h);
    if (count.neededIfUnknownSexesPair !== null) throw sexNeededError(h, "childAges");
    return r.breakdown ? [["Bedrooms allowed", count.needed], ...count.lines.map((l) => [l, 1])] : [[count.needed]];
  }) as any[][];
}

/**
 * Under-occupancy ("bedroom tax") reduction: 14% of eligible rent for one spare bedroom, 25% for two or more. £ a month for UC (default), £ a week for HB (none at pension age).
 * @customfunction UNDEROCCUPANCY
 * @helpurl https://localhost:3000/support.html#UNDEROCCUPANCY
 * @param adultAges Age of the claimant, and of the partner for a couple. Or a two-column household form range.
 * @param [childAges] Children's ages, a column or row (12F, 12M for ages 10-15). With a form: the breakdown flag.
 * @param [rent] Rent plus eligible service charges, £ per rent period.
 * @param [rentPeriod] Rent period: week (default), fortnight, 4 weeks or month.
 * @param [bedrooms] Bedrooms in the home.
 * @param [nonDeps] Non-dependants: one row each (age, income, couple label: a couple shares a bedroom), or a column of ages.
 * @param [benefit] UC (default: £ a month) or HB (£ a week).
 * @param [taxYear] Tax year such as 2026-27, or a date (UC: the assessment period's first day; HB: a day in the benefit week). Omitted, today's date picks the rates, so the figure can change after the April uprating: pin it to keep a workbook's figures.
 * @param [breakdown] TRUE to spill the bedroom count and reduction as label/value rows.
 * @returns Reduction, £ a month (UC) or £ a week (HB); or the breakdown rows.
 */
export function underOccupancy(adultAges: any[][], childAges?: any[][], rent?: any, rentPeriod?: any, bedrooms?: any, nonDeps?: any[][], benefit?: any, taxYear?: any, breakdown?: any): any[][] {
  return runCustomFunction("ARREARS.UNDEROCCUPANCY", () => {
    const r = readHousehold({ adultAges, childAges, rent, rentPeriod, bedrooms, nonDeps, taxYear }, "month", breakdown);
    const keys = new Set(["housingCosts", "eligibleRent", "bedrooms", "underOccupancy"]);
    if (benefitArg(benefit, r.benefit) === "HB") {
      const e = estimateHousingBenefit(r.household, TODAY_FROM_CLOCK);
      return r.breakdown ? breakdownRows(`HB under-occupancy ${e.taxYear}`, "£ a week", pick(e.lines, keys)) : [[e.underOccupancyReduction]];
    }
    const e = estimateUniversalCredit(r.household, TODAY_FROM_CLOCK);
    return r.breakdown ? breakdownRows(`UC under-occupancy ${e.taxYear}`, "£ a month", pick(e.lines, keys)) : [[e.underOccupancyReduction]];
  }) as any[][];
}

/**
 * Non-dependant charges: UC housing cost contributions (£ a month, flat per non-dependant, with exemptions) or HB non-dependant deductions (£ a week, by gross weekly income band).
 * @customfunction NONDEP
 * @helpurl https://localhost:3000/support.html#NONDEP
 * @param nonDeps Non-dependants: one row each, age, gross weekly income £ (HB bands), and a couple label for a couple (same label on both rows); or a column of ages. Or a two-column household form range.
 * @param [benefit] UC (default: £ a month) or HB (£ a week).
 * @param [taxYear] Tax year such as 2026-27, or a date (UC: the assessment period's first day; HB: a day in the benefit week). Omitted, today's date picks the rates, so the figure can change after the April uprating: pin it to keep a workbook's figures.
 * @param [claimantExempt] TRUE if the claimant or partner gets Attendance Allowance, DLA care (middle or highest) or PIP daily living: no deduction at all.
 * @param [breakdown] TRUE to spill one row per non-dependant.
 * @returns Total contribution, £ a month (UC) or deduction, £ a week (HB); or the breakdown rows.
 */
export function nonDep(nonDeps: any[][], benefit?: any, taxYear?: any, claimantExempt?: any, breakdown?: any): any[][] {
  return runCustomFunction("ARREARS.NONDEP", () => {
    let household: HouseholdInput;
    let formBenefit: string | null = null;
    if (isHouseholdForm(nonDeps)) {
      const f = householdFromForm(nonDeps, "month");
      household = withoutHousingCosts(f.household);
      formBenefit = f.benefit;
    } else {
      const people = nonDepsFromRange(nonDeps);
      const exempt = flagArg(claimantExempt ?? null, "claimantExempt");
      household = {
        adults: [{ age: 30, ...(exempt ? { disability: "middle" as const } : {}) }],
        nonDependants: people,
        rent: { amount: 0, period: "week" },
        bedrooms: 0,
        ...taxYearArg(taxYear ?? null),
      };
    }
    const show = flagArg(breakdown ?? null, "breakdown");
    const keys = new Set(["housingCostContribution", "nonDependantDeduction"]);
    if (benefitArg(benefit, formBenefit) === "HB") {
      const e = estimateHousingBenefit(household, TODAY_FROM_CLOCK);
      return show ? breakdownRows(`HB non-dependant deductions ${e.taxYear}`, "£ a week", pick(e.lines, keys)) : [[e.nonDependantDeductions]];
    }
    const e = estimateUniversalCredit(household, TODAY_FROM_CLOCK);
    return show ? breakdownRows(`UC housing cost contributions ${e.taxYear}`, "£ a month", pick(e.lines, keys)) : [[e.nonDependantContributions]];
  }) as any[][];
}

/**
 * Benefit cap reduction for Universal Credit, £ a month (0 when exempt or under the cap). With a household form whose benefit field is HB, the Housing Benefit cap, £ a week.
 * @customfunction BENEFITCAP
 * @helpurl https://localhost:3000/support.html#BENEFITCAP
 * @param adultAges Age of the claimant, and of the partner for a couple. Or a two-column household form range.
 * @param [childAges] Children's ages, a column or row (12F, 12M for ages 10-15). With a form: the breakdown flag.
 * @param [rent] Rent plus eligible service charges, £ per rent period.
 * @param [rentPeriod] Rent period: week (default), fortnight, 4 weeks or month.
 * @param [bedrooms] Bedrooms in the home.
 * @param [earnings] Net earnings, £ a month: one figure for the household or one per adult (at or above the earnings threshold exempts).
 * @param [nonDeps] Non-dependants: one row each, age, gross weekly income £, and a couple label for a couple (same label on both rows); or a column of ages.
 * @param [london] TRUE if the home is in Greater London (higher cap).
 * @param [taxYear] Tax year such as 2026-27, or a date (UC: the assessment period's first day; HB: a day in the benefit week). Omitted, today's date picks the rates, so the figure can change after the April uprating: pin it to keep a workbook's figures.
 * @param [breakdown] TRUE to spill the full breakdown as label/value rows.
 * @returns Cap reduction, £ a month (UC); or the breakdown rows.
 */
export function benefitCap(adultAges: any[][], childAges?: any[][], rent?: any, rentPeriod?: any, bedrooms?: any, earnings?: any[][], nonDeps?: any[][], london?: any, taxYear?: any, breakdown?: any): any[][] {
  return runCustomFunction("ARREARS.BENEFITCAP", () => {
    const r = readHousehold({ adultAges, childAges, rent, rentPeriod, bedrooms, earnings, nonDeps, london, taxYear }, "month", breakdown);
    if (benefitArg(null, r.benefit) === "HB") {
      const e = estimateHousingBenefit(r.household, TODAY_FROM_CLOCK);
      return r.breakdown ? breakdownRows(`Housing Benefit ${e.taxYear}`, "£ a week", e.lines, e.notes) : [[e.benefitCap.reduction]];
    }
    const e = estimateUniversalCredit(r.household, TODAY_FROM_CLOCK);
    return r.breakdown ? breakdownRows(`Universal Credit ${e.taxYear}`, "£ a month", e.lines, e.notes) : [[e.benefitCap.reduction]];
  }) as any[][];
}
