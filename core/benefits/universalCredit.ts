import { ArrearsInputError } from "../errors";
import { Breakdown, gbp, type BreakdownLine } from "./breakdown";
import { childAmountPayable, childrenByBirth } from "./children";
import { isPensionAge, prepare, underOccupancy, type EstimateOptions } from "./common";
import { monthlyPence, percentOf, toWholePence } from "./conversions";
import type { Household, Period } from "./household";
import { notEstimatedNote } from "./notEstimated";
import { dayStart, pence, sourceOf } from "./rates";
import type { RatesYear } from "./rates/schema";

/**
 * Universal Credit for a social-sector tenant, for one monthly assessment period,
 * in the order of the regulations (Welfare Reform Act 2012 s.8; UC Regs 2013 regs
 * 22-36, 72, 78-83, Sch 4): maximum amount (standard allowance, child, disabled
 * child, LCWRA and carer elements, housing costs element), less unearned income and
 * capital tariff income in full, less 55% of earnings above any work allowance, then
 * the benefit cap. All sums in whole pence; rounding half up where a conversion or
 * percentage makes part of a penny (reg 6(1)).
 */

/** How the benefit cap came out. */
export interface CapOutcome {
  /** Whether the cap was applied (false when exempt or nothing to cap). */
  applies: boolean;
  /** Why the household is exempt, or null. */
  exemption: string | null;
  /** The cap level, £ (a month for UC, a week for HB). */
  cap: number;
  /** Total of capped benefits compared with the cap, £. */
  cappedBenefits: number;
  /** Amount taken off the award, £. */
  reduction: number;
}

/** A Universal Credit estimate: the award and the figures an officer asks about, plus the full breakdown. */
export interface UniversalCreditEstimate {
  id?: string | number;
  benefit: "universal credit";
  period: "month";
  taxYear: string;
  /** False when the household cannot get UC at all (capital over £16,000, or everyone over State Pension age). */
  entitled: boolean;
  /** £ a month after the benefit cap. */
  award: number;
  awardBeforeCap: number;
  maximumAmount: number;
  /** Housing costs element, £ a month. */
  housingElement: number;
  /** Rent and eligible service charges as a monthly figure, before reductions. */
  monthlyHousingCosts: number;
  bedroomsInHome: number;
  bedroomsNeeded: number;
  underOccupancyPercent: number;
  underOccupancyReduction: number;
  nonDependantContributions: number;
  earningsDeduction: number;
  unearnedIncome: number;
  capitalTariffIncome: number;
  benefitCap: CapOutcome;
  lines: BreakdownLine[];
  /** Assumptions made and rules not estimated. */
  notes: string[];
}

/** Monthly equivalent of an income per period (UC Regs reg 73: weekly × 52/12 and so on). */
function monthlyIncome(pounds: number | undefined, period: Period): number {
  return pounds ? monthlyPence(toWholePence(pounds), period) : 0;
}

/**
 * Estimates Universal Credit for one household.
 * @param household the household (validated with {@link HouseholdSchema}); its own date or taxYear wins over the options.
 * @param options rates choice: the assessment period's first day or a tax year, else the caller's `today` (UC rates change from the first assessment period starting on or after the uprating date). The first note says which year's rates were used and why.
 * @returns the monthly award with every element, reduction and deduction as a named line.
 * @throws ArrearsInputError naming the field when the household is invalid or no rates exist for the year.
 */
export function estimateUniversalCredit(household: unknown, options: EstimateOptions = {}): UniversalCreditEstimate {
  const { h, chosen } = prepare(household, options, "uc");
  const e = computeUc(h, chosen.rates, chosen.date);
  return { ...e, notes: [chosen.reason, ...e.notes] };
}

