import { z } from "zod";
import { dateToSerial, LAST_SERIAL, serialToDate, serialToIso } from "../dates/excelSerial";
import type { ColumnarExport } from "../columns/columnarExport";
import { TRANSACTION_TYPES, type Account, type Transaction, type TransactionType } from "../export/schema";
import { DEFAULT_TECHNICAL_WEEKS } from "../kpi/monthlyReturn";
import { formatPence, formatPounds, fromPence, toPence } from "../money";
import { parseOrThrow } from "../zodIssues";
import { ARRANGEMENT_RULES, matchingRule, type ArrangementOutcome } from "./rules";
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

// Transaction types counted as paid by the tenant (dates count with the payment grace): payment and dhp (see kindOf:
// compared as text there, one line at a time, rather than looked up in a set).

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
  /** Dates of credits (lines that lowered the balance), sorted: `dates[from..to)` of a shared array. */
  creditDates: Running;
}
/** One kind of line of one account: `dates[from..to)` sorted, `cum[i]` the pence of lines from..i. The arrays are shared by every account of one {@link ledgersOf} call. */
export interface Running {
  dates: Float64Array;
  cum: Float64Array;
  from: number;
  to: number;
}

/** Lines dated on or before `date` in r: the index after the last one. */
function after(r: Running, date: number): number {
  let lo = r.from;
  let hi = r.to;
  const d = r.dates;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (d[mid] <= date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last credit dated on or before `asOf`, or null. */
function lastCreditBy(l: Ledger, asOf: number): number | null {
  const i = after(l.creditDates, asOf);
  return i === l.creditDates.from ? null : l.creditDates.dates[i - 1];
}

/** Pence of r's lines dated on or before `date`. */
function upTo(r: Running, date: number): number {
  const i = after(r, date);
  return i === r.from ? 0 : r.cum[i - 1];
}

/** Pence of r's lines before index i (i from r.from). */
const cumBefore = (r: Running, i: number): number => (i === r.from ? 0 : r.cum[i - 1]);
/** Moves index i past r's lines dated on or before `limit`. */
function forward(r: Running, i: number, limit: number): number {
  while (i < r.to && r.dates[i] <= limit) i++;
  return i;
}

/** Kinds of line a ledger keeps, as slots: tenant credits, UC, HB, rent, and the dates of credits. */
const TENANT = 0;
const UC = 1;
const HB = 2;
const RENT = 3;
const CREDIT_DATES = 4;
const SLOTS = 5;

/**
 * Many accounts' lines grouped by account slot, in shared columns: slot s's lines of
 * kind k are `dates[start[s * SLOTS + k] .. start[s * SLOTS + k + 1])`, sorted by date,
 * with `cum` their running pence (the credit dates have no pence).
 */
interface LedgerTable {
  dates: Float64Array;
  cum: Float64Array;
  start: Int32Array;
}

/** The kind slot of a transaction type, or -1 for a type no ledger keeps. */
const kindOf = (type: TransactionType): number => (type === "rent" ? RENT : type === "uc" ? UC : type === "hb" ? HB : type === "payment" || type === "dhp" ? TENANT : -1);

/**
 * The transactions a ledger keeps (a wanted account's rent, payment, DHP, UC and HB lines),
 * read once into columns for grouping: line i's account slot, kind, pence and date, for i
 * below `count`, in export order, with each slot and kind's number of lines counted as they
 * are put. Filled by the caller's own pass over the transactions ({@link putLine}), so a
 * caller that reads them anyway (the worklist's payments) touches each transaction object
 * once; the lines not kept take no room and no second look.
 */
export interface LedgerLines {
  slot: Int32Array;
  kind: Int8Array;
  pence: Float64Array;
  date: Float64Array;
  /** Lines kept so far. */
  count: number;
  /** Lines of each slot and kind (credit dates counted under CREDIT_DATES too), with one spare entry. */
  counts: Int32Array;
  /** How many account slots. */
  slots: number;
}

/** Columns for up to `n` transactions over `slots` account slots, none kept yet. */
export function ledgerLines(n: number, slots: number): LedgerLines {
  return { slot: new Int32Array(n), kind: new Int8Array(n), pence: new Float64Array(n), date: new Float64Array(n), count: 0, counts: new Int32Array(slots * SLOTS + 1), slots };
}

/**
 * {@link ledgerLines} in columns kept from one call to the next, for a caller that groups
 * them (and judges) before it returns: they are good only until the next call of this
 * function (judgeArrangements calls it too). At team scale a new set of columns per call
 * was megabytes of fresh memory on every recalculation; up to {@link KEPT_LINES} lines
 * they are reused (beyond it, as at a million accounts, they are made afresh and let go).
 */
export function reusedLedgerLines(n: number, slots: number): LedgerLines {
  if (n > KEPT_LINES) return ledgerLines(n, slots);
  return { slot: KEPT.slot(n), kind: KEPT.kind(n), pence: KEPT.pence(n), date: KEPT.date(n), count: 0, counts: new Int32Array(slots * SLOTS + 1), slots };
}

/** Most transactions whose columns (and grouped table) are kept between calls: a large team's year, about 10 MB. */
const KEPT_LINES = 250_000;

/** A typed array kept between calls, grown as needed; `(n)` gives its first n entries (contents left from before: callers write before they read). */
function keptArray<T extends Int32Array | Int8Array | Float64Array>(make: (n: number) => T): (n: number) => T {
  let buf = make(0);
  return (n) => {
    if (buf.length < n) buf = make(Math.max(n, Math.ceil(buf.length * 1.5)));
    return buf.subarray(0, n) as T;
  };
}
const KEPT = {
  slot: keptArray((n) => new Int32Array(n)),
  kind: keptArray((n) => new Int8Array(n)),
  pence: keptArray((n) => new Float64Array(n)),
  date: keptArray((n) => new Float64Array(n)),
  tableDates: keptArray((n) => new Float64Array(n)),
  tableCum: keptArray((n) => new Float64Array(n)),
};

/** Keeps transaction t for account slot `slot` (-1: not wanted) when a ledger keeps its type, in the order put. */
export function putLine(lines: LedgerLines, t: Transaction, slot: number): void {
  if (slot < 0) return;
  const kind = kindOf(t.type);
  if (kind < 0) return;
  putKept(lines, slot, kind, toPence(t.amount), t.date);
}

/** The kind slot of each transaction type code (its index in TRANSACTION_TYPES, as the columnar export codes it; TYPE_UNKNOWN and the rest -1). */
const KIND_OF_CODE = (() => {
  const kinds = new Int8Array(256).fill(-1);
  TRANSACTION_TYPES.forEach((t, code) => (kinds[code] = kindOf(t)));
  return kinds;
})();

/** Keeps a transaction given as columns (its type code, pence and date: {@link ColumnarExport}) for account slot `slot` (-1: not wanted), as {@link putLine} keeps its row. */
export function putCodedLine(lines: LedgerLines, slot: number, typeCode: number, pence: number, date: number): void {
  if (slot < 0) return;
  const kind = KIND_OF_CODE[typeCode];
  if (kind < 0) return;
  putKept(lines, slot, kind, pence, date);
}

/** Keeps one line of a kind a ledger keeps. */
function putKept(lines: LedgerLines, slot: number, kind: number, pence: number, date: number): void {
  const i = lines.count++;
  lines.slot[i] = slot;
  lines.kind[i] = kind;
  lines.pence[i] = pence;
  lines.date[i] = date;
  lines.counts[slot * SLOTS + kind]++;
  // Credits are negative amounts in the canonical export.
  if (kind !== RENT && pence < 0) lines.counts[slot * SLOTS + CREDIT_DATES]++;
}

/**
 * Groups the kept lines into a {@link LedgerTable}: one pass over the columns (the lines
 * were counted as they were put) and no object per line: this runs over the whole export on every call, and
 * at team scale an object per line cost more in garbage collection than the judging itself.
 * Each pass is its own small function: V8 compiles a hot loop on its own when it is
 * entered mid-function (on-stack replacement), and code after the loop that had not yet
 * run was compiled without type feedback and dropped back to the interpreter on every
 * call (over a hundred deoptimisations in 30 runs of the bench case, most of its time).
 */
function groupLines(lines: LedgerLines, reuse: boolean): LedgerTable {
  const start = startsOf(lines.counts);
  const total = start[start.length - 1];
  // Every entry is written by fillLines (the counts are the fills), so kept columns need no clearing.
  const kept = reuse && total <= KEPT_LINES;
  const table: LedgerTable = { dates: kept ? KEPT.tableDates(total) : new Float64Array(total), cum: kept ? KEPT.tableCum(total) : new Float64Array(total), start };
  fillLines(lines, table);
  sortSegments(table, lines.slots);
  return table;
}

/** Each slot's start in the shared arrays, from the counts (the last entry is the total). */
function startsOf(counts: Int32Array): Int32Array {
  const start = new Int32Array(counts.length);
  for (let s = 1; s < counts.length; s++) start[s] = start[s - 1] + counts[s - 1];
  return start;
}

/** Writes the lines into the table's segments in export order (a stable sort then keeps that order within a day). */
function fillLines(lines: LedgerLines, table: LedgerTable): void {
  const { slot, kind, pence, date } = lines;
  const { dates, cum } = table;
  const fill = table.start.slice();
  for (let i = 0; i < lines.count; i++) {
    const k = slot[i];
    const kd = kind[i];
    const p = pence[i];
    const j = fill[k * SLOTS + kd]++;
    dates[j] = date[i];
    // Paid is the credit's opposite; rent is as it stands.
    cum[j] = kd === RENT ? p : -p;
    if (kd !== RENT && p < 0) dates[fill[k * SLOTS + CREDIT_DATES]++] = date[i];
  }
}

/** Sorts each segment by date and turns its pence into running totals. */
function sortSegments(table: LedgerTable, slots: number): void {
  const { dates, cum, start } = table;
  for (let s = 0; s < slots * SLOTS; s++) {
    const from = start[s];
    const to = start[s + 1];
    if (to - from < 2) continue;
    const kd = s % SLOTS;
    sortSegment(dates, kd === CREDIT_DATES ? null : cum, from, to);
    if (kd !== CREDIT_DATES) for (let i = from + 1; i < to; i++) cum[i] += cum[i - 1];
  }
}

/** A ledger whose running totals can be pointed at any slot of one table: one object reused for every arrangement judged. */
function ledgerView(table: LedgerTable): Ledger {
  const run = (): Running => ({ dates: table.dates, cum: table.cum, from: 0, to: 0 });
  return { tenant: run(), uc: run(), hb: run(), rent: run(), creditDates: run() };
}

/** Points `view` at slot k of the table; false (view untouched) when the slot has no lines. */
function pointAt(view: Ledger, table: LedgerTable, k: number): boolean {
  const st = table.start;
  const base = k * SLOTS;
  if (st[base + SLOTS] === st[base]) return false;
  const set = (r: Running, kind: number) => {
    r.from = st[base + kind];
    r.to = st[base + kind + 1];
  };
  set(view.tenant, TENANT);
  set(view.uc, UC);
  set(view.hb, HB);
  set(view.rent, RENT);
  set(view.creditDates, CREDIT_DATES);
  return true;
}

/**
 * Groups the wanted accounts' transactions into ledgers, once; each judgement reads
 * them up to its own as-of date (one ledger object per account: for callers that keep
 * them, as the per-officer summary does; judging a list reuses one view instead).
 */
export function ledgersOf(transactions: readonly Transaction[], wanted: ReadonlySet<string>): Map<string, Ledger> {
  const index = new Map<string, number>();
  const names: string[] = [];
  for (const a of wanted) {
    index.set(a, names.length);
    names.push(a);
  }
  // The ledgers are handed back, so their table is the caller's own (not the kept columns).
  const table = groupLines(linesOf(transactions, index, false), false);
  const out = new Map<string, Ledger>();
  for (let k = 0; k < names.length; k++) {
    const l = ledgerView(table);
    if (pointAt(l, table, k)) out.set(names[k], l);
  }
  return out;
}

/** The transactions as ledger lines, each line's slot its account's in `index` (-1 when not there). */
function linesOf(transactions: readonly Transaction[], index: ReadonlyMap<string, number>, reuse: boolean): LedgerLines {
  const lines = reuse ? reusedLedgerLines(transactions.length, index.size) : ledgerLines(transactions.length, index.size);
  // Exports list an account's lines together more often than not: the last account's slot is kept, not looked up again.
  let lastRef: string | null = null;
  let lastSlot = -1;
  for (let i = 0; i < transactions.length; i++) {
    const t = transactions[i];
    if (t.account !== lastRef) {
      lastRef = t.account;
      lastSlot = index.get(t.account) ?? -1;
    }
    putLine(lines, t, lastSlot);
  }
  return lines;
}

/**
 * Sorts dates[from..to) (and the values beside them) by date, keeping the order within
 * a day: an insertion sort in place, since one account's lines of one kind are few and
 * mostly in date order already (no allocation, and nothing moves when sorted).
 */
function sortSegment(dates: Float64Array, values: Float64Array | null, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const d = dates[i];
    if (dates[i - 1] <= d) continue;
    const v = values ? values[i] : 0;
    let j = i - 1;
    while (j >= from && dates[j] > d) {
      dates[j + 1] = dates[j];
      if (values) values[j + 1] = values[j];
      j--;
    }
    dates[j + 1] = d;
    if (values) values[j + 1] = v;
  }
}

const NONE: Running = { dates: new Float64Array(0), cum: new Float64Array(0), from: 0, to: 0 };
const EMPTY: Ledger = { tenant: NONE, uc: NONE, hb: NONE, rent: NONE, creditDates: NONE };

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

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Excel serial of 1900-03-01: from here on a serial is plain days since 1899-12-30. */
const MARCH_1900 = 61;

/**
 * {@link dueDate} for k = 0, 1, 2…, as judging walks them: the start date's year, month
 * and day are worked out once, and each monthly date by arithmetic, not a Date object
 * per instalment (the same dates: a test holds the two together).
 */
export function dueDates(start: number, frequency: Frequency): (k: number) => number {
  const step = stepDays(frequency);
  if (step > 0) return (k) => start + step * k;
  if (start < MARCH_1900) return (k) => dueDate(start, frequency, k);
  const c = civilOf(start);
  return (k) => monthlyDue(c, k);
}

/** Days between a weekly, fortnightly or 4-weekly arrangement's due dates; 0 for the calendar-month ones (monthly, UC period). */
const stepDays = (frequency: Frequency): number => (frequency === "weekly" ? 7 : frequency === "fortnightly" ? 14 : frequency === "fourWeekly" ? 28 : 0);

/** Days from 1970-01-01 to an Excel serial (from 1 March 1900 on, where serials are plain days). */
const UNIX_DAY_0 = 25569;

/**
 * A serial's civil date packed in one small integer, year × 10,000 + month (0–11) × 100 +
 * day, by day arithmetic (days to civil date, H. Hinnant's algorithm): one number, so a
 * judgement walking a monthly arrangement allocates nothing. From 1 March 1900 on.
 */
function civilOf(serial: number): number {
  // Days since 1970-01-01, then shifted to an era starting 0000-03-01.
  const z = serial - UNIX_DAY_0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10000 + (month - 1) * 100 + day;
}

/** The Excel serial of a civil date (month 1–12), by day arithmetic (civil date to days, H. Hinnant's algorithm). */
function serialOfCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + UNIX_DAY_0;
}

