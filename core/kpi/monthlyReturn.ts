import { z } from "zod";
import { ArrearsInputError } from "../errors";
import { roundPence } from "../money";
import { parseOrThrow } from "../zodIssues";
import { UNASSIGNED_OFFICER, type Account, type CanonicalExport, type Transaction, type VoidPeriod } from "../export/schema";
import { KPI_DEFINITIONS, type KpiDefinition, type KpiUnit } from "./definitions";

/**
 * The monthly return: every KPI, the per-officer breakdown and the arrears ageing,
 * from one pass over the transactions and one over the accounts. Sums are kept in
 * integer pence; money is reported to the penny and percentages to 2 decimal places
 * (halves away from zero, as Excel's ROUND). A KPI whose denominator is zero (no rent
 * fell due, e.g. a rent-free period) has value null and a note saying why: never
 * Infinity, never a silent 0.
 *
 * What each figure uses: collection, write-off and void figures use transactions and
 * voids dated in the period (inclusive); arrears, counts and ageing use the balances
 * and statuses at period end, as the export gives them. An account that changed
 * status in the period counts under its closing status; its transactions in the
 * period count wherever they fall.
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

/** Raw sums for one group (the whole team, or one officer), in integer pence and counts. */
export interface ReturnTotals {
  currentAccounts: number;
  formerAccounts: number;
  voidAccounts: number;
  rentDue: number;
  collected: number;
  tenantPayments: number;
  hbCredits: number;
  ucCredits: number;
  refunds: number;
  writeoffs: number;
  formerWriteoffs: number;
  adjustments: number;
  voidLoss: number;
  annualDebit: number;
  currentArrears: number;
  currentCredit: number;
  formerArrears: number;
  accountsInArrears: number;
  ucAccounts: number;
  ucAccountsInArrears: number;
  ucArrears: number;
  technicalArrears: number;
  /** Per age band (plus a last slot for "no weekly rent recorded"): count and pence of current accounts in arrears. */
  bandCounts: number[];
  bandPence: number[];
  bandUcCounts: number[];
  bandUcPence: number[];
}

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
  options: MonthlyReturnOptions;
  totals: ReturnTotals;
  kpis: KpiFigure[];
  byOfficer: OfficerReturn[];
  ageing: AgeBand[];
  /** Transactions in the period on accounts not in the accounts table (counted in team totals, under their own officer line). */
  unmatchedTransactions: number;
  warnings: string[];
}

/** Officer line for transactions whose account is not in the accounts table. */
export const UNMATCHED_OFFICER = "(not in accounts table)";

function emptyTotals(bands: number): ReturnTotals {
  const slots = () => new Array<number>(bands + 1).fill(0);
  return {
    currentAccounts: 0,
    formerAccounts: 0,
    voidAccounts: 0,
    rentDue: 0,
    collected: 0,
    tenantPayments: 0,
    hbCredits: 0,
    ucCredits: 0,
    refunds: 0,
    writeoffs: 0,
    formerWriteoffs: 0,
    adjustments: 0,
    voidLoss: 0,
    annualDebit: 0,
    currentArrears: 0,
    currentCredit: 0,
    formerArrears: 0,
    accountsInArrears: 0,
    ucAccounts: 0,
    ucAccountsInArrears: 0,
    ucArrears: 0,
    technicalArrears: 0,
    bandCounts: slots(),
    bandPence: slots(),
    bandUcCounts: slots(),
    bandUcPence: slots(),
  };
}

/** Pounds to integer pence: exact for any amount exported to the penny. */
const pence = (pounds: number) => Math.round(pounds * 100);

/** Rounds a percentage to 2 dp, halves away from zero. */
const pct = (num: number, den: number): number | null => (den === 0 ? null : roundPence((num / den) * 100));

