import fc from "fast-check";
import { judgeArrangements, judgeArrangementsOfColumns } from "../../../core/arrangements/judge";
import { ARRANGEMENT_TYPES, FREQUENCIES, RECORDED_STATUSES } from "../../../core/arrangements/schema";
import { toColumnar } from "../../../core/columns/columnarExport";
import { TRANSACTION_TYPES, type Account, type Transaction } from "../../../core/export/schema";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";
import { account } from "../worklist/fixtures";
import { arrangement, S } from "./fixtures";

// The judge over the columnar export (what the command line's report and the worklist read) against the judge over
// the row objects: the same judgements, figures and words, on the planted export and on random tables that reach its
// edges (an arrangement on an account the table lacks, a reference twice in the table, lines on unknown accounts and
// of types no ledger keeps).

const columnsOf = (accounts: Account[], transactions: Transaction[]) => toColumnar({ accounts, transactions, voids: null });

describe("judgeArrangementsOfColumns", () => {
  it("judges the 1,000 planted arrangements as judgeArrangements does, word for word", () => {
    const exp = generateTeamExport({ accounts: 6000, officers: 6, seed: 41, periodStart: "2026-10-01", periodEnd: "2026-10-31", arrangements: 1000 });
    const asOf = isoToSerial("2026-10-31");
    const rows = judgeArrangements(exp.arrangements!, exp.transactions, asOf, {}, exp.accounts);
    expect(judgeArrangementsOfColumns(exp.arrangements!, columnsOf(exp.accounts, exp.transactions), asOf, {})).toEqual(rows);
    // Not a trivial agreement: the planted outcomes are all there.
    expect(new Set(rows.map((r) => r.outcome))).toEqual(new Set(["kept", "broken", "on hold"]));
  });

  it("agrees with judgeArrangements on random tables, lines, holds and graces (fast-check)", () => {
    const ref = fc.constantFrom("A1", "A2", "A3", "A4");
    const arr = fc.record({
      account: ref,
      startDay: fc.integer({ min: -60, max: 40 }),
      instalmentPence: fc.integer({ min: 1, max: 5000 }),
      basis: fc.constantFrom("arrears" as const, "total" as const),
      frequency: fc.constantFrom(...FREQUENCIES),
      type: fc.constantFrom(...ARRANGEMENT_TYPES),
      endDay: fc.option(fc.integer({ min: 0, max: 120 })),
      status: fc.constantFrom(...RECORDED_STATUSES),
    });
    // A4 and Z9 are never in the accounts table; A2 may be there twice (the last row's holds apply).
    const line = fc.record({ account: fc.constantFrom("A1", "A2", "A3", "A4", "Z9"), day: fc.integer({ min: -90, max: 100 }), pence: fc.integer({ min: -4000, max: 4000 }), type: fc.constantFrom(...TRANSACTION_TYPES) });
    const row = fc.record({ account: fc.constantFrom("A1", "A2", "A3"), vulnerable: fc.boolean(), benefitPending: fc.boolean(), breathingSpaceDay: fc.option(fc.integer({ min: -10, max: 90 })) });
    const graces = fc.record({ paymentGraceDays: fc.integer({ min: 0, max: 10 }), ucGraceDays: fc.integer({ min: 0, max: 40 }), hbGraceDays: fc.integer({ min: 0, max: 40 }) });
    let missingJudged = 0;
    fc.assert(
      fc.property(fc.array(arr, { minLength: 1, maxLength: 8 }), fc.array(line, { maxLength: 40 }), fc.array(row, { maxLength: 5 }), graces, fc.integer({ min: 0, max: 100 }), (as, ls, rs, options, asOfDay) => {
        const arrangements = as.map((a) =>
          arrangement({ account: a.account, startDate: S + a.startDay, instalment: a.instalmentPence / 100, basis: a.basis, frequency: a.frequency, type: a.type, endDate: a.endDay === null ? null : S + a.startDay + a.endDay, status: a.status }),
        );
        const transactions: Transaction[] = ls.map((l) => ({ date: S + l.day, account: l.account, type: l.type, amount: l.pence / 100, method: null }));
        const accounts = rs.map((r) => account({ account: r.account, vulnerable: r.vulnerable, benefitPending: r.benefitPending, breathingSpaceUntil: r.breathingSpaceDay === null ? null : S + r.breathingSpaceDay }));
        const asOf = S + asOfDay;
        const rows = judgeArrangements(arrangements, transactions, asOf, options, accounts);
        expect(judgeArrangementsOfColumns(arrangements, columnsOf(accounts, transactions), asOf, options)).toEqual(rows);
        if (arrangements.some((a) => a.account === "A4") && transactions.some((t) => t.account === "A4" && t.type === "payment")) missingJudged++;
      }),
      { numRuns: 400 },
    );
    // Arrangements on an account the table lacks, with payments naming it, were compared.
    expect(missingJudged).toBeGreaterThan(20);
  });

  it("counts a payment on an account the accounts table lacks, found by its reference", () => {
    const arrs = [arrangement({ account: "GONE" })];
    const txs: Transaction[] = [0, 7, 14].map((d) => ({ date: S + d, account: "GONE", type: "payment", amount: -10, method: null }));
    const [judged] = judgeArrangementsOfColumns(arrs, columnsOf([account({ account: "A1" })], txs), S + 20, {});
    expect(judged.outcome).toBe("kept");
    expect(judged.paid).toBe(30);
  });
});