/** The k-th monthly due date from a start date given as {@link civilOf}: its day of the month, or the month's last day when it has fewer. */
function monthlyDue(civil: number, k: number): number {
  const y = Math.floor(civil / 10000);
  const m = Math.floor(civil / 100) % 100;
  const day = civil % 100;
  const months = m + k;
  const yy = y + Math.floor(months / 12);
  const mm = months - Math.floor(months / 12) * 12;
  const leap = yy % 4 === 0 && (yy % 100 !== 0 || yy % 400 === 0);
  const last = mm === 1 && leap ? 29 : DAYS_IN_MONTH[mm];
  return serialOfCivil(yy, mm + 1, Math.min(day, last));
}

/** The k-th due date of an arrangement whose step is `step` days (0: calendar months from `civil`, or -1 before March 1900: by {@link dueDate}). */
function dueAt(a: Arrangement, step: number, civil: number, k: number): number {
  return step > 0 ? a.startDate + step * k : civil >= 0 ? monthlyDue(civil, k) : dueDate(a.startDate, a.frequency, k);
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

/** Whether the account has a hold in force at asOf (the test {@link accountHold} words). */
const accountHeld = (a: AccountHolds | undefined, asOf: number): boolean => a !== undefined && ((a.breathingSpaceUntil !== null && a.breathingSpaceUntil >= asOf) || a.vulnerable || a.benefitPending);

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
  // Loops in functions of their own, none here: see groupLines on V8 and loops entered mid-function.
  const slotOf = new Map<string, number>();
  const arrSlot = slotsOfAccounts(arrangements, slotOf);
  // Lines and table in kept columns: both are read only until the judgements (plain numbers and text) are made.
  const table = groupLines(linesOf(transactions, slotOf, true), true);
  return judgeAll(arrangements, arrSlot, table, holdsOfSlots(accounts, slotOf), asOf, o);
}

