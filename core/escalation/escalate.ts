import { z } from "zod";
import { ArrearsInputError } from "../errors";
import { round2dp } from "../money";
import { normaliseName } from "../export/profile";
import { TENANCY_TYPES, type Account } from "../export/schema";
import { LAST_SERIAL, serialToIso } from "../dates/excelSerial";
import { parseOrThrow } from "../zodIssues";
import { compile, holdsIn, HOLD_WORDS, lastStageIndex, money, type Compiled, type NumericRule } from "./compiled";
import { ListWording, reasonWithTrend } from "./listWords";
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy, type EscalationRule, type Hold } from "./policy";

/**
 * Judges each account's recovery stage against a policy: the stage its arrears
 * (weeks of rent and £) and its last recorded action point to, whether it is due to
 * move on this period, why, and what to do next. A hold (vulnerable tenant, pending
 * benefit claim, Breathing Space) stops the move and says so: the account is listed,
 * never silently dropped.
 */

/** What an escalation check needs about one account; a canonical {@link Account} has all of it. */
export type EscalationInput = Pick<Account, "account" | "balance" | "weeklyRent" | "tenancyType"> &
  Partial<Pick<Account, "status" | "officer" | "vulnerable" | "benefitPending" | "breathingSpaceUntil" | "lastAction" | "lastActionDate">>;

export interface EscalationResult {
  account: string;
  /** Officer or patch holding the account, when known: who acts on the next step. */
  officer: string | null;
  balance: number;
  /** Balance ÷ weekly rent, 2 dp; null without a weekly rent. */
  weeksOwed: number | null;
  /** Stage id the account is at or should now be at. */
  stage: string;
  stageLabel: string;
  /** Stage of the last recorded action, when the export gives one the policy recognises. */
  lastStage: string | null;
  dueToEscalate: boolean;
  /** Holds that stopped an escalation, if any. */
  heldBy: readonly Hold[];
  reason: string;
  nextAction: string;
  steps: readonly string[];
}

// Most accounts have no holds and no protocol steps: one shared, frozen empty list
// instead of two new arrays per account (at 17,000 accounts the garbage showed).
const NO_HOLDS: readonly Hold[] = Object.freeze([]);
const NO_STEPS: readonly string[] = Object.freeze([]);

const asOfSchema = z
  .number({ error: "as-of date must be a date" })
  .refine((v) => Number.isInteger(v) && v >= 1 && v <= LAST_SERIAL, { message: `as-of date must be a date (a whole Excel date serial from 1 to ${LAST_SERIAL}, 9999-12-31)` })
  .nullish();

const weeksText = (w: number) => `${w.toFixed(1)} weeks`;

// Results are built as literals, not by spreading a base object: spreading is ~10x slower and this runs per account.
function resultOf(
  a: EscalationInput,
  weeksOwed: number | null,
  lastStage: string | null,
  stage: { id: string; label: string },
  dueToEscalate: boolean,
  heldBy: readonly Hold[],
  reason: string,
  nextAction: string,
  steps: readonly string[],
): EscalationResult {
  return {
    account: a.account,
    officer: a.officer ?? null,
    balance: a.balance,
    weeksOwed,
    stage: stage.id,
    stageLabel: stage.label,
    lastStage,
    dueToEscalate,
    heldBy,
    reason,
    nextAction,
    steps,
  };
}

/**
 * Judges one account against a compiled policy.
 * @param asOf the date the check is made (serial): needed for "days since last action" rules and Breathing Space end dates.
 * @param words false: the reason is left "" (every other field as with words), for callers that never show it.
 */
