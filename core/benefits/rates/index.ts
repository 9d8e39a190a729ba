import { ArrearsInputError } from "../../errors";
import { parseOrThrow } from "../../zodIssues";
import { RATES_2024_25 } from "./2024-25";
import { RATES_2025_26 } from "./2025-26";
import { RATES_2026_27 } from "./2026-27";
import { RatesYearSchema, type Figure, type RatesYear } from "./schema";

/**
 * The rates registry: every tax year we hold rates for, validated once when first
 * used, and the choice of year from a date or a tax year the user gives (default:
 * the tax year containing today, from an injectable clock).
 */

/** Every rates file, oldest first. Adding a year: a new data file and one entry here. */
const RATE_FILES: readonly RatesYear[] = [RATES_2024_25, RATES_2025_26, RATES_2026_27];

let validated: Map<string, RatesYear> | null = null;

/** Validates every rates file (schema, and that each figure names a listed source); throws on the first problem. */
export function loadRates(files: readonly RatesYear[] = RATE_FILES): Map<string, RatesYear> {
  const out = new Map<string, RatesYear>();
  for (const file of files) {
    const year = parseOrThrow(RatesYearSchema, file, {});
    checkSources(year, year, year.taxYear);
    out.set(year.taxYear, year);
  }
  return out;
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

/** How the caller picks the rates: a date, a tax year, or neither (today's tax year). */
export interface RatesChoice {
  /** A date in the period being estimated: ISO yyyy-mm-dd, dd/mm/yyyy, or a Date. */
  date?: string | Date | null;
  /** A tax year: "2026-27", "2026/27", "2026/2027" or 2026 (the year it starts). */
  taxYear?: string | number | null;
  /** Clock for the default; tests inject a fixed date. */
  today?: () => Date;
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

/** Parses a date given as ISO or dd/mm/yyyy text, or a Date; throws naming `date`. */
export function parseChoiceDate(value: string | Date): Date {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new ArrearsInputError("date", "date must be a real date");
    return value;
  }
  const t = value.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  const parts = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : uk ? [Number(uk[3]), Number(uk[2]), Number(uk[1])] : null;
  if (parts) {
    const d = new Date(Date.UTC(parts[0], parts[1] - 1, parts[2]));
    if (d.getUTCFullYear() === parts[0] && d.getUTCMonth() === parts[1] - 1 && d.getUTCDate() === parts[2]) return d;
  }
  throw new ArrearsInputError("date", `date must be a date like 2026-11-23 or 23/11/2026, got "${t}"`);
}

/** The rates chosen and the date they were chosen for (the date drives age- and date-dependent rules). */
export interface ChosenRates {
  rates: RatesYear;
  /** The date the estimate is for: the given date, the start of the given tax year (or today if within it), or today. */
  date: Date;
}

/**
 * Picks the rates for a date or tax year; with neither, the tax year containing today.
 * @throws ArrearsInputError naming taxYear when we hold no rates for that year.
 */
export function chooseRates(choice: RatesChoice = {}): ChosenRates {
  // A caseload names the same few tax years thousands of times: reuse the choice when no clock is involved.
  const cacheKey =
    typeof choice.date === "string" && choice.date !== ""
      ? `d${choice.date}|${choice.taxYear ?? ""}`
      : (choice.date === null || choice.date === undefined || choice.date === "") && (typeof choice.taxYear === "string" || typeof choice.taxYear === "number") && choice.taxYear !== ""
        ? `t${choice.taxYear}|${Math.floor(Date.now() / 86_400_000)}`
        : null;
  if (cacheKey && !choice.today) {
    const hit = byDate.get(cacheKey);
    if (hit) return hit;
    const chosen = choose(choice);
    if (byDate.size < 1000) byDate.set(cacheKey, chosen);
    return chosen;
  }
  return choose(choice);
}

const byDate = new Map<string, ChosenRates>();

function choose(choice: RatesChoice): ChosenRates {
  const today = (choice.today ?? (() => new Date()))();
  let date: Date;
  let year: string;
  if (choice.date !== null && choice.date !== undefined && choice.date !== "") {
    date = parseChoiceDate(choice.date);
    year = taxYearOf(date);
    if (choice.taxYear !== null && choice.taxYear !== undefined && choice.taxYear !== "" && normaliseTaxYear(choice.taxYear) !== year) {
      throw new ArrearsInputError("taxYear", `tax year ${normaliseTaxYear(choice.taxYear)} does not contain the date ${date.toISOString().slice(0, 10)}`);
    }
  } else if (choice.taxYear !== null && choice.taxYear !== undefined && choice.taxYear !== "") {
    year = normaliseTaxYear(choice.taxYear);
    // Within the chosen year, today; otherwise the first day the year's UC and HB rates both apply.
    date = taxYearOf(today) === year ? today : new Date(`${year.slice(0, 4)}-04-14T00:00:00Z`);
  } else {
    date = today;
    year = taxYearOf(today);
  }
  const rates = registry().get(year);
  if (!rates) {
    throw new ArrearsInputError("taxYear", `no benefit rates for tax year ${year}: rates are held for ${availableTaxYears().join(", ")}`);
  }
  return { rates, date };
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
