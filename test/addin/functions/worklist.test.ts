import { worklist } from "../../../addin/functions/worklist";
import { isCfError, StubCustomFunctionsError } from "../../support/customFunctionsStub";

// Calls go through the adapter Excel uses: 2-D arrays with header rows, null for omitted arguments.
// S is Monday 6 April 2026 (serial 46118); the list is for S + 30. Every tenancy is secure at £100 a week.
const S = 46118;
const AS_OF = S + 30;
const ACCOUNTS = [
  ["Account", "Tenancy Type", "Status", "Weekly Rent", "Officer", "Balance", "Vulnerable", "Last action", "Last action date", "Awaiting authorisation"],
  // A1: 14 weeks, notice served 40 days ago: 13+ weeks 30 + due to escalate to Court 25 = 55.
  ["A1", "secure", "current", 100, "Jo", 1400, "no", "NOSP served", AS_OF - 40, ""],
  // A2: 5 weeks, no action, broken £10 weekly arrangement, nothing paid in the 31 days covered:
  // broken 40 + notice 25 + no payment 31+ days 15 + 4+ weeks 10 = 90.
  ["A2", "secure", "current", 100, "Jo", 500, "no", "", "", "no"],
  // A4: 9 weeks, vulnerable: held.
  ["A4", "secure", "current", 100, "Jo", 900, "yes", "", "", ""],
  // A6: 4.5 weeks, notice 3 days ago, paid yesterday, awaiting sign-off: 20 + 4+ weeks 10 = 30.
  ["A6", "secure", "current", 100, "Sam", 450, "no", "notice", AS_OF - 3, "yes"],
];
const TX = [
  ["Date", "Account", "Type", "Amount"],
  [S, "A1", "rent", 433.33],
  [AS_OF - 10, "A1", "payment", -50],
  [AS_OF - 1, "A6", "payment", -20],
];
const ARR = [
  ["Account", "Start Date", "Instalment", "Basis", "Frequency", "Type", "Status"],
  ["A2", S, 10, "total", "weekly", "tenant", "active"],
];
const messageOf = (v: unknown) => (isCfError(v) ? v.message : `not an error: ${JSON.stringify(v)}`);
const call = (options: unknown[][] | null, accounts: unknown[][] = ACCOUNTS) => worklist(accounts as never, TX, AS_OF, ARR, null as never, null as never, options as never);

