import { qascore } from "../../../addin/functions/qa";
import { buildEngine } from "../../support/hyperformulaArrears";
import { isCfError } from "../../support/customFunctionsStub";

// ARREARS.QASCORE over QAReviews[#All] as Excel passes it: header row first, dates as serials.
const NOV_3 = 46329; // 2026-11-03
const OCT_20 = 46315; // 2026-10-20
const TABLE = [
  ["Review ID", "Officer", "Call date", "Score", "Grade", "Critical fail"],
  ["r1", "Sam Officer", NOV_3, 97.4, "Excellent", false],
  ["r2", "sam officer ", NOV_3 + 7, 0, "Critical fail", true],
  ["r3", "Sam Officer", OCT_20, 60, "Unsatisfactory", false],
  ["r4", "Alex Agent", NOV_3, 88, "Good", false],
  ["", "Sam Officer", NOV_3, 10, "", false], // a hand-typed row without a review id is not a review
];

describe("ARREARS.QASCORE adapter", () => {
  it("averages the officer's saved scores for the month, including critical-fail zeros", () => {
    expect(qascore(TABLE, "Sam Officer", "2026-11")).toBe(48.7); // (97.4 + 0) / 2
    expect(qascore(TABLE, "Sam Officer", NOV_3 + 20)).toBe(48.7);
    expect(qascore(TABLE, "Sam Officer", "10/2026")).toBe(60);
    expect(qascore(TABLE, "Alex Agent", "Nov 2026")).toBe(88);
  });

  it("gives #N/A with a message when there is nothing to average", () => {
    const none = qascore(TABLE, "Jo Nobody", "2026-11") as unknown as Error & { code: string };
    expect(isCfError(none)).toBe(true);
    expect(none.code).toBe("#N/A");
    expect(none.message).toBe("ARREARS.QASCORE: no scored reviews of Jo Nobody in 2026-11");
  });

  it("counts a row repeated by a retried save once, and refuses one id with two different scores", () => {
    const repeated = [...TABLE, ["r1", "Sam Officer", NOV_3, 97.4, "Excellent", false]];
    // Counted twice it would be (97.4 + 97.4 + 0) / 3 = 64.9; once it is (97.4 + 0) / 2.
    expect(qascore(repeated, "Sam Officer", "2026-11")).toBe(48.7);
    const clash = qascore([...TABLE, ["r1", "Sam Officer", NOV_3, 50, "Excellent", false]], "Sam Officer", "2026-11") as unknown as Error & { code: string };
    expect(isCfError(clash)).toBe(true);
    expect(clash.message).toBe("ARREARS.QASCORE: the reviews range has two rows with review id r1 that differ in score (97.4 and 50): delete the wrong row, then try again");
  });

  it("explains a range that is not the QAReviews table, a blank officer and a bad month", () => {
    const noHeader = qascore(TABLE.slice(1), "Sam Officer", "2026-11") as unknown as Error;
    expect(noHeader.message).toBe('ARREARS.QASCORE: reviews must be the QAReviews table with its header row, e.g. QAReviews[#All]: no "review id" column found');
    expect((qascore(TABLE, "", "2026-11") as unknown as Error).message).toBe("ARREARS.QASCORE: officer must be a name, got blank");
    expect((qascore(TABLE, "Sam Officer", "Smarch") as unknown as Error).message).toMatch(/^ARREARS.QASCORE: month must be a month such as 2026-11/);
  });
});

describe("ARREARS.QASCORE in a calculation engine", () => {
  it("recalculates when a review row is added to the table range", () => {
    const sheet: unknown[][] = TABLE.map((r) => [...r]);
    sheet.push(["", "", "", "", "", ""]);
    sheet[0].push('=ARREARS.QASCORE(A1:F7, "Sam Officer", "2026-11")');
    const hf = buildEngine(sheet);
    const at = { sheet: 0, row: 0, col: 6 };
    expect(hf.getCellValue(at)).toBe(48.7);
    hf.setCellContents({ sheet: 0, row: 6, col: 0 }, [["r5", "Sam Officer", NOV_3 + 1, 80, "Good", false]]);
    expect(hf.getCellValue(at)).toBe(59.1); // (97.4 + 0 + 80) / 3
  });
});