/**
 * {@link judgeArrangements} over an export already held as columns ({@link toColumnar}),
 * the holds those of the accounts table's rows: the same judgements, with the
 * transactions read from their typed columns, each already resolved to its account's
 * row (no reference looked up per transaction), and the holds from the arranged
 * accounts' rows alone. For a caller that reads the export once for several results
 * (the command line's report: the return, the arrangements and the worklist).
 * An arrangement on an account the accounts table lacks is judged from the
 * transactions that name it, as judgeArrangements judges it.
 * @throws ArrearsInputError when an option is out of range.
 */
export function judgeArrangementsOfColumns(arrangements: readonly Arrangement[], columns: ColumnarExport, asOf: number, options: ArrangementOptionsInput = {}): ArrangementJudgement[] {
  const o = parseOrThrow(ArrangementOptionsSchema, options);
  const slots = slotsOfRows(arrangements, columns);
  const table = groupLines(linesOfColumns(columns, slots, true), true);
  return judgeAll(arrangements, slots.arrSlot, table, slots.holds, asOf, o);
}

/** Arrangements' account slots over the columns' rows (numbered in order of first appearance, as {@link slotsOfAccounts} numbers them). */
interface RowSlots {
  arrSlot: Int32Array;
  /** Each account row's slot, -1 when no arrangement is on it. */
  slotOfRow: Int32Array;
  /** Slots of arranged accounts the accounts table lacks, by reference (their transactions have no row). */
  slotOfMissing: Map<string, number>;
  /** Each slot's account (its row in the table; the last row of a repeated reference, as a lookup finds it), undefined when it has none. */
  holds: (AccountHolds | undefined)[];
}

