import { z } from "zod";

/**
 * One household, as both estimators read it: the claimant (and partner), children,
 * the rent and its period, the home's bedrooms, non-dependants, capital and income.
 * Messages are in the officer's words and name the field; parseOrThrow adds ", got X".
 */

/** How often rent or income is paid. UC converts to monthly and HB to weekly (UC Regs Sch 4 para 7; HB Regs reg 80). */
export const PERIODS = ["week", "fortnight", "4 weeks", "month"] as const;
export type Period = (typeof PERIODS)[number];

const PERIOD_WORDS: Record<string, Period> = {
  w: "week", week: "week", weekly: "week", wk: "week", pw: "week", "1week": "week",
  fortnight: "fortnight", fortnightly: "fortnight", "2weeks": "fortnight", "2weekly": "fortnight", twoweekly: "fortnight", twoweeks: "fortnight",
  "4weeks": "4 weeks", "4weekly": "4 weeks", fourweekly: "4 weeks", fourweeks: "4 weeks", "28days": "4 weeks", "4week": "4 weeks",
  m: "month", month: "month", monthly: "month", calendarmonth: "month", pcm: "month", mth: "month",
};

/** Reads a period as typed ("weekly", "4-weekly", "Month"); returns null when it is not one we know. */
export function periodOf(value: unknown): Period | null {
  if (typeof value !== "string") return null;
  const k = value.toLowerCase().replace(/[^a-z0-9]/g, "");
  return Object.hasOwn(PERIOD_WORDS, k) ? PERIOD_WORDS[k] : null;
}

const periodSchema = (what: string) =>
  z.preprocess((v) => periodOf(v) ?? v, z.enum(PERIODS, { error: `${what} must be week, fortnight, 4 weeks or month` }));

/**
 * Disability benefit level, the one fact several rules turn on:
 * - lower: DLA or PIP at rates without DLA care middle/highest or PIP daily living (e.g. mobility only, DLA lowest care);
 * - middle: Attendance Allowance, DLA care middle, or PIP daily living standard;
 * - higher: AA higher, DLA care highest, or PIP daily living enhanced (or certified blind, for a child).
 */
export const DISABILITY_LEVELS = ["none", "lower", "middle", "higher"] as const;
export type DisabilityLevel = (typeof DISABILITY_LEVELS)[number];

const disability = (who: string) =>
  z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.enum(DISABILITY_LEVELS, { error: `${who} disability must be none, lower, middle or higher` }));

/**
 * An object schema. Unknown fields are rejected by {@link findUnknownField} before parsing rather
 * than by z.strictObject, which opts out of zod's compiled fast path and made a 10,000-household
 * batch three times slower to validate.
 */
const strict = <T extends z.ZodRawShape>(shape: T, where: string) => z.object(shape, { error: `${where} must be an object with named fields` });

const money = (what: string) => z.number({ error: `${what} must be a number` }).min(0, { error: `${what} must be zero or more` }).max(10_000_000, { error: `${what} is too large` });
const flag = (what: string) => z.boolean({ error: `${what} must be TRUE or FALSE` });
const age = (who: string, min: number, max: number) =>
  z
    .number({ error: `${who} age must be a number` })
    .int({ error: `${who} age must be a whole number of years` })
    .min(min, { error: `${who} age must be between ${min} and ${max}` })
    .max(max, { error: `${who} age must be between ${min} and ${max}` });

export const AdultSchema = strict({
  age: age("adult", 16, 120),
  /** Net earnings (after tax, NI and pension contributions), per the household's incomePeriod. */
  earnings: money("earnings").optional(),
  /** Average hours worked a week (HB: the additional earnings disregard needs 16 or 30). */
  hoursWorked: z.number({ error: "hours worked must be a number" }).min(0, { error: "hours worked must be between 0 and 100" }).max(100, { error: "hours worked must be between 0 and 100" }).optional(),
  /** Limited capability for work and work-related activity (UC LCWRA element; ESA support group). */
  lcwra: flag("LCWRA").optional(),
  /** 2026-27 on: LCWRA since before 6 April 2026, or severe conditions, or terminally ill (protected rate). */
  lcwraProtected: flag("LCWRA protected").optional(),
  /** Cares 35+ hours a week for a disabled person (UC carer element; HB carer premium with Carer's Allowance). */
  carer: flag("carer").optional(),
  disability: disability("adult").optional(),
  /** HB severe disability premium conditions met (lives alone but for partner; no one paid Carer's Allowance for them). */
  severeDisability: flag("severe disability").optional(),
  /** Override: has (or has not) reached State Pension age. Default from age. */
  pensionAge: flag("pension age").optional(),
  /** Reached State Pension age before 1 April 2021 (pension-age HB allowance). Default from age. */
  pensionAgeBefore2021: flag("pension age before 2021").optional(),
  /** Gets Pension Credit guarantee credit (HB passport; no capital limit). */
  pensionCredit: flag("pension credit").optional(),
  /** Gets Income Support, income-based JSA or income-related ESA (HB passport). */
  legacyBenefit: flag("legacy benefit").optional(),
}, "adult");

