import { DEFAULT_ESCALATION_POLICY, parseEscalationPolicy } from "../../../core/escalation/policy";
import { monthlyReturn } from "../../../core/kpi/monthlyReturn";
import * as profileModule from "../../../core/export/profile";
import { parseMappingProfile } from "../../../core/export/profile";
import { locateColumns, readAccounts, readBalanceHistory, readExport, readTransactions } from "../../../core/export/readTables";
import { StubCustomFunctionsError } from "../../support/customFunctionsStub";

const HEAD = ["Account", "Tenancy Type", "Status", "Weekly Rent", "Balance", "Vulnerable"];

describe("table readers under the one grammar", () => {
  it("matches a Northgate HB/UC column (punctuation ignored), so UC tenancies are not lost", () => {
    const accounts = readAccounts([
      ["Account", "Tenancy Type", "Status", "Weekly Rent", "Balance", "HB/UC"],
      ["A1", "secure", "current", 100, 50, "UC"],
    ]);
    expect(accounts[0].benefit).toBe("UC");
  });

  it("refuses a decimal-comma balance with the row, column and value, and reads it under decimalSeparator ','", () => {
    const table = [HEAD, ["A1", "secure", "current", "100", "12,50", ""]];
    expect(() => readAccounts(table)).toThrow('accounts row 2: balance (column "Balance") "12,50" uses a decimal comma');
    const comma = parseMappingProfile({ name: "eu", accounts: {}, transactions: {}, decimalSeparator: "," });
    expect(readAccounts([HEAD, ["A1", "secure", "current", "100", "1.234,56", ""]], comma)[0].balance).toBe(1234.56);
  });

  it("names the table, row and column of an Excel error object in a yes/no column instead of failing on it", () => {
    const table = [HEAD, ["A1", "secure", "current", 100, 50, "no"], ["A2", "secure", "current", 100, 50, new StubCustomFunctionsError("#N/A") as never]];
    expect(() => readAccounts(table)).toThrow('accounts row 3: vulnerable (column "Vulnerable") holds the Excel error #N/A: fix the cell it comes from');
  });

  it("never takes an error cell in the account column as an account reference", () => {
    expect(() => readAccounts([HEAD, [new StubCustomFunctionsError("#REF!") as never, "secure", "current", 100, 50, ""]])).toThrow(
      'accounts row 2: account reference (column "Account") holds the Excel error #REF!',
    );
    expect(() => readAccounts([HEAD, ["#N/A", "secure", "current", 100, 50, ""]])).toThrow(/account reference \(column "Account"\) holds the Excel error #N\/A/);
  });

  it("refuses dates Excel cannot hold, impossible dates and dates with words after them", () => {
    const head = [...HEAD, "Last Action Date"];
    const row = (d: unknown) => [head, ["A1", "secure", "current", 100, 50, "", d as never]];
    expect(() => readAccounts(row(1e12))).toThrow(/last action date \(column "Last Action Date"\) 1000000000000 is not a date Excel can hold/);
    expect(() => readAccounts(row("31/02/2026"))).toThrow(/is not a real calendar date/);
    expect(() => readAccounts(row("2026-10-05 or 2026-11-05"))).toThrow(/has something after the date/);
  });

  it("warns when the sign convention makes rent due negative", () => {
    const transactions = [
      ["date", "account", "type", "amount"],
      ["2025-04-01", "A1", "rent", 100],
      ["2025-04-02", "A1", "payment", -60],
    ];
    const flipped = parseMappingProfile({ name: "finance", accounts: {}, transactions: {}, signConvention: "creditPositive" });
    const data = readExport({ accounts: [HEAD, ["A1", "secure", "current", 100, 40, ""]], transactions }, flipped);
    // creditPositive flips rent 100 to -100: one rent line totalling -£100.00.
    expect(data.warnings).toEqual([expect.stringContaining("rent debits total -£100.00 over 1 line(s) under the \"creditPositive\" sign convention")]);
    expect(readExport({ accounts: [HEAD, ["A1", "secure", "current", 100, 40, ""]], transactions }).warnings).toEqual([]);
    // The warning travels with the monthly return, which the report prints and writes to its sheet.
    expect(monthlyReturn(data, { periodStart: 45748, periodEnd: 45777 }).warnings).toEqual(expect.arrayContaining([expect.stringContaining("rent debits total -£100.00")]));
  });

  it("refuses a transaction amount with two signs rather than guessing which one wins", () => {
    expect(() => readTransactions([["date", "account", "type", "amount"], ["2025-04-01", "A", "payment", "-45.10 CR"]])).toThrow(/more than one sign/);
  });

  it("matches headers with work linear in the headers and accepted names", () => {
    // Counted, not timed (the test machine is shared): each header and each accepted name is keyed once.
    // The old way compared every accepted name with every header: 20,000 × 5,001 comparisons here.
    const header: string[] = Array.from({ length: 20_000 }, (_, i) => `junk column ${i}`);
    header.push("Balance");
    const names = Array.from({ length: 5000 }, (_, i) => `name ${i}`);
    const spy = jest.spyOn(profileModule, "headerKey");
    const col = locateColumns<"balance" | "account">("accounts", header, { balance: ["balance"], account: names }, ["balance"]);
    expect(col.balance).toBe(20_000);
    expect(spy.mock.calls.length).toBeLessThanOrEqual(header.length + names.length + 1);
    spy.mockRestore();
  });

  it("matches 100,000 headers against 100,000 accepted names in well under the test timeout", () => {
    // Linear: ~200,000 keyings. Pairwise comparison (the old way) would be 10^10 and time out.
    const header: string[] = Array.from({ length: 100_000 }, (_, i) => `junk column ${i}`);
    header.push("Balance");
    const names = Array.from({ length: 100_000 }, (_, i) => `name ${i}`);
    const t0 = Date.now();
    expect(locateColumns<"balance" | "account">("accounts", header, { account: names, balance: ["balance"] }, ["balance"]).balance).toBe(100_000);
    expect(Date.now() - t0).toBeLessThan(20_000);
  }, 30_000);
});

describe("the one balance-history reader", () => {
  it("reads (110.00) and 1010 CR as negative in wide and long histories alike", () => {
    const wide = readBalanceHistory([
      ["Account", "2025-04-07", "2025-04-14"],
      ["A1", "(110.00)", "1010 CR"],
    ]);
    expect(wide.balances[0]).toEqual([-110, -1010]);
    const long = readBalanceHistory([
      ["account", "date", "balance"],
      ["A1", "2025-04-07", "(110.00)"],
      ["A1", "2025-04-14", "1010 CR"],
    ]);
    expect(long.balances[0]).toEqual([-110, -1010]);
  });

  it("refuses a bad balance with its row and column instead of dropping it", () => {
    expect(() => readBalanceHistory([["Account", "2025-04-07", "2025-04-14"], ["A1", "12,50", 5]])).toThrow('history row 2, column "2025-04-07": balance "12,50" uses a decimal comma');
  });

  it("keeps a blank week as no snapshot (NaN), never £0", () => {
    const h = readBalanceHistory([["Account", 1, 2, 3], ["A1", 10, "", 30]]);
    expect(h.balances[0][0]).toBe(10);
    expect(Number.isNaN(h.balances[0][1])).toBe(true);
  });

  it("reads week numbers in a long history's week column as periods", () => {
    const h = readBalanceHistory([["account", "week", "balance"], ["A1", 1, 10], ["A1", 2, 20]]);
    expect(h).toMatchObject({ axis: "periods", dates: [1, 2] });
    expect(() => readBalanceHistory([["account", "week", "balance"], ["A1", 1, 10], ["A1", 45292, 20]])).toThrow(/is a date but row 2 holds a period number/);
  });
});

describe("policy day counts", () => {
  it("refuse a waiting period longer than Excel's dates reach", () => {
    const rules = DEFAULT_ESCALATION_POLICY.rules.map((r) => (r.minDaysAfter ? { ...r, minDaysAfter: 1e12 } : r));
    expect(() => parseEscalationPolicy({ ...DEFAULT_ESCALATION_POLICY, rules })).toThrow(/minimum days after the last action must be at most 2958465/);
    // The shipped 28 days still reads.
    expect(parseEscalationPolicy(DEFAULT_ESCALATION_POLICY).rules.some((r) => r.minDaysAfter === 28)).toBe(true);
  });
});
