import { z } from "zod";
import { TEAM_LINE } from "../arrangements/byOfficer";
import { ArrangementOptionsSchema, arrangementOutcomesBySlot, putCodedLine, putLine, reusedLedgerLines, type LedgerLines } from "../arrangements/judge";
import { ARRANGEMENT_OUTCOMES, type ArrangementOutcome } from "../arrangements/rules";
import type { Arrangement } from "../arrangements/schema";
import { BENEFIT_HB, BENEFIT_NONE, BENEFIT_UC, type ColumnarExport } from "../columns/columnarExport";
import { refIndex, type RefIndex } from "../columns/refIndex";
import { LAST_SERIAL, serialToIso } from "../dates/excelSerial";
import { ArrearsInputError } from "../errors";
import { escalationColumnsOf, type EscalationColumns } from "../escalation/escalate";
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from "../escalation/policy";
import { balanceTrendColumns, type BalanceTrendColumns } from "../escalation/withTrend";
import { TRANSACTION_TYPES, type Account, type BalanceHistory, type Transaction, type TransactionType } from "../export/schema";
import { DEFAULT_TECHNICAL_WEEKS } from "../kpi/monthlyReturn";
import { formatPence, formatPounds, round2dp, toPence } from "../money";
import { TREND_DIRECTIONS } from "../trend/trend";
import { parseOrThrow } from "../zodIssues";
import type { Authorisations } from "./authorisation";
import { rentYearStart, unreportedRentChanges } from "./ucRentChange";
import { checkPoints, DEFAULT_POINTS, REASON_IDS, type PointsRow, type PointsTable, type ReasonId } from "./points";

/**
 * The daily worklist: the current tenancies in arrears that need action, each with the
 * reasons that make up its score, ranked, and capped per officer.
 *
 * - A case is a current tenancy owing more than £0. Wholly technical arrears (a UC or HB
 *   tenant owing no more than one benefit payment cycle of rent: the monthly return's
 *   technical-arrears weeks, UC 52/12 and HB 4 by default) are not needs-action.
 * - A case with a hold on the account (vulnerable-tenant flag, benefit claim pending,
 *   Breathing Space in force at the as-of date) is listed apart with the hold, never ranked.
 * - Each reason adds the points of its row in the points table (core/worklist/points.ts);
 *   the score is exactly the sum of the listed reasons' points (whole numbers). A case
 *   with no listed reason is not on the list.
 * - Order: score, highest first; then balance (in pence), highest first; then account
 *   reference in character-code order (not locale order, so every machine agrees).
 * - Capped per officer: each officer's first `capPerOfficer` cases in that order; rank is
 *   the position in the capped list.
 * - Next action: the escalation policy's action when the case is due to escalate (and that
 *   reason is listed); otherwise the action of the reason with the most points.
 */

/** Options for {@link worklistOf}. */
export const WorklistOptionsSchema = z.object({
  capPerOfficer: z
    .number({ error: "cap per officer must be a number" })
    .int({ message: "cap per officer must be a whole number of cases" })
    .min(1, { message: "cap per officer must be 1 or more" })
    .max(100_000, { message: "cap per officer must be at most 100000" })
    .default(25),
  ucTechnicalWeeks: z.number({ error: "UC technical weeks must be a number" }).min(0, { message: "UC technical weeks must be zero or more" }).max(52, { message: "UC technical weeks must be at most 52" }).default(DEFAULT_TECHNICAL_WEEKS.UC),
  hbTechnicalWeeks: z.number({ error: "HB technical weeks must be a number" }).min(0, { message: "HB technical weeks must be zero or more" }).max(52, { message: "HB technical weeks must be at most 52" }).default(DEFAULT_TECHNICAL_WEEKS.HB),
  paymentGraceDays: z.number().optional(),
  ucGraceDays: z.number().optional(),
  hbGraceDays: z.number().optional(),
});
export type WorklistOptionsInput = z.input<typeof WorklistOptionsSchema>;

/** Everything the worklist reads. Only accounts, transactions and the as-of date are required. */
export interface WorklistInput extends WorklistOfColumnsInput {
  accounts: readonly Account[];
  transactions: readonly Transaction[];
}

/** What the worklist reads beside an export held as columns ({@link worklistOfColumns}): only the as-of date is required. */
export interface WorklistOfColumnsInput {
  /** The day the list is for (Excel serial). Transactions dated after it are not read. */
  asOf: number;
  arrangements?: readonly Arrangement[] | null;
  /** Weekly balance history: gives the worsening-trend reason (last 13 snapshots). */
  history?: BalanceHistory | null;
  policy?: EscalationPolicy;
  points?: PointsTable;
  /** Accounts awaiting the team leader's authorisation (see core/worklist/authorisation.ts). */
  authorisations?: Authorisations | null;
  options?: WorklistOptionsInput;
}

/** One reason listed for a case, with the points it adds. */
export interface ListedReason {
  reason: ReasonId;
  /** The row's words with the case's figures filled in. */
  words: string;
  points: number;
}

/** One ranked case. */
export interface WorklistRow {
  rank: number;
  account: string;
  officer: string;
  /** Sum of the listed reasons' points. */
  score: number;
  reasons: ListedReason[];
  /** The reasons as shown: "broken arrangement (+40); 13+ weeks owed (+30)". */
  reasonText: string;
  nextAction: string;
  balance: number;
  /** Balance ÷ weekly rent, 2 dp; null without a weekly rent. */
  weeksOwed: number | null;
  /** When the due escalation fell due (last action date + the policy's days after it), or null when it is due on the arrears alone or not due. */
  dueBy: number | null;
}

/** One held case: listed apart with its hold, not ranked. */
export interface HeldCase {
  account: string;
  officer: string;
  /** The hold(s) in words. */
  hold: string;
  balance: number;
  weeksOwed: number | null;
  /** The reasons that would score without the hold, as shown ("" when none). */
  reasonText: string;
}

/** One officer's counts (or the team's, officer "Team"). */
export interface OfficerWorklist {
  officer: string;
  /** Cases with at least one listed reason, before the cap. */
  needsAction: number;
  /** Cases on the capped list. */
  listed: number;
  /** Cases due to escalate on the arrears alone, or whose day-count rule falls due today. */
  dueToday: number;
  /** Cases due to escalate since before today: the policy's days after the last action ran out and no later action is recorded. */
  overdue: number;
  awaitingTeamLeader: number;
  held: number;
  /** Cases in arrears left off because the arrears are wholly technical. */
  technicalOnly: number;
}

