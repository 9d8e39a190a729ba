import { z } from "zod";
import { ArrearsInputError } from "../errors";
import { roundPence } from "../money";
import { parseOrThrow } from "../zodIssues";
import { UNASSIGNED_OFFICER, type Account, type CanonicalExport } from "../export/schema";
import { toColumnar, type ColumnarExport } from "../columns/columnarExport";
import { serialToIso } from "../dates/excelSerial";
import { KPI_DEFINITIONS, type DenominatorKind, type KpiDefinition, type KpiUnit } from "./definitions";
import { reportingYearStart } from "./reportingYear";
import { sumReturn, yearToDateGap, UNMATCHED_OFFICER, type ReturnSums } from "./returnSums";
import type { ReturnTotals } from "./totals";

export type { ReturnTotals } from "./totals";
export { bandIndex, UNMATCHED_OFFICER } from "./returnSums";

/**
 * The monthly return: every KPI, the per-officer breakdown and the arrears ageing,
 * from one pass over the transactions and one over the accounts. Sums are kept in
 * integer pence; money is reported to the penny and percentages to 2 decimal places
 * (halves away from zero, as Excel's ROUND). A KPI whose denominator is zero (no rent
 * fell due, e.g. a rent-free period) has value null and a note saying why: never
 * Infinity, never a silent 0.
 *
 * What each figure uses: collection, write-off and void figures use transactions and
 * voids dated in the period (inclusive); the year-to-date figures use those dated from
 * 1 April to period end; arrears, counts and ageing use the balances and statuses at
 * period end, as the export gives them. An account that changed status in the period
 * counts under its closing status; its transactions count wherever they fall.
 */

/** Default arrears age bands, in weeks of rent owed: under 4, 4–8, 8–13, 13 and over. */
export const DEFAULT_AGE_BANDS = [4, 8, 13] as const;
/** Technical arrears allowance in weeks of rent per benefit payment cycle: UC monthly in arrears, HB 4-weekly in arrears. */
export const DEFAULT_TECHNICAL_WEEKS = { UC: 52 / 12, HB: 4 } as const;

const serial = (what: string) =>
  z
    .number({ error: `${what} must be a date` })
    .refine((v) => Number.isInteger(v) && v >= 1 && v <= 2_958_465, { message: `${what} must be a date (a whole Excel date serial)` });

/** Options schema; messages are in the user's words. */
export const MonthlyReturnOptionsSchema = z
  .object({
    periodStart: serial("period start"),
    periodEnd: serial("period end"),
    ageBands: z
      .array(z.number({ error: "each age band must be a number of weeks" }).refine((v) => Number.isFinite(v) && v > 0, { message: "each age band must be a positive number of weeks" }), {
        error: "age bands must be a list of week thresholds",
      })
      .min(1, { message: "give at least one age band threshold" })
      .max(12, { message: "give at most 12 age band thresholds" })
      .refine((a) => a.every((v, i) => i === 0 || v > a[i - 1]), { message: "age band thresholds must rise, e.g. 4, 8, 13" })
      .default([...DEFAULT_AGE_BANDS]),
    weeksPerYear: z.union([z.literal(52), z.literal(53)], { error: "weeks per year must be 52 or 53" }).default(52),
    annualRentDebit: z
      .number({ error: "annual rent debit must be an amount in £" })
      .refine((v) => Number.isFinite(v) && v > 0, { message: "annual rent debit must be more than £0" })
      .nullish(),
    voidTreatment: z.enum(["net", "gross"], { error: "void treatment must be net or gross" }).default("net"),
    technicalWeeks: z
      .object({
        UC: z.number({ error: "UC technical weeks must be a number" }).min(0, { message: "UC technical weeks must be zero or more" }).default(DEFAULT_TECHNICAL_WEEKS.UC),
        HB: z.number({ error: "HB technical weeks must be a number" }).min(0, { message: "HB technical weeks must be zero or more" }).default(DEFAULT_TECHNICAL_WEEKS.HB),
      })
      .default({ UC: DEFAULT_TECHNICAL_WEEKS.UC, HB: DEFAULT_TECHNICAL_WEEKS.HB }),
  })
  .refine((o) => o.periodEnd >= o.periodStart, { message: "period end must be on or after period start", path: ["periodEnd"] });

