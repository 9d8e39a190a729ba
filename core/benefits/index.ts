/**
 * Benefit estimates for social-sector tenants: Universal Credit (monthly) and
 * Housing Benefit (weekly), with the rules in code and the rates in dated data files.
 */
export * from "./household";
export * from "./breakdown";
export * from "./bedrooms";
export * from "./conversions";
export { isPensionAge, underOccupancy, type EstimateOptions, type UnderOccupancy } from "./common";
export { bornBefore2017, childrenByBirth, type ChildInOrder, type ChildOrderRules } from "./children";
export { nonDependantUnits, type NonDependantUnit } from "./nonDependants";
export { NOT_ESTIMATED, notEstimatedNote } from "./notEstimated";
export { availableTaxYears, chooseRates, normaliseTaxYear, taxYearOf, upratingDate, type ChosenRates, type RatesChoice, type RatesFor } from "./rates";
export type { Figure, RatesYear } from "./rates/schema";
export * from "./universalCredit";
export * from "./housingBenefit";