describe("ARREARS.WORKLIST adapter", () => {
  it("spills a header row and one ranked row per case, with the reasons that make up the score", () => {
    const out = call(null);
    expect(out[0]).toEqual(["Rank", "Account", "Officer", "Score", "Reasons", "Next action", "Balance £", "Weeks owed", "Due by"]);
    expect(out.slice(1, 4).map((r) => r.slice(0, 5))).toEqual([
      [1, "A2", "Jo", 90, "broken arrangement (+40); due to escalate to Notice (+25); no payment for 31+ days (+15); 4+ weeks owed (+10)"],
      [2, "A1", "Jo", 55, "13+ weeks owed (+30); due to escalate to Court (+25)"],
      [3, "A6", "Sam", 30, "awaiting the team leader's authorisation (+20); 4+ weeks owed (+10)"],
    ]);
    // Court fell due 28 days after the notice: AS_OF - 12, a date serial; no date for a notice due on the arrears alone.
    expect(out[2].slice(6)).toEqual([1400, 14, AS_OF - 12]);
    expect(out[1][8]).toBe("");
    // Then the notes of what could not be judged, below a blank row; every row as wide as the header.
    expect(out.slice(4).map((r) => r.slice(0, 2))).toEqual([
      ["", ""],
      ["Note", "no balance history given: the worsening-trend reason was not judged"],
      ["Note", "the transactions do not reach back before 2026-04-01: the UC old-rent reason was not judged"],
    ]);
    for (const row of out) expect(row).toHaveLength(9);
  });

  it("gives the held cases, the per-officer counts and the points table by shape", () => {
    expect(call([["Shape", "held"]])).toEqual([
      ["Account", "Officer", "Hold", "Balance £", "Weeks owed", "Reasons without the hold"],
      ["A4", "Jo", "vulnerable-tenant flag", 900, 9, "8+ weeks owed (+20); no payment for 31+ days (+15)"],
    ]);
    const officers = call([["shape", "by officer"]]);
    expect(officers.slice(0, 4)).toEqual([
      ["Officer", "Needs action", "Listed", "Due today", "Overdue", "Awaiting team leader", "Held", "Technical only"],
      ["Jo", 2, 2, 1, 1, 0, 1, 0],
      ["Sam", 1, 1, 0, 0, 1, 0, 0],
      ["Team", 3, 3, 1, 1, 1, 1, 0],
    ]);
    const points = call([["shape", "points"]]);
    expect(points[0]).toEqual(["Reason", "From", "Points", "Words", "Next action", "Why"]);
    expect(points[1].slice(0, 4)).toEqual(["broken arrangement", "", 40, "broken arrangement"]);
  });

  it("scores with the team's points table given below a points row, and caps per officer", () => {
    const options = [
      ["cap per officer", 1, "", "", ""],
      ["points", "", "", "", ""],
      ["Reason", "From", "Points", "Words", "Next action"],
      ["weeks owed", 4, 7, "{weeks} weeks owed", "Review"],
      ["due to escalate", "", 3, "due: {stage}", "Escalate"],
    ];
    const out = call(options);
    // A1: 14.0 weeks 7 + court 3 = 10; A2: 7 + notice 3 = 10, A1 first on balance; Jo capped at one. A6: 7.
    expect(out.slice(1, 3).map((r) => r.slice(0, 5))).toEqual([
      [1, "A1", "Jo", 10, "14.0 weeks owed (+7); due: Court (+3)"],
      [2, "A6", "Sam", 7, "4.5 weeks owed (+7)"],
    ]);
  });

  it("takes the team's points table as its own argument (a sheet table), the same as below a points row, and refuses both at once", () => {
    const table = [
      ["Reason", "From", "Points", "Words", "Next action"],
      ["weeks owed", 4, 7, "{weeks} weeks owed", "Review"],
      ["due to escalate", "", 3, "due: {stage}", "Escalate"],
    ];
    const viaArgument = worklist(ACCOUNTS as never, TX, AS_OF, ARR, null as never, null as never, [["cap per officer", 1]] as never, table as never);
    const viaOptions = call([["cap per officer", 1, "", "", ""], ["points", "", "", "", ""], ...table]);
    expect(viaArgument).toEqual(viaOptions);
    // Same working as above: A1 14.0 weeks (+7) and court (+3) = 10, A6 4.5 weeks (+7).
    expect(viaArgument.slice(1, 3).map((r) => r.slice(0, 4))).toEqual([
      [1, "A1", "Jo", 10],
      [2, "A6", "Sam", 7],
    ]);
    const both = worklist(ACCOUNTS as never, TX, AS_OF, ARR, null as never, null as never, [["points", ""], ...table] as never, table as never);
    expect(messageOf(both)).toBe("ARREARS.WORKLIST: the points table is given twice (the points argument and a points row in the options): keep one");
  });

  it("refuses bad input in one line naming the table, row, column and value", () => {
    expect(messageOf(call([["points", ""], ["Reason", "From", "Points", "Words", "Next action"], ["weeks owed", 4, "ten", "x", "y"]]))).toBe(
      "ARREARS.WORKLIST: points row 2: Points \"ten\" is not a whole number (points are whole numbers from 0 to 1000)",
    );
    const badFlag = ACCOUNTS.map((r, i) => (i === 2 ? [...r.slice(0, 9), "maybe"] : r));
    expect(messageOf(call(null, badFlag))).toBe('ARREARS.WORKLIST: accounts row 3: awaiting authorisation (column "Awaiting authorisation") "maybe" is not yes or no (use yes/no, y/n, TRUE/FALSE or 1/0)');
    const badBalance = ACCOUNTS.map((r, i) => (i === 1 ? [...r.slice(0, 5), "12,50", ...r.slice(6)] : r));
    expect(messageOf(call(null, badBalance))).toMatch(/^ARREARS\.WORKLIST: accounts row 2: balance \(column "Balance"\) "12,50" uses a decimal comma/);
    expect(messageOf(call([["cap", 2.5]]))).toMatch(/^ARREARS\.WORKLIST: cap per officer must be a whole number of cases/);
    expect(messageOf(call([["shape", "wide"]]))).toBe('ARREARS.WORKLIST: shape must be list, held, by officer or points, got "wide"');
    expect(messageOf(call([["colour", "red"]]))).toMatch(/^ARREARS\.WORKLIST: "colour" is not an option; use shape, cap per officer/);
    expect(messageOf(call([["cap", 3, "oops"]]))).toBe('ARREARS.WORKLIST: options row 1, column 3: only the option and its value are read, but it holds "oops"');
    expect(messageOf(worklist(ACCOUNTS, TX, null))).toBe("ARREARS.WORKLIST: as-of date must be a date, got blank");
    // Error cells (#N/A inside a range) are named where they are, never read as values.
    const NA = new StubCustomFunctionsError("#N/A");
    const naFlag = ACCOUNTS.map((r, i) => (i === 2 ? [...r.slice(0, 6), NA, ...r.slice(7)] : r));
    expect(messageOf(call(null, naFlag))).toBe('ARREARS.WORKLIST: accounts row 3: vulnerable (column "Vulnerable") holds the Excel error #N/A: fix the cell it comes from');
    expect(messageOf(call([["cap", NA]]))).toBe("ARREARS.WORKLIST: options row 1, column 2 holds the error #N/A: fix that cell");
    expect(messageOf(call([[NA, 3]]))).toBe("ARREARS.WORKLIST: options row 1, column 1 holds the error #N/A: fix that cell");
    expect(messageOf(call([[5, 3]]))).toMatch(/^ARREARS\.WORKLIST: 5 is not an option; use shape/);
  });
});
