import { toCsv } from "../../cli/io/csv";
import { parseDateToSerial, serialToIso } from "../../core/dates/excelSerial";
import { DEFAULT_PROFILE } from "../../core/export/profile";
import type { Arrangement } from "../../core/arrangements/schema";
import { plantArrangements, type PlantedLabel } from "./plantedArrangements";
import { mulberry32 } from "./random";

// Re-exported: tests and the bench draw their own streams from it.
export { mulberry32 };
import type { Account, BalanceHistory, Benefit, TenancyType, Transaction, TransactionType, VoidPeriod } from "../../core/export/schema";

/**
 * Synthetic team export: a deterministic, realistic stand-in for a month's
 * Northgate / Capita / Tallyman extract, for fixtures, samples and benchmarks.
 * No tenant data is involved; the same options and seed always give the same export.
 *
 * Shape (at 17,000 accounts, 12 officers, one month):
 * - ~5% former tenancies, ~1.5% empty homes (each with a voids row), the rest current;
 *   tenancy types roughly 35% secure, 45% assured, 7% introductory, 8% starter, 5% other;
 *   weekly rents £70–£180; UC 35% (30% of them paid direct), HB 20%, none 45%.
 * - Closing balances: about a third of current tenancies in arrears (skewed: most owe a
 *   few weeks, a tail owes 13+), ~8% in credit, the rest near zero; most former tenants owe.
 *   Total arrears come to roughly £4–4.5M.
 * - One month of transactions, ~2.2 per account (~37,000): a monthly rent run (weekly rent
 *   × 52 ÷ 12) on live accounts, tenant payments by method, HB credits, UC direct payments,
 *   write-offs and refunds. Amounts follow the balance (debits +, credits −).
 * - 52 weekly balance snapshots per account ending at period end on the closing balance:
 *   arrears accounts rise, fall, stay static or move erratically; the rest hover near zero.
 * - Optionally (`arrangements`), payment arrangements with planted outcomes and their
 *   payments (samples/generator/plantedArrangements.ts), appended on their own random stream.
 *
 * Speed: 17,000 accounts in well under a second (the history is the bulk: 884,000 numbers).
 */

export interface TeamExportOptions {
  /** Number of accounts (rows in the accounts table). */
  accounts: number;
  /** Number of officers (patches); at most {@link OFFICER_NAMES}.length. */
  officers: number;
  /** PRNG seed: same seed, same export. */
  seed: number;
  /** First day of the reporting period: Excel serial or ISO date. */
  periodStart: number | string;
  /** Last day of the reporting period (inclusive): Excel serial or ISO date. */
  periodEnd: number | string;
  /** Weekly balance snapshots per account, ending at period end (default 52). */
  weeks?: number;
  /**
   * Payment arrangements to plant, with planted outcomes (samples/generator/plantedArrangements.ts):
   * about 3,000 at 17,000 accounts. Default none. They draw on their own random stream and
   * append their payments after the month's transactions, so the accounts, the month's
   * transactions and the balances are the same with or without them.
   */
  arrangements?: number;
}

export interface TeamExport {
  accounts: Account[];
  transactions: Transaction[];
  balanceHistory: BalanceHistory;
  voids: VoidPeriod[];
  /** Planted arrangements and what judging each at the period end must find (only when asked for). */
  arrangements?: Arrangement[];
  arrangementLabels?: PlantedLabel[];
}

/** Officer names used for patches, in order. */
export const OFFICER_NAMES = [
  "Aisha Khan",
  "Ben Morgan",
  "Chloe Evans",
  "Dan Okafor",
  "Ella Hughes",
  "Faisal Ahmed",
  "Grace Williams",
  "Harry Patel",
  "Isla Campbell",
  "Jack Thompson",
  "Kirsty Reid",
  "Liam O'Neill",
  "Megan Davies",
  "Nadia Begum",
  "Owen Jones",
  "Priya Shah",
  "Rhys Roberts",
  "Sophie Clarke",
  "Tom Fletcher",
] as const;

const METHODS = ["Direct Debit", "Standing Order", "allpay", "Card", "Bank transfer", "Cash", "PayPoint"] as const;


