import { ArrearsInputError } from "../errors";
import { Breakdown, gbp, type BreakdownLine } from "./breakdown";
import { childAmountPayable, childrenByBirth } from "./children";
import { isPensionAge, prepare, underOccupancy, type EstimateOptions } from "./common";
import { percentOf, toWholePence, weeklyPence } from "./conversions";
import type { Adult, Household, NonDependant } from "./household";
import { nonDependantUnits, unitLabel, type NonDependantUnit } from "./nonDependants";
import { notEstimatedNote } from "./notEstimated";
import { pence, sourceOf } from "./rates";
import type { Figure, RatesYear } from "./rates/schema";
import { capExemption, childBenefitWeekly, type CapOutcome } from "./universalCredit";

/**
 * Housing Benefit for a social-sector tenant, a week, in the order of the
 * regulations: eligible rent (HB Regs 2006 reg 12B), the size criteria for working
 * age (reg B13), non-dependant deductions (reg 74) → maximum HB (reg 70); then
 * passport or the means test: income less the applicable amount, 65% taper (reg 71);
 * the 50p minimum (reg 75); the benefit cap for working age (Part 8A). Pension-age
 * claims follow HB (State Pension Credit) Regs 2006: their own allowances and
 * capital rules, no size criteria, no cap. All sums in whole pence, half up.
 */

/** A Housing Benefit estimate: the weekly award and its figures, plus the full breakdown. */
export interface HousingBenefitEstimate {
  id?: string | number;
  benefit: "housing benefit";
  period: "week";
  taxYear: string;
  /** Which rules: working age (SI 2006/213) or pension age (SI 2006/214). */
  ageGroup: "working age" | "pension age";
  entitled: boolean;
  /** £ a week after the benefit cap. */
  award: number;
  awardBeforeCap: number;
  eligibleRent: number;
  bedroomsInHome: number;
  bedroomsNeeded: number;
  underOccupancyPercent: number;
  underOccupancyReduction: number;
  nonDependantDeductions: number;
  maximumBenefit: number;
  passported: boolean;
  applicableAmount: number;
  income: number;
  taperDeduction: number;
  capitalTariffIncome: number;
  benefitCap: CapOutcome;
  lines: BreakdownLine[];
  notes: string[];
}

const APRIL_1_1955 = Date.UTC(1955, 3, 1);

/** Reached State Pension age before 1 April 2021 (born on or before about 1 April 1955): flag, else from age when certain, else null. */
function pensionAgeBefore2021(a: Adult, date: Date): boolean | null {
  if (a.pensionAgeBefore2021 !== undefined) return a.pensionAgeBefore2021;
  const y = date.getUTCFullYear(), m = date.getUTCMonth(), d = date.getUTCDate();
  if (Date.UTC(y - a.age, m, d) <= APRIL_1_1955) return true;
  if (Date.UTC(y - a.age - 1, m, d + 1) > APRIL_1_1955) return false;
  return null;
}

/** One non-dependant deduction: pence a week, why, and the rates figure used (null when nil). */
export interface NonDependantDeduction {
  pence: number;
  reason: string;
  figure: Figure | null;
}

/**
 * The weekly non-dependant deduction for one non-dependant (HB Regs reg 74), in pence, and why.
 * @param claimantExempt the claimant or partner gets AA, DLA care or PIP daily living, or is blind (reg 74(6)).
 * @param bandIncomePence the gross weekly income that sets the band when in remunerative work: their own,
 *   or a couple's joint income (reg 74(4)). Default their own.
 */
