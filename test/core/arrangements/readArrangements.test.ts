import { readArrangements } from "../../../core/arrangements/readArrangements";
import { parseMappingProfile } from "../../../core/export/profile";
import { errorOf } from "../../support/inputErrors";

const HEADER = ["Account Ref", "Start Date", "Instalment £", "Basis", "Frequency", "Arrangement Type", "Start Balance", "End Date", "Status", "Officer"];

describe("reading the Arrangements table", () => {
  it("reads each column by its header through the profile, codes as exports spell them", () => {
    const rows = readArrangements([
      HEADER,
      ["A1", "06/04/2026", "£12.50", "Arrears only", "Weekly", "SPO", "1,234.56", "", "Live", "Jo"],
      // 2026-04-06 is serial 46118 (2026-01-01 = 46023, + 95 days).
      [10234, 46118, 40, "Total including rent", "4 weekly", "APA", null, "2027-04-05", "Breathing Space", null],
    ]);
    expect(rows).toEqual([
      { account: "A1", startDate: 46118, instalment: 12.5, basis: "arrears", frequency: "weekly", type: "spo", startBalance: 1234.56, endDate: null, status: "active", officer: "Jo" },
      // A blank start balance stays unknown (null), never £0; a blank officer is "(unassigned)".
      { account: "10234", startDate: 46118, instalment: 40, basis: "total", frequency: "fourWeekly", type: "dwp", startBalance: null, endDate: 46118 + 364, status: "breathingSpace", officer: "(unassigned)" },
    ]);
  });

  it("reads a blank type as a tenant arrangement and a blank status as active", () => {
    const [a] = readArrangements([["account", "start date", "instalment", "basis", "frequency"], ["A1", "2026-04-06", 5, "total", "monthly"]]);
    expect(a).toMatchObject({ type: "tenant", status: "active", frequency: "monthly" });
  });

  it("refuses a blank basis, naming the table, row, column and the codes accepted", () => {
    const e = errorOf(() => readArrangements([HEADER, ["A1", "06/04/2026", 10, "", "weekly", "", "", "", "", ""]]));
    expect(e.field).toBe("arrangements.basis");
    expect(e.message).toBe('arrangements row 2: instalment basis (arrears part or total including rent) (column "Basis") is blank; it must be one of arrears, total');
  });

  it("refuses an amount that could mean two things, an unknown frequency and a zero instalment, with the count of further problems", () => {
    const e = errorOf(() =>
      readArrangements([HEADER, ["A1", "06/04/2026", "12,50", "total", "weekly"], ["A2", "06/04/2026", 10, "total", "quarterly"], ["A3", "06/04/2026", 0, "total", "weekly"]]),
    );
    expect(e.message).toMatch(/^arrangements row 2: instalment \(column "Instalment £"\) "12,50" uses a decimal comma.*\(and 2 more problems in the arrangements table\)$/);
  });

  it("refuses a table without a basis column, listing the headers found", () => {
    const e = errorOf(() => readArrangements([["account", "start date", "instalment", "frequency"]]));
    expect(e.message).toMatch(/^the arrangements table has no instalment basis \(arrears part or total including rent\) column/);
  });

  it("refuses an end date before the start and a repeated arrangement", () => {
    expect(errorOf(() => readArrangements([HEADER, ["A1", "06/04/2026", 10, "total", "weekly", "", "", "05/04/2026"]])).message).toMatch(/row 2: end date .* is before the start date/);
    expect(errorOf(() => readArrangements([HEADER, ["A1", "06/04/2026", 10, "total", "weekly"], ["A1", "2026-04-06", 20, "total", "weekly"]])).message).toMatch(
      /row 3: start date .* repeats the arrangement on row 2/,
    );
  });

  it("uses a profile's own headers", () => {
    const profile = parseMappingProfile({ name: "x", accounts: {}, transactions: {}, arrangements: { instalment: ["Agreed Payment"] } });
    expect(readArrangements([["ref", "start", "Agreed Payment", "basis", "freq"], ["A1", "2026-04-06", 7, "total", "fortnightly"]], profile)[0].instalment).toBe(7);
  });
});
