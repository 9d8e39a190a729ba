import { arrangements } from "../../../addin/functions/arrangements";
import { isCfError, StubCustomFunctionsError } from "../../support/customFunctionsStub";

// Calls go through the adapter Excel uses: 2-D arrays, null for omitted arguments.
// S is Monday 6 April 2026 (serial 46118: 2026-01-01 = 46023, + 95 days).
const S = 46118;
const ARR = [
  ["Account", "Start Date", "Instalment", "Basis", "Frequency", "Type", "Status", "Officer"],
  ["A1", S, 10, "total", "weekly", "tenant", "active", "Jo"],
  ["A2", "06/04/2026", "£10.00", "total", "weekly", "SPO", "live", "Sam"],
  ["A3", S, 10, "total", "weekly", "tenant", "active", "Sam"],
];
const TX = [
  ["Date", "Account", "Type", "Amount"],
  // A1 pays each week; A2 pays only the first week; A3 pays nothing, but its account has a vulnerability flag.
  ...[0, 7, 14, 21].map((d) => [S + d, "A1", "payment", -10]),
  [S, "A2", "payment", -10],
];
const ACCOUNTS = [
  ["Account", "Tenancy Type", "Status", "Weekly Rent", "Balance", "Vulnerable"],
  ["A1", "secure", "current", 100, 0, "no"],
  ["A2", "secure", "current", 100, 30, "no"],
  ["A3", "secure", "current", 100, 40, "yes"],
];
const messageOf = (v: unknown) => (isCfError(v) ? v.message : `not an error: ${JSON.stringify(v)}`);

describe("ARREARS.ARRANGEMENTS adapter", () => {
  it("spills a header row and one row per arrangement", () => {
    const out = arrangements(ARR, TX, S + 22, null as never, ACCOUNTS);
    expect(out[0]).toEqual(["Account", "Officer", "Status", "Instalments due", "Paid so far £", "Shortfall £", "Missed", "First missed", "Days since last payment", "Reason"]);
    // A1: 4 due (S..S+21), £40 paid, last paid S+21 → 1 day.
    expect(out[1].slice(0, 9)).toEqual(["A1", "Jo", "kept", 4, 40, 0, 0, "", 1]);
    // A2: 4 due, £10 paid; behind 0, 10, 20, 30 → 3 misses from S+7; £30 ≥ 2 instalments → broken, a breach of the order.
    expect(out[2].slice(0, 9)).toEqual(["A2", "Sam", "broken", 4, 10, 30, 3, S + 7, 22]);
    expect(out[2][9]).toMatch(/suspended order/);
    // A3: nothing paid, but the account's vulnerability flag holds it: on hold, never broken; no payment ever → blank days.
    expect(out[3].slice(0, 9)).toEqual(["A3", "Sam", "on hold", 4, 0, 40, 4, S, ""]);
  });

  it("reads grace options and refuses unknown ones", () => {
    // A UC credit 5 days after the due date: a miss with no UC grace, not with the default 30 days.
    const uc = [TX[0], [S + 5, "A1", "uc", -10]];
    const one = [ARR[0], ARR[1]];
    expect(arrangements(one, uc, S + 6)[1][6]).toBe(0);
    expect(arrangements(one, uc, S + 6, [["UC grace days", 0]])[1][6]).toBe(1);
    expect(messageOf(arrangements(one, uc, S + 6, [["grace", 3]]))).toMatch(/^ARREARS\.ARRANGEMENTS: "grace" is not an option; use payment grace days, uc grace days, hb grace days, shape, broken since, profile$/);
    expect(messageOf(arrangements(one, uc, S + 6, [["UC grace days", 2.5]]))).toMatch(/UC grace must be a whole number of days/);
  });

  it("refuses a bad cell naming the table, row and column, and a missing as-of date", () => {
    const bad = [ARR[0], ["A1", S, "12,50", "total", "weekly"]];
    expect(messageOf(arrangements(bad, TX, S))).toMatch(/^ARREARS\.ARRANGEMENTS: arrangements row 2: instalment \(column "Instalment"\) "12,50" uses a decimal comma/);
    const na = [ARR[0], ["A1", S, 10, new StubCustomFunctionsError("#N/A"), "weekly"]];
    expect(messageOf(arrangements(na, TX, S))).toMatch(/arrangements row 2: instalment basis .*holds the Excel error #N\/A/);
    expect(messageOf(arrangements(ARR, TX, null))).toBe("ARREARS.ARRANGEMENTS: as-of date must be a date, got blank");
  });

  it("spills one row per officer and a team line with the by-officer shape", () => {
    const out = arrangements(ARR, TX, S + 22, [["Shape", "by officer"], ["Broken since", "2026-04-21"]], ACCOUNTS);
    expect(out[0]).toEqual(["Officer", "Active", "Arrears covered £", "Broken since", "Ran 3 months", "Kept at 3 months", "Kept at 3 months %", "Ran 6 months", "Kept at 6 months", "Kept at 6 months %"]);
    // 2026-04-21 = S+15: A2 was at risk on S+14 and broken at S+22 → 1 new break (Sam). Jo: A1 kept, £0 owed.
    // Sam: A3 on hold (active) covering £40. Nothing has run 3 months: percentages blank.
    expect(out.slice(1)).toEqual([
      ["Jo", 1, 0, 0, 0, 0, "", 0, 0, ""],
      ["Sam", 1, 40, 1, 0, 0, "", 0, 0, ""],
      ["Team", 2, 40, 1, 0, 0, "", 0, 0, ""],
    ]);
    expect(messageOf(arrangements(ARR, TX, S + 22, [["Shape", "by officer"]]))).toMatch(/needs a broken since date/);
    expect(messageOf(arrangements(ARR, TX, S + 22, [["Shape", "wide"]]))).toMatch(/shape must be "rows" or "by officer", got "wide"/);
  });
});