export interface Worklist {
  rows: WorklistRow[];
  held: HeldCase[];
  byOfficer: OfficerWorklist[];
  /** What could not be judged and why (a missing table or column): shown beside the list, never silent. */
  notes: string[];
}

/** Column headings of the ranked list. */
export const WORKLIST_COLUMNS = ["Rank", "Account", "Officer", "Score", "Reasons", "Next action", "Balance £", "Weeks owed", "Due by"] as const;
/** Column headings of the held cases. */
export const HELD_COLUMNS = ["Account", "Officer", "Hold", "Balance £", "Weeks owed", "Reasons without the hold"] as const;
/** Column headings of the per-officer counts. */
export const OFFICER_WORKLIST_COLUMNS = ["Officer", "Needs action", "Listed", "Due today", "Overdue", "Awaiting team leader", "Held", "Technical only"] as const;

/** Whether a transaction type counts as a payment for "no payment for N days" (the arrangement judge's credits: payment, dhp, uc, hb). */
const isPaymentType = (type: TransactionType): boolean => type === "payment" || type === "dhp" || type === "uc" || type === "hb";
/** The same by the columnar export's type code (index into TRANSACTION_TYPES; any other code is no payment). */
const IS_PAYMENT_CODE = (() => {
  const paying = new Uint8Array(256);
  TRANSACTION_TYPES.forEach((t, code) => (paying[code] = isPaymentType(t) ? 1 : 0));
  return paying;
})();

const asOfSchema = z
  .number({ error: "as-of date must be a date" })
  .refine((v) => Number.isInteger(v) && v >= 1 && v <= LAST_SERIAL, { message: `as-of date must be a date (a whole Excel date serial from 1 to ${LAST_SERIAL})` });

/** Character-code order: the same on every machine, whatever its locale. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The account's holds in force at `asOf`, in words, or null. */
function holdOf(a: Account, asOf: number): string | null {
  const holds: string[] = [];
  if (a.breathingSpaceUntil !== null && a.breathingSpaceUntil >= asOf) holds.push(`Breathing Space until ${serialToIso(a.breathingSpaceUntil)}`);
  if (a.vulnerable) holds.push("vulnerable-tenant flag");
  if (a.benefitPending) holds.push("benefit claim pending");
  return holds.length ? holds.join("; ") : null;
}

/** The row of `reason` that applies at `value` (the highest From reached), or null. Yes/no reasons pass value 0 and have From null. */
function bandOf(byReason: Map<ReasonId, PointsRow[]>, reason: ReasonId, value: number): PointsRow | null {
  const rows = byReason.get(reason);
  if (!rows) return null;
  let best: PointsRow | null = null;
  for (const r of rows) {
    const from = r.from ?? 0;
    if (value >= from && (best === null || from > (best.from ?? 0))) best = r;
  }
  return best;
}

/** The smallest "days after" of the policy's rules for a stage and tenancy type (the type's own rules, else those for any type); null when none counts days. */
function minDaysAfterOf(policy: EscalationPolicy, stage: string, tenancyType: string): number | null {
  const forStage = policy.rules.filter((r) => r.stage === stage);
  const specific = forStage.filter((r) => (r.tenancyTypes as readonly string[]).includes(tenancyType));
  const rules = specific.length ? specific : forStage.filter((r) => r.tenancyTypes.includes("any"));
  const days = rules.map((r) => r.minDaysAfter).filter((d): d is number => d != null);
  return days.length ? Math.min(...days) : null;
}

/** The day a due escalation fell due: the last action date plus the smallest "days after" of the rules for that stage and tenancy type; null when the stage is reached on the arrears alone. Worked out once per stage and tenancy type. */
class DueBy {
  /** Days after, by stage (its index in `stageIds`) then tenancy type: no key text built per case. */
  private readonly known: (Map<string, number | null> | undefined)[];
  constructor(
    private readonly policy: EscalationPolicy,
    private readonly stageIds: readonly string[],
  ) {
    this.known = stageIds.map(() => undefined);
  }
  /**
   * @param stage the index of the stage in `stageIds`.
   * @param lastActionDate the account's last action date, NaN when none is recorded (read from the case columns, so the account is read only when there is one).
   */
  at(due: boolean, stage: number, lastActionDate: number, a: Account): number | null {
    if (!due || Number.isNaN(lastActionDate)) return null;
    let byType = this.known[stage];
    if (byType === undefined) this.known[stage] = byType = new Map();
    let days = byType.get(a.tenancyType);
    if (days === undefined) byType.set(a.tenancyType, (days = minDaysAfterOf(this.policy, this.stageIds[stage], a.tenancyType)));
    return days === null ? null : lastActionDate + days;
  }
}

/** Weeks of rent owed as the escalation result gives it (ESCALATION's weeksOwed: balance ÷ weekly rent in whole pence, 2 dp), or null without a weekly rent. */
function weeksOwedOf(a: Account): number | null {
  const rentP = Math.round(a.weeklyRent * 100);
  return rentP > 0 ? round2dp(Math.round(a.balance * 100) / rentP) : null;
}

/** A dated history cut at the as-of date (snapshots after it have not happened yet on the day the list is for); a history by period numbers is used as it is. */
function historyUpTo(h: BalanceHistory, asOf: number): BalanceHistory {
  if (h.axis === "periods") return h;
  const keep = h.dates.filter((d) => d <= asOf).length;
  if (keep === h.dates.length) return h;
  return { ...h, dates: h.dates.slice(0, keep), balances: h.balances.map((row) => row.slice(0, keep)) };
}

/**
 * The balance history of the cases alone (row c: case c's history row), when the history
 * lists the accounts table's references row for row (as an export gives them), else null.
 * The same trend as the whole history gives each case: every reference is once in the
 * accounts table (checked before), so once in such a history too, and case c's reference
 * finds exactly that row. The trend then indexes the cases' references, not every
 * account's: about a third of the table, and a third of the memory.
 */
