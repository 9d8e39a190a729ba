import { ArrangementOptionsSchema, judgeArrangements, judgeOne, ledgersOf } from "../../../core/arrangements/judge";
import type { Arrangement } from "../../../core/arrangements/schema";
import type { Transaction } from "../../../core/export/schema";
import { worklistOf } from "../../../core/worklist/worklist";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";

// judgeArrangements and the worklist group the transactions in typed columns kept from one
// call to the next (so a recalculation does not allocate megabytes afresh). A call after a
// larger one, or after the worklist, must read only its own lines: each judgement is checked
// against judgeOne over ledgersOf, which groups into columns of its own every time.

/** The plain path: each arrangement judged alone from a ledger built afresh. */
function plainJudgements(arrangements: readonly Arrangement[], transactions: readonly Transaction[], asOf: number, accounts: Parameters<typeof judgeArrangements>[4] = []) {
  const ledgers = ledgersOf(transactions, new Set(arrangements.map((a) => a.account)));
  const holds = new Map((accounts ?? []).map((a) => [a.account, a]));
  const o = ArrangementOptionsSchema.parse({});
  return arrangements.map((a) => judgeOne(a, ledgers.get(a.account), asOf, o, holds.get(a.account)));
}

describe("columns kept between calls", () => {
  const asOf = isoToSerial("2026-10-31");
  const big = generateTeamExport({ accounts: 4000, officers: 4, seed: 5, periodStart: "2026-10-01", periodEnd: "2026-10-31", arrangements: 800 });
  const small = generateTeamExport({ accounts: 600, officers: 2, seed: 6, periodStart: "2026-10-01", periodEnd: "2026-10-31", arrangements: 120 });

  it("give each call its own lines: a small export judged after a large one and after the worklist, as the plain path judges it", () => {
    judgeArrangements(big.arrangements!, big.transactions, asOf, {}, big.accounts);
    const afterBig = judgeArrangements(small.arrangements!, small.transactions, asOf, {}, small.accounts);
    expect(afterBig).toEqual(plainJudgements(small.arrangements!, small.transactions, asOf, small.accounts));
    worklistOf({ accounts: big.accounts, transactions: big.transactions, asOf, arrangements: big.arrangements });
    // The small export's lines shuffled, so its slots fall on other entries of the kept columns than before.
    const shuffled = [...small.transactions].reverse();
    const afterWorklist = judgeArrangements(small.arrangements!, shuffled, asOf, {}, small.accounts);
    expect(afterWorklist).toEqual(plainJudgements(small.arrangements!, shuffled, asOf, small.accounts));
    // The large one again, after the small: the columns grown once are read over its own length.
    expect(judgeArrangements(big.arrangements!, big.transactions, asOf, {}, big.accounts)).toEqual(plainJudgements(big.arrangements!, big.transactions, asOf, big.accounts));
  });
});