export type MonthlyReturnOptionsInput = z.input<typeof MonthlyReturnOptionsSchema>;
export type MonthlyReturnOptions = z.output<typeof MonthlyReturnOptionsSchema>;

/** One reported figure, with its definition beside it. */
export interface KpiFigure {
  id: string;
  name: string;
  unit: KpiUnit;
  /** £ to the penny, % to 2 dp, or a count; null when it cannot be defined (see note). */
  value: number | null;
  definition: string;
  basis: string;
  source: string;
  confidence: KpiDefinition["confidence"];
  /** What a percentage divides by (see DenominatorKind); null for money and counts. */
  denominator: DenominatorKind | null;
  /** Why the value is null, or a caveat. */
  note: string | null;
}

/** One officer's line in the per-officer breakdown. */
export interface OfficerReturn {
  officer: string;
  totals: ReturnTotals;
  kpis: KpiFigure[];
}

/** One age band of current arrears. */
export interface AgeBand {
  label: string;
  /** Lower bound in weeks (inclusive), or null for the "no weekly rent" row. */
  fromWeeks: number | null;
  /** Upper bound in weeks (exclusive), or null for the top band. */
  toWeeks: number | null;
  accounts: number;
  arrears: number;
  /** % of current tenancies in arrears, 2 dp. */
  pctOfAccountsInArrears: number | null;
  /** % of current tenant arrears (£), 2 dp. */
  pctOfArrears: number | null;
  ucAccounts: number;
  ucArrears: number;
}

/** The whole return. */
export interface MonthlyReturn {
  periodStart: number;
  periodEnd: number;
  /** 1 April starting the reporting year the period ends in: the year-to-date figures run from here to periodEnd. */
  yearStart: number;
  /** Whether the export's transactions reach back to the first week of the reporting year (else the year-to-date figures are null, with a note). */
  yearToDateCovered: boolean;
  options: MonthlyReturnOptions;
  totals: ReturnTotals;
  kpis: KpiFigure[];
  byOfficer: OfficerReturn[];
  ageing: AgeBand[];
  /** Transactions in the period on accounts not in the accounts table (counted in team totals, under their own officer line). */
  unmatchedTransactions: number;
  warnings: string[];
}

/** Pounds to integer pence: exact for any amount exported to the penny. */
const pence = (pounds: number) => Math.round(pounds * 100);

/** Rounds a percentage to 2 dp, halves away from zero. */
const pct = (num: number, den: number): number | null => (den === 0 ? null : roundPence((num / den) * 100));

/** Band labels for thresholds [4, 8, 13]: under 4 weeks, 4 to under 8 weeks, …, 13 weeks and over, no weekly rent recorded. */
export function bandLabels(thresholds: readonly number[]): string[] {
  const labels = [`under ${thresholds[0]} weeks`];
  for (let i = 1; i < thresholds.length; i++) labels.push(`${thresholds[i - 1]} to under ${thresholds[i]} weeks`);
  labels.push(`${thresholds[thresholds.length - 1]} weeks and over`);
  labels.push("no weekly rent recorded");
  return labels;
}

/** Days into the reporting year within which an export must hold a transaction for its year-to-date figures to be given. */
const YEAR_START_GRACE_DAYS = 6;

/**
 * Computes the monthly return for a canonical export.
 *
 * @param data accounts (balances at period end), transactions and optional voids, as {@link readExport} gives them.
 * @param options period (Excel serials, inclusive), age bands, annual debit, void treatment, technical-arrears weeks.
 * @returns every KPI with its definition, the per-officer breakdown, and the ageing.
 * @throws ArrearsInputError when an option is invalid or a record holds a non-finite number.
 * @example monthlyReturn(readExport({ accounts, transactions }), { periodStart: 45748, periodEnd: 45777 })
 */