function casesHistory(h: BalanceHistory, refs: readonly string[], caseRow: Int32Array, n: number): BalanceHistory | null {
  if (!aligned(h.accounts, refs)) return null;
  const balances = new Array<(typeof h.balances)[number]>(n);
  for (let c = 0; c < n; c++) balances[c] = h.balances[caseRow[c]];
  const accounts = new Array<string>(n);
  for (let c = 0; c < n; c++) accounts[c] = refs[caseRow[c]];
  return { ...h, accounts, balances };
}

/** Each case's 13-week trend: from the cases' own rows of a history that lists the accounts in order (their references handed over as the very list asked for, so no index is built), else found by reference. */
function casesTrend(h: BalanceHistory, refs: readonly string[], cases: readonly Account[], caseRow: Int32Array, asOf: number): BalanceTrendColumns {
  const own = casesHistory(h, refs, caseRow, cases.length);
  return own ? balanceTrendColumns(own.accounts, historyUpTo(own, asOf)) : balanceTrendColumns(caseRefsOf(cases), historyUpTo(h, asOf));
}

/** Whether the history's references are the accounts table's (each row's reference, as read), row for row. */
function aligned(history: readonly string[], refs: readonly string[]): boolean {
  if (history.length !== refs.length) return false;
  for (let row = 0; row < refs.length; row++) if (history[row] !== refs[row]) return false;
  return true;
}

/** The cases' references, in case order. */
function caseRefsOf(cases: readonly Account[]): string[] {
  const refs = new Array<string>(cases.length);
  for (let c = 0; c < cases.length; c++) refs[c] = cases[c].account;
  return refs;
}

/** Raises each case's worst outcome rank (into `worst`) by its arrangements' outcomes (indexes into ARRANGEMENT_OUTCOMES, -1 not judged). */
function worstOutcomes(outcomes: Int8Array, arrSlot: Int32Array, caseOfSlot: readonly number[], worst: Uint8Array): void {
  for (let i = 0; i < outcomes.length; i++) {
    if (outcomes[i] < 0) continue;
    const c = caseOfSlot[arrSlot[i]];
    const rank = OUTCOME_RANK[ARRANGEMENT_OUTCOMES[outcomes[i]]];
    if (rank > worst[c]) worst[c] = rank;
  }
}

/** Outcome weight: an account with several arrangements is judged by its worst. */
const OUTCOME_RANK: Record<ArrangementOutcome, number> = { broken: 2, "at risk": 1, kept: 0, completed: 0, "on hold": 0 };

/** True when the account has a hold in force at `asOf` (the test {@link holdOf} words). */
const isHeld = (a: Account, asOf: number): boolean => (a.breathingSpaceUntil !== null && a.breathingSpaceUntil >= asOf) || a.vulnerable || a.benefitPending;

/** A reason listed for a case: its points row and, when words are wanted, the row's words filled in. */
interface Listed {
  row: PointsRow;
  words: string;
}

/** The row's words with the case's figures in its placeholders (most rows have none and are used as they are). */
function fillWords(words: string, fill: Record<string, string>): string {
  if (!words.includes("{")) return words;
  // The words split at their placeholders once per text: literal text at even places, placeholder names at odd ones.
  const parts = templateOf(words);
  let out = parts[0];
  // Own fields only: a name such as "constructor" is not a figure, and is left as written.
  for (let i = 1; i < parts.length; i += 2) out += (Object.hasOwn(fill, parts[i]) ? fill[parts[i]] : `{${parts[i]}}`) + parts[i + 1];
  return out;
}

/** Points-table words split at their placeholders, by text (a table has a few dozen rows; emptied if it ever grows past a bound). */
const TEMPLATES = new Map<string, string[]>();
function templateOf(words: string): string[] {
  let parts = TEMPLATES.get(words);
  if (parts === undefined) {
    if (TEMPLATES.size >= 1024) TEMPLATES.clear();
    TEMPLATES.set(words, (parts = words.split(/\{([^{}]*)\}/)));
  }
  return parts;
}

/** £ a week as formatPounds writes it; a slope already to the penny is worded from its pence (formatPence: the same text, without Number#toFixed). */
function slopeText(slope: number): string {
  const pence = Math.round(slope * 100);
  return pence / 100 === slope ? formatPence(pence) : formatPounds(slope);
}

/** What every case's reasons are judged against: worked out once per list. */
interface Judging {
  asOf: number;
  byReason: Map<ReasonId, PointsRow[]>;
  /** The row of each yes/no reason (value 0), or null when it adds nothing. */
  broken: PointsRow | null;
  atRisk: PointsRow | null;
  escalate: PointsRow | null;
  oldRent: PointsRow | null;
  awaitingRow: PointsRow | null;
  /** The policy's stage ids and labels, by stage index (as the escalation columns number them). */
  stageIds: readonly string[];
  stageLabel: Map<string, string>;
  paymentsKnown: boolean;
  firstDate: number;
}

/** The case's facts the reasons read (gathered per case from the case columns; no text). */
interface CaseFacts {
  /** Balance and weekly rent in pence; the tenancy start (NaN when none is recorded). */
  balP: number;
  rentP: number;
  tenancyStart: number;
  outcomeRank: number;
  /** Trend slope £ a week when the trend is worsening, else NaN. */
  worseningSlope: number;
  trendWeeks: number;
  /** Due to escalate (the policy's verdict), and the index of the stage it is at or due to move to. */
  dueToEscalate: boolean;
  stage: number;
  /** Whether the transactions hold a payment for the case, and the date of the last one. */
  paid: boolean;
  lastPaid: number;
  rentChange: { credit: number; changeDate: number } | undefined;
  awaiting: boolean;
}

/** The row a reason adds, or null when it adds nothing (no row reached, or 0 points). */
const adding = (row: PointsRow | null): PointsRow | null => (row === null || row.points === 0 ? null : row);

/**
 * A case's score, and (when `into` is given) its listed reasons with their words, in the
 * order they are judged. One function for both, so the score a case is ranked by is the
 * sum of the reasons shown for it; the words (and the figures written into them) are
 * built only when `into` is given: for the cases shown.
 */