export function hbNonDependantDeduction(n: NonDependant, rates: RatesYear, claimantExempt: boolean, bandIncomePence?: number): NonDependantDeduction {
  const bands = rates.hb.nonDependant.bands;
  if (claimantExempt) return { pence: 0, reason: "none: claimant or partner gets AA, DLA care or PIP daily living", figure: null };
  if (n.age < 18) return { pence: 0, reason: "none: under 18", figure: null };
  if (n.pensionCredit) return { pence: 0, reason: "none: gets Pension Credit", figure: null };
  if (n.exempt) return { pence: 0, reason: "none: exempt (student, prisoner, in hospital, armed forces)", figure: null };
  const onBenefit = n.outOfWorkBenefit === true || n.esaMainPhase === true;
  // reg 74(7): nil for under-25s on IS, income-based JSA, income-related ESA in the assessment phase
  // or UC without earnings; main-phase ESA (with a component) is not on that list, so it pays the (1)(b) amount.
  if (onBenefit && n.age < 25 && !n.esaMainPhase) return { pence: 0, reason: "none: under 25 on an out-of-work benefit (not main-phase ESA)", figure: null };
  const own = toWholePence(n.grossWeeklyIncome ?? 0);
  const working = n.works16Hours ?? (own > 0 && !onBenefit);
  if (!working) {
    const why = n.esaMainPhase ? "main-phase income-related ESA" : onBenefit ? "out-of-work benefit, 25 or over" : "not in paid work of 16 hours or more";
    return { pence: pence(bands.amounts[0]), reason: why, figure: bands.amounts[0] };
  }
  const income = bandIncomePence ?? own;
  // "not less than £X": a threshold is the bottom of the band above it.
  let band = 0;
  while (band < bands.thresholds.length && income >= Math.round(bands.thresholds[band] * 100)) band++;
  const range = band === 0 ? `under ${gbp(bands.thresholds[0] * 100)}` : band === bands.thresholds.length ? `${gbp(bands.thresholds[band - 1] * 100)} or more` : `${gbp(bands.thresholds[band - 1] * 100)} to ${gbp(bands.thresholds[band] * 100 - 1)}`;
  return { pence: pence(bands.amounts[band]), reason: `working, gross ${gbp(income)} a week${bandIncomePence === undefined ? "" : " jointly"} (band ${range})`, figure: bands.amounts[band] };
}

/**
 * The deduction for a non-dependant or a non-dependant couple: for a couple one deduction, the
 * higher of the two members' amounts, with the income bands applied to their joint gross income (reg 74(3)-(4)).
 */
export function hbUnitDeduction(unit: NonDependantUnit, rates: RatesYear, claimantExempt: boolean): NonDependantDeduction {
  if (unit.members.length === 1) return hbNonDependantDeduction(unit.members[0].person, rates, claimantExempt);
  const joint = unit.members.reduce((sum, m) => sum + toWholePence(m.person.grossWeeklyIncome ?? 0), 0);
  const each = unit.members.map((m) => hbNonDependantDeduction(m.person, rates, claimantExempt, joint));
  const higher = each.reduce((best, d) => (d.pence > best.pence ? d : best));
  return { ...higher, reason: `one deduction for the couple, the higher: ${higher.reason}` };
}

/**
 * Estimates Housing Benefit for one household.
 * @param household the household (validated with HouseholdSchema); its own date or taxYear wins over the options.
 * @param options rates choice: a date in the benefit week or a tax year, else the caller's `today` (HB rates change on the first Monday in April for weekly rents, 1 April otherwise). The first note says which year's rates were used and why.
 * @returns the weekly award with every step as a named line.
 * @throws ArrearsInputError naming the field when the household is invalid or no rates exist for the year.
 */
export function estimateHousingBenefit(household: unknown, options: EstimateOptions = {}): HousingBenefitEstimate {
  const { h, chosen } = prepare(household, options, "hb");
  const e = computeHb(h, chosen.rates, chosen.date);
  return { ...e, notes: [chosen.reason, ...e.notes] };
}

