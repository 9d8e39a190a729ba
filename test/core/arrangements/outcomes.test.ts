import fc from "fast-check";
import { ArrangementOptionsSchema, arrangementOutcomesBySlot, judgeArrangements, ledgerLines, putLine, type AccountHolds, type ArrangementOptionsInput } from "../../../core/arrangements/judge";
import { ARRANGEMENT_OUTCOMES, type ArrangementOutcome } from "../../../core/arrangements/rules";
import { ARRANGEMENT_TYPES, FREQUENCIES, RECORDED_STATUSES, type Arrangement } from "../../../core/arrangements/schema";
import type { Transaction, TransactionType } from "../../../core/export/schema";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";
import { arrangement, S } from "./fixtures";

// The outcome-only judge (what the worklist reads) against the judge in words: the same
// outcome for every arrangement, on the planted export and on random arrangements.

/** Outcomes through the slot path, with slots numbered as a caller would (first appearance of each account). */
function outcomesBySlot(arrangements: readonly Arrangement[], transactions: readonly Transaction[], asOf: number, options: ArrangementOptionsInput, accounts: readonly AccountHolds[], leaveOut = new Set<number>()): (ArrangementOutcome | null)[] {
  const slotOf = new Map<string, number>();
  for (const a of arrangements) if (!slotOf.has(a.account)) slotOf.set(a.account, slotOf.size);
  const lines = ledgerLines(transactions.length, slotOf.size);
  for (const t of transactions) putLine(lines, t, slotOf.get(t.account) ?? -1);
  const holds = new Array<AccountHolds | undefined>(slotOf.size).fill(undefined);
  for (const a of accounts) if (slotOf.has(a.account)) holds[slotOf.get(a.account)!] = a;
  const arrSlot = Int32Array.from(arrangements, (a, i) => (leaveOut.has(i) ? -1 : slotOf.get(a.account)!));
  const out = arrangementOutcomesBySlot(arrangements, arrSlot, lines, holds, asOf, ArrangementOptionsSchema.parse(options));
  return [...out].map((k) => (k < 0 ? null : ARRANGEMENT_OUTCOMES[k]));
}

describe("arrangementOutcomesBySlot", () => {
  it("gives the planted outcome and the judge's outcome for each of 1,000 planted arrangements", () => {
    const exp = generateTeamExport({ accounts: 6000, officers: 6, seed: 77, periodStart: "2026-10-01", periodEnd: "2026-10-31", arrangements: 1000 });
    const asOf = isoToSerial("2026-10-31");
    const fast = outcomesBySlot(exp.arrangements!, exp.transactions, asOf, {}, exp.accounts);
    const judged = judgeArrangements(exp.arrangements!, exp.transactions, asOf, {}, exp.accounts);
    // The labels were worked out by the generator from each scenario, never by a judge.
    expect(fast).toEqual(exp.arrangementLabels!.map((l) => l.outcome));
    expect(fast).toEqual(judged.map((j) => j.outcome));
    // The planted scenarios end kept, broken or on hold; the random test below reaches the other outcomes.
    expect(new Set(fast)).toEqual(new Set(["kept", "broken", "on hold"]));
  });

  it("leaves out an arrangement given slot -1 and judges the rest as before", () => {
    const arrs = [arrangement(), arrangement({ account: "A2" }), arrangement({ account: "A3", status: "completed" })];
    // A1 pays nothing (weekly £10 from S, judged 20 days in: 3 instalments, 2 passed unpaid, so broken); A2 pays every week.
    const txs: Transaction[] = [0, 7, 14].map((d) => ({ date: S + d, account: "A2", type: "payment", amount: -10, method: null }));
    expect(outcomesBySlot(arrs, txs, S + 20, {}, [], new Set([1]))).toEqual(["broken", null, "completed"]);
    expect(outcomesBySlot(arrs, txs, S + 20, {}, [])).toEqual(["broken", "kept", "completed"]);
  });

  it("agrees with judgeArrangements on random arrangements, lines, holds and graces (fast-check)", () => {
    const account = fc.constantFrom("A1", "A2", "A3", "A4");
    const arr = fc.record({
      account,
      startDay: fc.integer({ min: -60, max: 40 }),
      instalmentPence: fc.integer({ min: 1, max: 5000 }),
      basis: fc.constantFrom("arrears" as const, "total" as const),
      frequency: fc.constantFrom(...FREQUENCIES),
      type: fc.constantFrom(...ARRANGEMENT_TYPES),
      startBalancePence: fc.option(fc.integer({ min: -100, max: 20_000 })),
      endDay: fc.option(fc.integer({ min: 0, max: 120 })),
      status: fc.constantFrom(...RECORDED_STATUSES),
    });
    const line = fc.record({ account: fc.constantFrom("A1", "A2", "A3", "A4", "Z9"), day: fc.integer({ min: -90, max: 100 }), pence: fc.integer({ min: -4000, max: 4000 }), type: fc.constantFrom<TransactionType>("payment", "uc", "hb", "dhp", "rent", "refund", "adjustment") });
    const hold = fc.record({ account, vulnerable: fc.boolean(), benefitPending: fc.boolean(), breathingSpaceDay: fc.option(fc.integer({ min: -10, max: 90 })) });
    const seen = new Set<ArrangementOutcome | null>();
    const graces = fc.record({ paymentGraceDays: fc.integer({ min: 0, max: 10 }), ucGraceDays: fc.integer({ min: 0, max: 40 }), hbGraceDays: fc.integer({ min: 0, max: 40 }) });
    fc.assert(
      fc.property(fc.array(arr, { minLength: 1, maxLength: 8 }), fc.array(line, { maxLength: 40 }), fc.array(hold, { maxLength: 5 }), graces, fc.integer({ min: 0, max: 100 }), (as, ls, hs, options, asOfDay) => {
        const arrangements = as.map((a) =>
          arrangement({
            account: a.account,
            startDate: S + a.startDay,
            instalment: a.instalmentPence / 100,
            basis: a.basis,
            frequency: a.frequency,
            type: a.type,
            startBalance: a.startBalancePence === null ? null : a.startBalancePence / 100,
            endDate: a.endDay === null ? null : S + a.startDay + a.endDay,
            status: a.status,
          }),
        );
        const transactions: Transaction[] = ls.map((l) => ({ date: S + l.day, account: l.account, type: l.type, amount: l.pence / 100, method: null }));
        const accounts: AccountHolds[] = hs.map((h) => ({ account: h.account, vulnerable: h.vulnerable, benefitPending: h.benefitPending, breathingSpaceUntil: h.breathingSpaceDay === null ? null : S + h.breathingSpaceDay }));
        const asOf = S + asOfDay;
        const fast = outcomesBySlot(arrangements, transactions, asOf, options, accounts);
        expect(fast).toEqual(judgeArrangements(arrangements, transactions, asOf, options, accounts).map((j) => j.outcome));
        for (const o of fast) seen.add(o);
      }),
      { numRuns: 400 },
    );
    // Every outcome occurred, so every branch of the decision was compared.
    expect(seen).toEqual(new Set(ARRANGEMENT_OUTCOMES));
  });
});