function judge(a: EscalationInput, c: Compiled, asOf: number | null, words = true): EscalationResult {
  const { policy, order, codes } = c;
  const stages = policy.stages;
  const balP = Math.round(a.balance * 100);
  const rentP = Math.round(a.weeklyRent * 100);
  const weeks = rentP > 0 ? balP / rentP : null;
  const notes: string[] = [];

  let lastIdx = -1;
  if (a.lastAction) {
    const id = codes.get(normaliseName(a.lastAction));
    if (id) lastIdx = order.get(id)!;
    else if (words) notes.push(`last action "${a.lastAction}" is not a stage in the policy, so it was not used`);
  }
  const lastStage = lastIdx >= 0 ? stages[lastIdx].id : null;
  const weeksOwed = weeks === null ? null : round2dp(weeks);
  if (a.status === "void") {
    return resultOf(a, weeksOwed, lastStage, stages[0], false, NO_HOLDS, words ? "empty home: no tenant to recover from" : "", stages[0].label, NO_STEPS);
  }
  if (a.status === "former") {
    // Possession steps do not apply once the tenancy has ended: the debt is recovered as former tenant arrears.
    const reason = !words ? "" : balP > 0 ? `former tenancy owing ${money(a.balance)}: recover as former tenant arrears, not through possession stages` : "former tenancy, nothing owed";
    return resultOf(a, weeksOwed, lastStage, stages[0], false, NO_HOLDS, reason, balP > 0 ? "Former tenant arrears recovery: trace, letter, payment plan, or review for write-off" : stages[0].label, NO_STEPS);
  }
  if (balP <= 0) {
    if (!words) return resultOf(a, weeksOwed, lastStage, stages[0], false, NO_HOLDS, "", stages[0].label, NO_STEPS);
    const first = balP < 0 ? `in credit by ${money(-a.balance)}` : "nothing owed";
    // The usual case (no last action, no notes) needs no list to join.
    const reason = lastIdx <= 0 && notes.length === 0 ? first : [first, lastIdx > 0 ? `arrears cleared since ${c.lowerLabels[lastIdx]}` : null, ...notes].filter(Boolean).join("; ");
    return resultOf(a, weeksOwed, lastStage, stages[0], false, NO_HOLDS, reason, stages[0].label, NO_STEPS);
  }

  // Only accounts in arrears get this far; the words are built here so the others never pay for them.
  const owed = !words ? "" : weeks === null ? money(a.balance) : `${money(a.balance)} (${weeksText(weeks)} of rent)`;
  const days = asOf !== null && a.lastActionDate != null ? asOf - a.lastActionDate : null;
  const rules = c.byType.get(a.tenancyType) ?? [];
  let met: EscalationRule | null = null;
  let waiting: string | null = null;
  for (const r of rules) {
    if (r.minWeeks != null && (weeks === null || weeks < r.minWeeks)) continue;
    if (r.minPounds != null && a.balance < r.minPounds) continue;
    if (r.afterStage && lastIdx < order.get(r.afterStage)!) continue;
    if (r.minDaysAfter != null) {
      if (days === null) {
        if (words) waiting ??= `${stages[order.get(r.stage)!].label} needs ${r.minDaysAfter} days after the last action: ${asOf === null ? "give the as-of date" : "the last action date is blank"}`;
        continue;
      }
      if (days < r.minDaysAfter) {
        if (words) waiting ??= `${stages[order.get(r.stage)!].label} from ${serialToIso(a.lastActionDate! + r.minDaysAfter)} (${r.minDaysAfter} days after the last action)`;
        continue;
      }
    }
    met = r;
    break;
  }
  if (weeks === null && words) notes.push("no weekly rent recorded: thresholds in weeks could not be judged");
  if (waiting) notes.push(waiting);

  const metIdx = met ? order.get(met.stage)! : 0;
  if (!met || metIdx <= lastIdx) {
    // Nothing new: stay where the last action put the account (or no action when below every threshold).
    const idx = Math.max(metIdx, lastIdx, 0);
    const s = stages[idx];
    const nextAction = c.keepMonitoring[idx];
    if (!words) return resultOf(a, weeksOwed, lastStage, s, false, NO_HOLDS, "", nextAction, NO_STEPS);
    const why = met
      ? `owes ${owed}; already at ${c.lowerLabels[idx]}${metIdx < idx ? ` (the arrears alone point to ${c.lowerLabels[metIdx]})` : ""}`
      : `owes ${owed}, below every threshold for ${a.tenancyType} tenancies`;
    return resultOf(a, weeksOwed, lastStage, s, false, NO_HOLDS, notes.length ? [why, ...notes].join("; ") : why, nextAction, NO_STEPS);
  }

  const target = stages[metIdx];
  const heldBy = met.holds.length === 0 ? NO_HOLDS : met.holds.filter((h) => isHeld(h, a, asOf));
  if (!words) {
    if (heldBy.length) return resultOf(a, weeksOwed, lastStage, target, false, heldBy, "", `Review the hold before moving ${lastStage ? `from ${c.lowerLabels[lastIdx]} ` : ""}to ${c.lowerLabels[metIdx]}: ${met.action}`, met.steps);
    return resultOf(a, weeksOwed, lastStage, target, true, NO_HOLDS, "", met.action, met.steps);
  }
  const from = lastStage ? `from ${c.lowerLabels[lastIdx]} ` : "";
  const why = `owes ${owed}, at or above ${c.thresholds.get(met)!} for ${c.lowerLabels[metIdx]} (${a.tenancyType})`;
  if (heldBy.length) {
    const reason = [`held: ${heldBy.map((h) => HOLD_WORDS[h]).join("; ")}`, why, ...notes].join("; ");
    return resultOf(a, weeksOwed, lastStage, target, false, heldBy, reason, `Review the hold before moving ${from}to ${c.lowerLabels[metIdx]}: ${met.action}`, met.steps);
  }
  return resultOf(a, weeksOwed, lastStage, target, true, NO_HOLDS, notes.length ? [`due: ${why}`, ...notes].join("; ") : `due: ${why}`, met.action, met.steps);
}