function slotsOfRows(arrangements: readonly Arrangement[], columns: ColumnarExport): RowSlots {
  const arrSlot = new Int32Array(arrangements.length);
  const slotOfRow = new Int32Array(columns.accountCount).fill(-1);
  const slotOfMissing = new Map<string, number>();
  const holds: (AccountHolds | undefined)[] = [];
  const accounts = columns.source.accounts;
  for (let i = 0; i < arrangements.length; i++) {
    const ref = arrangements[i].account;
    const row = columns.accountIndex.rowOf(ref);
    let k = row >= 0 ? slotOfRow[row] : (slotOfMissing.get(ref) ?? -1);
    if (k < 0) {
      k = holds.length;
      holds.push(row >= 0 ? accounts[row] : undefined);
      if (row >= 0) slotOfRow[row] = k;
      else slotOfMissing.set(ref, k);
    }
    arrSlot[i] = k;
  }
  return { arrSlot, slotOfRow, slotOfMissing, holds };
}

/** The columns' transactions as ledger lines over the slots (a line on an account the table lacks found by its reference, only when an arrangement is on such an account). */
function linesOfColumns(columns: ColumnarExport, slots: RowSlots, reuse: boolean): LedgerLines {
  const m = columns.transactionCount;
  const lines = reuse ? reusedLedgerLines(m, slots.holds.length) : ledgerLines(m, slots.holds.length);
  const { txAccount, txType, txAmountPence, txDate } = columns;
  const slotOfRow = slots.slotOfRow;
  const missing = slots.slotOfMissing.size > 0 ? slots.slotOfMissing : null;
  const txs = columns.source.transactions;
  for (let i = 0; i < m; i++) {
    const row = txAccount[i];
    const slot = row >= 0 ? slotOfRow[row] : missing === null ? -1 : (missing.get(txs[i].account) ?? -1);
    putCodedLine(lines, slot, txType[i], txAmountPence[i], txDate[i]);
  }
  return lines;
}