function judgeReasons(j: Judging, f: CaseFacts, into: Listed[] | null): number {
  let score = 0;
  let r: PointsRow | null;
  if (f.outcomeRank === 2 && (r = adding(j.broken))) {
    score += r.points;
    if (into) into.push({ row: r, words: fillWords(r.words, {}) });
  } else if (f.outcomeRank === 1 && (r = adding(j.atRisk))) {
    score += r.points;
    if (into) into.push({ row: r, words: fillWords(r.words, {}) });
  }
  const slope = f.worseningSlope;
  if (!Number.isNaN(slope) && (r = adding(bandOf(j.byReason, "worseningTrend", slope)))) {
    score += r.points;
    if (into) into.push({ row: r, words: fillWords(r.words, { slope: slopeText(slope), trendWeeks: String(f.trendWeeks) }) });
  }
  const rentP = f.rentP;
  if (rentP > 0) {
    const weeks = f.balP / rentP;
    if ((r = adding(bandOf(j.byReason, "weeksOwed", weeks)))) {
      score += r.points;
      if (into) into.push({ row: r, words: fillWords(r.words, { weeks: weeks.toFixed(1) }) });
    }
  }
  if (f.dueToEscalate && (r = adding(j.escalate))) {
    score += r.points;
    if (into) into.push({ row: r, words: fillWords(r.words, { stage: j.stageLabel.get(j.stageIds[f.stage]) ?? j.stageIds[f.stage] }) });
  }
  if (j.paymentsKnown) {
    const last = f.lastPaid;
    const paid = f.paid;
    // None in the transactions: the days since the tenancy began when that is within them,
    // else at least the days they cover, stated as a lower bound ("31+").
    const start = f.tenancyStart;
    // NaN (no start recorded) fails both comparisons, as null did.
    const began = start > j.firstDate && start <= j.asOf;
    const days = paid ? j.asOf - last : began ? j.asOf - start : j.asOf - j.firstDate + 1;
    if ((r = adding(bandOf(j.byReason, "noPayment", days)))) {
      score += r.points;
      if (into) into.push({ row: r, words: fillWords(r.words, { days: !paid && !began ? `${days}+` : String(days) }) });
    }
  }
  const rc = f.rentChange;
  if (rc && (r = adding(j.oldRent))) {
    score += r.points;
    if (into) into.push({ row: r, words: fillWords(r.words, { credit: formatPounds(rc.credit), changeDate: serialToIso(rc.changeDate) }) });
  }
  if (f.awaiting && (r = adding(j.awaitingRow))) {
    score += r.points;
    if (into) into.push({ row: r, words: fillWords(r.words, {}) });
  }
  return score;
}

/** A case's reasons in full, as shown. */
interface ShownReasons {
  listed: Listed[];
  reasons: ListedReason[];
  reasonText: string;
}

const REASON_ORDER = new Map(REASON_IDS.map((id, i) => [id, i]));
// Fields read from Float64Arrays start as NaN (a double), so the record's layout never has to change when a figure arrives.
const blankFacts = (): CaseFacts => ({ balP: NaN, rentP: NaN, tenancyStart: NaN, outcomeRank: 0, worseningSlope: NaN, trendWeeks: NaN, dueToEscalate: false, stage: 0, paid: false, lastPaid: NaN, rentChange: undefined, awaiting: false });
const blankLine = (officer: string): OfficerWorklist => ({ officer, needsAction: 0, listed: 0, dueToday: 0, overdue: 0, awaitingTeamLeader: 0, held: 0, technicalOnly: 0 });

/**
 * The cases (current tenancies in arrears, less wholly technical arrears) with the figures
 * the worklist reads of them, as columns, gathered in the one pass over the accounts that
 * also lists every row's reference. Every later step reads these columns rather than the
 * account objects: at team scale each pass over thousands of objects scattered in memory
 * cost more than the work done with what it read. Read from the row objects
 * ({@link Cases.ofRows}) or from the money and benefit columns of an export held as
 * columns ({@link Cases.ofColumns}), an account in arrears then read as an object.
 */
class Cases {
  /** The cases' accounts, in account order. */
  readonly list: Account[] = [];
  /** Each account row's reference. */
  readonly refs: readonly string[];
  /** Each account row's position among the cases, or -1. */
  readonly caseOf: Int32Array;
  /** Per case: its account row; balance and weekly rent in pence; tenancy start (NaN when none); 1 when held; its officer (index into `officers`). */
  readonly row: Int32Array;
  readonly balP: Float64Array;
  readonly rentP: Float64Array;
  readonly tenancyStart: Float64Array;
  /** Per case: the last action date, NaN when none is recorded. */
  readonly lastActionDate: Float64Array;
  readonly held: Uint8Array;
  readonly officer: Int32Array;
  /** The cases' officers, in order of first appearance. */
  readonly officers: string[] = [];
  private readonly officerIndex = new Map<string, number>();
  /** Accounts in arrears left off as wholly technical, by officer. */
  readonly technical = new Map<string, number>();

  private constructor(
    refs: readonly string[],
    private readonly asOf: number,
    private readonly ucWeeks: number,
    private readonly hbWeeks: number,
  ) {
    const rows = refs.length;
    this.refs = refs;
    this.caseOf = new Int32Array(rows).fill(-1);
    this.row = new Int32Array(rows);
    this.balP = new Float64Array(rows);
    this.rentP = new Float64Array(rows);
    this.tenancyStart = new Float64Array(rows);
    this.lastActionDate = new Float64Array(rows);
    this.held = new Uint8Array(rows);
    this.officer = new Int32Array(rows);
  }

  /** The cases of the row objects, every row's reference listed as they are read. */
  static ofRows(all: readonly Account[], asOf: number, ucWeeks: number, hbWeeks: number): Cases {
    const refs = new Array<string>(all.length);
    const cases = new Cases(refs, asOf, ucWeeks, hbWeeks);
    for (let row = 0; row < all.length; row++) {
      const a = all[row];
      refs[row] = a.account;
      if (a.status !== "current") continue;
      const balP = toPence(a.balance);
      if (!(balP > 0)) continue;
      cases.take(row, a, balP, toPence(a.weeklyRent), a.benefit === "UC" ? BENEFIT_UC : a.benefit === "HB" ? BENEFIT_HB : BENEFIT_NONE);
    }
    return cases;
  }

