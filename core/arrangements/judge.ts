import { z } from "zod";
import { dateToSerial, serialToDate, serialToIso } from "../dates/excelSerial";
import type { Account, Transaction, TransactionType } from "../export/schema";
import { DEFAULT_TECHNICAL_WEEKS } from "../kpi/monthlyReturn";
import { formatPounds, fromPence, toPence } from "../money";
import { parseOrThrow } from "../zodIssues";
import { matchingRule, type ArrangementOutcome } from "./rules";
import { HOLD_STATUSES, type Arrangement, type Frequency, type RecordedStatus } from "./schema";

/**
 * Judging payment arrangements at an as-of date from the account's transactions.
 *
 * What counts as paid: credits to the account dated from the start date to the as-of
 * date: tenant payments and DHP (type payment, dhp) and benefit credits (uc, hb); a
 * reversed payment (a positive line of those types) counts against. For an instalment
 * that is the arrears part only, rent debits over the same days are taken off: what
 * reduces the arrears is what was paid beyond the rent.
 *
 * What counts as a miss: after instalment k (due on date d_k) the account is "behind"
 * by k instalments less the credits counted by then (never below 0). Tenant payments
 * count up to d_k plus the payment grace; a UC credit up to d_k plus the UC grace, an
 * HB credit up to d_k plus the HB grace, because those arrive on the benefit's own
 * cycle. Instalment k is missed when, once its window has passed, the account is
 * further behind than after instalment k-1: less than an instalment was paid in its
 * turn. So a UC credit landing within its window is never a miss, paying ahead covers
 * later instalments, and a miss made good later stops being owed (but stays counted,
 * with its first date).
 * An instalment's window closes after the longest grace that applies to the account
 * (the UC or HB grace once the account has such a credit, or for a DWP deduction).
 */

/** Transaction types counted as paid by the tenant (dates count with the payment grace). */
const TENANT_CREDITS: ReadonlySet<TransactionType> = new Set(["payment", "dhp"]);

/** Default graces in days: none for the tenant's own payments (due means due); for UC and HB the existing technical-arrears weeks (UC 52/12 weeks, about 30 days, monthly in arrears; HB 4 weeks, 28 days, 4-weekly in arrears), rounded down to whole days. */
export const DEFAULT_ARRANGEMENT_GRACE = {
  paymentDays: 0,
  ucDays: Math.floor(DEFAULT_TECHNICAL_WEEKS.UC * 7),
  hbDays: Math.floor(DEFAULT_TECHNICAL_WEEKS.HB * 7),
} as const;

const days = (what: string, fallback: number) =>
  z
    .number({ error: `${what} must be a number of days` })
    .int({ message: `${what} must be a whole number of days` })
    .min(0, { message: `${what} must be zero or more` })
    .max(366, { message: `${what} must be at most 366 days` })
    .default(fallback);

/** Options for {@link judgeArrangements}. */
export const ArrangementOptionsSchema = z.object({
  paymentGraceDays: days("payment grace", DEFAULT_ARRANGEMENT_GRACE.paymentDays),
  ucGraceDays: days("UC grace", DEFAULT_ARRANGEMENT_GRACE.ucDays),
  hbGraceDays: days("HB grace", DEFAULT_ARRANGEMENT_GRACE.hbDays),
});
export type ArrangementOptionsInput = z.input<typeof ArrangementOptionsSchema>;
export type ArrangementOptions = z.output<typeof ArrangementOptionsSchema>;

/** The account fields that hold an arrangement back. */
export type AccountHolds = Pick<Account, "account" | "vulnerable" | "benefitPending" | "breathingSpaceUntil">;

/** One arrangement judged at the as-of date. Money in £ to the penny (worked in pence). */
export interface ArrangementJudgement {
  account: string;
  officer: string;
  outcome: ArrangementOutcome;
  /** Instalments due from the start date to the as-of date (or the end date, if earlier). */
  instalmentsDue: number;
  /** Credits counted from the start date to the as-of date, less rent for an arrears-part instalment. */
  paid: number;
  /** Instalments due × instalment − paid, never below 0. */
  shortfall: number;
  missed: number;
  firstMissed: number | null;
  /** Days from the last credit on the account (on or before the as-of date) to the as-of date; null when none. */
  daysSinceLastPayment: number | null;
  reason: string;
}

/** The column headings of a judged arrangement, as ARREARS.ARRANGEMENTS spills them. */
export const ARRANGEMENT_COLUMNS = ["Account", "Officer", "Status", "Instalments due", "Paid so far £", "Shortfall £", "Missed", "First missed", "Days since last payment", "Reason"] as const;

/** One account's credits and rent debits, each as sorted dates with running totals in pence. */
export interface Ledger {
  tenant: Running;
  uc: Running;
  hb: Running;
  rent: Running;
  /** Dates of credits (lines that lowered the balance), sorted. */
  creditDates: number[];
}
export interface Running {
  dates: number[];
  /** cum[i]: pence of lines 0..i. */
  cum: number[];
}