function computeHb(h: Household, rates: RatesYear, date: Date): HousingBenefitEstimate {
  const hb = rates.hb;
  const b = new Breakdown();
  const src = (f: Figure) => sourceOf(rates, f);
  // HB income is weekly unless the household says otherwise, as on the Excel household form.
  const incomePeriod = h.incomePeriod ?? "week";
  const couple = h.adults.length === 2;
  const childCount = h.children?.length ?? 0;
  const pensionAges = h.adults.map((a) => isPensionAge(a, rates));
  const pensionAge = pensionAges.every(Boolean);
  if (!pensionAge && pensionAges.some(Boolean)) b.note("Mixed-age couple: working-age rules used (since 15 May 2019 a mixed-age couple claims UC, unless already on pension-age HB).");
  if (!pensionAge) b.note("Working-age HB now mainly applies to supported and temporary accommodation; most working-age tenants claim UC instead.");

  // 1. Eligible rent, weekly (reg 80): rent plus eligible service charges.
  const periodPence = toWholePence(h.rent.amount) + toWholePence(h.rent.serviceCharges ?? 0);
  const eligible = weeklyPence(periodPence, h.rent.period);
  const conv = h.rent.period === "week" ? "" : h.rent.period === "month" ? ` (${gbp(periodPence)} a month × 12/52)` : ` (${gbp(periodPence)} a ${h.rent.period === "fortnight" ? "fortnight ÷ 2" : "4 weeks ÷ 4"})`;
  b.line("eligibleRent", "add", `Eligible rent and service charges, weekly${conv}`, eligible);
  if (h.rent.otherCharges) b.info("otherCharges", `Other charges ${gbp(toWholePence(h.rent.otherCharges))} a ${h.rent.period} (water, heating, support) are not covered by HB`);
  if (h.rent.rentFreeWeeks) b.note(`HB is paid for the ${52 - h.rent.rentFreeWeeks} weeks rent is due; the weekly figure is for a week when rent is due.`);

  // 2. Size criteria: working age, social sector (reg B13).
  const uo = underOccupancy(h, hb.underOccupancyOneRoomPercent.value, hb.underOccupancyTwoPlusPercent.value);
  const uoPercent = pensionAge || h.sharedOwnership ? 0 : uo.percent;
  const uoReduction = percentOf(eligible, uoPercent);
  b.info("bedrooms", `Bedrooms: ${h.bedrooms} in the home, ${uo.count.needed} allowed (${uo.count.lines.join("; ")})`, uo.count.needed);
  if (uo.percent > 0 && uoPercent === 0) b.line("underOccupancy", "deduct", `Under-occupancy: none (${pensionAge ? "pension age: the size criteria do not apply" : "shared ownership"})`, 0);
  else if (uoPercent > 0) b.line("underOccupancy", "deduct", `Under-occupancy: ${uo.spare} spare bedroom${uo.spare > 1 ? "s" : ""}, ${uoPercent}% of ${gbp(eligible)}`, -uoReduction, src(uo.spare > 1 ? hb.underOccupancyTwoPlusPercent : hb.underOccupancyOneRoomPercent));

  // 3. Non-dependant deductions (reg 74).
  const claimantExempt = h.adults.some((a) => a.disability === "middle" || a.disability === "higher");
  let nonDeps = 0;
  for (const unit of nonDependantUnits(h)) {
    const d = hbUnitDeduction(unit, rates, claimantExempt);
    nonDeps += d.pence;
    b.line("nonDependantDeduction", "deduct", `Non-dependant deduction, ${unitLabel(unit)}: ${d.reason}`, -d.pence, d.figure ? src(d.figure) : undefined);
  }
  if ((h.nonDependants ?? []).filter((n) => n.couple === undefined).length > 1) b.note("Non-dependants not marked as a couple are each deducted for and given a bedroom of their own: give a non-dependant couple the same couple label (one deduction, on joint income, and one bedroom).");
  const maximum = Math.max(0, eligible - uoReduction - nonDeps);
  b.line("maximumBenefit", "subtotal", "Maximum Housing Benefit", maximum);

  // 4. Passport: guarantee credit, IS, income-based JSA or income-related ESA → maximum HB.
  const passport = h.adults.some((a) => a.pensionCredit) ? "Pension Credit guarantee credit" : h.adults.some((a) => a.legacyBenefit) ? "Income Support, income-based JSA or income-related ESA" : null;
  const capitalPence = toWholePence(h.capital ?? 0);
  let applicable = 0;
  let income = 0;
  let taper = 0;
  let tariff = 0;
  let entitled = true;
  let beforeMinimum: number;
  if (passport) {
    beforeMinimum = maximum;
    b.info("passported", `Passported (${passport}): income and capital are not assessed; HB is the maximum`);
  } else if (capitalPence > pence(hb.capitalUpper)) {
    entitled = false;
    beforeMinimum = 0;
    b.info("notEntitled", `Not entitled: capital ${gbp(capitalPence)} is over the ${gbp(pence(hb.capitalUpper))} limit`);
  } else {
    applicable = applicableAmount(h, rates, b, date, pensionAge);
    // Income: net earnings less disregards (Sch 4), unearned income, tariff income from capital.
    const earnings = h.adults.reduce((s, a) => s + (a.earnings ? weeklyPence(toWholePence(a.earnings), incomePeriod) : 0), 0);
    if (earnings > 0) {
      const d = earningsDisregard(h, rates, b, pensionAge, childCount > 0);
      const disregard = Math.min(earnings, d.pence);
      b.line("earnings", "add", `Net earnings, weekly${incomePeriod === "week" ? "" : ` (${incomePeriod} × ${incomePeriod === "month" ? "12/52" : incomePeriod === "fortnight" ? "1/2" : "1/4"})`}`, earnings);
      b.line("earningsDisregard", "deduct", `Earnings disregard: ${d.label}${disregard < d.pence ? ", up to the earnings" : ""}`, -disregard, src(hb.earningsDisregard.single));
      income += earnings - disregard;
    }
    const unearned = h.unearnedIncome ? weeklyPence(toWholePence(h.unearnedIncome), incomePeriod) : 0;
    if (unearned) {
      b.line("unearnedIncome", "add", "Other income, weekly", unearned);
      income += unearned;
    }
    const lower = pensionAge ? hb.capitalLowerPensionAge : hb.capitalLowerWorkingAge;
    const step = pensionAge ? 50000 : 25000;
    const over = capitalPence - pence(lower);
    if (over > 0) {
      const units = Math.ceil(over / step);
      tariff = units * 100;
      b.line("capitalTariffIncome", "add", `Tariff income from capital of ${gbp(capitalPence)}: £1 for each ${gbp(step)} or part over ${gbp(pence(lower))} (${units})`, tariff, src(lower));
      income += tariff;
    }
    b.line("income", "subtotal", "Income, weekly", income);
    const excess = Math.max(0, income - applicable);
    taper = percentOf(excess, hb.taperPercent.value);
    if (excess > 0) b.line("taper", "deduct", `Taper: ${hb.taperPercent.value}% of income above the applicable amount (${gbp(excess)})`, -taper, src(hb.taperPercent));
    else b.info("taper", "Income is not above the applicable amount: no taper");
    beforeMinimum = Math.max(0, maximum - taper);
  }

  // 5. Minimum award (reg 75): nothing under 50p a week.
  const minimum = pence(hb.minimumAward);
  let awardBeforeCap = beforeMinimum;
  if (beforeMinimum > 0 && beforeMinimum < minimum) {
    awardBeforeCap = 0;
    b.line("minimumAward", "deduct", `Under the ${gbp(minimum)} minimum: not paid`, -beforeMinimum, src(hb.minimumAward));
  }
  b.line("awardBeforeCap", "subtotal", "Housing Benefit before the benefit cap", awardBeforeCap);

  // 6. Benefit cap (working age; Part 8A): HB is reduced by the excess, but not below 50p (reg 75D).
  const bc = rates.benefitCap;
  const withFamily = couple || childCount > 0;
  const capFigure = h.london ? (withFamily ? bc.londonCoupleOrChildrenWeekly : bc.londonSingleWeekly) : withFamily ? bc.outsideCoupleOrChildrenWeekly : bc.outsideSingleWeekly;
  const capPence = pence(capFigure);
  const cb = childBenefitWeekly(h, rates);
  const other = h.otherCappedBenefits ? weeklyPence(toWholePence(h.otherCappedBenefits), incomePeriod) : 0;
  const total = awardBeforeCap + cb + other;
  const exemption = pensionAge ? "pension age" : capExemption(h, pensionAges, false);
  let capReduction = 0;
  if (exemption) b.info("benefitCap", `Benefit cap: exempt (${exemption})`);
  else {
    capReduction = Math.max(0, Math.min(total - capPence, awardBeforeCap - minimum));
    const where = `${h.london ? "Greater London" : "outside London"}, ${withFamily ? "couple or with children" : "single, no children"}`;
    const parts = `HB ${gbp(awardBeforeCap)}${cb ? ` + Child Benefit ${gbp(cb)}` : ""}${other ? ` + other benefits ${gbp(other)}` : ""} = ${gbp(total)}`;
    if (capReduction > 0) b.line("benefitCap", "deduct", `Benefit cap (${where}, ${gbp(capPence)} a week): ${parts}, over by ${gbp(total - capPence)}${capReduction < total - capPence ? "; HB is not reduced below 50p" : ""}`, -capReduction, src(capFigure));
    else b.info("benefitCap", `Benefit cap (${where}, ${gbp(capPence)} a week): ${parts}, within the cap`);
    b.note("The benefit cap is worked out on HB and the other benefits you give (Child Benefit is added for the children); Universal Credit, if any, is capped in the UC award instead.");
  }
  const award = awardBeforeCap - capReduction;
  b.line("award", "total", "Housing Benefit, £ a week", award);

  if (rates.statePensionAge.note && h.adults.some((a) => a.pensionAge === undefined && a.age === rates.statePensionAge.value)) b.note(`State Pension age: ${rates.statePensionAge.note}.`);
  b.note(notEstimatedNote("hb"));
  return {
    id: h.id,
    benefit: "housing benefit",
    period: "week",
    taxYear: rates.taxYear,
    ageGroup: pensionAge ? "pension age" : "working age",
    entitled,
    award: award / 100,
    awardBeforeCap: awardBeforeCap / 100,
    eligibleRent: eligible / 100,
    bedroomsInHome: h.bedrooms,
    bedroomsNeeded: uo.count.needed,
    underOccupancyPercent: uoPercent,
    underOccupancyReduction: uoReduction / 100,
    nonDependantDeductions: nonDeps / 100,
    maximumBenefit: maximum / 100,
    passported: passport !== null,
    applicableAmount: applicable / 100,
    income: income / 100,
    taperDeduction: taper / 100,
    capitalTariffIncome: tariff / 100,
    benefitCap: { applies: capReduction > 0, exemption, cap: capPence / 100, cappedBenefits: exemption ? 0 : total / 100, reduction: capReduction / 100 },
    lines: b.lines,
    notes: b.notes,
  };
}