  /** The cases of an export held as columns: the money and benefit from its columns; only an account in arrears is read as an object. */
  static ofColumns(cols: ColumnarExport, asOf: number, ucWeeks: number, hbWeeks: number): Cases {
    const cases = new Cases(cols.accountRefs, asOf, ucWeeks, hbWeeks);
    const all = cols.source.accounts;
    const { balancePence, weeklyRentPence, benefit } = cols;
    for (let row = 0; row < cols.accountCount; row++) {
      const balP = balancePence[row];
      if (!(balP > 0)) continue;
      const a = all[row];
      if (a.status !== "current") continue;
      cases.take(row, a, balP, weeklyRentPence[row], benefit[row]);
    }
    return cases;
  }

  get count(): number {
    return this.list.length;
  }

  /** A current account in arrears (balance and rent in pence, its benefit code): a case, or counted as wholly technical. */
  private take(row: number, a: Account, balP: number, rentP: number, benefit: number): void {
    const cycleWeeks = benefit === BENEFIT_UC ? this.ucWeeks : benefit === BENEFIT_HB ? this.hbWeeks : 0;
    // As the monthly return's technical arrears: one cycle of rent, rounded to the penny.
    if (cycleWeeks > 0 && balP <= Math.round(rentP * cycleWeeks)) {
      this.technical.set(a.officer, (this.technical.get(a.officer) ?? 0) + 1);
      return;
    }
    const c = this.list.length;
    this.caseOf[row] = c;
    this.row[c] = row;
    this.balP[c] = balP;
    this.rentP[c] = rentP;
    this.tenancyStart[c] = a.tenancyStart === null ? NaN : a.tenancyStart;
    this.lastActionDate[c] = a.lastActionDate === null ? NaN : a.lastActionDate;
    this.held[c] = isHeld(a, this.asOf) ? 1 : 0;
    this.officer[c] = this.officerOf(a.officer);
    this.list.push(a);
  }

  private officerOf(name: string): number {
    let i = this.officerIndex.get(name);
    if (i === undefined) {
      this.officerIndex.set(name, (i = this.officers.length));
      this.officers.push(name);
    }
    return i;
  }
}

/**
 * What one pass over the transactions gathers for the cases: each case's last payment on
 * or before the as-of date, and the first date the transactions cover (the arrangements'
 * ledger lines are put beside it).
 */
class Payments {
  readonly lastPaid: Float64Array;
  readonly paidSeen: Uint8Array;
  firstDate = Infinity;
  constructor(cases: number) {
    this.lastPaid = new Float64Array(cases);
    this.paidSeen = new Uint8Array(cases);
  }
  /** A line dated on or before the as-of date; `payment` when it is a credit of a paying type, `c` its case or -1. */
  note(c: number, date: number, payment: boolean): void {
    if (date < this.firstDate) this.firstDate = date;
    if (payment && c >= 0 && (!this.paidSeen[c] || date > this.lastPaid[c])) {
      this.lastPaid[c] = date;
      this.paidSeen[c] = 1;
    }
  }
}

/**
 * The export as the worklist reads it: the accounts (the cases gathered from them), every
 * row's reference index, and one pass over the transactions. From the row objects
 * (ARREARS.WORKLIST's, read as they come: importing them to columns first cost a quarter
 * more per call) or from an export held as columns.
 */
interface WorklistReading {
  accounts: readonly Account[];
  transactions: readonly Transaction[];
  index: RefIndex;
  cases: Cases;
  /**
   * One pass over the transactions: each line of an account with a ledger slot put in `ledger`, and each line dated
   * on or before `asOf` noted in `payments` (with its case).
   */
  readTransactions(ledger: LedgerLines | null, slotOfRow: Int32Array | null, asOf: number, payments: Payments): void;
}

/**
 * The row objects as the worklist reads them. Classes, not object literals with their own
 * closures: a closure made afresh on every call is code V8 optimises for one call's
 * context and drops at the next (see Scoring).
 */
class RowReading implements WorklistReading {
  readonly accounts: readonly Account[];
  readonly transactions: readonly Transaction[];
  readonly cases: Cases;
  readonly index: RefIndex;
  constructor(input: WorklistInput, asOf: number, ucWeeks: number, hbWeeks: number) {
    this.accounts = input.accounts;
    this.transactions = input.transactions;
    this.cases = Cases.ofRows(input.accounts, asOf, ucWeeks, hbWeeks);
    this.index = refIndex(this.cases.refs);
  }

  readTransactions(ledger: LedgerLines | null, slotOfRow: Int32Array | null, asOf: number, payments: Payments): void {
    const { transactions: txs, index } = this;
    const caseOf = this.cases.caseOf;
    // Exports list an account's lines together more often than not: the last account's row is kept, not looked up again.
    let lastRef: string | null = null;
    let row = -1;
    for (let i = 0; i < txs.length; i++) {
      const t = txs[i];
      if (t.account !== lastRef) {
        lastRef = t.account;
        row = index.rowOf(t.account);
      }
      if (ledger !== null && row >= 0) putLine(ledger, t, slotOfRow![row]);
      if (t.date > asOf) continue;
      payments.note(row < 0 ? -1 : caseOf[row], t.date, t.amount < 0 && isPaymentType(t.type));
    }
  }
}

/** An export held as columns as the worklist reads it. */
class ColumnReading implements WorklistReading {
  readonly accounts: readonly Account[];
  readonly transactions: readonly Transaction[];
  readonly cases: Cases;
  readonly index: RefIndex;
  constructor(
    private readonly cols: ColumnarExport,
    asOf: number,
    ucWeeks: number,
    hbWeeks: number,
  ) {
    this.accounts = cols.source.accounts;
    this.transactions = cols.source.transactions;
    this.cases = Cases.ofColumns(cols, asOf, ucWeeks, hbWeeks);
    this.index = cols.accountIndex;
  }

  readTransactions(ledger: LedgerLines | null, slotOfRow: Int32Array | null, asOf: number, payments: Payments): void {
    const caseOf = this.cases.caseOf;
    const { txAccount, txDate, txAmountPence, txType, transactionCount } = this.cols;
    for (let i = 0; i < transactionCount; i++) {
      const row = txAccount[i];
      if (ledger !== null && row >= 0) putCodedLine(ledger, slotOfRow![row], txType[i], txAmountPence[i], txDate[i]);
      const date = txDate[i];
      if (date > asOf) continue;
      // A credit of less than half a penny rounds to none (the readers give amounts to the penny).
      payments.note(row < 0 ? -1 : caseOf[row], date, txAmountPence[i] < 0 && IS_PAYMENT_CODE[txType[i]] === 1);
    }
  }
}