/** Each arrangement's account slot (into `slotOf`: one slot per arranged account, numbered in order of first appearance). */
function slotsOfAccounts(arrangements: readonly Arrangement[], slotOf: Map<string, number>): Int32Array {
  const arrSlot = new Int32Array(arrangements.length);
  // Indexed loops: a for…of over a long list allocated an iterator result per item in this once-per-call code.
  for (let i = 0; i < arrangements.length; i++) {
    const ref = arrangements[i].account;
    let k = slotOf.get(ref);
    if (k === undefined) slotOf.set(ref, (k = slotOf.size));
    arrSlot[i] = k;
  }
  return arrSlot;
}

/** Only the arranged accounts' holds, by slot: a team's accounts table is several times the arrangements (the last row of a repeated account wins). */
function holdsOfSlots(accounts: readonly AccountHolds[], slotOf: ReadonlyMap<string, number>): (AccountHolds | undefined)[] {
  const holds = new Array<AccountHolds | undefined>(slotOf.size).fill(undefined);
  for (let i = 0; i < accounts.length; i++) {
    const k = slotOf.get(accounts[i].account);
    if (k !== undefined) holds[k] = accounts[i];
  }
  return holds;
}

/** Each arrangement judged in words from its account's slot of the table. */
function judgeAll(arrangements: readonly Arrangement[], arrSlot: Int32Array, table: LedgerTable, holds: readonly (AccountHolds | undefined)[], asOf: number, o: ArrangementOptions): ArrangementJudgement[] {
  const view = ledgerView(table);
  const m = blankMeasures();
  const out = new Array<ArrangementJudgement>(arrangements.length);
  for (let i = 0; i < arrangements.length; i++) {
    const a = arrangements[i];
    const k = arrSlot[i];
    out[i] = judged(a, measure(a, pointAt(view, table, k) ? view : EMPTY, asOf, o, m), asOf, holds[k]);
  }
  return out;
}

/**
 * Each arrangement's outcome alone (an index into {@link ARRANGEMENT_OUTCOMES}; -1 for an
 * arrangement not asked for), decided exactly as {@link judgeArrangements} decides it but
 * with no figures or words: for the worklist, which reads only whether a case's
 * arrangement is broken or at risk. The caller resolves arrangements and transactions to
 * account slots itself (the worklist, through the one reference index it reads everything
 * by), so nothing here is keyed by text.
 * @param arrangementSlot each arrangement's account slot, or -1 to leave it out.
 * @param lines the transactions as ledger lines over the same slots ({@link putLine}).
 * @param holds each slot's account, whose hold fields apply (undefined: none).
 * @param options checked options (ArrangementOptionsSchema's output).
 */
