import { ageing, byOfficer, kpi, monthlyReturnTable } from "../../../addin/functions/monthlyReturn";
import { escalations, stage } from "../../../addin/functions/escalation";
import { isCfError } from "../../support/customFunctionsStub";

// The adapters with Excel's shapes: tables with their header row as 2-D arrays, dates as
// serials, null for omitted arguments, "" or 0 for blank cells on desktop.

const ACCOUNTS = [
  ["Account Ref", "Tenancy Type", "Status", "Weekly Rent", "Officer", "Benefit", "Balance", "Tenancy End", "Vulnerable", "Last Action", "Last Action Date"],
  ["A1", "Secure", "Current", 100, "Ann", "none", 250, "", "", "", ""],
  ["A2", "Assured", "Current", 100, "Ann", "UC", 400, 0, "no", "Letter 2", 45740],
  ["A3", "Secure", "Current", 50, "Bob", "HB", 700, null, "Y", "", null],
  ["A4", "Starter", "Former", 80, "Bob", "none", 500, 45760, "", "", ""],
];
const TRANSACTIONS = [
  ["Date", "Account Ref", "Type", "Amount"],
  [45748, "A1", "Rent", 433.33],
  [45757, "A1", "Payment", -300],
  [45748, "A2", "Rent", 433.33],
  [45767, "A2", "UC", -400],
  ["2025-04-01", "A3", "Rent", 216.67],
  ["10/04/2025", "A3", "HB", "200.00 CR"],
];
const START = 45748;
const END = 45777;

describe("ARREARS.KPI", () => {
  it("returns one figure from the tables by header name", () => {
    // Rent due 433.33 + 433.33 + 216.67 = 1,083.33; collected 300 + 400 + 200 = 900 → 83.0770… → 83.08.
    expect(kpi("collection_rate_arc", ACCOUNTS, TRANSACTIONS, START, END)).toBe(83.08);
    expect(kpi("current_arrears", ACCOUNTS, TRANSACTIONS, START, END)).toBe(1350);
    expect(kpi("former_arrears", ACCOUNTS, TRANSACTIONS, "2025-04-01", "30/04/2025")).toBe(500);
  });

  it("reads options as name/value pairs", () => {
    // Annual debit given as £100,000: 1,350 ÷ 100,000 = 1.35 %.
    expect(kpi("current_arrears_pct", ACCOUNTS, TRANSACTIONS, START, END, [["Annual rent debit", 100000]])).toBe(1.35);
    expect(kpi("arrears_band_1_count", ACCOUNTS, TRANSACTIONS, START, END, [["age bands", "3,13"]])).toBe(1);
    // A mapping profile as JSON: here a system that writes payments as positive credits.
    const flipped = TRANSACTIONS.map((r, i) => (i === 0 ? r : [r[0], r[1], r[2], typeof r[3] === "number" ? -r[3] : "200.00"]));
    const profile = JSON.stringify({ name: "finance", accounts: {}, transactions: {}, signConvention: "creditPositive" });
    expect(kpi("rent_collected", ACCOUNTS, flipped, START, END, [["profile", profile]])).toBe(900);
    expect(kpi("rent_due", ACCOUNTS, flipped, START, END, [["Profile", profile]])).toBe(1083.33);
    const bad = kpi("current_arrears", ACCOUNTS, TRANSACTIONS, START, END, [["colour", "red"]]);
    expect((bad as Error).message).toMatch(/^ARREARS.KPI: "colour" is not an option; use age bands/);
  });

  it("shows #N/A with the reason when a figure is not defined, and #VALUE! for bad input", () => {
    const none = kpi("collection_rate_arc", ACCOUNTS, [TRANSACTIONS[0]], START, END);
    expect(isCfError(none)).toBe(true);
    expect((none as unknown as { code: string }).code).toBe("#N/A");
    expect((none as Error).message).toMatch(/^ARREARS.KPI: not defined: no rent fell due in the period/);
    const missing = kpi("rent_due", ACCOUNTS.map((r) => r.slice(0, 6)), TRANSACTIONS, START, END);
    expect((missing as Error).message).toMatch(/^ARREARS.KPI: the accounts table has no balance column .* headers found: "Account Ref", "Tenancy Type"/);
    expect((kpi("rent_due", ACCOUNTS, TRANSACTIONS, "someday", END) as Error).message).toBe('ARREARS.KPI: period start must be a date, got "someday"');
    expect((kpi("nope", ACCOUNTS, TRANSACTIONS, START, END) as Error).message).toMatch(/"nope" is not a KPI/);
  });
});

