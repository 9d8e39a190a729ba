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

  it("refuses a blank type or status, naming the row and column, unless the profile states what a blank means", () => {
    const table = [
      ["account", "start date", "instalment", "basis", "frequency", "type", "status"],
      ["A1", "2026-04-06", 5, "total", "monthly", "", "live"],
      ["A2", "2026-04-06", 5, "total", "monthly", "apa", ""],
    ];
    const e = errorOf(() => readArrangements(table));
    expect(e.field).toBe("arrangements.type");
    expect(e.message).toBe(
      'arrangements row 2: arrangement type (column "type") is blank; it must be one of tenant, spo, dwp (or set arrangementBlanks.type in the mapping profile, if the export documents what a blank means) (and 1 more problem in the arrangements table)',
    );
    // Only the status blank left: row 3 is named.
    expect(errorOf(() => readArrangements([table[0], ["A1", "2026-04-06", 5, "total", "monthly", "tenant", ""]])).message).toMatch(/^arrangements row 2: status \(column "status"\) is blank/);
    const profile = parseMappingProfile({ name: "x", accounts: {}, transactions: {}, arrangementBlanks: { type: "spo", status: "onHold" } });
    expect(readArrangements(table, profile).map((a) => [a.type, a.status])).toEqual([
      ["spo", "active"],
      ["dwp", "onHold"],
    ]);
    // A column the table lacks altogether reads as blank in every row: refused the same way.
    expect(errorOf(() => readArrangements([["account", "start date", "instalment", "basis", "frequency"], ["A1", "2026-04-06", 5, "total", "monthly"]])).field).toBe("arrangements.type");
  });

  it("refuses a profile default that is not a type or status", () => {
    expect(errorOf(() => parseMappingProfile({ name: "x", accounts: {}, transactions: {}, arrangementBlanks: { status: "live" } })).message).toMatch(/arrangementBlanks.status must be one of active, completed/);
  });

  it("reads the export's own code words from the profile, keeping the built-in words for codes it does not list", () => {
    const profile = parseMappingProfile({
      name: "northgate-like",
      accounts: {},
      transactions: {},
      codes: { arrangementFrequency: { weekly: ["WK1"] }, arrangementType: { dwp: ["TPD-UC"] }, arrangementStatus: { onHold: ["HLD"] }, arrangementBasis: { total: ["INC"] } },
    });
    const rows = [
      ["account", "start date", "instalment", "basis", "frequency", "type", "status"],
      ["A1", "2026-04-06", 5, "INC", "WK1", "TPD-UC", "HLD"],
      // Monthly keeps its built-in words; the weekly list was replaced, so "weekly" itself (the canonical name) still reads.
      ["A2", "2026-04-06", 5, "arrears", "calendar monthly", "tenant", "live"],
    ];
    expect(readArrangements(rows, profile).map((a) => [a.basis, a.frequency, a.type, a.status])).toEqual([
      ["total", "weekly", "dwp", "onHold"],
      ["arrears", "monthly", "tenant", "active"],
    ]);
    // The replaced list no longer accepts the old spelling "wk".
    expect(errorOf(() => readArrangements([rows[0], ["A1", "2026-04-06", 5, "total", "wk", "tenant", "live"]], profile)).message).toMatch(/frequency \(column "frequency"\) "wk" is not one of/);
    // Without the profile, "WK1" is not a frequency.
    expect(errorOf(() => readArrangements(rows)).message).toMatch(/^arrangements row 2: instalment basis .* "INC" is not one of arrears, total/);
  });

  it("refuses a blank basis, naming the table, row, column and the codes accepted", () => {
    const e = errorOf(() => readArrangements([HEADER, ["A1", "06/04/2026", 10, "", "weekly", "tenant", "", "", "active", ""]]));
    expect(e.field).toBe("arrangements.basis");
    expect(e.message).toBe('arrangements row 2: instalment basis (arrears part or total including rent) (column "Basis") is blank; it must be one of arrears, total');
  });

  it("refuses an amount that could mean two things, an unknown frequency and a zero instalment, with the count of further problems", () => {
    const e = errorOf(() =>
      readArrangements([
        HEADER,
        ["A1", "06/04/2026", "12,50", "total", "weekly", "tenant", "", "", "active"],
        ["A2", "06/04/2026", 10, "total", "quarterly", "tenant", "", "", "active"],
        ["A3", "06/04/2026", 0, "total", "weekly", "tenant", "", "", "active"],
      ]),
    );
    expect(e.message).toMatch(/^arrangements row 2: instalment \(column "Instalment £"\) "12,50" uses a decimal comma.*\(and 2 more problems in the arrangements table\)$/);
  });

  it("refuses a table without a basis column, listing the headers found", () => {
    const e = errorOf(() => readArrangements([["account", "start date", "instalment", "frequency"]]));
    expect(e.message).toMatch(/^the arrangements table has no instalment basis \(arrears part or total including rent\) column/);
  });

  it("refuses an end date before the start and a repeated arrangement", () => {
    expect(errorOf(() => readArrangements([HEADER, ["A1", "06/04/2026", 10, "total", "weekly", "tenant", "", "05/04/2026", "active"]])).message).toMatch(/row 2: end date .* is before the start date/);
    expect(errorOf(() => readArrangements([HEADER, ["A1", "06/04/2026", 10, "total", "weekly", "tenant", "", "", "active"], ["A1", "2026-04-06", 20, "total", "weekly", "tenant", "", "", "active"]])).message).toMatch(
      /row 3: start date .* repeats the arrangement on row 2/,
    );
  });

  it("uses a profile's own headers", () => {
    const profile = parseMappingProfile({ name: "x", accounts: {}, transactions: {}, arrangements: { instalment: ["Agreed Payment"] } });
    expect(readArrangements([["ref", "start", "Agreed Payment", "basis", "freq", "type", "status"], ["A1", "2026-04-06", 7, "total", "fortnightly", "tenant", "active"]], profile)[0].instalment).toBe(7);
  });
});
