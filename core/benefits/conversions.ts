import type { Period } from "./household";

/**
 * Period conversions in whole pence, rounding once, half up, where the regulations
 * round: UC to the monthly assessment period (UC Regs Sch 4 para 7, reg 6(1)) and
 * HB to the benefit week (HB Regs reg 80).
 */

const WEEKS: Record<Exclude<Period, "month">, number> = { week: 1, fortnight: 2, "4 weeks": 4 };

/** Divides non-negative integers rounding half up (½p counts as 1p, less is disregarded: UC Regs reg 6(1)). */
export function divRound(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** £ to whole pence. */
export function toWholePence(pounds: number): number {
  return Math.round(pounds * 100);
}

/**
 * Monthly equivalent (UC): weekly × 52/12, fortnightly × 26/12, 4-weekly × 13/12, monthly as is.
 * With rent-free weeks, the payments due in the year divided by 12 (Sch 4 para 7(3)-(3A)),
 * e.g. weekly × 48/12 for 4 rent-free weeks.
 */
export function monthlyPence(pence: number, period: Period, rentFreeWeeks = 0): number {
  if (period === "month") return pence;
  return divRound(pence * (52 - rentFreeWeeks), 12 * WEEKS[period]);
}

/** Weekly equivalent (HB reg 80): monthly × 12/52, fortnightly ÷ 2, 4-weekly ÷ 4, weekly as is. */
export function weeklyPence(pence: number, period: Period): number {
  if (period === "week") return pence;
  if (period === "month") return divRound(pence * 12, 52);
  return divRound(pence, WEEKS[period]);
}

/** Percentage of an amount in pence, rounded half up to the penny. */
export function percentOf(pence: number, percent: number): number {
  // Percent rates are whole or one-decimal numbers (14, 25, 55, 65): scale to integers first.
  return divRound(pence * Math.round(percent * 10), 1000);
}