export function monthlyReturn(data: CanonicalExport, options: MonthlyReturnOptionsInput): MonthlyReturn {
  // Options are checked before the export is read, so a bad option is the refusal even when a record is bad too.
  const opts = parseOrThrow(MonthlyReturnOptionsSchema, options);
  return returnOfColumns(toColumnar(data), opts);
}

/**
 * The monthly return over an export already held as columns ({@link toColumnar}):
 * what an adapter that keeps the columns between calls (several KPI cells over one
 * export) calls instead of {@link monthlyReturn}. Same options, same result. The columns
 * are a copy taken when they were built: build them again whenever the export changes.
 * @throws ArrearsInputError when an option is invalid or a record holds a non-finite number.
 */
export function monthlyReturnOfColumns(cols: ColumnarExport, options: MonthlyReturnOptionsInput): MonthlyReturn {
  return returnOfColumns(cols, parseOrThrow(MonthlyReturnOptionsSchema, options));
}

function returnOfColumns(cols: ColumnarExport, opts: MonthlyReturnOptions): MonthlyReturn {
  const yearStart = reportingYearStart(opts.periodEnd);
  const sums = sumReturn(cols, {
    periodStart: opts.periodStart,
    periodEnd: opts.periodEnd,
    yearStart,
    ageBands: opts.ageBands,
    weeksPerYear: opts.weeksPerYear,
    gross: opts.voidTreatment === "gross",
    technicalWeeks: opts.technicalWeeks,
  });
  return returnFromSums(sums, opts, cols.source.warnings ?? []);
}

/**
 * The return's figures from its sums: the KPIs for the team and each officer, the
 * ageing and the warnings. Exported for the tests, which check the columnar sums
 * against a plain row-by-row summing through this same step.
 */
export function returnFromSums(sums: ReturnSums, opts: MonthlyReturnOptions, readingWarnings: readonly string[]): MonthlyReturn {
  const { periodStart: start, periodEnd: end, ageBands } = opts;
  const yearStart = reportingYearStart(end);
  const { team, unmatched, unmatchedBeforePeriod, earliest } = sums;
  // Reading warnings (e.g. rent debits that total below zero) travel with the return to the user.
  const warnings: string[] = [...readingWarnings];
  if (unmatched) warnings.push(`${unmatched} transaction(s) in the period are on accounts not in the accounts table; they count in the team totals under "${UNMATCHED_OFFICER}"`);
  if (unmatchedBeforePeriod) warnings.push(`${unmatchedBeforePeriod} transaction(s) from ${serialToIso(yearStart)} to the period start are on accounts not in the accounts table; they count in the year-to-date totals under "${UNMATCHED_OFFICER}"`);

  // The year to date is given only when the export reaches back to the first week of the year (or the period itself starts by 1 April).
  const yearToDateCovered = start <= yearStart || earliest <= yearStart + YEAR_START_GRACE_DAYS;
  const scope: ReturnScope = {
    opts,
    labels: bandLabels(ageBands),
    yearStart,
    yearToDateNote: yearToDateCovered ? null : yearToDateGap(earliest, yearStart),
  };
  const teamKpis = kpisOf(team, scope, "team");
  const byOfficer = sums.groups
    .map((officer, i) => ({ officer, totals: sums.totals[i], kpis: kpisOf(sums.totals[i], scope, "officer") }))
    .sort((a, b) => specialLast(a.officer) - specialLast(b.officer) || a.officer.localeCompare(b.officer));

  return {
    periodStart: start,
    periodEnd: end,
    yearStart,
    yearToDateCovered,
    options: opts,
    totals: team,
    kpis: teamKpis,
    byOfficer,
    ageing: ageingOf(team, scope.labels, ageBands),
    unmatchedTransactions: unmatched,
    warnings,
  };
}

const specialLast = (name: string) => (name === UNASSIGNED_OFFICER ? 1 : name === UNMATCHED_OFFICER ? 2 : 0);

