import { parseCsv } from "../../../cli/io/csv";
import { readArrangements } from "../../../core/arrangements/readArrangements";
import { readTransactions } from "../../../core/export/readTables";
import { generateTeamExport, teamExportCsv } from "../../../samples/generator/teamExport";

const BASE = { accounts: 2000, officers: 6, seed: 7, periodStart: "2026-10-01", periodEnd: "2026-10-31" } as const;

describe("planted arrangements in the team export", () => {
  const without = generateTeamExport(BASE);
  const withThem = generateTeamExport({ ...BASE, arrangements: 350 });

  it("leaves the accounts, the month's transactions, voids and balances as they are without them", () => {
    expect(JSON.stringify(withThem.accounts)).toBe(JSON.stringify(without.accounts));
    expect(JSON.stringify(withThem.voids)).toBe(JSON.stringify(without.voids));
    expect(JSON.stringify(withThem.balanceHistory)).toBe(JSON.stringify(without.balanceHistory));
    expect(JSON.stringify(withThem.transactions.slice(0, without.transactions.length))).toBe(JSON.stringify(without.transactions));
    expect(withThem.transactions.length).toBeGreaterThan(without.transactions.length);
    expect(without.arrangements).toBeUndefined();
    expect(teamExportCsv(without).arrangements).toBeUndefined();
  });

  it("is deterministic for a seed, one arrangement per account, on accounts in the table", () => {
    expect(JSON.stringify(generateTeamExport({ ...BASE, arrangements: 350 }))).toBe(JSON.stringify(withThem));
    const list = withThem.arrangements!;
    expect(list).toHaveLength(350);
    expect(new Set(list.map((a) => a.account)).size).toBe(350);
    const accounts = new Set(withThem.accounts.map((a) => a.account));
    expect(list.every((a) => accounts.has(a.account))).toBe(true);
    // Each planted payment is on an arrangement's account, dated by the period end, a credit.
    const arranged = new Set(list.map((a) => a.account));
    const added = withThem.transactions.slice(without.transactions.length);
    expect(added.every((t) => arranged.has(t.account) && t.date <= 46326 && t.amount < 0)).toBe(true);
  });

  it("writes an arrangements.csv the reader reads back to the same arrangements", () => {
    const csv = teamExportCsv(withThem);
    expect(readArrangements(parseCsv(csv.arrangements!))).toEqual(withThem.arrangements);
    expect(readTransactions(parseCsv(csv.transactions))).toHaveLength(withThem.transactions.length);
  });
});
