import { z } from "zod";

/**
 * The shape of one tax year's benefit rates. Every figure carries its source (a
 * key into the file's `sources` list) so a number in a breakdown can be traced to
 * the page or regulation it came from. Rates files are plain data: adding next
 * April's rates is a new file in this folder and one line in `./index.ts`.
 */

/** One published figure: the amount in £ as published, and where it was published. */
export const FigureSchema = z.object({
  value: z.number().nonnegative().refine(Number.isFinite, { message: "a rate must be a finite number" }),
  source: z.string().min(1),
  /** Set when the figure is derived rather than read from its source (say how). */
  derived: z.string().optional(),
});
export type Figure = z.infer<typeof FigureSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: "dates in a rates file are yyyy-mm-dd" });

/** Non-dependant deduction bands (HB): `thresholds[i]` is the lower bound (inclusive) of band i+1, in £ a week. */
const NonDepBandsSchema = z
  .object({
    thresholds: z.array(z.number().positive()).min(1),
    amounts: z.array(FigureSchema).min(2),
  })
  .refine((b) => b.amounts.length === b.thresholds.length + 1, { message: "non-dependant bands need one more amount than thresholds" })
  .refine((b) => b.thresholds.every((t, i) => i === 0 || t > b.thresholds[i - 1]), { message: "non-dependant thresholds must rise" });

export const RatesYearSchema = z.object({
  taxYear: z.string().regex(/^\d{4}-\d{2}$/),
  /** First and last day of the tax year (6 April to 5 April). */
  from: isoDate,
  to: isoDate,
  sources: z.record(z.string(), z.string().min(1)),
  /** Age at or above which an adult is taken to have reached State Pension age when no flag says otherwise. */
  statePensionAge: z.object({ value: z.number().int().min(60).max(70), source: z.string(), note: z.string().optional() }),
  uc: z.object({
    /** UC rates apply from the first assessment period starting on or after this date (the uprating date). */
    effectiveFrom: isoDate,
    /** Key into `sources` for the uprating date. */
    effectiveFromSource: z.string().min(1),
    standardAllowance: z.object({ singleUnder25: FigureSchema, single25Plus: FigureSchema, coupleUnder25: FigureSchema, couple25Plus: FigureSchema }),
    childFirstBornBefore2017: FigureSchema,
    child: FigureSchema,
    disabledChildLower: FigureSchema,
    disabledChildHigher: FigureSchema,
    lcwra: FigureSchema,
    /** From 2026-27: the protected LCWRA rate (claimants since before 6 April 2026, severe conditions, terminally ill). */
    lcwraProtected: FigureSchema.nullable(),
    carer: FigureSchema,
    workAllowanceWithHousing: FigureSchema,
    workAllowanceNoHousing: FigureSchema,
    taperPercent: FigureSchema,
    capitalLower: FigureSchema,
    capitalUpper: FigureSchema,
    tariffPer250: FigureSchema,
    housingCostContribution: FigureSchema,
    /** Whether the two-child limit on child elements is in force in this year. */
    twoChildLimit: z.object({ value: z.boolean(), source: z.string() }),
    underOccupancyOneRoomPercent: FigureSchema,
    underOccupancyTwoPlusPercent: FigureSchema,
  }),
  hb: z.object({
    /** HB rates apply from this date for rent due weekly or in multiples of weeks: the first Monday in April (HB Regs 2006 reg 79). */
    effectiveFrom: isoDate,
    /** Key into `sources` for the HB uprating dates. */
    effectiveFromSource: z.string().min(1),
    /** HB rates apply from this date for rent due monthly or otherwise than in weeks: 1 April. */
    otherRentsFrom: isoDate,
    personal: z.object({
      singleUnder25: FigureSchema,
      single25Plus: FigureSchema,
      loneParentUnder18: FigureSchema,
      loneParent18Plus: FigureSchema,
      coupleBothUnder18: FigureSchema,
      couple18Plus: FigureSchema,
      child: FigureSchema,
      pensionSingleBefore2021: FigureSchema,
      pensionSingleFrom2021: FigureSchema,
      pensionCoupleBefore2021: FigureSchema,
      pensionCoupleFrom2021: FigureSchema,
    }),
    premiums: z.object({
      disabilitySingle: FigureSchema,
      disabilityCouple: FigureSchema,
      enhancedDisabilitySingle: FigureSchema,
      enhancedDisabilityCouple: FigureSchema,
      enhancedDisabilityChild: FigureSchema,
      severeDisabilityOne: FigureSchema,
      severeDisabilityTwo: FigureSchema,
      disabledChild: FigureSchema,
      carer: FigureSchema,
    }),
    nonDependant: z.object({ bands: NonDepBandsSchema }),
    earningsDisregard: z.object({ single: FigureSchema, couple: FigureSchema, loneParent: FigureSchema, higher: FigureSchema, additional: FigureSchema }),
    taperPercent: FigureSchema,
    capitalLowerWorkingAge: FigureSchema,
    capitalLowerPensionAge: FigureSchema,
    capitalUpper: FigureSchema,
    minimumAward: FigureSchema,
    twoChildLimit: z.object({ value: z.boolean(), source: z.string() }),
    underOccupancyOneRoomPercent: FigureSchema,
    underOccupancyTwoPlusPercent: FigureSchema,
  }),
  benefitCap: z.object({
    londonCoupleOrChildrenMonthly: FigureSchema,
    londonSingleMonthly: FigureSchema,
    outsideCoupleOrChildrenMonthly: FigureSchema,
    outsideSingleMonthly: FigureSchema,
    londonCoupleOrChildrenWeekly: FigureSchema,
    londonSingleWeekly: FigureSchema,
    outsideCoupleOrChildrenWeekly: FigureSchema,
    outsideSingleWeekly: FigureSchema,
    /** UC: net monthly earnings at or above this exempt the household (16 hours at the National Living Wage). */
    ucEarningsExemptionMonthly: FigureSchema,
  }),
  childBenefit: z.object({ eldestWeekly: FigureSchema, otherWeekly: FigureSchema }),
});

/** One tax year's rates as written in its data file. */
export type RatesYear = z.infer<typeof RatesYearSchema>;
