import { historyOfColumnar, NO_ACCOUNT, toColumnar } from "../../../core/columns/columnarExport";
import { historyColumnsOf } from "../../../core/columns/historyColumns";
import type { Account, CanonicalExport, Transaction } from "../../../core/export/schema";
import { toPence } from "../../../core/money";
import { mulberry32 } from "../../../samples/generator/random";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";

/**
 * toColumnar's shortcuts (each transaction's account tried at the previous transaction's
 * row and the next before hashing; officers found by a short scan) against the plain
 * reading: a Map from reference to row built in row order (a repeated reference finds
 * its last row) and a Map of officer names in order of first appearance.
 */

const PERIOD_START = isoToSerial("2026-10-01");
const PERIOD_END = isoToSerial("2026-10-31");

function expectPlainReading(data: CanonicalExport): void {
  const cols = toColumnar(data);
  const rowOf = new Map<string, number>();
  data.accounts.forEach((a, i) => rowOf.set(a.account, i));
  expect(Array.from(cols.txAccount)).toEqual(data.transactions.map((t) => rowOf.get(t.account) ?? NO_ACCOUNT));
  const officers = [...new Set(data.accounts.map((a) => a.officer || "(unassigned)"))];
  expect(cols.officers).toEqual(officers);
  expect(Array.from(cols.officer)).toEqual(data.accounts.map((a) => officers.indexOf(a.officer || "(unassigned)")));
  expect(cols.accountRefs).toEqual(data.accounts.map((a) => a.account));
  expect(Array.from(cols.weeklyRent)).toEqual(data.accounts.map((a) => a.weeklyRent));
}

describe("toColumnar reads transactions and officers as a plain lookup would", () => {
  const data = generateTeamExport({ accounts: 1200, officers: 12, seed: 3, periodStart: PERIOD_START, periodEnd: PERIOD_END, weeks: 4 });
  const base: CanonicalExport = { accounts: data.accounts, transactions: data.transactions, voids: data.voids, balanceHistory: data.balanceHistory };

  it("with transactions grouped by account in account order (the generator's, and many systems')", () => {
    expectPlainReading(base);
  });

  it("with transactions shuffled, some on accounts not in the table", () => {
    const rnd = mulberry32(8);
    const txs: Transaction[] = data.transactions.map((t, i) => (i % 50 === 7 ? { ...t, account: `ZZ${i}` } : t));
    for (let i = txs.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [txs[i], txs[j]] = [txs[j], txs[i]];
    }
    expectPlainReading({ ...base, transactions: txs });
  });

  it("with a reference repeated in the accounts table: its transactions find its last row, even next to its first", () => {
    // Rows 10 and 11 both hold RA100011 (row 11's own reference); a transaction right after one on row 9 must still find row 11.
    const accounts: Account[] = data.accounts.map((a, i) => (i === 10 ? { ...a, account: data.accounts[11].account } : a));
    const txs: Transaction[] = [
      { ...data.transactions[0], account: accounts[9].account },
      { ...data.transactions[0], account: accounts[10].account },
      { ...data.transactions[0], account: accounts[10].account },
      ...data.transactions,
    ];
    const cols = toColumnar({ ...base, accounts, transactions: txs });
    expect(Array.from(cols.txAccount.subarray(0, 3))).toEqual([9, 11, 11]);
    expectPlainReading({ ...base, accounts, transactions: txs });
  });

  it("with more officers than the scan covers", () => {
    const accounts: Account[] = data.accounts.map((a, i) => ({ ...a, officer: i % 5 === 0 ? "" : `Officer ${i % 47}` }));
    expectPlainReading({ ...base, accounts });
  });

  it("holds the balance history aligned to its rows, as historyColumnsOf does from the references", () => {
    const cols = toColumnar(base);
    const m = historyOfColumnar(cols)!;
    const plain = historyColumnsOf(data.balanceHistory, data.accounts.map((a) => a.account));
    expect(Array.from(m.balances)).toEqual(Array.from(plain.balances));
    expect(historyOfColumnar(toColumnar({ ...base, balanceHistory: null }))).toBeNull();
  });
});

describe("toColumnar's pence", () => {
  it("are toPence's (halves away from zero, as Excel's ROUND), so the row-object paths and the columns agree to the penny", () => {
    const data = generateTeamExport({ accounts: 50, officers: 2, seed: 5, periodStart: PERIOD_START, periodEnd: PERIOD_END, weeks: 1 });
    // Halves either side of zero, and 1.005 (stored just under: ROUND(1.005, 2) is 1.01 all the same).
    const amounts = [-0.005, 0.005, -12.345, 12.345, 1.005, -1.005, 2.675];
    const txs: Transaction[] = amounts.map((amount, i) => ({ ...data.transactions[i], amount }));
    const accounts: Account[] = amounts.map((balance, i) => ({ ...data.accounts[i], balance, weeklyRent: Math.abs(balance) }));
    const cols = toColumnar({ accounts, transactions: txs, voids: null });
    expect(Array.from(cols.txAmountPence)).toEqual(amounts.map(toPence));
    expect(Array.from(cols.balancePence)).toEqual(amounts.map(toPence));
    expect(Array.from(cols.weeklyRentPence)).toEqual(amounts.map((a) => toPence(Math.abs(a))));
    expect(toPence(-0.005)).toBe(-1);
  });
});