/** Index of the band a positive balance falls in, comparing in pence so 4 weeks exactly is "4 to under 8". */
export function bandIndex(balancePence: number, weeklyRentPence: number, thresholds: readonly number[]): number {
  if (weeklyRentPence <= 0) return thresholds.length + 1;
  let i = 0;
  while (i < thresholds.length && balancePence >= thresholds[i] * weeklyRentPence) i++;
  return i;
}

/** Band labels for thresholds [4, 8, 13]: under 4 weeks, 4 to under 8 weeks, …, 13 weeks and over, no weekly rent recorded. */
export function bandLabels(thresholds: readonly number[]): string[] {
  const labels = [`under ${thresholds[0]} weeks`];
  for (let i = 1; i < thresholds.length; i++) labels.push(`${thresholds[i - 1]} to under ${thresholds[i]} weeks`);
  labels.push(`${thresholds[thresholds.length - 1]} weeks and over`);
  labels.push("no weekly rent recorded");
  return labels;
}

/** Days of a void that fall in [start, end], inclusive. */
function voidDaysIn(voidStart: number, voidEnd: number | null, start: number, end: number): number {
  const from = Math.max(voidStart, start);
  const to = Math.min(voidEnd ?? end, end);
  return to >= from ? to - from + 1 : 0;
}

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
  const opts = parseOrThrow(MonthlyReturnOptionsSchema, options);
  const { periodStart: start, periodEnd: end, ageBands } = opts;
  const nBands = ageBands.length + 1;
  const accounts = data.accounts;
  // Reading warnings (e.g. rent debits that total below zero) travel with the return to the user.
  const warnings: string[] = [...(data.warnings ?? [])];

  // Officers get a small integer id so per-officer sums are array slots, not Map lookups per transaction.
  const officerIds = new Map<string, number>();
  const officerNames: string[] = [];
  const groups: ReturnTotals[] = [];
  const officerOf = (name: string) => {
    let id = officerIds.get(name);
    if (id === undefined) {
      id = officerNames.length;
      officerIds.set(name, id);
      officerNames.push(name);
      groups.push(emptyTotals(nBands));
    }
    return id;
  };
  const team = emptyTotals(nBands);

  const accountIndex = new Map<string, number>();
  const accountOfficer = new Int32Array(accounts.length);
  const accountFormer = new Uint8Array(accounts.length);
  const ucWeeks = opts.technicalWeeks.UC;
  const hbWeeks = opts.technicalWeeks.HB;
  const useVoidAccounts = !data.voids;

  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i];
    checkAccount(a);
    accountIndex.set(a.account, i);
    const o = officerOf(a.officer || UNASSIGNED_OFFICER);
    accountOfficer[i] = o;
    const g = groups[o];
    const bal = pence(a.balance);
    const rent = pence(a.weeklyRent);
    if (a.status === "void") {
      add(team, g, "voidAccounts", 1);
      add(team, g, "annualDebit", rent * opts.weeksPerYear);
      if (useVoidAccounts) {
        const from = a.tenancyEnd === null ? start : a.tenancyEnd + 1;
        const loss = Math.round((rent * voidDaysIn(from, null, start, end)) / 7);
        add(team, g, "voidLoss", loss);
      }
      continue;
    }
    if (a.status === "former") {
      accountFormer[i] = 1;
      add(team, g, "formerAccounts", 1);
      if (bal > 0) add(team, g, "formerArrears", bal);
      continue;
    }
    add(team, g, "currentAccounts", 1);
    add(team, g, "annualDebit", rent * opts.weeksPerYear);
    const uc = a.benefit === "UC";
    if (uc) add(team, g, "ucAccounts", 1);
    if (bal <= 0) {
      add(team, g, "currentCredit", bal);
      continue;
    }
    add(team, g, "currentArrears", bal);
    add(team, g, "accountsInArrears", 1);
    const b = bandIndex(bal, rent, ageBands);
    team.bandCounts[b]++;
    g.bandCounts[b]++;
    team.bandPence[b] += bal;
    g.bandPence[b] += bal;
    if (uc) {
      add(team, g, "ucAccountsInArrears", 1);
      add(team, g, "ucArrears", bal);
      team.bandUcCounts[b]++;
      g.bandUcCounts[b]++;
      team.bandUcPence[b] += bal;
      g.bandUcPence[b] += bal;
    }
    const cycleWeeks = uc ? ucWeeks : a.benefit === "HB" ? hbWeeks : 0;
    if (cycleWeeks > 0) add(team, g, "technicalArrears", Math.min(bal, Math.round(rent * cycleWeeks)));
  }

  let unmatched = 0;
  let unmatchedOfficer = -1;
  const txs: readonly Transaction[] = data.transactions;
  for (let i = 0; i < txs.length; i++) {
    const t = txs[i];
    if (!(t.date >= start && t.date <= end)) continue;
    if (!Number.isFinite(t.amount)) throw new ArrearsInputError("transactions", `transaction ${i + 1} (account ${t.account}) has an amount that is not a number`);
    const idx = accountIndex.get(t.account);
    let o: number;
    if (idx === undefined) {
      unmatched++;
      if (unmatchedOfficer < 0) unmatchedOfficer = officerOf(UNMATCHED_OFFICER);
      o = unmatchedOfficer;
    } else o = accountOfficer[idx];
    const g = groups[o];
    const p = pence(t.amount);
    switch (t.type) {
      case "rent":
        add(team, g, "rentDue", p);
        break;
      case "payment":
        add(team, g, "tenantPayments", -p);
        add(team, g, "collected", -p);
        break;
      case "hb":
        add(team, g, "hbCredits", -p);
        add(team, g, "collected", -p);
        break;
      case "uc":
        add(team, g, "ucCredits", -p);
        add(team, g, "collected", -p);
        break;
      case "refund":
        add(team, g, "refunds", p);
        add(team, g, "collected", -p);
        break;
      case "writeoff":
        add(team, g, "writeoffs", -p);
        if (idx !== undefined && accountFormer[idx]) add(team, g, "formerWriteoffs", -p);
        break;
      case "adjustment":
        add(team, g, "adjustments", p);
        break;
    }
  }
  if (unmatched) warnings.push(`${unmatched} transaction(s) in the period are on accounts not in the accounts table; they count in the team totals under "${UNMATCHED_OFFICER}"`);

  for (const v of data.voids ?? []) {
    checkVoid(v);
    const days = voidDaysIn(v.voidStart, v.voidEnd, start, end);
    if (!days) continue;
    const loss = Math.round((pence(v.weeklyRent) * days) / 7);
    add(team, groups[officerOf(v.officer ?? UNASSIGNED_OFFICER)], "voidLoss", loss);
  }

  const labels = bandLabels(ageBands);
  const teamKpis = kpisOf(team, opts, labels);
  const byOfficer = officerNames
    .map((officer, i) => ({ officer, totals: groups[i], kpis: kpisOf(groups[i], opts, labels) }))
    .sort((a, b) => specialLast(a.officer) - specialLast(b.officer) || a.officer.localeCompare(b.officer));

  return {
    periodStart: start,
    periodEnd: end,
    options: opts,
    totals: team,
    kpis: teamKpis,
    byOfficer,
    ageing: ageingOf(team, labels, ageBands),
    unmatchedTransactions: unmatched,
    warnings,
  };
}