function isHeld(h: Hold, a: EscalationInput, asOf: number | null): boolean {
  if (h === "vulnerable") return !!a.vulnerable;
  if (h === "benefitPending") return !!a.benefitPending;
  // Without an as-of date a recorded moratorium is taken as still in force: the safe reading.
  return a.breathingSpaceUntil != null && (asOf === null || a.breathingSpaceUntil >= asOf);
}

function checkInput(a: EscalationInput): void {
  if (!Number.isFinite(a.balance)) throw new ArrearsInputError("balance", `account ${a.account}: balance must be a number`);
  if (!Number.isFinite(a.weeklyRent) || a.weeklyRent < 0) throw new ArrearsInputError("weeklyRent", `account ${a.account}: weekly rent must be an amount of zero or more`);
  if (!(TENANCY_TYPES as readonly string[]).includes(a.tenancyType)) throw new ArrearsInputError("tenancyType", `tenancy type must be one of ${TENANCY_TYPES.join(", ")}, got "${a.tenancyType}"`);
}

/**
 * The stage one account is at or should move to.
 * @param account balance (£, positive = owed), weekly rent, tenancy type, and optionally holds and the last action.
 * @param policy escalation policy; default {@link DEFAULT_ESCALATION_POLICY}.
 * @param asOf date of the check (Excel serial), for day-count rules and Breathing Space end dates.
 * @example escalationOf({ account: "A1", balance: 500, weeklyRent: 100, tenancyType: "secure" }).stage // "notice"
 */
export function escalationOf(account: EscalationInput, policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY, asOf: number | null = null): EscalationResult {
  checkInput(account);
  return judge(account, compile(policy), parseOrThrow(asOfSchema, asOf) ?? null);
}

/**
 * Judges every account (one result per account, in order). A bad account gives its
 * own error in its slot rather than failing the list.
 * @param words false leaves each result's reason "" (every other field the same): for
 * callers that read only the stage, due flag and next action (the worklist), so the
 * words are not built for thousands of accounts nobody reads them for.
 */
export function escalationsOf(accounts: readonly EscalationInput[], policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY, asOf: number | null = null, words = true): (EscalationResult | ArrearsInputError)[] {
  const c = compile(policy);
  const when = parseOrThrow(asOfSchema, asOf) ?? null;
  return accounts.map((a) => {
    try {
      checkInput(a);
      return judge(a, c, when, words);
    } catch (e) {
      if (e instanceof ArrearsInputError) return e;
      throw e;
    }
  });
}

/** Column headings of the escalation list, as the add-in spills it and the report writes it. */
export const ESCALATION_COLUMNS = ["Account", "Officer", "Weeks owed", "Balance £", "Stage", "Due to escalate", "Reason", "Next action"] as const;

/**
 * Every account's stage and due flag as columns, with each account's full result
 * (reason, next action, steps) built only when asked for: the list a report prints
 * holds only the accounts past the first stage or due, so the words for the rest
 * are never built. Stages and flags are the ones {@link escalationsOf} gives, account
 * for account (decided by the same rules, read from numbers worked out once per policy).
 */