/** The last credit dated on or before `asOf`, or null. */
function lastCreditBy(l: Ledger, asOf: number): number | null {
  const d = l.creditDates;
  let lo = 0;
  let hi = d.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d[mid] <= asOf) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? null : d[lo - 1];
}

/** Pence of a running total dated from `from` to `to` inclusive. */
function sumBetween(r: Running, from: number, to: number): number {
  return upTo(r, to) - upTo(r, from - 1);
}
function upTo(r: Running, date: number): number {
  let lo = 0;
  let hi = r.dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (r.dates[mid] <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 0 : r.cum[lo - 1];
}

/** Groups the wanted accounts' transactions into ledgers, once; each judgement reads them up to its own as-of date. */
export function ledgersOf(transactions: readonly Transaction[], wanted: ReadonlySet<string>): Map<string, Ledger> {
  const lines = new Map<string, { tenant: [number, number][]; uc: [number, number][]; hb: [number, number][]; rent: [number, number][]; creditDates: number[] }>();
  for (const t of transactions) {
    if (!wanted.has(t.account)) continue;
    let l = lines.get(t.account);
    if (!l) lines.set(t.account, (l = { tenant: [], uc: [], hb: [], rent: [], creditDates: [] }));
    const pence = toPence(t.amount);
    if (t.type === "rent") l.rent.push([t.date, pence]);
    else if (TENANT_CREDITS.has(t.type) || t.type === "uc" || t.type === "hb") {
      // Credits are negative amounts in the canonical export; paid is their opposite.
      (t.type === "uc" ? l.uc : t.type === "hb" ? l.hb : l.tenant).push([t.date, -pence]);
      if (pence < 0) l.creditDates.push(t.date);
    }
  }
  const running = (xs: [number, number][]): Running => {
    xs.sort((a, b) => a[0] - b[0]);
    const cum: number[] = [];
    let s = 0;
    for (const [, p] of xs) cum.push((s += p));
    return { dates: xs.map((x) => x[0]), cum };
  };
  const out = new Map<string, Ledger>();
  for (const [k, l] of lines) out.set(k, { tenant: running(l.tenant), uc: running(l.uc), hb: running(l.hb), rent: running(l.rent), creditDates: l.creditDates.sort((a, b) => a - b) });
  return out;
}

const EMPTY: Ledger = { tenant: { dates: [], cum: [] }, uc: { dates: [], cum: [] }, hb: { dates: [], cum: [] }, rent: { dates: [], cum: [] }, creditDates: [] };

/**
 * The k-th due date (k from 0) of an arrangement. Monthly and UC-period instalments
 * fall on the start date's day of the month, or the month's last day when it has fewer
 * days (31 January, then 28 or 29 February, then 31 March).
 */
export function dueDate(start: number, frequency: Frequency, k: number): number {
  if (frequency === "weekly") return start + 7 * k;
  if (frequency === "fortnightly") return start + 14 * k;
  if (frequency === "fourWeekly") return start + 28 * k;
  const d = serialToDate(start);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + k;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return dateToSerial(new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay))));
}

const HOLD_WORDS: Partial<Record<RecordedStatus, string>> = {
  onHold: "recorded as on hold",
  vulnerability: "recorded as on hold for vulnerability",
  breathingSpace: "recorded as on hold for Breathing Space",
  benefitPending: "recorded as on hold while a benefit claim is pending",
};

