import fc from "fast-check";
import type { EscalationInput } from "../../../core/escalation/escalate";
import { DEFAULT_ESCALATION_POLICY, HOLDS, parseEscalationPolicy, SCOTLAND_ESCALATION_POLICY, type EscalationPolicy } from "../../../core/escalation/policy";
import { TENANCY_TYPES } from "../../../core/export/schema";

/** Random accounts and policies for the escalation suites that hold one path to another (columns, list words). */

const stageNames = DEFAULT_ESCALATION_POLICY.stages.flatMap((s) => [s.id, s.label, ...s.actionCodes]);
const stageIds = DEFAULT_ESCALATION_POLICY.stages.map((s) => s.id);

/** An account near `asOf`: holds, last actions (stage names in any case and spacing, and ones no stage has), refused figures as the balance and rent arbitraries give them. */
export function escalationAccount(asOf: number, balance: fc.Arbitrary<number>, weeklyRent: fc.Arbitrary<number>): fc.Arbitrary<EscalationInput> {
  return fc.record({
    account: fc.constantFrom("A1", "A2", "B7"),
    balance,
    weeklyRent,
    tenancyType: fc.constantFrom(...TENANCY_TYPES),
    status: fc.constantFrom(undefined, "current", "former", "void"),
    officer: fc.constantFrom(undefined, "Sam"),
    vulnerable: fc.boolean(),
    benefitPending: fc.boolean(),
    breathingSpaceUntil: fc.option(fc.integer({ min: asOf - 40, max: asOf + 40 })),
    lastAction: fc.option(fc.oneof(fc.constantFrom(...stageNames), fc.constantFrom("NOSP Served", "  spo ", "phoned", "")), { freq: 2 }),
    lastActionDate: fc.option(fc.integer({ min: asOf - 120, max: asOf + 5 })),
  }) as fc.Arbitrary<EscalationInput>;
}

/** The default and Scottish policies, random rule sets over the default stages (rule £ thresholds from `minPounds`, actions from `actions`), and any `more`. */
export function escalationPolicy(minPounds: fc.Arbitrary<number>, actions: readonly string[], more: readonly EscalationPolicy[] = []): fc.Arbitrary<EscalationPolicy> {
  const rule = fc.record({
    stage: fc.constantFrom(...stageIds.slice(1)),
    tenancyTypes: fc.subarray(["any", ...TENANCY_TYPES], { minLength: 1 }),
    minWeeks: fc.option(fc.integer({ min: 0, max: 12 })),
    minPounds: fc.option(minPounds),
    afterStage: fc.option(fc.constantFrom(...stageIds)),
    minDaysAfter: fc.option(fc.integer({ min: 0, max: 90 })),
    action: fc.constantFrom(...actions),
    steps: fc.constant([]),
    holds: fc.subarray([...HOLDS]),
  });
  return fc.oneof(
    fc.constant(DEFAULT_ESCALATION_POLICY),
    fc.constant(SCOTLAND_ESCALATION_POLICY),
    fc
      .array(rule, { minLength: 1, maxLength: 8 })
      // The schema asks each rule for a threshold or an after stage.
      .map((rules) => rules.map((r) => (r.minWeeks == null && r.minPounds == null && !r.afterStage ? { ...r, minWeeks: 1 } : r)))
      .map((rules) => parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, id: "random", rules })),
    ...more.map((p) => fc.constant(p)),
  );
}