export interface EscalationColumns {
  accountCount: number;
  /** Stage ids of the policy, in order: `stage` indexes into it. */
  stageIds: readonly string[];
  /** Index into `stageIds` of each account's stage; -1 for an account refused (see `errorAt`). */
  stage: Int32Array;
  /** 1 when the account is due to escalate, else 0. */
  due: Uint8Array;
  /** 1 when the account belongs on the escalation list: a stage other than "none", or due (what `arrears report` lists). */
  listed: Uint8Array;
  /** The first account's problem in account order, or null when every account could be judged. */
  firstError: ArrearsInputError | null;
  /** The account's problem, or null when it was judged. */
  errorAt(row: number): ArrearsInputError | null;
  /** The account's full result, exactly as {@link escalationsOf} gives it in the same slot. */
  resultAt(row: number): EscalationResult | ArrearsInputError;
  /** The account's next action exactly as in `resultAt`, its reason left unworded; the problem for a refused account. */
  nextActionAt(row: number): string | ArrearsInputError;
  /** Full results of the listed accounts, in account order (refused accounts left out: see `firstError`). */
  listedResults(): EscalationResult[];
  /**
   * The list's words for judged accounts: slot j is `rows[j]`'s next action and its reason, with
   * {@link reasonWithTrend}'s words for its trend where `trend.fitted[j]` is 1: the text `resultAt`
   * (then withBalanceTrend) gives, built from pieces worked out once per policy.
   */
  listWords(rows: Int32Array, trend: TrendForWords): { reason: string[]; nextAction: string[] };
}

/** The 13-week trend of each listed slot, as {@link BalanceTrendColumns} holds it: what the words say of it. */
export interface TrendForWords {
  fitted: Uint8Array;
  direction: Uint8Array;
  slopePerWeek: Float64Array;
  weeks: Float64Array;
}

/**
 * The stage index (times two) plus the due flag of one checked account: the decisions
 * {@link judge} makes, in the same order, with no words. A change to judge's rules must
 * be made here too; test/core/escalation/columns.test.ts checks the two agree.
 */
function decide(a: EscalationInput, c: Compiled, asOf: number | null, lastIdxOf: Map<unknown, number>): number {
  if (a.status === "void" || a.status === "former") return 0;
  const balP = Math.round(a.balance * 100);
  if (balP <= 0) return 0;
  const lastIdx = a.lastAction ? lastStageIndex(c, lastIdxOf, a.lastAction) : -1;
  const rentP = Math.round(a.weeklyRent * 100);
  const weeks = rentP > 0 ? balP / rentP : null;
  const days = asOf !== null && a.lastActionDate != null ? asOf - a.lastActionDate : null;
  const rules = c.numericByType.get(a.tenancyType)?.rules ?? [];
  let met: NumericRule | null = null;
  for (const r of rules) {
    if (r.minWeeks !== null && (weeks === null || weeks < r.minWeeks)) continue;
    if (r.minPounds !== null && a.balance < r.minPounds) continue;
    if (r.afterIdx >= 0 && lastIdx < r.afterIdx) continue;
    if (r.minDaysAfter !== null && (days === null || days < r.minDaysAfter)) continue;
    met = r;
    break;
  }
  const metIdx = met ? met.stageIdx : 0;
  if (!met || metIdx <= lastIdx) return Math.max(metIdx, lastIdx, 0) * 2;
  return metIdx * 2 + ((met.holds & holdsIn(a, asOf)) === 0 ? 1 : 0);
}

/**
 * The columns {@link escalationColumnsOf} gives. A class, so every call's result has the
 * same shape: an object literal with new closures among its fields each call changed
 * shape from one call to the next, and code reading it was dropped each time.
 */
class JudgedColumns implements EscalationColumns {
  readonly accountCount: number;
  readonly stageIds: readonly string[];
  readonly stage: Int32Array;
  readonly due: Uint8Array;
  readonly listed: Uint8Array;
  readonly firstError: ArrearsInputError | null;

  constructor(
    private readonly accounts: readonly EscalationInput[],
    private readonly c: Compiled,
    private readonly asOf: number | null,
    private readonly errors: Map<number, ArrearsInputError>,
    private readonly lastIdxOf: Map<unknown, number>,
    stage: Int32Array,
    due: Uint8Array,
    listed: Uint8Array,
  ) {
    this.accountCount = accounts.length;
    this.stageIds = c.policy.stages.map((s) => s.id);
    this.stage = stage;
    this.due = due;
    this.listed = listed;
    this.firstError = errors.size === 0 ? null : errors.values().next().value!;
  }