export const ChildSchema = strict({
  age: age("child", 0, 19),
  sex: z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase().charAt(0) : v), z.enum(["F", "M"], { error: "child sex must be F or M" })).optional(),
  /** Born before 6 April 2017 (UC higher first-child rate; outside the two-child limit). Default from age and date when certain. */
  bornBefore2017: flag("born before 2017").optional(),
  disability: disability("child").optional(),
  /** Cannot share a bedroom because of disability (an extra bedroom). */
  cannotShare: flag("cannot share").optional(),
  /** An exception to the two-child limit applies (multiple birth, adoption, kinship care, non-consensual conception). */
  twoChildException: flag("two-child exception").optional(),
}, "child");

export const NonDependantSchema = strict({
  age: age("non-dependant", 16, 120),
  /** Gross weekly income in £ (HB deduction bands). */
  grossWeeklyIncome: money("non-dependant gross weekly income").optional(),
  /** In paid work of 16 hours or more a week. Default: has gross income and no out-of-work benefit. */
  works16Hours: flag("non-dependant works 16 hours").optional(),
  pensionCredit: flag("non-dependant pension credit").optional(),
  disability: disability("non-dependant").optional(),
  carersAllowance: flag("non-dependant carer's allowance").optional(),
  /** Responsible for a child under 5 (UC: no contribution). */
  childUnder5: flag("non-dependant child under 5").optional(),
  /** On Income Support, income-based JSA, income-related ESA, or UC with no earnings. */
  outOfWorkBenefit: flag("non-dependant out-of-work benefit").optional(),
  /**
   * On income-related ESA in the main phase (the award includes the work-related activity or
   * support component). HB: a deduction even under 25, where the assessment phase has none (reg 74(7)).
   */
  esaMainPhase: flag("non-dependant ESA main phase").optional(),
  /**
   * A label shared by two non-dependants who are a couple: they share one bedroom (UC Sch 4
   * paras 8-12; HB reg B13(5)(a)), and HB makes one deduction for the couple, on their joint gross
   * income, the higher of the two (reg 74(3)-(4)). UC still takes a contribution from each (Sch 4 para 13).
   */
  couple: z.union([z.string().trim().min(1, { error: "non-dependant couple must be a label such as A, or blank" }), z.number()], { error: "non-dependant couple must be a label such as A" }).optional(),
  /** Another exemption applies (prisoner, armed forces on operations, full-time student, in hospital 52+ weeks). */
  exempt: flag("non-dependant exempt").optional(),
}, "non-dependant");

export const RentSchema = strict({
  /** Rent per period in £ (core rent, excluding service charges). */
  amount: money("rent"),
  /** Default week, as in Excel. */
  period: periodSchema("rent period").default("week"),
  /** Eligible service charges per period in £ (communal cleaning, lifts, grounds…). */
  serviceCharges: money("service charges").optional(),
  /** Other charges on the rent account per period that benefit does not cover (water, heating, support). Shown, not paid. */
  otherCharges: money("other charges").optional(),
  /** Rent-free weeks in the year (e.g. 4 for a 48-week collection year). */
  rentFreeWeeks: z.number({ error: "rent-free weeks must be a number" }).int({ error: "rent-free weeks must be a whole number" }).min(0, { error: "rent-free weeks must be between 0 and 8" }).max(8, { error: "rent-free weeks must be between 0 and 8" }).optional(),
}, "rent");