/**
 * One list's scoring: every case scored from its figures (held cases apart, with their
 * reasons in words), each officer's best cases chosen and ranked, and the rows listed
 * with their words. What {@link worklistOf} has gathered by case is read through it.
 */
class Scoring {
  readonly score: Float64Array;
  readonly candidates: number[] = [];
  readonly held: HeldCase[] = [];
  /** Each officer's counts, by the cases' officer index (typed columns: the per-case loops read no array of objects, whose layout V8 had to re-learn call after call). */
  private readonly needsAction: Int32Array;
  private readonly listed: Int32Array;
  private readonly dueToday: Int32Array;
  private readonly overdue: Int32Array;
  private readonly awaitingTeamLeader: Int32Array;
  private readonly heldCount: Int32Array;
  private readonly facts = blankFacts();
  // The escalation's columns held apart from the object that carries them: that object's shape (closures among
  // its fields, new ones each call) changed from one call to the next, and code reading it was dropped each time.
  private readonly stage: Int32Array;
  private readonly due: Uint8Array;
  private readonly nextActionAt: EscalationColumns["nextActionAt"];

  constructor(
    private readonly j: Judging,
    private readonly cases: Cases,
    private readonly worst: Uint8Array,
    private readonly trend: BalanceTrendColumns | null,
    escalation: EscalationColumns,
    private readonly paidSeen: Uint8Array,
    private readonly lastPaid: Float64Array,
    private readonly unreported: ReadonlyMap<string, { credit: number; changeDate: number }>,
    private readonly awaiting: Uint8Array,
    private readonly dueBy: DueBy,
    private readonly asOf: number,
  ) {
    this.score = new Float64Array(cases.count);
    const officers = cases.officers.length;
    this.needsAction = new Int32Array(officers);
    this.listed = new Int32Array(officers);
    this.dueToday = new Int32Array(officers);
    this.overdue = new Int32Array(officers);
    this.awaitingTeamLeader = new Int32Array(officers);
    this.heldCount = new Int32Array(officers);
    this.stage = escalation.stage;
    this.due = escalation.due;
    this.nextActionAt = escalation.nextActionAt;
  }


  /** Each officer's counts as shown (technical arrears are counted apart, by the cases' reading). */
  lines(): OfficerWorklist[] {
    return this.cases.officers.map((officer, o) => ({
      ...blankLine(officer),
      needsAction: this.needsAction[o],
      listed: this.listed[o],
      dueToday: this.dueToday[o],
      overdue: this.overdue[o],
      awaitingTeamLeader: this.awaitingTeamLeader[o],
      held: this.heldCount[o],
    }));
  }

  /** Fills `f` with case c's facts (one record is reused for every case scored). */
  factsOf(c: number, f: CaseFacts): CaseFacts {
    const trend = this.trend;
    const cases = this.cases;
    f.balP = cases.balP[c];
    f.rentP = cases.rentP[c];
    f.tenancyStart = cases.tenancyStart[c];
    f.outcomeRank = this.worst[c];
    f.worseningSlope = trend !== null && trend.fitted[c] && TREND_DIRECTIONS[trend.direction[c]] === "worsening" ? trend.slopePerWeek[c] : NaN;
    f.trendWeeks = trend === null ? 0 : trend.weeks[c];
    f.dueToEscalate = this.due[c] === 1;
    f.stage = this.stage[c];
    f.paid = this.paidSeen[c] === 1;
    f.lastPaid = this.lastPaid[c];
    f.rentChange = this.unreported.size ? this.unreported.get(cases.list[c].account) : undefined;
    f.awaiting = this.awaiting[c] === 1;
    return f;
  }

  /** A case's reasons in full: most points first; equal points in the reasons' own order. */
  reasonsOf(c: number): ShownReasons {
    const listed: Listed[] = [];
    judgeReasons(this.j, this.factsOf(c, blankFacts()), listed);
    listed.sort((x, y) => y.row.points - x.row.points || REASON_ORDER.get(x.row.reason)! - REASON_ORDER.get(y.row.reason)!);
    // Plain loops, not map and join: arrays made by map took a different layout from call to call, and code reading them was dropped each time.
    const reasons: ListedReason[] = [];
    let reasonText = "";
    for (let i = 0; i < listed.length; i++) {
      const l = listed[i];
      reasons.push({ reason: l.row.reason, words: l.words, points: l.row.points });
      reasonText += `${i > 0 ? "; " : ""}${l.words} (+${l.row.points})`;
    }
    return { listed, reasons, reasonText };
  }

  /** Scores every case from its figures; held cases go apart (with their reasons in words). */
  scoreCases(): void {
    const { cases, asOf, facts } = this;
    for (let c = 0; c < cases.count; c++) {
      if (cases.held[c]) {
        const a = cases.list[c];
        this.held.push({ account: a.account, officer: a.officer, hold: holdOf(a, asOf)!, balance: a.balance, weeksOwed: weeksOwedOf(a), reasonText: this.reasonsOf(c).reasonText });
        this.heldCount[cases.officer[c]]++;
        continue;
      }
      // One facts record reused for every case: scoring builds no text and keeps nothing.
      this.factsOf(c, facts);
      const s = judgeReasons(this.j, facts, null);
      // Every listed reason adds at least 1 point (a 0-point row is never listed): no score, no reason.
      if (s === 0) continue;
      this.score[c] = s;
      this.candidates.push(c);
      const o = cases.officer[c];
      this.needsAction[o]++;
      if (facts.dueToEscalate) {
        const by = this.dueBy.at(true, facts.stage, cases.lastActionDate[c], cases.list[c]);
        if (by === null || by >= asOf) this.dueToday[o]++;
        else this.overdue[o]++;
      }
      if (facts.awaiting) this.awaitingTeamLeader[o]++;
    }
  }

  /** Whether case x ranks above case y: score, then balance in pence, highest first; then reference in character-code order. */
  private ranksAbove(x: number, y: number): boolean {
    const { score, cases } = this;
    if (score[x] !== score[y]) return score[x] > score[y];
    if (cases.balP[x] !== cases.balP[y]) return cases.balP[x] > cases.balP[y];
    return byCode(cases.list[x].account, cases.list[y].account) < 0;
  }