/** What every group's figures share: the options, band labels, the reporting year and why its year to date may be missing. */
interface ReturnScope {
  opts: MonthlyReturnOptions;
  labels: string[];
  yearStart: number;
  yearToDateNote: string | null;
}

/** A denominator in pence (or a count), why it may be zero, and why a figure over it may not be meaningful or needs a caveat. */
interface Denominator {
  value: number;
  whyZero: string;
  notMeaningful: string | null;
  caveat: string | null;
}

const poundsText = (p: number) => `£${(p / 100).toFixed(2)}`;

/**
 * Rent due is "tiny" when it is under a quarter of what the current tenancies' weekly
 * rents come to over the same days: the period then misses rent-debit days (a part
 * month before the debit day), and collected ÷ due runs into thousands of percent.
 * A quarter leaves room for rent-free weeks (two in a four-week period is a half).
 */
function partPeriodNote(rentDue: number, weeklyRent: number, days: number, span: string): string | null {
  // rentDue < weeklyRent × days ÷ 7 ÷ 4, compared in whole pence × 28 so nothing is rounded.
  if (rentDue * 28 >= weeklyRent * days) return null;
  return `not meaningful: rent due ${span} (${poundsText(rentDue)}) is under a quarter of the ${poundsText(Math.round((weeklyRent * days) / 7))} the current tenancies' weekly rents come to over its ${days} days, so it misses rent-debit days (a part month?); choose a period that covers whole rent weeks or a whole month`;
}

const NO_RENT = "not defined: no rent fell due in the period (rent-free weeks, or no rent debits in the export)";

function denominatorOf(kind: DenominatorKind, t: ReturnTotals, scope: ReturnScope, line: "team" | "officer"): Denominator {
  const { opts } = scope;
  const gross = opts.voidTreatment === "gross";
  const plain = (value: number, whyZero: string): Denominator => ({ value, whyZero, notMeaningful: null, caveat: null });
  switch (kind) {
    case "rent due in period":
      return {
        value: t.rentDue + (gross ? t.voidLoss : 0),
        whyZero: NO_RENT,
        notMeaningful: partPeriodNote(t.rentDue, t.currentWeeklyRent, opts.periodEnd - opts.periodStart + 1, "in the period"),
        caveat: null,
      };
    case "rent due year to date":
      return {
        value: t.ytdRentDue + (gross ? t.ytdVoidLoss : 0),
        whyZero: `not defined: no rent fell due from ${serialToIso(scope.yearStart)} to period end`,
        notMeaningful: partPeriodNote(t.ytdRentDue, t.currentWeeklyRent, opts.periodEnd - scope.yearStart + 1, `from ${serialToIso(scope.yearStart)}`),
        caveat: null,
      };
    case "annual rent debit": {
      const given = opts.annualRentDebit == null ? null : pence(opts.annualRentDebit);
      const whyZero = `not defined: the annual rent debit is zero (no weekly rents on current${gross ? " or empty" : ""} homes)`;
      if (given === null) return plain(t.annualDebit, whyZero);
      // The option is the team's figure (the finance system's rent roll). An officer's arrears are set against that
      // officer's own homes: dividing by the team's debit made officer figures about ten times too small, and
      // refusing the option for per-officer tables would break BYOFFICER wherever it shares MONTHLYRETURN's options table.
      if (line === "team") return { value: given, whyZero, notMeaningful: null, caveat: `annual rent debit given as ${poundsText(given)}` };
      return { value: t.annualDebit, whyZero, notMeaningful: null, caveat: `this officer's own homes' annual rent debit (${poundsText(t.annualDebit)}); the ${poundsText(given)} given is the team's` };
    }
    case "gross rent due in period":
      return plain(t.rentDue + t.voidLoss, "not defined: no rent due and no empty-home loss in the period");
    case "current tenancies":
      return plain(t.currentAccounts, "not defined: there are no current tenancies");
    case "current tenant arrears":
      return plain(t.currentArrears, "not defined: there are no current tenant arrears");
  }
}