export const HouseholdSchema = strict({
  /** Your reference for the household (tenancy or claim reference), echoed in the result. */
  id: z.union([z.string(), z.number()]).optional(),
  adults: z.array(AdultSchema, { error: "adults must be a list of the claimant and any partner" }).min(1, { error: "a household needs the claimant: adults must list 1 or 2 people" }).max(2, { error: "adults must list 1 or 2 people (claimant and partner): list other adults as non-dependants" }),
  children: z.array(ChildSchema, { error: "children must be a list" }).max(20, { error: "children must list at most 20 children" }).optional(),
  rent: RentSchema,
  /** Bedrooms in the home. */
  bedrooms: z.number({ error: "bedrooms must be a number" }).int({ error: "bedrooms must be a whole number" }).min(0, { error: "bedrooms must be between 0 and 20" }).max(20, { error: "bedrooms must be between 0 and 20" }),
  nonDependants: z.array(NonDependantSchema, { error: "non-dependants must be a list" }).max(10, { error: "non-dependants must list at most 10 people" }).optional(),
  /** Savings and other capital in £. */
  capital: money("capital").optional(),
  /** Unearned income (pensions, maintenance, new-style JSA/ESA, Carer's Allowance), per incomePeriod. Not Child Benefit, PIP or DLA. */
  unearnedIncome: money("unearned income").optional(),
  /** Period of earnings, unearned income and other capped benefits. Default: month for UC, week for HB (as in Excel). */
  incomePeriod: periodSchema("income period").optional(),
  /** Other benefits counted by the benefit cap (new-style JSA/ESA, Maternity Allowance…), per incomePeriod. Child Benefit is added automatically. */
  otherCappedBenefits: money("other capped benefits").optional(),
  /** Child Benefit is claimed for the children (counts toward the cap). Default TRUE. */
  childBenefit: flag("child benefit").optional(),
  /** Lives in Greater London (benefit cap level). */
  london: flag("london").optional(),
  /** A non-resident carer stays overnight for someone in the household (one extra bedroom). */
  overnightCarer: flag("overnight carer").optional(),
  /** Approved foster carer or adopter (one extra bedroom). */
  fosterCarer: flag("foster carer").optional(),
  /** The couple cannot share a bedroom because of disability (one extra bedroom). */
  coupleCannotShare: flag("couple cannot share").optional(),
  /** Shared ownership: no under-occupancy reduction. */
  sharedOwnership: flag("shared ownership").optional(),
  /** Tax year of the estimate, e.g. "2026-27" (overrides the option). */
  taxYear: z.union([z.string(), z.number()], { error: "tax year must look like 2026-27" }).optional(),
  /** A date in the period of the estimate, ISO or dd/mm/yyyy (overrides the option). */
  date: z.string({ error: "date must be text like 2026-11-23" }).optional(),
}, "household");

/** A household as the caller writes it (before defaults). */
export type HouseholdInput = z.input<typeof HouseholdSchema>;
/** A validated household. */
export type Household = z.output<typeof HouseholdSchema>;
export type Adult = z.output<typeof AdultSchema>;
export type Child = z.output<typeof ChildSchema>;
export type NonDependant = z.output<typeof NonDependantSchema>;

const KNOWN: Record<string, Set<string>> = {
  household: new Set(Object.keys(HouseholdSchema.shape)),
  adult: new Set(Object.keys(AdultSchema.shape)),
  child: new Set(Object.keys(ChildSchema.shape)),
  nonDependant: new Set(Object.keys(NonDependantSchema.shape)),
  rent: new Set(Object.keys(RentSchema.shape)),
};

function unknownIn(value: unknown, known: Set<string>, where: string, path: string): { path: string; message: string } | null {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  for (const k in value as Record<string, unknown>) {
    if (!known.has(k)) return { path: path ? `${path}.${k}` : k, message: `unknown field in ${where}: got "${k}"` };
  }
  return null;
}

/**
 * The first field that is not part of a household (a typo such as "bedroom" for "bedrooms"),
 * with its path and a message, or null. A misspelt field must be an error, not silently ignored.
 */
export function findUnknownField(value: unknown): { path: string; message: string } | null {
  const top = unknownIn(value, KNOWN.household, "household", "");
  if (top || value === null || typeof value !== "object") return top;
  const h = value as Record<string, unknown>;
  const lists: [string, Set<string>, string][] = [["adults", KNOWN.adult, "adult"], ["children", KNOWN.child, "child"], ["nonDependants", KNOWN.nonDependant, "non-dependant"]];
  for (const [field, known, where] of lists) {
    const list = h[field];
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const found = unknownIn(list[i], known, where, `${field}.${i}`);
      if (found) return found;
    }
  }
  return unknownIn(h.rent, KNOWN.rent, "rent", "rent");
}
