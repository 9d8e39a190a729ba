import { asOutSheet, heldSheet, pointsSheet, worklistByOfficerSheet, worklistSheet } from "../../cli/commands/worklistSheet";
import { DEFAULT_POINTS } from "../../core/worklist/points";
import { worklistOf } from "../../core/worklist/worklist";
import { account, AS_OF } from "../core/worklist/fixtures";

// The parts arrears report's reportSheet takes (name, title, header, body, layout), for a two-case list:
// B1 owes 14 weeks, notice due today: 13+ weeks 30 + notice 25 = 55; B2 is vulnerable (held).
const list = worklistOf({ accounts: [account({ account: "B1", balance: 1400 }), account({ account: "B2", balance: 900, vulnerable: true })], transactions: [], asOf: AS_OF, options: { capPerOfficer: 5 } });

describe("the worklist's sheets", () => {
  it("lays out the ranked list: header, one row per case with formats, the score note and the notes below", () => {
    const s = worklistSheet(list, AS_OF, 5);
    expect(s.name).toBe("Worklist");
    expect(s.title).toBe("Worklist for 2026-05-06: 1 case (up to 5 per officer)");
    expect(s.header.map((h) => (h as { value: string }).value)).toEqual(["Rank", "Account", "Officer", "Score", "Reasons", "Next action", "Balance £", "Weeks owed", "Due by"]);
    expect(s.body).toHaveLength(1);
    expect(s.body[0].slice(0, 4)).toEqual([{ value: 1, format: "integer" }, "B1", "Jo", { value: 55, format: "integer" }]);
    expect(s.body[0][4]).toEqual({ value: "13+ weeks owed (+30); due to escalate to Notice (+25)", wrap: true });
    expect(s.layout.max).toHaveLength(9);
    expect(s.layout.after.flat()).toContain("Note: no arrangements table given: the broken and at-risk arrangement reasons were not judged");
  });

  it("lays out the held cases, the per-officer counts with the team line in bold, and the points table", () => {
    // The vulnerability flag holds the notice back, so without the hold only the weeks owed would score.
    expect(heldSheet(list).body).toEqual([["B2", "Jo", { value: "vulnerable-tenant flag", wrap: true }, { value: 900, format: "money" }, { value: 9, format: "weeks" }, { value: "8+ weeks owed (+20)", wrap: true }]]);
    const officers = worklistByOfficerSheet(list).body;
    expect(officers.at(-1)![0]).toEqual({ value: "Team", bold: true });
    expect(pointsSheet(DEFAULT_POINTS).body).toHaveLength(DEFAULT_POINTS.length);
    const sheet = asOutSheet(worklistSheet(list, AS_OF, 5), ["As of 2026-05-06"]);
    expect(sheet.headerRow).toBe(3);
    expect(sheet.table).toEqual({ name: "Worklist" });
    expect(sheet.columnWidths).toHaveLength(9);
  });
});