/** Turns a group's sums into reported KPI figures, each from its definition's own calculation, with a note for each figure that cannot be given. */
function kpisOf(t: ReturnTotals, scope: ReturnScope, line: "team" | "officer"): KpiFigure[] {
  const figures: KpiFigure[] = KPI_DEFINITIONS.map((d: KpiDefinition): KpiFigure => {
    const text = { id: d.id, name: d.name, unit: d.unit, definition: d.definition, basis: d.basis, source: d.source, confidence: d.confidence, denominator: d.denominator };
    if (d.yearToDate && scope.yearToDateNote) return { ...text, value: null, note: scope.yearToDateNote };
    const num = d.numerator(t);
    if (d.denominator === null) return { ...text, value: d.unit === "money" ? num / 100 : num, note: null };
    const den = denominatorOf(d.denominator, t, scope, line);
    if (den.value === 0) return { ...text, value: null, note: den.whyZero };
    if (den.notMeaningful) return { ...text, value: null, note: den.notMeaningful };
    return { ...text, value: pct(num, den.value), note: den.caveat };
  });
  const bandNames = scope.labels;
  // One count row and one £ row per age band, so the return carries the ageing too.
  bandNames.forEach((label, b) => {
    if (b === bandNames.length - 1 && t.bandCounts[b] === 0) return;
    const common = {
      basis: "balances at period end",
      source: "Welsh Government / StatsWales rent arrears by duration (bands < 13, ≥ 13 weeks); bands configurable",
      confidence: "published shape" as const,
      denominator: null,
      note: null,
    };
    figures.push({
      id: `arrears_band_${b + 1}_count`,
      name: `Current tenancies owing ${label} of rent`,
      unit: "count",
      value: t.bandCounts[b],
      definition: `Current tenancies in arrears whose arrears ÷ weekly rent is ${label}.`,
      ...common,
    });
    figures.push({
      id: `arrears_band_${b + 1}_amount`,
      name: `Arrears of tenancies owing ${label} of rent`,
      unit: "money",
      value: t.bandPence[b] / 100,
      definition: `Sum of arrears of current tenancies owing ${label} of rent.`,
      ...common,
    });
  });
  return figures;
}

function ageingOf(t: ReturnTotals, labels: string[], thresholds: readonly number[]): AgeBand[] {
  return labels
    .map((label, b) => ({
      label,
      fromWeeks: b === labels.length - 1 ? null : b === 0 ? 0 : thresholds[b - 1],
      toWeeks: b >= thresholds.length ? null : thresholds[b],
      accounts: t.bandCounts[b],
      arrears: t.bandPence[b] / 100,
      pctOfAccountsInArrears: pct(t.bandCounts[b], t.accountsInArrears),
      pctOfArrears: pct(t.bandPence[b], t.currentArrears),
      ucAccounts: t.bandUcCounts[b],
      ucArrears: t.bandUcPence[b] / 100,
    }))
    .filter((band, b) => b < labels.length - 1 || band.accounts > 0);
}

/** Looks up one KPI in a return by id. @throws ArrearsInputError listing the ids when it is not one. */
export function kpiById(ret: MonthlyReturn, id: string): KpiFigure {
  const key = id.trim().toLowerCase();
  const found = ret.kpis.find((k) => k.id === key);
  if (!found) throw new ArrearsInputError("name", `"${id}" is not a KPI; use one of ${ret.kpis.map((k) => k.id).join(", ")}`);
  return found;
}

/**
 * Arrears ageing alone: current tenancies in arrears by weeks of rent owed. It uses
 * closing balances only, so it needs no transactions and no period.
 * @param accounts canonical accounts (balances at period end).
 * @param ageBands week thresholds, rising; default 4, 8, 13.
 */
export function arrearsAgeing(accounts: readonly Account[], ageBands?: readonly number[] | null): AgeBand[] {
  // Balances alone drive the ageing; the period is a placeholder that no transaction is read against.
  return monthlyReturn({ accounts: [...accounts], transactions: [], voids: [] }, { periodStart: 61, periodEnd: 61, ageBands: ageBands ? [...ageBands] : undefined }).ageing;
}