export function arrangementOutcomesBySlot(
  arrangements: readonly Arrangement[],
  arrangementSlot: Int32Array,
  lines: LedgerLines,
  holds: readonly (AccountHolds | undefined)[],
  asOf: number,
  options: ArrangementOptions,
): Int8Array {
  // The table is read only here: kept columns (the lines may be the kept ones too: they are read first).
  const table = groupLines(lines, true);
  const view = ledgerView(table);
  const m = blankMeasures();
  const out = new Int8Array(arrangements.length).fill(-1);
  for (let i = 0; i < arrangements.length; i++) {
    const k = arrangementSlot[i];
    if (k < 0) continue;
    const a = arrangements[i];
    const held = HOLD_STATUSES.has(a.status) || accountHeld(holds[k], asOf);
    // Recorded, held and not-started arrangements are decided without reading the ledger (the outcome needs no figures).
    let v = verdictBeforeMeasuring(a, asOf, held);
    if (v < 0) v = verdictOf(a, measure(a, pointAt(view, table, k) ? view : EMPTY, asOf, options, m), asOf, held);
    out[i] = OUTCOME_INDEX[outcomeOfVerdict(v)];
  }
  return out;
}

const OUTCOME_INDEX: Record<ArrangementOutcome, number> = { kept: 0, "at risk": 1, broken: 2, completed: 3, "on hold": 4 };

/** Judges one arrangement from its account's ledger at `asOf` (lines dated after it are not read). */
export function judgeOne(a: Arrangement, ledger: Ledger | undefined, asOf: number, o: ArrangementOptions, holdsOf: AccountHolds | undefined): ArrangementJudgement {
  return judged(a, measure(a, ledger ?? EMPTY, asOf, o, blankMeasures()), asOf, holdsOf);
}

/** What judging one arrangement measures from its ledger, in pence where money (one record reused across a list). */
interface Measures {
  inst: number;
  due: number;
  judged: number;
  missed: number;
  firstMissed: number | null;
  /** Credits counted since the start date, and rent debited over the same days. */
  credits: number;
  rentSince: number;
  paid: number;
  shortfall: number;
  overdue: number;
  lastCredit: number | null;
}

const blankMeasures = (): Measures => ({ inst: 0, due: 0, judged: 0, missed: 0, firstMissed: null, credits: 0, rentSince: 0, paid: 0, shortfall: 0, overdue: 0, lastCredit: null });

/** Walks one arrangement's instalments against its ledger at `asOf`, into `m`. */
function measure(a: Arrangement, l: Ledger, asOf: number, o: ArrangementOptions, m: Measures): Measures {
  const inst = toPence(a.instalment);
  const lastDue = a.endDate === null ? asOf : Math.min(asOf, a.endDate);
  // The window after a due date before a shortfall is a miss: the longest grace in play on this account.
  const window = Math.max(o.paymentGraceDays, hasLineBy(l.uc, asOf) || a.type === "dwp" ? o.ucGraceDays : 0, hasLineBy(l.hb, asOf) ? o.hbGraceDays : 0);
  const start = a.startDate;
  const arrearsPart = a.basis === "arrears";

  // Each running total is read forward once (the due dates only grow), from its first line on or after the start date;
  // every sum is cut at the as-of date: a credit after it has not happened yet.
  let ti = after(l.tenant, start - 1);
  let ui = after(l.uc, start - 1);
  let hi = after(l.hb, start - 1);
  let ri = after(l.rent, start - 1);
  const t0 = cumBefore(l.tenant, ti);
  const u0 = cumBefore(l.uc, ui);
  const h0 = cumBefore(l.hb, hi);
  const r0 = cumBefore(l.rent, ri);
  // Due dates by arithmetic on numbers (no closure or Date per arrangement: see dueDates).
  const step = stepDays(a.frequency);
  const civil = step > 0 || start < MARCH_1900 ? -1 : civilOf(start);
  let due = 0;
  let judged = 0;
  let missed = 0;
  let firstMissed: number | null = null;
  let prevBehind = 0;
  for (let k = 0; ; k++) {
    const d = dueAt(a, step, civil, k);
    if (d > lastDue) break;
    due++;
    if (asOf <= d + window) continue; // still within its window: not yet judged
    judged++;
    ti = forward(l.tenant, ti, Math.min(d + o.paymentGraceDays, asOf));
    ui = forward(l.uc, ui, Math.min(d + o.ucGraceDays, asOf));
    hi = forward(l.hb, hi, Math.min(d + o.hbGraceDays, asOf));
    ri = forward(l.rent, ri, d);
    const covered = cumBefore(l.tenant, ti) - t0 + cumBefore(l.uc, ui) - u0 + cumBefore(l.hb, hi) - h0 - (arrearsPart ? cumBefore(l.rent, ri) - r0 : 0);
    // Behind by how much after this instalment; a miss is falling further behind (paying less than the instalment, net, in its turn).
    const behind = Math.max(0, due * inst - covered);
    if (behind > prevBehind) {
      missed++;
      firstMissed ??= d;
    }
    prevBehind = behind;
  }
  const credits = upTo(l.tenant, asOf) - t0 + upTo(l.uc, asOf) - u0 + upTo(l.hb, asOf) - h0;
  const rentSince = upTo(l.rent, asOf) - r0;
  const paid = credits - (arrearsPart ? rentSince : 0);
  m.inst = inst;
  m.due = due;
  m.judged = judged;
  m.missed = missed;
  m.firstMissed = firstMissed;
  m.credits = credits;
  m.rentSince = rentSince;
  m.paid = paid;
  m.shortfall = Math.max(0, due * inst - paid);
  m.overdue = Math.max(0, judged * inst - paid);
  m.lastCredit = lastCreditBy(l, asOf);
  return m;
}