  /**
   * Each officer's first `cap` candidates in rank order, all together in rank order: the
   * same cases, in the same order, as ranking every candidate and keeping each officer's
   * first `cap`, without sorting the thousands that are not listed. Each officer's best
   * are kept in order as the candidates are read; most candidates rank below that
   * officer's last kept case and are passed over after one comparison.
   */
  listedCases(cap: number): number[] {
    const best: number[][] = this.cases.officers.map(() => []);
    for (let i = 0; i < this.candidates.length; i++) {
      const c = this.candidates[i];
      const kept = best[this.cases.officer[c]];
      let at = kept.length;
      if (at === cap) {
        if (!this.ranksAbove(c, kept[cap - 1])) continue;
        at = cap - 1;
      } else kept.push(c);
      while (at > 0 && this.ranksAbove(c, kept[at - 1])) {
        kept[at] = kept[at - 1];
        at--;
      }
      kept[at] = c;
    }
    const listed = best.flat();
    listed.sort((x, y) => (x === y ? 0 : this.ranksAbove(x, y) ? -1 : 1));
    return listed;
  }

  /** The ranked rows: each officer's first `cap` candidates, with their reasons in words and next action. */
  listRows(cap: number): WorklistRow[] {
    const listed = this.listedCases(cap);
    const rows = new Array<WorklistRow>(listed.length);
    for (let i = 0; i < listed.length; i++) {
      const c = listed[i];
      const a = this.cases.list[c];
      const { listed: shown, reasons, reasonText } = this.reasonsOf(c);
      const escalating = reasons.some((r) => r.reason === "dueToEscalate");
      rows[i] = {
        rank: i + 1,
        account: a.account,
        officer: a.officer,
        score: reasons.reduce((sum, r) => sum + r.points, 0),
        reasons,
        reasonText,
        // The next action in words only for the rows shown: the escalation's full result for this case.
        nextAction: escalating ? this.escalationNextAction(c) : shown[0].row.action,
        balance: a.balance,
        weeksOwed: weeksOwedOf(a),
        dueBy: this.dueBy.at(this.due[c] === 1, this.stage[c], this.cases.lastActionDate[c], a),
      };
      this.listed[this.cases.officer[c]]++;
    }
    return rows;
  }

  /** Case c's next action as the escalation's full result gives it (its reason is not worded: the list does not show it). */
  private escalationNextAction(c: number): string {
    const e = this.nextActionAt(c);
    if (e instanceof ArrearsInputError) throw e;
    return e;
  }
}

/**
 * Builds the worklist (see the module comment for what is listed, how it is scored and
 * ordered). Pure: the same input gives the same output, whatever the order of the accounts.
 *
 * Speed (17,000 accounts): accounts are resolved by row once (one reference index, no
 * text-keyed maps per transaction) and the transactions read in one pass (rows, last
 * payments, the arrangements' ledger lines as typed columns); arrangements are judged for
 * their outcome alone and escalation read as columns; each case is scored from its figures
 * alone, and the reasons' words are built only for the rows listed after the cap and for
 * held cases.
 * @throws ArrearsInputError for a bad option, points table or as-of date, a repeated account, or an account escalation cannot judge.
 */
export function worklistOf(input: WorklistInput): Worklist {
  return worklistFrom(input, (asOf, ucWeeks, hbWeeks) => new RowReading(input, asOf, ucWeeks, hbWeeks));
}

/**
 * {@link worklistOf} over an export already held as columns ({@link toColumnar}): the same
 * list. The money, benefit and each transaction's account row, type, pence and date are
 * read from the typed columns; only the accounts in arrears are read as objects (their
 * status, dates, holds and officer). For a caller that reads the export once for several
 * results, as the command line's report does.
 * @throws ArrearsInputError as worklistOf.
 */
export function worklistOfColumns(cols: ColumnarExport, input: WorklistOfColumnsInput): Worklist {
  return worklistFrom(input, (asOf, ucWeeks, hbWeeks) => new ColumnReading(cols, asOf, ucWeeks, hbWeeks));
}

