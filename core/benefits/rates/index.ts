import { ArrearsInputError } from "../../errors";
import { parseDateToSerial, serialToDate } from "../../dates/excelSerial";
import { parseOrThrow } from "../../zodIssues";
import { RATES_2024_25 } from "./2024-25";
import { RATES_2025_26 } from "./2025-26";
import { RATES_2026_27 } from "./2026-27";
import { RatesYearSchema, type Figure, type RatesYear } from "./schema";

/**
 * The rates registry: every tax year we hold rates for, validated once when first
 * used, and the choice of year from a date (by each benefit's uprating date) or a tax
 * year the caller gives. Core never reads the clock: "today" comes from the caller.
 */

/** Every rates file, oldest first. Adding a year: a new data file and one entry here. */
const RATE_FILES: readonly RatesYear[] = [RATES_2024_25, RATES_2025_26, RATES_2026_27];

let validated: Map<string, RatesYear> | null = null;

/** Validates every rates file (schema, and that each figure names a listed source); throws on the first problem. */
export function loadRates(files: readonly RatesYear[] = RATE_FILES): Map<string, RatesYear> {
  const out = new Map<string, RatesYear>();
  let previous: RatesYear | null = null;
  for (const file of files) {
    const year = parseOrThrow(RatesYearSchema, file, {});
    checkSources(year, year, year.taxYear);
    checkUprating(year, previous);
    out.set(year.taxYear, year);
    previous = year;
  }
  return out;
}

/** Uprating dates: each named source is listed, each date falls in April of the year's first calendar year, and each is later than last year's. */
function checkUprating(year: RatesYear, previous: RatesYear | null): void {
  for (const key of [year.uc.effectiveFromSource, year.hb.effectiveFromSource]) {
    if (!(key in year.sources)) throw new ArrearsInputError("rates", `rates ${year.taxYear} names uprating source "${key}", which is not in the file's sources`);
  }
  for (const ratesFor of ["uc", "hbWeeklyRent", "hbOtherRent"] as const) {
    const date = upratingDate(year, ratesFor);
    if (!date.startsWith(`${year.taxYear.slice(0, 4)}-04-`)) throw new ArrearsInputError("rates", `rates ${year.taxYear}: the ${ratesFor} uprating date ${date} is not in April ${year.taxYear.slice(0, 4)}`);
    if (previous && upratingDate(previous, ratesFor) >= date) throw new ArrearsInputError("rates", `rates ${year.taxYear}: the ${ratesFor} uprating date ${date} is not after ${previous.taxYear}'s`);
  }
}

function checkSources(year: RatesYear, node: unknown, path: string): void {
  if (node === null || typeof node !== "object") return;
  const rec = node as Record<string, unknown>;
  if (typeof rec.source === "string" && path !== year.taxYear && !(rec.source in year.sources)) {
    throw new ArrearsInputError("rates", `rates ${path} names source "${rec.source}", which is not in the file's sources`);
  }
  for (const [k, v] of Object.entries(rec)) if (k !== "sources") checkSources(year, v, `${path}.${k}`);
}

function registry(): Map<string, RatesYear> {
  if (!validated) validated = loadRates();
  return validated;
}

/** The tax years we hold rates for, e.g. ["2024-25", "2025-26", "2026-27"]. */
export function availableTaxYears(): string[] {
  return [...registry().keys()];
}

/**
 * Which uprating date decides the rates: UC's (the first assessment period starting on
 * or after it), or HB's, which depends on how the rent falls due (weekly or in
 * multiples of weeks: the first Monday in April; otherwise 1 April).
 */
export type RatesFor = "uc" | "hbWeeklyRent" | "hbOtherRent";

/** How the caller picks the rates: a date, a tax year, or neither (today, from the caller's clock). */
export interface RatesChoice {
  /**
   * The date the estimate is for (ISO yyyy-mm-dd, dd/mm/yyyy, or a Date): for UC the first
   * day of the assessment period, for HB a day in the benefit week.
   */
  date?: string | Date | null;
  /** A tax year: "2026-27", "2026/27", "2026/2027" or 2026 (the year it starts). */
  taxYear?: string | number | null;
  /**
   * Today's date from the caller's clock (core never reads the clock): the date when
   * neither date nor tax year is given, and the estimate date within a tax year given.
   */
  today?: () => Date;
  /** Whose uprating date applies; default UC's. */
  ratesFor?: RatesFor;
}

