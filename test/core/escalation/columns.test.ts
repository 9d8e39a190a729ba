import fc from "fast-check";
import { ArrearsInputError } from "../../../core/errors";
import { escalationColumnsOf, escalationsOf, listedEscalationsOf, type EscalationInput, type EscalationResult } from "../../../core/escalation/escalate";
import { DEFAULT_ESCALATION_POLICY, parseEscalationPolicy, SCOTLAND_ESCALATION_POLICY, type EscalationPolicy } from "../../../core/escalation/policy";
import { escalationAccount, escalationPolicy } from "./arbitraries";
import { withBalanceTrend } from "../../../core/escalation/withTrend";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";

/**
 * The columnar entry point against the per-account one: every account's stage, due
 * flag and listing, and the listed accounts' full results, must be what escalationsOf
 * gives. escalationsOf is the reference (its own suite checks it against the policy by hand).
 */

const listedBy = (r: EscalationResult) => r.stage !== "none" || r.dueToEscalate;

function expectAgreement(accounts: readonly EscalationInput[], policy: EscalationPolicy, asOf: number | null): void {
  const all = escalationsOf(accounts, policy, asOf);
  const cols = escalationColumnsOf(accounts, policy, asOf);
  expect(cols.accountCount).toBe(accounts.length);
  all.forEach((r, i) => {
    if (r instanceof ArrearsInputError) {
      expect(cols.stage[i]).toBe(-1);
      expect(cols.errorAt(i)?.message).toBe(r.message);
      expect(cols.nextActionAt(i)).toBe(cols.errorAt(i));
      expect(cols.listed[i]).toBe(0);
      return;
    }
    expect({ row: i, stage: cols.stageIds[cols.stage[i]], due: cols.due[i] === 1, listed: cols.listed[i] === 1 }).toEqual({ row: i, stage: r.stage, due: r.dueToEscalate, listed: listedBy(r) });
    expect(cols.errorAt(i)).toBeNull();
    expect(cols.resultAt(i)).toEqual(r);
    expect(cols.nextActionAt(i)).toBe(r.nextAction);
  });
  const firstBad = all.find((r) => r instanceof ArrearsInputError);
  expect(cols.firstError?.message).toBe(firstBad?.message);
  const good = all.filter((r): r is EscalationResult => !(r instanceof ArrearsInputError));
  expect(cols.listedResults()).toEqual(good.filter(listedBy));
  if (firstBad) expect(() => listedEscalationsOf(accounts, policy, asOf)).toThrow(firstBad.message);
  else expect(listedEscalationsOf(accounts, policy, asOf)).toEqual(good.filter(listedBy));
}

describe("escalationColumnsOf agrees with escalationsOf", () => {
  it("on the generated team export, judged at period end, with and without the trend", () => {
    const periodStart = isoToSerial("2026-10-01");
    const periodEnd = isoToSerial("2026-10-31");
    const data = generateTeamExport({ accounts: 3000, officers: 6, seed: 20261, periodStart, periodEnd, weeks: 52 });
    expectAgreement(data.accounts, DEFAULT_ESCALATION_POLICY, periodEnd);
    expectAgreement(data.accounts, SCOTLAND_ESCALATION_POLICY, periodEnd);
    // The trend of a listed account is the same whether it is fitted for every account or the listed ones only.
    const all = escalationsOf(data.accounts, DEFAULT_ESCALATION_POLICY, periodEnd) as EscalationResult[];
    const listed = listedEscalationsOf(data.accounts, DEFAULT_ESCALATION_POLICY, periodEnd);
    // The generated export has accounts both on and off the list, so the filter is exercised.
    expect(listed.length).toBeGreaterThan(100);
    expect(listed.length).toBeLessThan(all.length - 100);
    expect(withBalanceTrend(listed, data.balanceHistory)).toEqual(withBalanceTrend(all, data.balanceHistory).filter(listedBy));
  });

  const AS_OF = isoToSerial("2026-10-31");
  // Whole pence, both sides of zero, up to about 20 weeks of a £300 rent.
  const account = escalationAccount(
    AS_OF,
    fc.oneof(fc.integer({ min: -50000, max: 600000 }).map((p) => p / 100), fc.constantFrom(Number.NaN, 0, 100, 99.99, 400)),
    fc.oneof(fc.integer({ min: 0, max: 30000 }).map((p) => p / 100), fc.constantFrom(0, 100, -5)),
  );
  // With a policy whose first stage is not called "none": every account it judges is on the list.
  const policy = escalationPolicy(fc.integer({ min: 0, max: 3000 }), ["Act"], [
    parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, id: "renamed", stages: [{ ...DEFAULT_ESCALATION_POLICY.stages[0], id: "clear" }, ...DEFAULT_ESCALATION_POLICY.stages.slice(1)] }),
  ]);

  it("on random small exports and policies (holds, last actions, tenancy types, refused accounts)", () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 25 }), policy, fc.option(fc.constant(AS_OF)), (accounts, p, asOf) => {
        expectAgreement(accounts, p, asOf);
      }),
      { numRuns: 400 },
    );
  });
});
