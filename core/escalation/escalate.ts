import { z } from "zod";
import { ArrearsInputError } from "../errors";
import { formatPounds, round2dp } from "../money";
import { normaliseName } from "../export/profile";
import { TENANCY_TYPES, type Account, type TenancyType } from "../export/schema";
import { LAST_SERIAL, serialToIso } from "../dates/excelSerial";
import { parseOrThrow } from "../zodIssues";
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

const HOLD_WORDS: Record<Hold, string> = {
  vulnerable: "vulnerable-tenant flag: review the case before any escalation",
  benefitPending: "benefit claim pending: protocol para 2.5, postpone possession action while it is decided",
  breathingSpace: "Breathing Space moratorium in force: no demand, notice or proceedings for the moratorium arrears",
};

const asOfSchema = z
  .number({ error: "as-of date must be a date" })
  .refine((v) => Number.isInteger(v) && v >= 1 && v <= LAST_SERIAL, { message: `as-of date must be a date (a whole Excel date serial from 1 to ${LAST_SERIAL}, 9999-12-31)` })
  .nullish();

/** Prepared lookups for one policy, so 17,000 accounts share them. */
interface Compiled {
  policy: EscalationPolicy;
  order: Map<string, number>;
  codes: Map<string, string>;
  byType: Map<TenancyType, EscalationRule[]>;
  /** Each rule's threshold in words, worked out once per policy rather than once per account in arrears. */
  thresholds: Map<EscalationRule, string>;
  /** Each stage's "keep monitoring" next action, by stage index (worked out once, not per account). */
  keepMonitoring: string[];
}

const compiledCache = new WeakMap<EscalationPolicy, Compiled>();

function compile(policy: EscalationPolicy): Compiled {
  const cached = compiledCache.get(policy);
  if (cached) return cached;
  const order = new Map(policy.stages.map((s, i) => [s.id, i]));
  const codes = new Map<string, string>();
  for (const s of policy.stages) {
    codes.set(normaliseName(s.id), s.id);
    codes.set(normaliseName(s.label), s.id);
    for (const c of s.actionCodes) codes.set(normaliseName(c), s.id);
  }
  const byType = new Map<TenancyType, EscalationRule[]>();
  for (const type of TENANCY_TYPES) {
    // A rule naming the tenancy type replaces an "any" rule for the same stage.
    const specific = policy.rules.filter((r) => r.tenancyTypes.includes(type));
    const specificStages = new Set(specific.map((r) => r.stage));
    const general = policy.rules.filter((r) => r.tenancyTypes.includes("any") && !specificStages.has(r.stage));
    byType.set(
      type,
      [...specific, ...general].sort((a, b) => order.get(b.stage)! - order.get(a.stage)!),
    );
  }
  const thresholds = new Map(policy.rules.map((r) => [r, ruleThreshold(r)]));
  const keepMonitoring = policy.stages.map((s, i) => (i === 0 ? s.label : `Keep monitoring at ${s.label.toLowerCase()}`));
  const c = { policy, order, codes, byType, thresholds, keepMonitoring };
  compiledCache.set(policy, c);
  return c;
}

const money = formatPounds;
const weeksText = (w: number) => `${w.toFixed(1)} weeks`;

function ruleThreshold(r: EscalationRule): string {
  const parts: string[] = [];
  if (r.minWeeks != null) parts.push(`${r.minWeeks} weeks' rent`);
  if (r.minPounds != null) parts.push(money(r.minPounds));
  if (r.minDaysAfter != null && r.afterStage) parts.push(`${r.minDaysAfter} days after ${r.afterStage}`);
  else if (r.afterStage) parts.push(`after ${r.afterStage}`);
  return parts.join(" and ");
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
  // Results are built as literals, not by spreading a base object: spreading is ~10x slower and this runs per account.
  const result = (stage: { id: string; label: string }, dueToEscalate: boolean, heldBy: readonly Hold[], reason: string, nextAction: string, steps: readonly string[]): EscalationResult => ({
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
  });
  if (a.status === "void") {
    return result(stages[0], false, NO_HOLDS, words ? "empty home: no tenant to recover from" : "", stages[0].label, NO_STEPS);
  }
  if (a.status === "former") {
    // Possession steps do not apply once the tenancy has ended: the debt is recovered as former tenant arrears.
    const reason = !words ? "" : balP > 0 ? `former tenancy owing ${money(a.balance)}: recover as former tenant arrears, not through possession stages` : "former tenancy, nothing owed";
    return result(stages[0], false, NO_HOLDS, reason, balP > 0 ? "Former tenant arrears recovery: trace, letter, payment plan, or review for write-off" : stages[0].label, NO_STEPS);
  }
  if (balP <= 0) {
    if (!words) return result(stages[0], false, NO_HOLDS, "", stages[0].label, NO_STEPS);
    const first = balP < 0 ? `in credit by ${money(-a.balance)}` : "nothing owed";
    // The usual case (no last action, no notes) needs no list to join.
    const reason = lastIdx <= 0 && notes.length === 0 ? first : [first, lastIdx > 0 ? `arrears cleared since ${stages[lastIdx].label.toLowerCase()}` : null, ...notes].filter(Boolean).join("; ");
    return result(stages[0], false, NO_HOLDS, reason, stages[0].label, NO_STEPS);
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
    if (!words) return result(s, false, NO_HOLDS, "", nextAction, NO_STEPS);
    const why = met
      ? `owes ${owed}; already at ${s.label.toLowerCase()}${metIdx < idx ? ` (the arrears alone point to ${stages[metIdx].label.toLowerCase()})` : ""}`
      : `owes ${owed}, below every threshold for ${a.tenancyType} tenancies`;
    return result(s, false, NO_HOLDS, notes.length ? [why, ...notes].join("; ") : why, nextAction, NO_STEPS);
  }

  const target = stages[metIdx];
  const heldBy = met.holds.length === 0 ? NO_HOLDS : met.holds.filter((h) => isHeld(h, a, asOf));
  if (!words) {
    if (heldBy.length) return result(target, false, heldBy, "", `Review the hold before moving ${lastStage ? `from ${stages[lastIdx].label.toLowerCase()} ` : ""}to ${target.label.toLowerCase()}: ${met.action}`, met.steps);
    return result(target, true, NO_HOLDS, "", met.action, met.steps);
  }
  const from = lastStage ? `from ${stages[lastIdx].label.toLowerCase()} ` : "";
  const why = `owes ${owed}, at or above ${c.thresholds.get(met)!} for ${target.label.toLowerCase()} (${a.tenancyType})`;
  if (heldBy.length) {
    const reason = [`held: ${heldBy.map((h) => HOLD_WORDS[h]).join("; ")}`, why, ...notes].join("; ");
    return result(target, false, heldBy, reason, `Review the hold before moving ${from}to ${target.label.toLowerCase()}: ${met.action}`, met.steps);
  }
  return result(target, true, NO_HOLDS, notes.length ? [`due: ${why}`, ...notes].join("; ") : `due: ${why}`, met.action, met.steps);
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