/** Normalises a tax year as typed ("2026/27", 2026, "2026-2027") to "2026-27"; throws naming taxYear when unreadable. */
export function normaliseTaxYear(input: string | number): string {
  const text = String(input).trim();
  const m = /^(\d{4})(?:\s*[-/]\s*(\d{2}|\d{4}))?$/.exec(text);
  if (!m) throw new ArrearsInputError("taxYear", `tax year must look like 2026-27, got "${text}"`);
  const start = Number(m[1]);
  if (m[2] !== undefined) {
    const end = m[2].length === 2 ? Number(m[1].slice(0, 2) + m[2]) : Number(m[2]);
    if (end !== start + 1) throw new ArrearsInputError("taxYear", `tax year must run from one year to the next (like 2026-27), got "${text}"`);
  }
  return `${start}-${String((start + 1) % 100).padStart(2, "0")}`;
}

/** The tax year (6 April to 5 April) containing a UTC date. */
export function taxYearOf(date: Date): string {
  const y = date.getUTCFullYear();
  const beforeApril6 = date.getUTCMonth() < 3 || (date.getUTCMonth() === 3 && date.getUTCDate() < 6);
  return normaliseTaxYear(beforeApril6 ? y - 1 : y);
}

/** Parses a date given as ISO or dd/mm/yyyy text (the one date grammar, core/dates), or a Date; throws naming `date`. */
export function parseChoiceDate(value: string | Date): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ArrearsInputError("date", "date must be a real date");
    return value;
  }
  const serial = parseDateToSerial(value);
  if (serial === null) throw new ArrearsInputError("date", `date must be a date like 2026-11-23 or 23/11/2026, got "${value.trim()}"`);
  return serialToDate(serial);
}

/** The rates chosen, the date they were chosen for, and why (a sentence for the breakdown). */
export interface ChosenRates {
  rates: RatesYear;
  /** The date the estimate is for: the given date; within a given tax year, today if in it, else the year's uprating date; or today. */
  date: Date;
  /** Which year's rates and why, e.g. "2026-27 rates: assessment period starting 2026-04-20 is on or after 2026-04-13, the UC uprating date". */
  reason: string;
}

const iso = (d: Date): string => d.toISOString().slice(0, 10);

/** The uprating date of a year's rates for UC or HB. */
export function upratingDate(rates: RatesYear, ratesFor: RatesFor): string {
  return ratesFor === "uc" ? rates.uc.effectiveFrom : ratesFor === "hbWeeklyRent" ? rates.hb.effectiveFrom : rates.hb.otherRentsFrom;
}

const UPRATING_RULE: Record<RatesFor, string> = {
  uc: "the UC uprating date (new rates from the first assessment period starting on or after it)",
  hbWeeklyRent: "the HB uprating date for weekly rents (the first Monday in April)",
  hbOtherRent: "the HB uprating date for rent not due in weeks (1 April)",
};
const WHAT: Record<RatesFor, string> = { uc: "assessment period starting", hbWeeklyRent: "benefit week of", hbOtherRent: "benefit week of" };
const TODAY_AS: Record<RatesFor, string> = { uc: "the first day of the assessment period", hbWeeklyRent: "a day in the benefit week", hbOtherRent: "a day in the benefit week" };

/**
 * Picks the rates for a date (by the uprating date of UC or HB, not only the tax-year
 * label), or for a tax year; with neither, for the caller's `today`.
 * @throws ArrearsInputError naming taxYear or date when we hold no rates for it, when the
 *   two disagree, or when neither a date, a tax year nor today was given.
 */
export function chooseRates(choice: RatesChoice = {}): ChosenRates {
  const today = choice.today ? choice.today() : null;
  if (today !== null && Number.isNaN(today.getTime())) throw new ArrearsInputError("date", "today's date must be a real date");
  // A caseload names the same few dates and years thousands of times: reuse the choice.
  const dateKey = choice.date instanceof Date ? (Number.isNaN(choice.date.getTime()) ? null : iso(choice.date)) : (choice.date ?? "");
  const cacheKey = dateKey === null ? null : `${choice.ratesFor ?? "uc"}|${dateKey}|${choice.taxYear ?? ""}|${today ? iso(today) : ""}`;
  const hit = cacheKey === null ? undefined : chosenCache.get(cacheKey);
  if (hit) return hit;
  const chosen = choose(choice, today);
  if (cacheKey !== null && chosenCache.size < 1000) chosenCache.set(cacheKey, chosen);
  return chosen;
}

