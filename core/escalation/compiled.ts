import { formatPounds } from "../money";
import { normaliseName } from "../export/profile";
import { TENANCY_TYPES, type TenancyType } from "../export/schema";
import type { EscalationInput } from "./escalate";
import type { EscalationPolicy, EscalationRule, Hold } from "./policy";

/**
 * A policy prepared once for judging many accounts: its stages as indexes, its rules
 * per tenancy type in the order they are tried, and the words that depend only on the
 * policy (thresholds, "keep monitoring" actions, the list's fixed pieces of text), so
 * 17,000 accounts share them instead of rebuilding them one account at a time.
 */

export const HOLD_VULNERABLE = 1;
export const HOLD_BENEFIT = 2;
export const HOLD_BREATHING = 4;

export const HOLD_WORDS: Record<Hold, string> = {
  vulnerable: "vulnerable-tenant flag: review the case before any escalation",
  benefitPending: "benefit claim pending: protocol para 2.5, postpone possession action while it is decided",
  breathingSpace: "Breathing Space moratorium in force: no demand, notice or proceedings for the moratorium arrears",
};

const holdBit = (h: Hold) => (h === "vulnerable" ? HOLD_VULNERABLE : h === "benefitPending" ? HOLD_BENEFIT : HOLD_BREATHING);

/** One rule as numbers (what deciding a stage needs), with the words of a list line that depend only on the rule and the tenancy type. */
export interface NumericRule {
  stageIdx: number;
  minWeeks: number | null;
  minPounds: number | null;
  /** Index of the stage the last action must have reached; -1 when the rule names none. */
  afterIdx: number;
  minDaysAfter: number | null;
  /** HOLD_* bits. */
  holds: number;
  rule: EscalationRule;
  /** What follows the weeks owed in a due or held reason: " weeks of rent), at or above … for … (type)". */
  metTail: string;
  /** The held reason's opening ("held: …; owes £"), by the HOLD_* bits that hold it; built when first met. */
  heldHead: (string | undefined)[];
  /** The held next action, by last stage index + 1 (0: no last action). */
  heldAction: string[];
}

/** A tenancy type's rules, most advanced stage first, and its "below every threshold" ending. */
export interface TypeRules {
  rules: NumericRule[];
  /** " weeks of rent), below every threshold for <type> tenancies". */
  belowTail: string;
}

/** Prepared lookups for one policy, so 17,000 accounts share them. */
export interface Compiled {
  policy: EscalationPolicy;
  order: Map<string, number>;
  codes: Map<string, string>;
  byType: Map<TenancyType, EscalationRule[]>;
  /** Each rule's threshold in words, worked out once per policy rather than once per account in arrears. */
  thresholds: Map<EscalationRule, string>;
  /** Each stage's "keep monitoring" next action, by stage index (worked out once, not per account). */
  keepMonitoring: string[];
  /** Each stage's label in lower case, by stage index (the words use it mid-sentence; lower-cased once, not per account). */
  lowerLabels: string[];
  /** The same rules as byType with stages as indexes and holds as bits, for judging without words. */
  numericByType: Map<string, TypeRules>;
  /** " weeks of rent); already at …( (the arrears alone point to …))", by stage index × stages + the arrears' own stage index; built when first met. */
  alreadyTail: (string | undefined)[];
}

/** formatPounds, without its thousands pass for the usual balance under £1,000 (same text: such a figure has no comma). */
export const money = (pounds: number): string => {
  const fixed = Math.abs(pounds).toFixed(2);
  return fixed.length > 6 ? formatPounds(pounds) : pounds < 0 ? "-£" + fixed : "£" + fixed;
};

function ruleThreshold(r: EscalationRule): string {
  const parts: string[] = [];
  if (r.minWeeks != null) parts.push(`${r.minWeeks} weeks' rent`);
  if (r.minPounds != null) parts.push(money(r.minPounds));
  if (r.minDaysAfter != null && r.afterStage) parts.push(`${r.minDaysAfter} days after ${r.afterStage}`);
  else if (r.afterStage) parts.push(`after ${r.afterStage}`);
  return parts.join(" and ");
}