  // Arrow functions, not methods: callers (the worklist) keep them apart from the object.
  readonly errorAt = (row: number): ArrearsInputError | null => this.errors.get(row) ?? null;
  readonly resultAt = (row: number): EscalationResult | ArrearsInputError => this.errors.get(row) ?? judge(this.accounts[row], this.c, this.asOf);
  /** The account's next action as `resultAt` gives it, without wording its reason (for callers that show only the action: the worklist). */
  readonly nextActionAt = (row: number): string | ArrearsInputError => this.errors.get(row) ?? judge(this.accounts[row], this.c, this.asOf, false).nextAction;

  listedResults(): EscalationResult[] {
    const out: EscalationResult[] = [];
    for (let i = 0; i < this.accountCount; i++) if (this.listed[i] === 1) out.push(judge(this.accounts[i], this.c, this.asOf));
    return out;
  }

  listWords(rows: Int32Array, trend: TrendForWords): { reason: string[]; nextAction: string[] } {
    const count = rows.length;
    const reason = new Array<string>(count);
    const nextAction = new Array<string>(count);
    const wording = new ListWording(this.c, this.asOf, this.lastIdxOf);
    for (let j = 0; j < count; j++) {
      const row = rows[j];
      const a = this.accounts[row];
      const fitted = trend.fitted[j] === 1;
      if (this.errors.size === 0 || !this.errors.has(row)) {
        if (wording.word(a, fitted, trend.direction[j], trend.slopePerWeek[j], trend.weeks[j])) {
          reason[j] = wording.reason;
          nextAction[j] = wording.nextAction;
          continue;
        }
      }
      // An account the pieces do not cover (a note to add, nothing owed, refused): judge's own words.
      const r = this.resultAt(row);
      if (r instanceof ArrearsInputError) throw r;
      reason[j] = fitted ? reasonWithTrend(r.reason, r.balance, trend.direction[j], trend.slopePerWeek[j], trend.weeks[j]) : r.reason;
      nextAction[j] = r.nextAction;
    }
    return { reason, nextAction };
  }
}

/**
 * Judges every account into columns (stage index, due flag, listed flag), building
 * an account's reason and next action only when its result is asked for.
 * @param accounts accounts to judge, as for {@link escalationsOf}.
 * @param policy escalation policy; default {@link DEFAULT_ESCALATION_POLICY}.
 * @param asOf date of the check (Excel serial), for day-count rules and Breathing Space end dates.
 * @returns the columns; a refused account has stage -1 and its problem in `errorAt`.
 */
export function escalationColumnsOf(accounts: readonly EscalationInput[], policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY, asOf: number | null = null): EscalationColumns {
  const c = compile(policy);
  const when = parseOrThrow(asOfSchema, asOf) ?? null;
  const n = accounts.length;
  const stage = new Int32Array(n);
  const due = new Uint8Array(n);
  const listed = new Uint8Array(n);
  const errors = new Map<number, ArrearsInputError>();
  const listedAt = policy.stages.map((s) => (s.id !== "none" ? 1 : 0));
  const lastIdxOf = new Map<unknown, number>();
  for (let i = 0; i < n; i++) {
    const a = accounts[i];
    try {
      checkInput(a);
    } catch (e) {
      if (!(e instanceof ArrearsInputError)) throw e;
      errors.set(i, e);
      stage[i] = -1;
      continue;
    }
    const d = decide(a, c, when, lastIdxOf);
    const s = d >> 1;
    stage[i] = s;
    due[i] = d & 1;
    listed[i] = listedAt[s] | (d & 1);
  }
  return new JudgedColumns(accounts, c, when, errors, lastIdxOf, stage, due, listed);
}

/**
 * The accounts an escalation list shows (a stage other than "none", or due), fully
 * judged, in account order: the same results as filtering {@link escalationsOf}, without
 * building the words for accounts left off the list.
 * @throws ArrearsInputError the first account that cannot be judged (as a report refuses it).
 */
export function listedEscalationsOf(accounts: readonly EscalationInput[], policy: EscalationPolicy = DEFAULT_ESCALATION_POLICY, asOf: number | null = null): EscalationResult[] {
  const columns = escalationColumnsOf(accounts, policy, asOf);
  if (columns.firstError) throw columns.firstError;
  return columns.listedResults();
}