/** The worklist from the export as `read` reads it (once the as-of date and options are checked). */
function worklistFrom(input: WorklistOfColumnsInput, read: (asOf: number, ucWeeks: number, hbWeeks: number) => WorklistReading): Worklist {
  const asOf = parseOrThrow(asOfSchema, input.asOf);
  const o = parseOrThrow(WorklistOptionsSchema, input.options ?? {});
  // The arrangement graces, checked (and defaulted) by the arrangements' own rules even when no arrangements are given: the UC grace also settles the UC old-rent reason.
  const graces = parseOrThrow(ArrangementOptionsSchema, { paymentGraceDays: o.paymentGraceDays, ucGraceDays: o.ucGraceDays, hbGraceDays: o.hbGraceDays });
  const policy = input.policy ?? DEFAULT_ESCALATION_POLICY;
  const points = checkPoints(input.points ?? DEFAULT_POINTS);
  const byReason = new Map<ReasonId, PointsRow[]>();
  for (const r of points) {
    const list = byReason.get(r.reason);
    if (list) list.push(r);
    else byReason.set(r.reason, [r]);
  }
  const notes: string[] = [];

  // Every account's row, once: transactions, arrangements and results are resolved through it.
  // Each hot loop below sits in a function of its own: V8 compiles a long loop on its own once it is hot (on-stack
  // replacement), and code after it in the same function that had not yet run was compiled without type feedback and
  // dropped back to the interpreter on every call (the same deoptimisation, call after call, in the bench case).
  // The cases and their figures, read with every row's reference in one pass over the accounts (see Cases).
  const reading = read(asOf, o.ucTechnicalWeeks, o.hbTechnicalWeeks);
  const all = reading.accounts;
  const index = reading.index;
  const found = reading.cases;
  if (index.repeatedRow >= 0) throw new ArrearsInputError("accounts", `account ${found.refs[index.repeatedRow]} appears twice in the accounts table`);
  const cases = found.list;
  const caseOf = found.caseOf;
  const caseRow = found.row;
  const n = cases.length;

  // As columns: the worklist reads each case's stage and due flag, and the next action only for the rows listed.
  const escalation = escalationColumnsOf(cases, policy, asOf);
  if (escalation.firstError) throw escalation.firstError;
  const dueBy = new DueBy(policy, escalation.stageIds);
  // The cases' own rows of a history that lists the accounts in order are handed to the trend, not the whole table
  // (casesTrend): a third of the rows, and no reference hashed.
  const trend = input.history ? casesTrend(input.history, found.refs, cases, caseRow, asOf) : null;
  if (!input.history && byReason.has("worseningTrend")) notes.push("no balance history given: the worsening-trend reason was not judged");

  // Arrangements: the cases' ones, each under a slot of its account (the judge reads their accounts' holds).
  const arrs = input.arrangements ?? [];
  const judgingArrangements = arrs.length > 0;
  const arrSlot = new Int32Array(arrs.length);
  const slotOfRow = judgingArrangements ? new Int32Array(found.refs.length).fill(-1) : null;
  const slotHolds: Account[] = [];
  const caseOfSlot: number[] = [];
  const slotArrangements = (): number => {
    let unknown = 0;
    for (let i = 0; i < arrs.length; i++) {
      const row = index.rowOf(arrs[i].account);
      if (row < 0) unknown++;
      // A held case's arrangements are all on hold (or completed), the account's hold applying: none adds a reason, so none is judged.
      if (row < 0 || caseOf[row] < 0 || found.held[caseOf[row]] === 1) {
        arrSlot[i] = -1;
        continue;
      }
      if (slotOfRow![row] < 0) {
        slotOfRow![row] = slotHolds.length;
        slotHolds.push(all[row]);
        caseOfSlot.push(caseOf[row]);
      }
      arrSlot[i] = slotOfRow![row];
    }
    return unknown;
  };
  const unknown = slotArrangements();
  if (unknown) notes.push(`${unknown} arrangement${unknown === 1 ? " is" : "s are"} on accounts not in the accounts table: not on the worklist`);

  // One pass over the transactions: the arrangements' ledger lines, each case's last payment on or before the as-of
  // date, and the first date the transactions cover.
  const ledger = judgingArrangements ? reusedLedgerLines(reading.transactions.length, slotHolds.length) : null;
  const payments = new Payments(n);
  reading.readTransactions(ledger, slotOfRow, asOf, payments);
  const { firstDate, paidSeen, lastPaid } = payments;

  // Each case's worst arrangement outcome (as OUTCOME_RANK), judged for outcome alone (no figures or words).
  const worst = new Uint8Array(n);
  if (ledger) {
    worstOutcomes(arrangementOutcomesBySlot(arrs, arrSlot, ledger, slotHolds, asOf, graces), arrSlot, caseOfSlot, worst);
  } else if (byReason.has("brokenArrangement") || byReason.has("arrangementAtRisk")) notes.push("no arrangements table given: the broken and at-risk arrangement reasons were not judged");

  const paymentsKnown = firstDate !== Infinity;
  if (!paymentsKnown && byReason.has("noPayment")) notes.push("no transactions dated on or before the as-of date: the no-payment reason was not judged");

  // UC tenants whose UC credit has not moved since the April rent rise (needs transactions from before 1 April).
  const aprilStart = rentYearStart(asOf);
  // Without a transaction before 1 April no account has a rent debit from before the rise, so none can be found: not looked for.
  const unreported = byReason.has("ucOldRent") && firstDate < aprilStart ? unreportedRentChanges(reading.transactions, new Set(cases.filter((c) => c.benefit === "UC").map((c) => c.account)), asOf, graces.ucGraceDays) : new Map();
  if (byReason.has("ucOldRent") && !(firstDate < aprilStart)) notes.push(`the transactions do not reach back before ${serialToIso(aprilStart)}: the UC old-rent reason was not judged`);

  const auth = input.authorisations ?? null;
  // Awaiting the team leader, by case: the flagged references resolved once through the accounts' index (every
  // reference is once in the table), rather than a lookup in the set for each case.
  const awaiting = new Uint8Array(n);
  if (auth !== null) {
    for (const ref of auth.accounts) {
      const row = index.rowOf(ref);
      if (row >= 0 && caseOf[row] >= 0) awaiting[caseOf[row]] = 1;
    }
  }
  if (auth === null && byReason.has("awaitingAuthorisation")) notes.push("the accounts table has no awaiting authorisation column (yes/no): the team leader's authorisation reason was not judged");

  const j: Judging = {
    asOf,
    byReason,
    broken: bandOf(byReason, "brokenArrangement", 0),
    atRisk: bandOf(byReason, "arrangementAtRisk", 0),
    escalate: bandOf(byReason, "dueToEscalate", 0),
    oldRent: bandOf(byReason, "ucOldRent", 0),
    awaitingRow: bandOf(byReason, "awaitingAuthorisation", 0),
    stageIds: escalation.stageIds,
    stageLabel: new Map(policy.stages.map((s) => [s.id, s.label])),
    paymentsKnown,
    firstDate,
  };
  // Scoring and listing as methods of one object rather than closures made afresh on every call: V8 optimises a
  // closure for the one context it has seen, then drops that code when the next call's closure arrives (a
  // deoptimisation per closure over the first several recalculations).
  const s = new Scoring(j, found, worst, trend, escalation, paidSeen, lastPaid, unreported, awaiting, dueBy, asOf);
  s.scoreCases();
  const held = s.held;
  const rows = s.listRows(o.capPerOfficer);
  held.sort((x, y) => byCode(x.officer, y.officer) || toPence(y.balance) - toPence(x.balance) || byCode(x.account, y.account));

  // An officer's line is shown when it counts something: a case needing action, a held case or technical arrears.
  const lines = new Map(s.lines().map((l) => [l.officer, l]));
  for (const [officer, count] of found.technical) {
    let l = lines.get(officer);
    if (!l) lines.set(officer, (l = blankLine(officer)));
    l.technicalOnly = count;
  }
  const byOfficer = [...lines.values()].filter((l) => l.needsAction > 0 || l.held > 0 || l.technicalOnly > 0).sort((x, y) => byCode(x.officer, y.officer));
  const team = blankLine(TEAM_LINE);
  for (const l of byOfficer) {
    for (const k of ["needsAction", "listed", "dueToday", "overdue", "awaitingTeamLeader", "held", "technicalOnly"] as const) team[k] += l[k];
  }
  return { rows, held, byOfficer: [...byOfficer, team], notes };
}