const compiledCache = new WeakMap<EscalationPolicy, Compiled>();

export function compile(policy: EscalationPolicy): Compiled {
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
  const lowerLabels = policy.stages.map((s) => s.label.toLowerCase());
  const numericByType = new Map<string, TypeRules>();
  for (const [type, rules] of byType) {
    numericByType.set(type, {
      rules: rules.map((r) => {
        const stageIdx = order.get(r.stage)!;
        return {
          stageIdx,
          minWeeks: r.minWeeks ?? null,
          minPounds: r.minPounds ?? null,
          afterIdx: r.afterStage ? order.get(r.afterStage)! : -1,
          minDaysAfter: r.minDaysAfter ?? null,
          holds: r.holds.reduce((m, h) => m | holdBit(h), 0),
          rule: r,
          metTail: ` weeks of rent), at or above ${thresholds.get(r)!} for ${lowerLabels[stageIdx]} (${type})`,
          heldHead: [],
          heldAction: [-1, ...policy.stages.map((_, i) => i)].map((last) => `Review the hold before moving ${last >= 0 ? `from ${lowerLabels[last]} ` : ""}to ${lowerLabels[stageIdx]}: ${r.action}`),
        };
      }),
      belowTail: ` weeks of rent), below every threshold for ${type} tenancies`,
    });
  }
  const c: Compiled = { policy, order, codes, byType, thresholds, keepMonitoring, lowerLabels, numericByType, alreadyTail: [] };
  compiledCache.set(policy, c);
  return c;
}

/** A held reason's opening: the words of the rule's holds that hold the account, in the rule's order. */
export function heldHeadOf(r: NumericRule, heldBits: number): string {
  let head = r.heldHead[heldBits];
  if (head === undefined) {
    const words = r.rule.holds.filter((h) => (holdBit(h) & heldBits) !== 0).map((h) => HOLD_WORDS[h]);
    r.heldHead[heldBits] = head = `held: ${words.join("; ")}; owes £`;
  }
  return head;
}

/** The "already at" ending for an account staying at stage `idx` whose arrears alone point to `metIdx`. */
export function alreadyTailOf(c: Compiled, idx: number, metIdx: number): string {
  const key = idx * c.lowerLabels.length + metIdx;
  let tail = c.alreadyTail[key];
  if (tail === undefined) {
    const lower = c.lowerLabels;
    c.alreadyTail[key] = tail = ` weeks of rent); already at ${lower[idx]}${metIdx < idx ? ` (the arrears alone point to ${lower[metIdx]})` : ""}`;
  }
  return tail;
}

/**
 * Index of the stage a recorded last action names, -1 when the policy does not know it;
 * `seen` keeps each action text's answer for the call, so a text repeated across thousands
 * of accounts is normalised once.
 */
export function lastStageIndex(c: Compiled, seen: Map<unknown, number>, lastAction: string): number {
  let known = seen.get(lastAction);
  if (known === undefined) {
    const id = c.codes.get(normaliseName(lastAction));
    known = id ? c.order.get(id)! : -1;
    seen.set(lastAction, known);
  }
  return known;
}

/** Which holds stop a rule for this account, as HOLD_* bits: a vulnerable tenant, a pending benefit claim, a Breathing Space in force at `asOf`. */
export function holdsIn(a: EscalationInput, asOf: number | null): number {
  let m = 0;
  if (a.vulnerable) m |= HOLD_VULNERABLE;
  if (a.benefitPending) m |= HOLD_BENEFIT;
  // Without an as-of date a recorded moratorium is taken as still in force: the safe reading.
  if (a.breathingSpaceUntil != null && (asOf === null || a.breathingSpaceUntil >= asOf)) m |= HOLD_BREATHING;
  return m;
}