/** Personal allowances, child allowances and premiums (HB Regs Sch 3; HB(SPC) Regs Sch 3), each as a line. */
function applicableAmount(h: Household, rates: RatesYear, b: Breakdown, date: Date, pensionAge: boolean): number {
  const hb = rates.hb;
  const p = hb.personal;
  const src = (f: Figure) => sourceOf(rates, f);
  const couple = h.adults.length === 2;
  let total = 0;
  const add = (key: string, label: string, f: Figure, times = 1) => {
    total += pence(f) * times;
    b.line(key, "add", label, pence(f) * times, src(f));
  };
  if (pensionAge) {
    const before = h.adults.map((a) => pensionAgeBefore2021(a, date));
    if (before.some((x) => x === null)) b.note("Could not tell from age whether State Pension age was reached before 1 April 2021: the lower (later) allowance is used. Give \"pension age before 2021\" to be sure.");
    const early = before.some((x) => x === true);
    const f = couple ? (early ? p.pensionCoupleBefore2021 : p.pensionCoupleFrom2021) : early ? p.pensionSingleBefore2021 : p.pensionSingleFrom2021;
    add("personalAllowance", `Personal allowance (pension age, ${couple ? "couple" : "single"}, reached pension age ${early ? "before" : "on or after"} 1 April 2021)`, f);
  } else if (couple) {
    const f = h.adults.every((a) => a.age < 18) ? p.coupleBothUnder18 : p.couple18Plus;
    add("personalAllowance", `Personal allowance (couple${f === p.coupleBothUnder18 ? ", both under 18" : ""})`, f);
  } else if ((h.children?.length ?? 0) > 0) {
    const f = h.adults[0].age < 18 ? p.loneParentUnder18 : p.loneParent18Plus;
    add("personalAllowance", `Personal allowance (lone parent, ${h.adults[0].age < 18 ? "under 18" : "18 or over"})`, f);
  } else {
    const f = h.adults[0].age < 25 ? p.singleUnder25 : p.single25Plus;
    add("personalAllowance", `Personal allowance (single, ${h.adults[0].age < 25 ? "under 25" : "25 or over"})`, f);
  }
  // Children in birth order for the two-child limit on child allowances (same order as UC, reg 24B).
  const rules = { twoChildLimit: hb.twoChildLimit.value, firstChildHigher: false };
  childrenByBirth(h, date, rules).forEach(({ child, n, bornBefore2017: born, assumed }, order) => {
    if (assumed) b.note(`Child ${n} (aged ${child.age}) may have been born either side of 6 April 2017; it makes no difference to the award, and the breakdown takes them as born on or after it.`);
    if (!childAmountPayable(order, born, child, rules)) {
      b.line("childAllowance", "add", `Child allowance, child ${n} (aged ${child.age}): none (two-child limit)`, 0);
    } else add("childAllowance", `Child allowance, child ${n} (aged ${child.age})`, p.child);
    if (child.disability && child.disability !== "none") add("disabledChildPremium", `Disabled child premium, child ${n}`, hb.premiums.disabledChild);
    if (child.disability === "higher") add("enhancedDisabilityPremium", `Enhanced disability premium, child ${n}`, hb.premiums.enhancedDisabilityChild);
  });
  const pr = hb.premiums;
  if (!pensionAge && h.adults.some((a) => a.disability && a.disability !== "none")) add("disabilityPremium", `Disability premium (${couple ? "couple" : "single"})`, couple ? pr.disabilityCouple : pr.disabilitySingle);
  if (!pensionAge && h.adults.some((a) => a.disability === "higher")) add("enhancedDisabilityPremium", `Enhanced disability premium (${couple ? "couple" : "single"})`, couple ? pr.enhancedDisabilityCouple : pr.enhancedDisabilitySingle);
  const severe = h.adults.filter((a) => a.severeDisability).length;
  if (severe > 0) {
    const adultNonDeps = (h.nonDependants ?? []).filter((n) => n.age >= 18 && !n.exempt).length;
    if (adultNonDeps > 0) b.line("severeDisabilityPremium", "add", "Severe disability premium: none (a non-dependant aged 18 or over lives there)", 0);
    else if (couple && severe === 2) add("severeDisabilityPremium", "Severe disability premium (both qualify)", pr.severeDisabilityTwo);
    else if (couple && severe === 1) {
      // A couple gets it only if both qualify, unless the other is blind or someone is paid to care for them (Sch 3 para 14(2)(b)).
      add("severeDisabilityPremium", "Severe disability premium (one qualifies; assumes the partner is blind or has a paid carer)", pr.severeDisabilityOne);
    } else add("severeDisabilityPremium", "Severe disability premium", pr.severeDisabilityOne);
  }
  const carers = h.adults.filter((a) => a.carer).length;
  if (carers > 0) add("carerPremium", `Carer premium${carers > 1 ? " (each carer)" : ""}`, pr.carer, carers);
  b.line("applicableAmountTotal", "subtotal", "Applicable amount (allowances and premiums)", total);
  return total;
}