/**
 * Which way an arrangement is decided, in the order the checks run: completed as
 * recorded; on hold; not started; broken as recorded; start balance paid off; ran to
 * its end date; else the rules (VERDICT_RULES + 1 + the matching rule's index, or
 * VERDICT_RULES when none matches: kept). One decision for the judgement with words and
 * the outcome alone, so the two cannot disagree.
 */
const VERDICT_RECORDED_COMPLETED = 0;
const VERDICT_HOLD = 1;
const VERDICT_NOT_STARTED = 2;
const VERDICT_RECORDED_BROKEN = 3;
const VERDICT_PAID_OFF = 4;
const VERDICT_RAN_TO_END = 5;
const VERDICT_RULES = 6;

function verdictOf(a: Arrangement, m: Measures, asOf: number, held: boolean): number {
  const early = verdictBeforeMeasuring(a, asOf, held);
  if (early >= 0) return early;
  if (a.startBalance !== null && a.startBalance > 0 && m.credits - m.rentSince >= toPence(a.startBalance)) return VERDICT_PAID_OFF;
  if (a.endDate !== null && a.endDate < asOf && m.overdue === 0) return VERDICT_RAN_TO_END;
  const rule = matchingRule(m.missed, m.overdue, m.inst);
  return rule === null ? VERDICT_RULES : VERDICT_RULES + 1 + ARRANGEMENT_RULES.indexOf(rule);
}

/** The verdicts that need no measures (recorded status, hold, not started), or -1 when the ledger must be read. */
function verdictBeforeMeasuring(a: Arrangement, asOf: number, held: boolean): number {
  if (a.status === "completed") return VERDICT_RECORDED_COMPLETED;
  if (held) return VERDICT_HOLD;
  if (a.startDate > asOf) return VERDICT_NOT_STARTED;
  if (a.status === "broken") return VERDICT_RECORDED_BROKEN;
  return -1;
}

const VERDICT_OUTCOMES: readonly ArrangementOutcome[] = ["completed", "on hold", "kept", "broken", "completed", "completed", "kept"];
const outcomeOfVerdict = (v: number): ArrangementOutcome => (v > VERDICT_RULES ? ARRANGEMENT_RULES[v - VERDICT_RULES - 1].outcome : VERDICT_OUTCOMES[v]);

/** The judgement with its figures and reason in words, from the measures. */
function judged(a: Arrangement, m: Measures, asOf: number, holdsOf: AccountHolds | undefined): ArrangementJudgement {
  const { due, judged: judgedCount, missed, firstMissed } = m;
  const hold = HOLD_STATUSES.has(a.status) ? HOLD_WORDS[a.status]! : accountHold(holdsOf, asOf);
  const v = verdictOf(a, m, asOf, hold !== null);
  const outcome = outcomeOfVerdict(v);
  // The reason's pieces joined once into one flat text: a chain of concatenations left a
  // tree of partial texts per judgement, most of the garbage (and of what a collection
  // copies while the judgements are still in use). Counts, dates and instalments recur
  // from one arrangement to the next and are written once (see the caches below).
  const w = REASON_PARTS;
  w.start();
  w.put(OUTCOME_WORD[outcome]).put(": ");
  if (v === VERDICT_RECORDED_COMPLETED) w.put("recorded as completed");
  else if (v === VERDICT_HOLD) w.put(hold!);
  else if (v === VERDICT_NOT_STARTED) w.put("not started: first instalment due ").put(cachedDate(a.startDate));
  else if (v === VERDICT_RECORDED_BROKEN) w.put("recorded as broken in the housing system");
  else if (v === VERDICT_PAID_OFF) w.put("the start balance of ").put(reasonPounds(a.startBalance!)).put(" has been paid off");
  else if (v === VERDICT_RAN_TO_END) w.put("ran to its end date ").put(cachedDate(a.endDate!)).put(" with every instalment paid");
  else if (v === VERDICT_RULES) w.put(missed > 0 ? "missed instalments since made good" : "every instalment judged so far was paid");
  else {
    const rule = ARRANGEMENT_RULES[v - VERDICT_RULES - 1];
    w.put(rule.why);
    if (a.type === "spo" && rule.outcome === "broken") w.put(": a breach of the suspended order's terms");
  }
  w.put(counted(due, INSTALMENTS_OF)).put(cachedPounds(a.instalment)).put(" due, ").put(formatPence(m.paid)).put(" paid; ");
  if (missed > 0) w.put(counted(missed, MISSED_FIRST_DUE)).put(cachedDate(firstMissed!)).put(due > judgedCount ? ")" : ").");
  else w.put(due > judgedCount ? "none missed" : "none missed.");
  if (due > judgedCount) w.put(counted(due - judgedCount, STILL_WITHIN));
  return {
    account: a.account,
    officer: a.officer,
    outcome,
    instalmentsDue: due,
    paid: fromPence(m.paid),
    shortfall: fromPence(m.shortfall),
    missed,
    firstMissed,
    daysSinceLastPayment: m.lastCredit === null ? null : asOf - m.lastCredit,
    reason: w.text(),
  };
}

