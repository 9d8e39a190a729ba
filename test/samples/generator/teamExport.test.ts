import { readExport } from "../../../core/export/readTables";
import { monthlyReturn, kpiById } from "../../../core/kpi/monthlyReturn";
import { generateTeamExport, mulberry32, teamExportCsv, teamExportTables } from "../../../samples/generator/teamExport";
import { parseCsv } from "../../../cli/io/csv";

const OPTIONS = { accounts: 17_000, officers: 12, seed: 42, periodStart: "2025-04-01", periodEnd: "2025-04-30" } as const;

describe("synthetic team export generator", () => {
  const exp = generateTeamExport(OPTIONS);

  it("is deterministic for a seed and different for another", () => {
    const small = { ...OPTIONS, accounts: 2000 };
    // Compared as JSON: a deep toEqual over tens of thousands of objects is slow and says no more.
    expect(JSON.stringify(generateTeamExport(small))).toBe(JSON.stringify(generateTeamExport(small)));
    expect(JSON.stringify(generateTeamExport(OPTIONS).transactions)).toBe(JSON.stringify(exp.transactions));
    const other = generateTeamExport({ ...OPTIONS, seed: 43 });
    expect(other.accounts.map((a) => a.balance)).not.toEqual(exp.accounts.map((a) => a.balance));
    const r = mulberry32(1);
    const first = [r(), r(), r()];
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(first).size).toBe(3);
  });

  it("has a team-sized shape: ~37,000 transactions, £4–4.5M arrears, realistic mixes", () => {
    expect(exp.accounts).toHaveLength(17_000);
    expect(exp.transactions.length).toBeGreaterThan(34_000);
    expect(exp.transactions.length).toBeLessThan(40_000);
    const ret = monthlyReturn(exp, { periodStart: 45748, periodEnd: 45777 });
    const gross = kpiById(ret, "gross_arrears").value!;
    expect(gross).toBeGreaterThan(4_000_000);
    expect(gross).toBeLessThan(4_500_000);
    const share = (pred: (a: (typeof exp.accounts)[number]) => boolean) => exp.accounts.filter(pred).length / exp.accounts.length;
    expect(share((a) => a.status === "former")).toBeCloseTo(0.05, 1);
    expect(share((a) => a.status === "void")).toBeGreaterThan(0.005);
    const current = exp.accounts.filter((a) => a.status === "current");
    const inArrears = current.filter((a) => a.balance > 0).length / current.length;
    expect(inArrears).toBeGreaterThan(0.28);
    expect(inArrears).toBeLessThan(0.4);
    expect(current.some((a) => a.balance < 0)).toBe(true);
    expect(exp.accounts.every((a) => a.weeklyRent >= 70 && a.weeklyRent <= 180)).toBe(true);
    expect(new Set(exp.accounts.map((a) => a.officer)).size).toBe(12);
    expect(new Set(exp.accounts.map((a) => a.tenancyType))).toEqual(new Set(["secure", "assured", "introductory", "starter", "other"]));
    expect(new Set(exp.transactions.map((t) => t.type))).toEqual(new Set(["rent", "payment", "hb", "uc", "writeoff", "refund", "adjustment"]));
    expect(kpiById(ret, "collection_rate_arc").value).toBeGreaterThan(95);
    expect(kpiById(ret, "collection_rate_arc").value).toBeLessThan(101);
  });

  it("gives 52 weekly snapshots per account ending on the closing balance", () => {
    const h = exp.balanceHistory;
    expect(h.dates).toHaveLength(52);
    expect(h.dates[51]).toBe(45777);
    expect(h.dates[1] - h.dates[0]).toBe(7);
    h.balances.forEach((row, i) => expect(row[51]).toBe(exp.accounts[i].balance));
    // Some arrears rise over the year, some fall.
    const rising = h.balances.filter((row) => row[51] > 0 && row[0] < row[51] * 0.5).length;
    const falling = h.balances.filter((row) => row[51] > 0 && row[0] > row[51] * 1.4).length;
    expect(rising).toBeGreaterThan(500);
    expect(falling).toBeGreaterThan(500);
  });

  it("writes CSV with the default profile's headers that reads back to the same export", () => {
    const small = generateTeamExport({ ...OPTIONS, accounts: 500 });
    const csv = teamExportCsv(small);
    const back = readExport({ accounts: parseCsv(csv.accounts), transactions: parseCsv(csv.transactions), voids: parseCsv(csv.voids) });
    expect(back.accounts.map((a) => [a.account, a.status, a.balance, a.officer, a.benefit, a.ucDirect])).toEqual(small.accounts.map((a) => [a.account, a.status, a.balance, a.officer, a.benefit, a.ucDirect]));
    expect(back.transactions).toEqual(small.transactions);
    expect(back.voids).toEqual(small.voids);
    expect(teamExportTables(small).balanceHistory[0]).toHaveLength(53);
  });
});