function computeUc(h: Household, rates: RatesYear, date: Date): UniversalCreditEstimate {
  const uc = rates.uc;
  const b = new Breakdown();
  const src = (f: Parameters<typeof sourceOf>[1]) => sourceOf(rates, f);
  const incomePeriod = h.incomePeriod ?? "month";
  const couple = h.adults.length === 2;
  const childRules = { twoChildLimit: uc.twoChildLimit.value, firstChildHigher: true };
  const children = childrenByBirth(h, date, childRules);
  const pensionAges = h.adults.map((a) => isPensionAge(a, rates));

  // Housing costs element first: the work allowance depends on whether there is one.
  const rentPeriodPence = toWholePence(h.rent.amount) + toWholePence(h.rent.serviceCharges ?? 0);
  const monthlyCosts = monthlyPence(rentPeriodPence, h.rent.period, h.rent.rentFreeWeeks ?? 0);
  const uo = underOccupancy(h, uc.underOccupancyOneRoomPercent.value, uc.underOccupancyTwoPlusPercent.value);
  const uoPercent = h.sharedOwnership ? 0 : uo.percent;
  const uoReduction = percentOf(monthlyCosts, uoPercent);
  const claimantExempt = h.adults.some((a) => a.disability === "middle" || a.disability === "higher");
  const hcc = pence(uc.housingCostContribution);
  let contributions = 0;
  const hccLines: [string, number][] = [];
  (h.nonDependants ?? []).forEach((n, i) => {
    const who = `non-dependant ${i + 1} (aged ${n.age})`;
    const reason = claimantExempt
      ? "claimant or partner gets AA, DLA care (middle/highest) or PIP daily living"
      : n.age < 21 ? "under 21"
      : n.pensionCredit ? "gets Pension Credit"
      : n.disability === "middle" || n.disability === "higher" ? "gets AA, DLA care (middle/highest) or PIP daily living"
      : n.carersAllowance ? "gets Carer's Allowance"
      : n.childUnder5 ? "responsible for a child under 5"
      : n.exempt ? "exempt (prisoner, armed forces, or other)"
      : null;
    if (reason) hccLines.push([`Housing cost contribution, ${who}: none (${reason})`, 0]);
    else {
      contributions += hcc;
      hccLines.push([`Housing cost contribution, ${who}`, -hcc]);
    }
  });
  const housingElement = Math.max(0, monthlyCosts - uoReduction - contributions);

  // Standard allowance: the couple rate if either is 25 or over (reg 36).
  const anyOver25 = h.adults.some((a) => a.age >= 25);
  const sa = couple ? (anyOver25 ? uc.standardAllowance.couple25Plus : uc.standardAllowance.coupleUnder25) : anyOver25 ? uc.standardAllowance.single25Plus : uc.standardAllowance.singleUnder25;
  b.line("standardAllowance", "add", `Standard allowance (${couple ? "couple" : "single"}, ${anyOver25 ? (couple ? "one or both 25 or over" : "25 or over") : couple ? "both under 25" : "under 25"})`, pence(sa), src(sa));
  let maximum = pence(sa);

  // Child elements in birth order (reg 24B); the two-child limit as in force on the date (reg 24A).
  children.forEach(({ child, n, bornBefore2017: born, assumed }, order) => {
    if (assumed) b.note(`Child ${n} (aged ${child.age}) may have been born either side of 6 April 2017; it makes no difference to the award, and the breakdown takes them as born on or after it.`);
    if (!childAmountPayable(order, born, child, childRules)) {
      b.line("childElement", "add", `Child element, child ${n} (aged ${child.age}): none (two-child limit: third or later child born on or after 6 April 2017)`, 0, rates.sources[uc.twoChildLimit.source]);
    } else {
      const rate = order === 0 && born ? uc.childFirstBornBefore2017 : uc.child;
      maximum += pence(rate);
      b.line("childElement", "add", `Child element, child ${n} (aged ${child.age}${order === 0 && born ? ", eldest, born before 6 April 2017" : ""})`, pence(rate), src(rate));
    }
    if (child.disability && child.disability !== "none") {
      const rate = child.disability === "higher" ? uc.disabledChildHigher : uc.disabledChildLower;
      maximum += pence(rate);
      b.line("disabledChildAddition", "add", `Disabled child addition (${child.disability === "higher" ? "higher" : "lower"} rate), child ${n}`, pence(rate), src(rate));
    }
  });
  if (!uc.twoChildLimit.value && children.length > 2) b.info("twoChildLimit", "No two-child limit: removed from 6 April 2026", 0);

  // LCWRA: one element per award (reg 27); carer element for each carer who does not have LCWRA (reg 29(4)).
  const lcwraAdult = h.adults.find((a) => a.lcwra);
  if (lcwraAdult) {
    const useProtected = uc.lcwraProtected !== null && lcwraAdult.lcwraProtected === true;
    const rate = useProtected ? uc.lcwraProtected! : uc.lcwra;
    if (uc.lcwraProtected !== null && !useProtected) b.note("LCWRA at the rate for new claims from 6 April 2026: give \"LCWRA protected\" for someone with LCWRA since before then, severe conditions or terminal illness.");
    maximum += pence(rate);
    b.line("lcwraElement", "add", `LCWRA element${useProtected ? " (protected rate)" : ""}`, pence(rate), src(rate));
  }
  h.adults.forEach((a, i) => {
    if (!a.carer) return;
    if (a.lcwra) b.line("carerElement", "add", `Carer element, adult ${i + 1}: none (gets the LCWRA element instead)`, 0);
    else {
      maximum += pence(uc.carer);
      b.line("carerElement", "add", `Carer element, adult ${i + 1}`, pence(uc.carer), src(uc.carer));
    }
  });

  // Housing costs element (Sch 4 Part 5).
  const rentText = `${gbp(rentPeriodPence)} a ${h.rent.period === "4 weeks" ? "4 weeks" : h.rent.period}`;
  const conversion = h.rent.period === "month" ? "" : ` × ${52 - (h.rent.rentFreeWeeks ?? 0)}/${12 * (h.rent.period === "week" ? 1 : h.rent.period === "fortnight" ? 2 : 4)}`;
  b.line("housingCosts", "add", `Rent and eligible service charges, monthly (${rentText}${conversion})`, monthlyCosts);
  b.info("bedrooms", `Bedrooms: ${h.bedrooms} in the home, ${uo.count.needed} allowed (${uo.count.lines.join("; ")})`, uo.count.needed);
  if (h.sharedOwnership && uo.percent > 0) b.line("underOccupancy", "deduct", "Under-occupancy: none (shared ownership)", 0);
  else if (uoPercent > 0) b.line("underOccupancy", "deduct", `Under-occupancy: ${uo.spare} spare bedroom${uo.spare > 1 ? "s" : ""}, ${uoPercent}% of ${gbp(monthlyCosts)}`, -uoReduction, src(uo.spare > 1 ? uc.underOccupancyTwoPlusPercent : uc.underOccupancyOneRoomPercent));
  for (const [label, amount] of hccLines) b.line("housingCostContribution", "deduct", label, amount, amount ? src(uc.housingCostContribution) : undefined);
  if ((h.nonDependants ?? []).filter((n) => n.couple === undefined).length > 1) b.note("Non-dependants not marked as a couple each have a bedroom of their own: give a non-dependant couple the same couple label (they share a bedroom; each still makes a contribution).");
  if (monthlyCosts - uoReduction - contributions < 0) b.note("Reductions exceed the housing costs: the housing costs element is nil, not negative.");
  b.line("housingElement", "subtotal", "Housing costs element", housingElement);
  maximum += housingElement;
  b.line("maximumAmount", "subtotal", "Maximum amount", maximum);

  // Basic conditions: capital (reg 18) and age (s.4(1)(b)).
  const capitalPence = toWholePence(h.capital ?? 0);
  const entitledByAge = pensionAges.some((p) => !p);
  const entitledByCapital = capitalPence <= pence(uc.capitalUpper);

  // Unearned income in full (reg 66), and capital tariff income: £4.35 for each £250 or part over £6,000 (reg 72).
  const unearned = monthlyIncome(h.unearnedIncome, incomePeriod);
  if (unearned) b.line("unearnedIncome", "deduct", `Unearned income${incomePeriod === "month" ? "" : ` (monthly equivalent of ${gbp(toWholePence(h.unearnedIncome!))} a ${incomePeriod})`}`, -unearned);
  let tariff = 0;
  const overLower = capitalPence - pence(uc.capitalLower);
  if (overLower > 0 && entitledByCapital) {
    const units = Math.ceil(overLower / 25000);
    tariff = units * pence(uc.tariffPer250);
    b.line("capitalTariffIncome", "deduct", `Tariff income from capital of ${gbp(capitalPence)}: ${units} × ${gbp(pence(uc.tariffPer250))} (each £250 or part over ${gbp(pence(uc.capitalLower))})`, -tariff, src(uc.tariffPer250));
  }

  // Earnings: 55% of net earnings above the work allowance (reg 22); allowance only with a child or LCW(RA).
  const earnings = h.adults.reduce((sum, a) => sum + monthlyIncome(a.earnings, incomePeriod), 0);
  let earningsDeduction = 0;
  if (earnings > 0) {
    const hasAllowance = children.length > 0 || h.adults.some((a) => a.lcwra);
    const wa = hasAllowance ? (housingElement > 0 ? uc.workAllowanceWithHousing : uc.workAllowanceNoHousing) : null;
    const allowance = wa ? pence(wa) : 0;
    earningsDeduction = percentOf(Math.max(0, earnings - allowance), uc.taperPercent.value);
    const waText = wa ? `less work allowance ${gbp(allowance)} (${housingElement > 0 ? "lower: award includes housing costs" : "higher: no housing costs"})` : "no work allowance (no child and no LCWRA)";
    b.line("earningsDeduction", "deduct", `Earnings ${gbp(earnings)} a month, ${waText}, × ${uc.taperPercent.value}%`, -earningsDeduction, src(uc.taperPercent));
  }

  let awardBeforeCap = Math.max(0, maximum - unearned - tariff - earningsDeduction);
  if (!entitledByAge) {
    awardBeforeCap = 0;
    b.info("notEntitled", "Not entitled: everyone in the claim has reached State Pension age (estimate Housing Benefit and Pension Credit instead)");
  } else if (!entitledByCapital) {
    awardBeforeCap = 0;
    b.info("notEntitled", `Not entitled: capital ${gbp(capitalPence)} is over the ${gbp(pence(uc.capitalUpper))} limit`);
  }
  b.line("awardBeforeCap", "subtotal", "Award before the benefit cap", awardBeforeCap);

  const cap = ucBenefitCap(h, rates, awardBeforeCap, earnings, pensionAges, incomePeriod);
  if (cap.reductionPence > 0) b.line("benefitCap", "deduct", cap.label, -cap.reductionPence, cap.source);
  else b.info("benefitCap", cap.label);
  const award = awardBeforeCap - cap.reductionPence;
  b.line("award", "total", "Universal Credit, £ a month", award);

  if (rates.statePensionAge.note && h.adults.some((a) => a.pensionAge === undefined && a.age === rates.statePensionAge.value)) b.note(`State Pension age: ${rates.statePensionAge.note}.`);
  if (date.getTime() < dayStart(uc.effectiveFrom)) b.note(`This year's UC rates apply from the first assessment period starting on or after ${uc.effectiveFrom}; an earlier assessment period uses last year's rates.`);
  b.note("Under-occupancy is worked out on the rounded monthly rent, to the penny, half up.");
  b.note(notEstimatedNote("uc"));

  const lines = b.lines;
  return {
    id: h.id,
    benefit: "universal credit",
    period: "month",
    taxYear: rates.taxYear,
    entitled: entitledByAge && entitledByCapital,
    award: award / 100,
    awardBeforeCap: awardBeforeCap / 100,
    maximumAmount: maximum / 100,
    housingElement: housingElement / 100,
    monthlyHousingCosts: monthlyCosts / 100,
    bedroomsInHome: h.bedrooms,
    bedroomsNeeded: uo.count.needed,
    underOccupancyPercent: uoPercent,
    underOccupancyReduction: uoReduction / 100,
    nonDependantContributions: contributions / 100,
    earningsDeduction: earningsDeduction / 100,
    unearnedIncome: unearned / 100,
    capitalTariffIncome: tariff / 100,
    benefitCap: { applies: cap.reductionPence > 0, exemption: cap.exemption, cap: cap.capPence / 100, cappedBenefits: cap.totalPence / 100, reduction: cap.reductionPence / 100 },
    lines,
    notes: b.notes,
  };
}