describe("ARREARS.MONTHLYRETURN, BYOFFICER and AGEING", () => {
  it("spills the return: header, then id, name, value, unit, definition, source", () => {
    const out = monthlyReturnTable(ACCOUNTS, TRANSACTIONS, START, END);
    expect(out[0]).toEqual(["Id", "KPI", "Value", "Unit", "Definition", "Source"]);
    const row = out.find((r) => r[0] === "gross_arrears_pct")!;
    expect(row[2]).toBe(kpi("gross_arrears_pct", ACCOUNTS, TRANSACTIONS, START, END));
    expect(row[3]).toBe("%");
    expect(row[5]).toMatch(/Indicator 27/);
    expect(out.every((r) => r.length === 6)).toBe(true);
  });

  it("spills one row per officer and a team total, all the same width", () => {
    const out = byOfficer(ACCOUNTS, TRANSACTIONS, START, END);
    expect(out.map((r) => r[0])).toEqual(["Officer", "Ann", "Bob", "Team total"]);
    const width = out[0].length;
    expect(out.every((r) => r.length === width)).toBe(true);
    const arrears = out[0].indexOf("Current arrears £");
    expect(out.slice(1).map((r) => r[arrears])).toEqual([650, 700, 1350]);
  });

  it("divides each officer's arrears by the officer's own homes when the annual rent debit option (a team figure) is given", () => {
    const out = byOfficer(ACCOUNTS, TRANSACTIONS, START, END, [["annual rent debit", 100000]]);
    const pct = out[0].indexOf("Current arrears % of annual debit");
    // Ann: current homes A1 + A2 = £200 a week × 52 = 10,400; arrears 650 → 6.25 %.
    // Bob: A3 £50 × 52 = 2,600 (A4 is former); arrears 700 → 26.923… → 26.92 %.
    // Team total: 1,350 ÷ 100,000 (the given debit) = 1.35 %.
    expect(out.slice(1).map((r) => [r[0], r[pct]])).toEqual([
      ["Ann", 6.25],
      ["Bob", 26.92],
      ["Team total", 1.35],
    ]);
  });

  it("spills the year to date and a DHP line in the return", () => {
    const withDhp = [...TRANSACTIONS, ["15/04/2025", "A3", "DHP", -25]];
    const out = monthlyReturnTable(ACCOUNTS, withDhp, START, END);
    const v = (id: string) => out.find((r) => r[0] === id)?.[2];
    // Collected 300 + 400 + 200 + 25 (DHP) = 925; rent due 1,083.33 → 85.3848… → 85.38.
    expect(v("dhp_collected")).toBe(25);
    expect(v("collection_rate_arc")).toBe(85.38);
    // The period starts on 1 April, so the year to date is the month.
    expect([v("ytd_rent_due"), v("ytd_rent_collected"), v("ytd_collection_rate_arc")]).toEqual([1083.33, 925, 85.38]);
  });

  it("shows #N/A with why for a part month that misses the rent debit, not thousands of percent", () => {
    // 2–30 April: only a £5 debit falls in it, against £900 collected (18,000 %).
    // Current weekly rents 100 + 100 + 50 = 250 over 29 days = £1,035.71; a quarter is £258.93.
    const part = kpi("collection_rate_arc", ACCOUNTS, [...TRANSACTIONS, [45760, "A1", "Rent", 5]], START + 1, END);
    expect(isCfError(part)).toBe(true);
    expect((part as Error).message).toMatch(/^ARREARS.KPI: not meaningful: rent due in the period \(£5.00\) is under a quarter of the £1035.71/);
  });

  it("ages arrears from the accounts table alone, with custom bands as a row or text", () => {
    const out = ageing(ACCOUNTS);
    expect(out.map((r) => [r[0], r[1], r[2]])).toEqual([
      ["Band", "Tenancies", "Arrears £"],
      ["under 4 weeks", 1, 250],
      ["4 to under 8 weeks", 1, 400],
      ["8 to under 13 weeks", 0, 0],
      ["13 weeks and over", 1, 700],
    ]);
    expect(ageing(ACCOUNTS, [[8]]).length).toBe(3);
    expect(ageing(ACCOUNTS, [["2, 5"]]).map((r) => r[0])).toEqual(["Band", "under 2 weeks", "2 to under 5 weeks", "5 weeks and over"]);
    expect((ageing(ACCOUNTS, [["5,2"]]) as unknown as Error).message).toMatch(/age band thresholds must rise/);
  });
});

describe("ARREARS.STAGE and ESCALATIONS", () => {
  it("gives the stage for one account, reading export codes for the tenancy type", () => {
    expect(stage(450, 100, "Secure")).toBe("Notice");
    expect(stage("£250.00", 100, "AST")).toBe("Pre-action protocol contact");
    expect(stage(50, 100, "intro")).toBe("No action");
    expect((stage(450, 100, "castle") as Error).message).toMatch(/^ARREARS.STAGE: tenancy type must be one of secure/);
  });

  it("takes a policy as a sheet table", () => {
    const policy = [
      ["Stage", "Tenancy type", "Min weeks", "Min £", "Next action"],
      ["Reminder", "any", 0.5, "", "Text"],
      ["Notice", "any", 2, 150, "Serve"],
    ];
    expect(stage(200, 100, "secure", policy)).toBe("Notice");
    expect(stage(200, 100, "secure")).toBe("Pre-action protocol contact");
    expect(stage(450, 100, "secure", [["Scotland"]])).toBe("Notice");
    expect((stage(450, 100, "secure", [["{not json"]]) as Error).message).toBe("ARREARS.STAGE: the policy cell is not valid JSON");
  });

  it("spills one row per account with stage, due flag, reason and next action", () => {
    const out = escalations(ACCOUNTS, null as never, END);
    expect(out[0]).toEqual(["Account", "Officer", "Weeks owed", "Balance £", "Stage", "Due to escalate", "Reason", "Next action"]);
    expect(out.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual([
      ["A1", "Ann", 2.5, "Pre-action protocol contact", true],
      ["A2", "Ann", 4, "Notice", true],
      ["A3", "Bob", 14, "Notice", false],
      ["A4", "Bob", 6.25, "No action", false],
    ]);
    expect(out[2][6]).toMatch(/^due: owes £400.00 \(4.0 weeks of rent\)/);
    expect(out[3][6]).toMatch(/^held: vulnerable-tenant flag/);
    expect(String(out[4][7])).toMatch(/^Former tenant arrears recovery/);
    expect((escalations(ACCOUNTS, null as never, "not a date") as unknown as Error).message).toBe('ARREARS.ESCALATIONS: as-of date must be a date, got "not a date"');
  });
});