/** The account-level hold in force at asOf, in words, or null. */
function accountHold(a: AccountHolds | undefined, asOf: number): string | null {
  if (!a) return null;
  if (a.breathingSpaceUntil !== null && a.breathingSpaceUntil >= asOf) return `the account is in Breathing Space until ${serialToIso(a.breathingSpaceUntil)}`;
  if (a.vulnerable) return "the account has a vulnerability flag";
  if (a.benefitPending) return "a benefit claim is pending on the account";
  return null;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Judges each arrangement at `asOf` from the transactions (see the module comment for
 * what counts as paid and as a miss; core/arrangements/rules.ts for kept / at risk /
 * broken). Completed (recorded, start balance cleared, or end date passed with nothing
 * overdue) comes first; then holds (the arrangement's status, or the account's
 * vulnerability, benefit-pending or Breathing Space fields), which are never broken.
 * @param accounts optional accounts whose hold fields apply; matched by account reference.
 * @throws ArrearsInputError when an option is out of range.
 */
export function judgeArrangements(
  arrangements: readonly Arrangement[],
  transactions: readonly Transaction[],
  asOf: number,
  options: ArrangementOptionsInput = {},
  accounts: readonly AccountHolds[] = [],
): ArrangementJudgement[] {
  const o = parseOrThrow(ArrangementOptionsSchema, options);
  const ledgers = ledgersOf(transactions, new Set(arrangements.map((a) => a.account)));
  const holds = new Map(accounts.map((a) => [a.account, a]));
  return arrangements.map((a) => judgeOne(a, ledgers.get(a.account), asOf, o, holds.get(a.account)));
}

/** Judges one arrangement from its account's ledger at `asOf` (lines dated after it are not read). */
export function judgeOne(a: Arrangement, ledger: Ledger | undefined, asOf: number, o: ArrangementOptions, holdsOf: AccountHolds | undefined): ArrangementJudgement {
  const l = ledger ?? EMPTY;
  // Every sum is cut at the as-of date: a credit after it has not happened yet.
  const between = (r: Running, from: number, to: number) => sumBetween(r, from, Math.min(to, asOf));
  const inst = toPence(a.instalment);
  const lastDue = a.endDate === null ? asOf : Math.min(asOf, a.endDate);
  // The window after a due date before a shortfall is a miss: the longest grace in play on this account.
  const window = Math.max(o.paymentGraceDays, (l.uc.dates.length > 0 && l.uc.dates[0] <= asOf) || a.type === "dwp" ? o.ucGraceDays : 0, l.hb.dates.length > 0 && l.hb.dates[0] <= asOf ? o.hbGraceDays : 0);
  const start = a.startDate;
  const rentOff = (to: number) => (a.basis === "arrears" ? between(l.rent, start, to) : 0);

  let due = 0;
  let judged = 0;
  let missed = 0;
  let firstMissed: number | null = null;
  let prevBehind = 0;
  for (let k = 0; ; k++) {
    const d = dueDate(start, a.frequency, k);
    if (d > lastDue) break;
    due++;
    if (asOf <= d + window) continue; // still within its window: not yet judged
    judged++;
    const covered =
      between(l.tenant, start, d + o.paymentGraceDays) + between(l.uc, start, d + o.ucGraceDays) + between(l.hb, start, d + o.hbGraceDays) - rentOff(d);
    // Behind by how much after this instalment; a miss is falling further behind (paying less than the instalment, net, in its turn).
    const behind = Math.max(0, due * inst - covered);
    if (behind > prevBehind) {
      missed++;
      firstMissed ??= d;
    }
    prevBehind = behind;
  }
  const credits = between(l.tenant, start, asOf) + between(l.uc, start, asOf) + between(l.hb, start, asOf);
  const paidPence = credits - rentOff(asOf);
  const shortfallPence = Math.max(0, due * inst - paidPence);
  const overduePence = Math.max(0, judged * inst - paidPence);
  const towardArrears = credits - between(l.rent, start, asOf);
  const lastCredit = lastCreditBy(l, asOf);

  const facts = [
    `${plural(due, "instalment")} of ${formatPounds(a.instalment)} due, ${formatPounds(fromPence(paidPence))} paid`,
    missed > 0 ? `${plural(missed, "missed instalment")} (first due ${serialToIso(firstMissed!)})` : "none missed",
    due > judged ? `${plural(due - judged, "instalment")} still within the payment window` : "",
  ].filter(Boolean);
  let outcome: ArrangementOutcome;
  let why: string;
  const recordedHold = HOLD_STATUSES.has(a.status) ? HOLD_WORDS[a.status]! : null;
  const hold = recordedHold ?? accountHold(holdsOf, asOf);
  if (a.status === "completed") [outcome, why] = ["completed", "recorded as completed"];
  else if (hold !== null) [outcome, why] = ["on hold", hold];
  else if (start > asOf) [outcome, why] = ["kept", `not started: first instalment due ${serialToIso(start)}`];
  else if (a.status === "broken") [outcome, why] = ["broken", "recorded as broken in the housing system"];
  else if (a.startBalance !== null && a.startBalance > 0 && towardArrears >= toPence(a.startBalance))
    [outcome, why] = ["completed", `the start balance of ${formatPounds(a.startBalance)} has been paid off`];
  else if (a.endDate !== null && a.endDate < asOf && overduePence === 0) [outcome, why] = ["completed", `ran to its end date ${serialToIso(a.endDate)} with every instalment paid`];
  else {
    const rule = matchingRule(missed, overduePence, inst);
    if (rule) [outcome, why] = [rule.outcome, rule.why + (a.type === "spo" && rule.outcome === "broken" ? ": a breach of the suspended order's terms" : "")];
    else [outcome, why] = ["kept", missed > 0 ? "missed instalments since made good" : "every instalment judged so far was paid"];
  }
  return {
    account: a.account,
    officer: a.officer,
    outcome,
    instalmentsDue: due,
    paid: fromPence(paidPence),
    shortfall: fromPence(shortfallPence),
    missed,
    firstMissed,
    daysSinceLastPayment: lastCredit === null ? null : asOf - lastCredit,
    reason: `${outcome[0].toUpperCase()}${outcome.slice(1)}: ${why}; ${facts.join("; ")}.`,
  };
}