const chosenCache = new Map<string, ChosenRates>();
const given = (v: unknown): boolean => v !== null && v !== undefined && v !== "";

function choose(choice: RatesChoice, today: Date | null): ChosenRates {
  const ratesFor = choice.ratesFor ?? "uc";
  const year = given(choice.taxYear) ? normaliseTaxYear(choice.taxYear as string | number) : null;
  if (given(choice.date)) {
    const date = parseChoiceDate(choice.date as string | Date);
    const byDate = ratesOn(date, ratesFor, `${WHAT[ratesFor]} ${iso(date)}`);
    if (year !== null && byDate.rates.taxYear !== year) {
      throw new ArrearsInputError("taxYear", `tax year ${year} does not match the date ${iso(date)}: ${byDate.reason}`);
    }
    return byDate;
  }
  if (year !== null) {
    const rates = registry().get(year);
    if (!rates) throw new ArrearsInputError("taxYear", `no benefit rates for tax year ${year}: rates are held for ${availableTaxYears().join(", ")}`);
    const date = today !== null && taxYearOf(today) === year ? today : dayDate(upratingDate(rates, ratesFor));
    return { rates, date, reason: `${year} rates: tax year ${year} given` };
  }
  if (today === null) throw new ArrearsInputError("taxYear", "give a tax year (like 2026-27) or a date: the benefit rates depend on it");
  return ratesOn(today, ratesFor, `today, ${iso(today)}, taken as ${TODAY_AS[ratesFor]},`);
}

function dayDate(isoDay: string): Date {
  return new Date(dayStart(isoDay));
}

/** The newest rates whose uprating date is on or before `date`; refuses a date past the last year we hold. */
function ratesOn(date: Date, ratesFor: RatesFor, what: string): ChosenRates {
  const years = [...registry().values()];
  let index = -1;
  years.forEach((r, i) => {
    if (dayStart(upratingDate(r, ratesFor)) <= date.getTime()) index = i;
  });
  const held = availableTaxYears().join(", ");
  if (index < 0) {
    throw new ArrearsInputError("date", `no benefit rates for tax year ${taxYearOf(date)} (${what} is before ${upratingDate(years[0], ratesFor)}, ${UPRATING_RULE[ratesFor]} of the earliest year held): rates are held for ${held}`);
  }
  const rates = years[index];
  // Past the end of the newest year, next April's rates may already apply: refuse rather than guess.
  if (index === years.length - 1 && date.getTime() > dayStart(rates.to)) {
    throw new ArrearsInputError("date", `no benefit rates for tax year ${taxYearOf(date)}: rates are held for ${held}`);
  }
  const from = upratingDate(rates, ratesFor);
  const next = years[index + 1];
  const before = next ? `, and before ${upratingDate(next, ratesFor)} when ${next.taxYear} rates start` : "";
  return { rates, date, reason: `${rates.taxYear} rates: ${what} is on or after ${from}, ${UPRATING_RULE[ratesFor]}${before}` };
}

/** A figure in whole pence. */
export function pence(f: Figure): number {
  return Math.round(f.value * 100);
}

const sourceText = new WeakMap<Figure, string>();

/** The full text of a figure's source, for a breakdown line (built once per figure: a caseload reuses it thousands of times). */
export function sourceOf(rates: RatesYear, f: Figure): string {
  let text = sourceText.get(f);
  if (text === undefined) {
    const base = rates.sources[f.source] ?? f.source;
    text = f.derived ? `${base} (${f.derived})` : base;
    sourceText.set(f, text);
  }
  return text;
}

const dayStarts = new Map<string, number>();

/** Milliseconds at the start of an ISO day, cached (rates files hold few dates). */
export function dayStart(iso: string): number {
  let ms = dayStarts.get(iso);
  if (ms === undefined) {
    ms = Date.parse(`${iso}T00:00:00Z`);
    dayStarts.set(iso, ms);
  }
  return ms;
}
