import { escalations } from "../../../addin/functions/escalation";
import { ageing, byOfficer, kpi } from "../../../addin/functions/monthlyReturn";
import { qascore } from "../../../addin/functions/qa";
import { trend } from "../../../addin/functions/trend";
import { isCfError, StubCustomFunctionsError } from "../../support/customFunctionsStub";

// Error cells (#N/A, #REF!) arriving inside ranges, and dates past what Excel holds:
// each gives #VALUE! naming the table, row and column in the user's words, never
// "unexpected problem" (today: "e.trim is not a function", "Invalid time value").

const NA = new StubCustomFunctionsError("#N/A");
const REF = new StubCustomFunctionsError("#REF!");
const HEAD = ["Account", "Tenancy Type", "Status", "Weekly Rent", "Balance", "Vulnerable", "Last Action", "Last Action Date"];
const row = (over: Record<number, unknown> = {}) => Object.assign(["A1", "secure", "current", 100, 400, "no", "", ""], over);
const TRANSACTIONS = [
  ["Date", "Account", "Type", "Amount"],
  [46000, "A1", "rent", 100],
];
const messageOf = (v: unknown) => (isCfError(v) ? v.message : `not an error: ${JSON.stringify(v)}`);

describe("error cells in tables", () => {
  it("an error object in a yes/no column names the table, row and column in every function that reads accounts", () => {
    const accounts = [HEAD, row(), row({ 0: "A2", 5: NA })];
    const where = 'accounts row 3: vulnerable (column "Vulnerable") holds the Excel error #N/A: fix the cell it comes from';
    expect(messageOf(kpi("rent_due", accounts, TRANSACTIONS, 46000, 46029))).toBe(`ARREARS.KPI: ${where}`);
    expect(messageOf(byOfficer(accounts, TRANSACTIONS, 46000, 46029))).toBe(`ARREARS.BYOFFICER: ${where}`);
    expect(messageOf(ageing(accounts))).toBe(`ARREARS.AGEING: ${where}`);
    expect(messageOf(escalations(accounts))).toBe(`ARREARS.ESCALATIONS: ${where}`);
  });

  it("an error in the account column is refused, not taken as an account reference", () => {
    expect(messageOf(escalations([HEAD, row({ 0: REF })]))).toBe('ARREARS.ESCALATIONS: accounts row 2: account reference (column "Account") holds the Excel error #REF!: fix the cell it comes from');
  });

  it("an error in a transactions range names that table", () => {
    expect(messageOf(kpi("rent_due", [HEAD, row()], [TRANSACTIONS[0], [46000, "A1", "rent", NA]], 46000, 46029))).toMatch(/^ARREARS\.KPI: transactions row 2: amount \(column "Amount"\) holds the Excel error #N\/A/);
  });

  it("an error in TREND's balances names the row and column", () => {
    const out = trend([[100, 110], [120, NA]]);
    expect(messageOf(out[1][0])).toBe("ARREARS.TREND: balances row 2, column 2: holds the Excel error #N/A: fix the cell it comes from");
    expect(out[0][0]).toBe(10);
  });

  it("TREND's periods are week numbers or dates, and a number that could be either is refused", () => {
    // Week numbers 1, 2: £10 a period. The same balances against 5000, 5007 could be weeks or 1913 dates.
    expect(trend([[100, 110]], [[1, 2]])[0][0]).toBe(10);
    expect(messageOf(trend([[100, 110]], [[5000, 5007]]))).toBe("ARREARS.TREND: periods cell 1: 5000 is neither a period number (0 to 1000) nor a date from 1980 on, so it could be read two ways");
    expect(messageOf(trend([[100, 110]], [[1, NA]]))).toBe("ARREARS.TREND: periods cell 2: holds the Excel error #N/A: fix the cell it comes from");
  });
});

describe("dates past what Excel holds", () => {
  it("ESCALATIONS with an out-of-range last-action date says so, in the user's words", () => {
    const m = messageOf(escalations([HEAD, row({ 6: "notice", 7: 1e12 })], null as never, 46000));
    expect(m).toBe(
      'ARREARS.ESCALATIONS: accounts row 2: last action date (column "Last Action Date") 1000000000000 is not a date Excel can hold (date serials run from 1, 1900-01-01, to 2958465, 9999-12-31)',
    );
  });

  it("QASCORE with an out-of-range call date names the row", () => {
    const reviews = [
      ["Review ID", "Officer", "Call date", "Score"],
      ["r1", "Sam", 46329, 90],
      ["r2", "Sam", 1e15, 80],
    ];
    expect(messageOf(qascore(reviews, "Sam", "2026-11"))).toMatch(/^ARREARS\.QASCORE: reviews row 3, call date 1000000000000000 is not a date Excel can hold/);
    expect(messageOf(qascore(reviews.slice(0, 2), "Sam", 1e15))).toMatch(/^ARREARS\.QASCORE: month must be a month .* got 1000000000000000 \(it is not a date Excel can hold/);
    expect(messageOf(qascore([...reviews.slice(0, 2), ["r3", "Sam", NA, 1]], "Sam", "2026-11"))).toBe("ARREARS.QASCORE: reviews row 3, column 3 holds the error #N/A: fix that cell");
  });
});