/** The weekly earnings disregard: the highest single disregard that applies, plus the additional £17.10 (Sch 4 paras 3-10, 17). */
function earningsDisregard(h: Household, rates: RatesYear, b: Breakdown, pensionAge: boolean, hasChildren: boolean): { pence: number; label: string } {
  const ed = rates.hb.earningsDisregard;
  const couple = h.adults.length === 2;
  const disabled = h.adults.some((a) => a.disability && a.disability !== "none");
  const higher = h.adults.some((a) => a.carer || a.severeDisability) || (!pensionAge && disabled);
  const options: [Figure, string][] = [[couple ? ed.couple : ed.single, couple ? "couple" : "single"]];
  if (!couple && hasChildren) options.push([ed.loneParent, "lone parent"]);
  if (higher) options.push([ed.higher, "disability, carer or severe disability premium"]);
  const [base, why] = options.reduce((best, o) => (pence(o[0]) > pence(best[0]) ? o : best));
  let total = pence(base);
  let label = `${gbp(pence(base))} (${why})`;
  if (h.adults.some((a) => a.earnings && a.hoursWorked === undefined)) {
    b.note("Hours worked not given: the additional earnings disregard (16 or 30 hours a week) is not included.");
    return { pence: total, label };
  }
  const hours = (a: Adult) => (a.earnings ? a.hoursWorked ?? 0 : 0);
  const qualifies = h.adults.some((a) => hours(a) >= 30 && a.age >= 25) || h.adults.some((a) => hours(a) >= 16 && (hasChildren || disabled));
  if (qualifies) {
    total += pence(ed.additional);
    label += ` + additional ${gbp(pence(ed.additional))} (working 30 hours at 25 or over, or 16 hours with a child or disability)`;
  }
  return { pence: total, label };
}

/** One household's outcome in a batch: its estimate, or its own error. */
export type HbBatchOutcome = HousingBenefitEstimate | ArrearsInputError;

/** Estimates HB for many households; a bad household yields its own error in its slot instead of failing the batch. */
export function estimateHousingBenefitBatch(households: readonly unknown[], options: EstimateOptions = {}): HbBatchOutcome[] {
  return households.map((h, i) => {
    try {
      return estimateHousingBenefit(h, options);
    } catch (e) {
      if (e instanceof ArrearsInputError) return new ArrearsInputError(e.field, `household ${i + 1}: ${e.message}`);
      throw e;
    }
  });
}