const specialLast = (name: string) => (name === UNASSIGNED_OFFICER ? 1 : name === UNMATCHED_OFFICER ? 2 : 0);

type SummedField = Exclude<keyof ReturnTotals, "bandCounts" | "bandPence" | "bandUcCounts" | "bandUcPence">;

function add(team: ReturnTotals, group: ReturnTotals, field: SummedField, amount: number): void {
  team[field] += amount;
  group[field] += amount;
}

function checkAccount(a: Account): void {
  if (!Number.isFinite(a.balance)) throw new ArrearsInputError("accounts.balance", `account ${a.account}: balance must be a number`);
  if (!Number.isFinite(a.weeklyRent) || a.weeklyRent < 0) throw new ArrearsInputError("accounts.weeklyRent", `account ${a.account}: weekly rent must be an amount of zero or more`);
}

function checkVoid(v: VoidPeriod): void {
  if (!Number.isFinite(v.weeklyRent) || v.weeklyRent < 0) throw new ArrearsInputError("voids.weeklyRent", `void ${v.property}: weekly rent must be an amount of zero or more`);
}

/** Turns a group's sums into reported KPI figures, with a note for each figure that cannot be defined. */
function kpisOf(t: ReturnTotals, opts: MonthlyReturnOptions, bandNames: string[]): KpiFigure[] {
  const annualDebit = opts.annualRentDebit == null ? t.annualDebit : pence(opts.annualRentDebit);
  const collectionBase = t.rentDue + (opts.voidTreatment === "gross" ? t.voidLoss : 0);
  const noRent = "not defined: no rent fell due in the period (rent-free weeks, or no rent debits in the export)";
  const noDebit = "not defined: the annual rent debit is zero (no weekly rents on current or empty homes)";
  const money = (p: number) => ({ value: p / 100, note: null });
  const ratio = (num: number, den: number, whyNull: string) => {
    const v = pct(num, den);
    return { value: v, note: v === null ? whyNull : null };
  };
  const values: Record<string, { value: number | null; note: string | null }> = {
    rent_due: money(t.rentDue),
    rent_collected: money(t.collected),
    collection_rate_arc: ratio(t.collected, collectionBase, noRent),
    collection_rate_excl_bf: ratio(t.collected, collectionBase, noRent),
    current_arrears: money(t.currentArrears),
    current_arrears_pct: ratio(t.currentArrears, annualDebit, noDebit),
    former_arrears: money(t.formerArrears),
    former_arrears_pct: ratio(t.formerArrears, annualDebit, noDebit),
    gross_arrears: money(t.currentArrears + t.formerArrears),
    gross_arrears_pct: ratio(t.currentArrears + t.formerArrears, annualDebit, noDebit),
    void_loss: money(t.voidLoss),
    void_loss_pct: ratio(t.voidLoss, t.rentDue + t.voidLoss, "not defined: no rent due and no empty-home loss in the period"),
    writeoffs: money(t.writeoffs),
    writeoffs_pct: ratio(t.writeoffs, t.rentDue, noRent),
    current_accounts: { value: t.currentAccounts, note: null },
    accounts_in_arrears: { value: t.accountsInArrears, note: null },
    accounts_in_arrears_pct: ratio(t.accountsInArrears, t.currentAccounts, "not defined: there are no current tenancies"),
    uc_accounts: { value: t.ucAccounts, note: null },
    uc_accounts_in_arrears: { value: t.ucAccountsInArrears, note: null },
    uc_arrears: money(t.ucArrears),
    uc_arrears_share_pct: ratio(t.ucArrears, t.currentArrears, "not defined: there are no current tenant arrears"),
    technical_arrears: money(t.technicalArrears),
    current_arrears_excl_technical_pct: ratio(t.currentArrears - t.technicalArrears, annualDebit, noDebit),
  };
  const figures: KpiFigure[] = KPI_DEFINITIONS.map((d) => ({ ...d, ...values[d.id] }));
  if (opts.annualRentDebit != null) {
    for (const f of figures) if (f.definition.includes("annual rent debit")) f.note = `annual rent debit given as £${opts.annualRentDebit.toFixed(2)}`;
  }
  // One count row and one £ row per age band, so the return carries the ageing too.
  bandNames.forEach((label, b) => {
    if (b === bandNames.length - 1 && t.bandCounts[b] === 0) return;
    const common = {
      basis: "balances at period end",
      source: "Welsh Government / StatsWales rent arrears by duration (bands < 13, ≥ 13 weeks); bands configurable",
      confidence: "published shape" as const,
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
