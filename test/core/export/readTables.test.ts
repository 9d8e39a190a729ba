import { ArrearsInputError } from "../../../core/errors";
import { parseAmount, parseSerial, parseYesNo } from "../../../core/export/cellValues";
import { DEFAULT_PROFILE, parseMappingProfile } from "../../../core/export/profile";
import { readAccounts, readExport, readTransactions, readVoids } from "../../../core/export/readTables";

const NORTHGATE_ACCOUNTS = [
  ["Tenancy Ref", "Tenure", "Account Status", "Weekly_Charge", "Patch", "Benefit Type", "Closing Balance", "Tenant Name", "Vulnerability Flag", "Start Date"],
  ["T001", "SEC", "Live", "£95.50", "North", "Universal Credit", "1,234.50", "=HYPERLINK(\"x\")", "Y", "03/04/2019"],
  ["T002", "AST", "Terminated", 80, "South", "", "(12.00)", "Jo Bloggs", "", 43000],
  ["", "", "", "", "", "", "", "", "", ""],
  ["T003", "intro", "vacant", "", "", "HB", "0", null, "no", null],
];

describe("reading exported tables through the default profile", () => {
  it("finds columns by header name whatever their spelling, order and codes", () => {
    const accounts = readAccounts(NORTHGATE_ACCOUNTS);
    expect(accounts).toHaveLength(3);
    expect(accounts[0]).toMatchObject({ account: "T001", tenancyType: "secure", status: "current", weeklyRent: 95.5, officer: "North", benefit: "UC", balance: 1234.5, vulnerable: true, tenancyStart: 43558 });
    expect(accounts[0].name).toBe('=HYPERLINK("x")'); // kept as data; neutralised only when written out
    expect(accounts[1]).toMatchObject({ tenancyType: "starter", status: "former", benefit: "none", balance: -12, tenancyStart: 43000 });
    expect(accounts[2]).toMatchObject({ tenancyType: "introductory", status: "void", weeklyRent: 0, officer: "(unassigned)" });
  });

  it("names a missing required column and lists the headers it found", () => {
    const noBalance = NORTHGATE_ACCOUNTS.map((r) => r.slice(0, 6));
    expect(() => readAccounts(noBalance)).toThrow(
      'the accounts table has no balance column (looked for "balance", "closing balance", "current balance", "arrears balance", "account balance", "arrears"); headers found: "Tenancy Ref", "Tenure", "Account Status", "Weekly_Charge", "Patch", "Benefit Type"',
    );
    try {
      readAccounts(noBalance);
    } catch (e) {
      expect((e as ArrearsInputError).field).toBe("accounts.balance");
    }
  });

  it("reports the first bad row by sheet row number, and how many more there are", () => {
    const bad = [
      ["account", "tenancy type", "status", "weekly rent", "balance"],
      ["A1", "secure", "current", "abc", 10],
      ["A2", "castle", "current", 100, 10],
      ["A1", "secure", "current", 100, 10],
    ];
    expect(() => readAccounts(bad)).toThrow('accounts row 2: weekly rent (column "weekly rent") "abc" is not an amount in £ (such as 1,234.56, -£5, (12.50) or 12.50 CR) (and 2 more problems in the accounts table)');
    expect(() => readAccounts([bad[0], bad[2]])).toThrow(/accounts row 2: tenancy type \(column "tenancy type"\) "castle" is not one of secure, assured, introductory, starter, other/);
    expect(() => readAccounts([bad[0], ["A1", "secure", "current", 1, 1], bad[3]])).toThrow('accounts row 3: account reference "A1" is repeated (first on row 2)');
  });

  it("reads transactions with their sign convention and type codes", () => {
    const table = [
      ["Transaction Date", "Payment Ref", "Trans Type", "Amount", "Payment Method"],
      ["01/04/2025", "T001", "RNT", "95.50", ""],
      ["02/04/2025", "T001", "DD", "-50.00", "Direct Debit"],
      ["2025-04-03", "T001", "HB Credit", "45.10 CR", null],
      [45755, "T001", "W/O", -5, null],
    ];
    const t = readTransactions(table);
    expect(t.map((x) => [x.date, x.type, x.amount])).toEqual([
      [45748, "rent", 95.5],
      [45749, "payment", -50],
      [45750, "hb", -45.1],
      [45755, "writeoff", -5],
    ]);
    expect(t[1].method).toBe("Direct Debit");
    // Credits positive: the same figures flipped.
    const flipped = readTransactions(table.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], typeof r[3] === "number" ? -r[3] : String(r[3]).endsWith(" CR") ? String(r[3]).replace(" CR", " DR") : `-${r[3]}`.replace("--", ""), r[4]])), parseMappingProfile({ name: "finance", accounts: {}, transactions: {}, signConvention: "creditPositive" }));
    expect(flipped.map((x) => x.amount)).toEqual([95.5, -50, -45.1, -5]);
  });

  it("reads unsigned amounts by type, and separate debit and credit columns", () => {
    const unsigned = parseMappingProfile({ name: "tallyman", accounts: {}, transactions: {}, signConvention: "unsignedByType" });
    const t = readTransactions(
      [
        ["date", "account", "type", "amount"],
        ["2025-04-01", "A", "rent", 100],
        ["2025-04-02", "A", "payment", 60],
        ["2025-04-03", "A", "refund", 5],
        ["2025-04-04", "A", "adjustment", -2],
      ],
      unsigned,
    );
    expect(t.map((x) => x.amount)).toEqual([100, -60, 5, -2]);
    const dc = readTransactions([
      ["date", "account", "type", "debit", "credit"],
      ["2025-04-01", "A", "rent", "100.00", ""],
      ["2025-04-02", "A", "payment", "", "60.00"],
    ]);
    expect(dc.map((x) => x.amount)).toEqual([100, -60]);
  });

  it("says which code to add to the profile for an unknown transaction type", () => {
    expect(() => readTransactions([["date", "account", "type", "amount"], ["2025-04-01", "A", "ZZX", 1]])).toThrow(/transactions row 2: transaction type \(column "type"\) "ZZX" is not one of .* \(add the code to the mapping profile\)/);
  });

  it("needs an amount column or both debit and credit", () => {
    expect(() => readTransactions([["date", "account", "type", "debit"], ["2025-04-01", "A", "rent", 1]])).toThrow(/the transactions table has no amount column/);
  });

  it("lets a profile add headers and codes while keeping the defaults", () => {
    const profile = parseMappingProfile({
      name: "capita",
      accounts: { account: ["Rent A/C"], balance: ["Bal C/F"] },
      transactions: {},
      codes: { status: { former: ["FTA"] } },
    });
    const a = readAccounts(
      [
        ["Rent A/C", "tenancy type", "status", "weekly rent", "Bal C/F"],
        ["X1", "secure", "FTA", 90, 12],
        ["X2", "secure", "current", 90, 1],
      ],
      profile,
    );
    expect(a.map((x) => [x.account, x.status, x.balance])).toEqual([
      ["X1", "former", 12],
      ["X2", "current", 1],
    ]);
    expect(profile.accounts.weeklyRent).toEqual(DEFAULT_PROFILE.accounts.weeklyRent);
  });

  it("rejects a malformed profile with the profile's own terms", () => {
    expect(() => parseMappingProfile({ name: "x", accounts: { balanse: ["b"] }, transactions: {} })).toThrow(/accounts fields must be among account, tenancyType/);
    expect(() => parseMappingProfile({ name: "x", accounts: {}, transactions: {}, signConvention: "upside down" })).toThrow(/sign convention must be one of debitPositive, creditPositive, unsignedByType/);
    expect(() => parseMappingProfile({ name: "x", accounts: { balance: [] }, transactions: {} })).toThrow(/list at least one accepted header/);
  });

  it("reads US month-first dates only when the profile says so", () => {
    const us = parseMappingProfile({ name: "us", accounts: {}, transactions: {}, dateFormat: "mdy" });
    const rows = [["date", "account", "type", "amount"], ["04/03/2025", "A", "rent", 1]];
    expect(readTransactions(rows)[0].date).toBe(45720); // 4 March 2025
    expect(readTransactions(rows, us)[0].date).toBe(45750); // 3 April 2025
  });

  it("reads a voids table, still-empty homes having a blank end", () => {
    const v = readVoids([
      ["Property Ref", "Date Vacated", "Let Date", "Weekly Rent"],
      ["P1", "2025-03-20", "", 90],
      ["P2", "2025-04-02", "2025-04-20", "85.00"],
    ]);
    expect(v).toEqual([
      { property: "P1", voidStart: 45736, voidEnd: null, weeklyRent: 90, officer: null },
      { property: "P2", voidStart: 45749, voidEnd: 45767, weeklyRent: 85, officer: null },
    ]);
    expect(() => readVoids([["property", "void start", "void end", "weekly rent"], ["P", "2025-04-02", "2025-04-01", 1]])).toThrow(/void end is before void start/);
  });

  it("reads the whole export in one call", () => {
    const exp = readExport({ accounts: NORTHGATE_ACCOUNTS, transactions: [["date", "account", "type", "amount"], ["2025-04-01", "T001", "rent", 95.5]] });
    expect(exp.accounts).toHaveLength(3);
    expect(exp.transactions).toHaveLength(1);
    expect(exp.voids).toBeNull();
  });
});

describe("cell readers", () => {
  it("read exported amounts, dates and flags, and refuse to guess", () => {
    expect(parseAmount("£1,012.50")).toBe(1012.5);
    expect(parseAmount("(12.50)")).toBe(-12.5);
    expect(parseAmount("12.50 DR")).toBe(12.5);
    expect(parseAmount("12.5.1")).toBeNull();
    expect(parseAmount(true)).toBeNull();
    expect(parseSerial("31/02/2025")).toBeNull();
    expect(parseSerial("03/04/25")).toBe(45750);
    expect(parseSerial(45750.75)).toBe(45750);
    expect(parseYesNo("Y")).toBe(true);
    expect(parseYesNo(null)).toBe(false);
    expect(parseYesNo("maybe")).toBeNull();
  });
});