/** Why a household is exempt from the cap (UC Regs regs 82-83; HB Regs reg 75E-75F), or null. Shared by UC and HB. */
export function capExemption(h: Household, pensionAges: boolean[], ucElements: boolean): string | null {
  if (pensionAges.some(Boolean)) return "someone in the claim has reached State Pension age";
  if (h.adults.some((a) => a.disability && a.disability !== "none") || (h.children ?? []).some((c) => c.disability && c.disability !== "none")) return "someone gets DLA, PIP or Attendance Allowance";
  if (h.adults.some((a) => a.carer)) return ucElements ? "carer element (or Carer's Allowance)" : "Carer's Allowance";
  if (h.adults.some((a) => a.lcwra)) return ucElements ? "LCWRA element" : "ESA support component";
  return null;
}

/** Child Benefit a week for the children, in pence (counts toward the cap). */
export function childBenefitWeekly(h: Household, rates: RatesYear): number {
  const n = h.children?.length ?? 0;
  if (n === 0 || h.childBenefit === false) return 0;
  return pence(rates.childBenefit.eldestWeekly) + (n - 1) * pence(rates.childBenefit.otherWeekly);
}

function ucBenefitCap(h: Household, rates: RatesYear, award: number, earnings: number, pensionAges: boolean[], incomePeriod: Period) {
  const bc = rates.benefitCap;
  const withFamily = h.adults.length === 2 || (h.children?.length ?? 0) > 0;
  const capFigure = h.london ? (withFamily ? bc.londonCoupleOrChildrenMonthly : bc.londonSingleMonthly) : withFamily ? bc.outsideCoupleOrChildrenMonthly : bc.outsideSingleMonthly;
  const capPence = pence(capFigure);
  const cbMonthly = monthlyPence(childBenefitWeekly(h, rates), "week");
  const other = h.otherCappedBenefits ? monthlyPence(toWholePence(h.otherCappedBenefits), incomePeriod) : 0;
  const totalPence = award + cbMonthly + other;
  const threshold = pence(bc.ucEarningsExemptionMonthly);
  let exemption = capExemption(h, pensionAges, true);
  if (!exemption && earnings >= threshold) exemption = `earnings of ${gbp(earnings)} a month are at least ${gbp(threshold)}`;
  const where = `${h.london ? "Greater London" : "outside London"}, ${withFamily ? "couple or with children" : "single, no children"}`;
  if (exemption) return { reductionPence: 0, exemption, capPence, totalPence, label: `Benefit cap: exempt (${exemption})`, source: undefined };
  const reductionPence = Math.min(award, Math.max(0, totalPence - capPence));
  const parts = `UC ${gbp(award)}${cbMonthly ? ` + Child Benefit ${gbp(cbMonthly)}` : ""}${other ? ` + other benefits ${gbp(other)}` : ""} = ${gbp(totalPence)}`;
  const label = reductionPence > 0 ? `Benefit cap (${where}, ${gbp(capPence)} a month): ${parts}, over by ${gbp(totalPence - capPence)}` : `Benefit cap (${where}, ${gbp(capPence)} a month): ${parts}, within the cap`;
  return { reductionPence, exemption: null, capPence, totalPence, label, source: sourceOf(rates, capFigure) };
}

/** One household's outcome in a batch: its estimate, or its own error. */
export type UcBatchOutcome = UniversalCreditEstimate | ArrearsInputError;

/**
 * Estimates UC for many households (a caseload); a bad household yields its own
 * error in its slot, labelled with its position, instead of failing the batch.
 */
export function estimateUniversalCreditBatch(households: readonly unknown[], options: EstimateOptions = {}): UcBatchOutcome[] {
  return households.map((h, i) => {
    try {
      return estimateUniversalCredit(h, options);
    } catch (e) {
      if (e instanceof ArrearsInputError) return new ArrearsInputError(e.field, `household ${i + 1}: ${e.message}`);
      throw e;
    }
  });
}