const toSerial = (d: number | string, what: string): number => {
  if (typeof d === "number") return Math.floor(d);
  const s = parseDateToSerial(d);
  if (s === null) throw new Error(`${what} must be a date, got "${d}"`);
  return s;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Generates a team export.
 * @example generateTeamExport({ accounts: 17000, officers: 12, seed: 1, periodStart: "2025-04-01", periodEnd: "2025-04-30" })
 */
export function generateTeamExport(options: TeamExportOptions): TeamExport {
  const { accounts: n, seed } = options;
  const officers = Math.max(1, Math.min(options.officers, OFFICER_NAMES.length));
  const start = toSerial(options.periodStart, "periodStart");
  const end = toSerial(options.periodEnd, "periodEnd");
  if (end < start) throw new Error("periodEnd must be on or after periodStart");
  const weeks = options.weeks ?? 52;
  const rnd = mulberry32(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const between = (lo: number, hi: number) => lo + rnd() * (hi - lo);
  const dayIn = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  // Exponential draw: the long tail of arrears (most owe a little, a few owe a lot).
  const expo = (mean: number) => -Math.log(1 - rnd()) * mean;

  const accounts: Account[] = [];
  const transactions: Transaction[] = [];
  const voids: VoidPeriod[] = [];
  const dates = Array.from({ length: weeks }, (_, k) => end - 7 * (weeks - 1 - k));
  const balances: number[][] = [];
  const monthlyFactor = 52 / 12;

  for (let i = 0; i < n; i++) {
    const account = `RA${String(100001 + i)}`;
    const officer = OFFICER_NAMES[Math.floor(rnd() * officers)];
    const r = rnd();
    const status = r < 0.05 ? "former" : r < 0.065 ? "void" : "current";
    const t = rnd();
    const tenancyType: TenancyType = t < 0.35 ? "secure" : t < 0.8 ? "assured" : t < 0.87 ? "introductory" : t < 0.95 ? "starter" : "other";
    const weeklyRent = round2(between(70, 180));
    const b = rnd();
    const benefit: Benefit = status === "void" ? "none" : b < 0.35 ? "UC" : b < 0.55 ? "HB" : "none";
    const ucDirect = benefit === "UC" && rnd() < 0.3;
    const newLet = status === "current" && rnd() < 0.01;
    const tenancyStart = newLet ? dayIn(start, end) : end - dayIn(30, 7000);
    let tenancyEnd: number | null = null;
    if (status === "former") tenancyEnd = rnd() < 0.12 ? dayIn(start, end) : dayIn(end - 700, start - 1);
    if (status === "void") tenancyEnd = dayIn(end - 90, end - 1);

    // Closing balance and the history pattern that leads to it.
    let balance = 0;
    let pattern: "rising" | "falling" | "static" | "erratic" | "flat" = "flat";
    if (status === "current") {
      const c = rnd();
      if (c < 0.31) {
        balance = round2(Math.max(0.5, expo(5.2) + 0.2) * weeklyRent);
        pattern = pick(["rising", "falling", "static", "erratic"] as const);
      } else if (c < 0.39) balance = -round2((0.05 + rnd() * 2) * weeklyRent);
      else balance = rnd() < 0.7 ? 0 : round2(between(-5, 2));
    } else if (status === "former") {
      balance = rnd() < 0.78 ? round2(expo(1300) + 20) : 0;
      pattern = balance > 0 ? "static" : "flat";
    }

    accounts.push({
      account,
      tenancyType,
      status,
      weeklyRent,
      officer,
      tenancyStart: status === "void" ? null : tenancyStart,
      tenancyEnd,
      benefit,
      ucDirect,
      bedrooms: 1 + Math.floor(rnd() * 4),
      balance,
      name: null,
      vulnerable: status === "current" && rnd() < 0.04,
      benefitPending: status === "current" && rnd() < 0.02,
      breathingSpaceUntil: status === "current" && rnd() < 0.005 ? end + dayIn(1, 60) : null,
      lastAction: null,
      lastActionDate: null,
    });

    // Transactions: a monthly rent run on tenancies live in the period, then credits.
    const live = status === "current" || (status === "former" && tenancyEnd !== null && tenancyEnd >= start);
    const monthlyRent = round2(weeklyRent * monthlyFactor);
    const tx = (date: number, type: TransactionType, amount: number, method: string | null = null) =>
      transactions.push({ date, account, type, amount: round2(amount), method });
    if (live) {
      tx(newLet ? tenancyStart : start, "rent", monthlyRent);
      // Accounts in arrears pay less on average; the rest pay about the rent.
      const payFactor = balance > 0 ? between(0.82, 1.12) : between(0.97, 1.1);
      let due = monthlyRent * payFactor;
      if (benefit === "UC" && ucDirect) {
        const uc = round2(monthlyRent * between(0.7, 1));
        tx(dayIn(start, end), "uc", -uc, "DWP");
        due -= uc;
      } else if (benefit === "HB") {
        const hb = round2(weeklyRent * 4 * between(0.5, 1));
        tx(dayIn(start, end), "hb", -hb, "Housing Benefit");
        due -= hb;
      }
      if (due > 1 && rnd() < 0.96) {
        const parts = benefit === "none" && rnd() < 0.12 ? 2 : 1;
        const method = pick(METHODS);
        for (let p = 0; p < parts; p++) tx(dayIn(start, end), "payment", -(due / parts), method);
      }
      if (balance < 0 && rnd() < 0.08) tx(dayIn(start, end), "refund", round2(-balance / 2), "BACS refund");
      if (balance > 0 && balance < 5 && rnd() < 0.2) tx(end, "writeoff", -balance);
    } else if (status === "former" && balance > 0) {
      if (rnd() < 0.25) tx(dayIn(start, end), "payment", -round2(between(5, 60)), pick(METHODS));
      if (rnd() < 0.05) tx(end, "writeoff", -round2(balance * between(0.2, 1)));
    }
    if (status === "current" && rnd() < 0.015) tx(dayIn(start, end), "adjustment", round2(between(-20, 20)));

    if (status === "void") voids.push({ property: account, voidStart: tenancyEnd! + 1, voidEnd: null, weeklyRent, officer });
    if (newLet) voids.push({ property: account, voidStart: tenancyStart - dayIn(10, 60), voidEnd: tenancyStart - 1, weeklyRent, officer });

    balances.push(history(balance, weeklyRent, pattern, weeks, rnd));
  }
  const exp: TeamExport = { accounts, transactions, balanceHistory: { dates, accounts: accounts.map((a) => a.account), balances }, voids };
  if (!options.arrangements) return exp;
  const planted = plantArrangements(accounts, transactions, options.arrangements, seed, start, end);
  return { ...exp, transactions: [...transactions, ...planted.transactions], arrangements: planted.arrangements, arrangementLabels: planted.labels };
}

/** 52 weekly balances ending exactly on the closing balance, shaped by the pattern. */
function history(closing: number, rent: number, pattern: string, weeks: number, rnd: () => number): number[] {
  const out = new Array<number>(weeks);
  const last = weeks - 1;
  const startAt = pattern === "rising" ? closing * rnd() * 0.3 : pattern === "falling" ? closing * (1.5 + rnd()) : closing;
  let walk = 0;
  for (let k = 0; k < weeks; k++) {
    const f = last === 0 ? 1 : k / last;
    let v = startAt + (closing - startAt) * f;
    if (pattern === "erratic") {
      walk += (rnd() - 0.5) * rent;
      v += walk * (1 - f);
    } else if (pattern === "flat") v = (rnd() - 0.5) * 6 * (1 - f) + closing * f;
    else v += (rnd() - 0.5) * rent * 0.2 * (1 - f);
    out[k] = Math.round(v * 100) / 100;
  }
  out[last] = closing;
  return out;
}

/** A table as rows of cells, header first. */
export type Rows = (string | number | boolean | null)[][];

const first = (names: readonly string[] | undefined, fallback: string) => names?.[0] ?? fallback;
const iso = (s: number | null) => (s === null ? null : serialToIso(s));
const yesNo = (b: boolean) => (b ? "yes" : "no");

/**
 * The export as tables with the default profile's headers (the first accepted name of
 * each field), dates as ISO text: what `arrears report` and the add-in read.
 */
export function teamExportTables(exp: TeamExport): { accounts: Rows; transactions: Rows; voids: Rows; balanceHistory: Rows; arrangements?: Rows } {
  const A = DEFAULT_PROFILE.accounts;
  const T = DEFAULT_PROFILE.transactions;
  const V = DEFAULT_PROFILE.voids!;
  const accounts: Rows = [
    [
      first(A.account, "account"),
      first(A.tenancyType, "tenancy type"),
      first(A.status, "status"),
      first(A.weeklyRent, "weekly rent"),
      first(A.officer, "officer"),
      first(A.tenancyStart, "tenancy start"),
      first(A.tenancyEnd, "tenancy end"),
      first(A.benefit, "benefit"),
      first(A.ucDirect, "uc direct"),
      first(A.bedrooms, "bedrooms"),
      first(A.balance, "balance"),
      first(A.vulnerable, "vulnerable"),
      first(A.benefitPending, "benefit claim pending"),
      first(A.breathingSpaceUntil, "breathing space until"),
    ],
  ];
  for (const a of exp.accounts) {
    accounts.push([a.account, a.tenancyType, a.status, a.weeklyRent, a.officer, iso(a.tenancyStart), iso(a.tenancyEnd), a.benefit, yesNo(a.ucDirect), a.bedrooms, a.balance, yesNo(a.vulnerable), yesNo(a.benefitPending), iso(a.breathingSpaceUntil)]);
  }
  const transactions: Rows = [[first(T.date, "date"), first(T.account, "account"), first(T.type, "type"), first(T.amount, "amount"), first(T.method, "method")]];
  for (const t of exp.transactions) transactions.push([iso(t.date), t.account, t.type, t.amount, t.method]);
  const voids: Rows = [[first(V.property, "property"), first(V.voidStart, "void start"), first(V.voidEnd, "void end"), first(V.weeklyRent, "weekly rent"), first(V.officer, "officer")]];
  for (const v of exp.voids) voids.push([v.property, iso(v.voidStart), iso(v.voidEnd), v.weeklyRent, v.officer]);
  const h = exp.balanceHistory;
  const balanceHistory: Rows = [[first(A.account, "account"), ...h.dates.map((d) => serialToIso(d))]];
  h.balances.forEach((row, i) => balanceHistory.push([h.accounts[i], ...row]));
  if (!exp.arrangements) return { accounts, transactions, voids, balanceHistory };
  return { accounts, transactions, voids, balanceHistory, arrangements: arrangementRows(exp.arrangements) };
}

/** Arrangement codes as a housing system's export spells them (each one of the default profile's words). */
const ARRANGEMENT_WORDS = {
  frequency: { weekly: "Weekly", fortnightly: "Fortnightly", fourWeekly: "4 Weekly", monthly: "Monthly", ucPeriod: "UC assessment period" },
  type: { tenant: "Tenant arrangement", spo: "SPO", dwp: "Third party deduction" },
  basis: { arrears: "Arrears only", total: "Total including rent" },
  status: { active: "Live", completed: "Completed", broken: "Broken", onHold: "On hold", vulnerability: "Vulnerability", breathingSpace: "Breathing space", benefitPending: "Benefit claim pending" },
} as const;

/** The Arrangements table with the default profile's headers. */
function arrangementRows(list: readonly Arrangement[]): Rows {
  const R = DEFAULT_PROFILE.arrangements!;
  const rows: Rows = [
    [
      first(R.account, "account"),
      first(R.startDate, "start date"),
      first(R.instalment, "instalment"),
      first(R.basis, "basis"),
      first(R.frequency, "frequency"),
      first(R.type, "type"),
      first(R.startBalance, "start balance"),
      first(R.endDate, "end date"),
      first(R.status, "status"),
      first(R.officer, "officer"),
    ],
  ];
  const W = ARRANGEMENT_WORDS;
  for (const a of list) rows.push([a.account, iso(a.startDate), a.instalment, W.basis[a.basis], W.frequency[a.frequency], W.type[a.type], a.startBalance, iso(a.endDate), W.status[a.status], a.officer]);
  return rows;
}

/** One CSV text per table (RFC 4180, CRLF), with the default profile's headers. */
export function teamExportCsv(exp: TeamExport): { accounts: string; transactions: string; voids: string; balanceHistory: string; arrangements?: string } {
  const t = teamExportTables(exp);
  const csv = { accounts: toCsv(t.accounts), transactions: toCsv(t.transactions), voids: toCsv(t.voids), balanceHistory: toCsv(t.balanceHistory) };
  return t.arrangements ? { ...csv, arrangements: toCsv(t.arrangements) } : csv;
}


/** ISO or dd/mm/yyyy date to an Excel serial, for scripts that pass periods as text. */
export const isoToSerial = (d: string): number => toSerial(d, "date");