/**
 * One reason's text, built piece by piece and made flat once it is whole. Joining an
 * array of pieces (Array#join) took three times as long as adding them up; the sum is a
 * tree of partial texts, which reading its first character turns into one flat text, so
 * the judgement keeps one flat string and the partial texts die at once (kept as a tree,
 * they were most of what a collection copied while the judgements were in use).
 */
class ReasonParts {
  private text_ = "";
  start(): void {
    this.text_ = "";
  }
  put(piece: string): this {
    this.text_ += piece;
    return this;
  }
  text(): string {
    const t = this.text_;
    // Reading a character flattens the text (V8 makes a tree of added texts flat before reading it).
    t.charCodeAt(0);
    this.text_ = "";
    return t;
  }
}
const REASON_PARTS = new ReasonParts();

/** "; 3 instalments of ": a count with the words either side of it, one text per count, written the first time it is needed. */
interface CountWords {
  before: string;
  one: string;
  many: string;
  after: string;
  texts: string[];
}
const INSTALMENTS_OF: CountWords = { before: "; ", one: "instalment", many: "instalments", after: " of ", texts: [] };
const MISSED_FIRST_DUE: CountWords = { before: "", one: "missed instalment", many: "missed instalments", after: " (first due ", texts: [] };
const STILL_WITHIN: CountWords = { before: "; ", one: "instalment", many: "instalments", after: " still within the payment window.", texts: [] };
/** Counts kept written: far more instalments than any arrangement runs to in a lifetime of weekly payments. */
const COUNTS_KEPT = 4096;
function counted(n: number, w: CountWords): string {
  if (n >= 0 && n < COUNTS_KEPT) return (w.texts[n] ??= countText(n, w));
  return countText(n, w);
}
const countText = (n: number, w: CountWords): string => `${w.before}${n} ${n === 1 ? w.one : w.many}${w.after}`;

/**
 * Texts of dates and amounts already written, by value: a team's arrangements share
 * their first-missed dates (a few weeks' due dates) and instalments (a few amounts).
 * Bounded (emptied when full), so the texts stay the same whatever was judged before.
 */
const TEXTS_KEPT = 8192;
const DATE_TEXTS = new Map<number, string>();
const POUND_TEXTS = new Map<number, string>();
function cachedDate(serial: number): string {
  let t = DATE_TEXTS.get(serial);
  if (t === undefined) {
    if (DATE_TEXTS.size >= TEXTS_KEPT) DATE_TEXTS.clear();
    DATE_TEXTS.set(serial, (t = reasonDate(serial)));
  }
  return t;
}
function cachedPounds(x: number): string {
  let t = POUND_TEXTS.get(x);
  if (t === undefined) {
    if (POUND_TEXTS.size >= TEXTS_KEPT) POUND_TEXTS.clear();
    POUND_TEXTS.set(x, (t = reasonPounds(x)));
  }
  return t;
}

/** "£12.50": formatPounds' text, without its thousands pass for the amounts under £1,000 most instalments and payments are. */
export const reasonPounds = (x: number): string => (Math.abs(x) < 999.99 ? `${x < 0 ? "-" : ""}£${Math.abs(x).toFixed(2)}` : formatPounds(x));

/** serialToIso's text from day arithmetic (days to civil date, H. Hinnant's algorithm), without a Date object per reason. */
export function reasonDate(serial: number): string {
  if (serial < MARCH_1900 || serial > LAST_SERIAL) return serialToIso(serial);
  const c = civilOf(serial);
  const year = Math.floor(c / 10000);
  const month = (Math.floor(c / 100) % 100) + 1;
  const day = c % 100;
  return `${year}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}

/** Whether r has a line dated on or before asOf. */
const hasLineBy = (r: Running, asOf: number): boolean => r.to > r.from && r.dates[r.from] <= asOf;

/** Each outcome as the reason starts it. */
const OUTCOME_WORD: Record<ArrangementOutcome, string> = { kept: "Kept", "at risk": "At risk", broken: "Broken", completed: "Completed", "on hold": "On hold" };
