import { newDraft, problemsBeforeSave, withResponse } from "../../../core/qa/review";
import { FIXED_HEADERS, headersNeeded, isReviewTableHeader, parseComments, readReviewTable, reviewToRow, rowToReview, textCell, uniqueReviews } from "../../../core/qa/reviewTable";
import { scoreReview } from "../../../core/qa/scoring";
import { smallTemplate } from "./fixtures";

const t = smallTemplate();
const NOW = new Date("2026-11-20T10:30:00Z");

function filledDraft() {
  let d = newDraft(t, "11111111-2222-4333-8444-555555555555", new Date("2026-11-20T10:00:00Z"), "Pat Reviewer");
  d = { ...d, officer: "=Sam Officer", callDate: "2026-11-18", reference: "+ACC123", notes: "Good call\noverall" };
  for (const [id, a] of [["c1", "met"], ["c2", "met"], ["c3", "partly"], ["c4", "na"]] as const) d = withResponse(d, id, { answer: a }, NOW);
  d = withResponse(d, "c3", { comment: "-£20 arrears not mentioned\nfirst" }, NOW);
  d = withResponse(d, "c1", { comment: "Warm opening" }, NOW);
  return d;
}

describe("the QAReviews row", () => {
  it("adds the fixed columns and one column per criterion, keeping existing columns where they are", () => {
    expect(headersNeeded(t, [])).toEqual([...FIXED_HEADERS, "c1", "c2", "c3", "c4"]);
    const existing = ["Review ID", "Officer", "Team notes", "C1"];
    const needed = headersNeeded(t, existing);
    expect(needed.slice(0, 4)).toEqual(existing);
    expect(needed.filter((h) => h.toLowerCase() === "c1")).toHaveLength(1);
    expect(needed).toContain("c4");
  });

  it("writes answers as words, dates as Excel serials, and guards text that looks like a formula", () => {
    const d = filledDraft();
    const headers = [...headersNeeded(t, []), "Team notes"];
    const row = reviewToRow(headers, d, t, scoreReview(t, d.responses), NOW);
    const cell = (h: string) => row[headers.indexOf(h)];
    expect(cell("Officer")).toBe("'=Sam Officer");
    expect(cell("Reference")).toBe("'+ACC123");
    expect(cell("Call date")).toBe(46344); // 2026-11-18
    expect(cell("Saved")).toBeCloseTo(46346 + 10.5 / 24, 6);
    expect(cell("Started")).toBeCloseTo(46346 + 10 / 24, 6);
    // c4 N/A: (3 + 5 + 2×0.5) / (3 + 5 + 2) = 90.
    expect(cell("Score")).toBe(90);
    expect(cell("Grade")).toBe("Excellent");
    expect(cell("Critical fail")).toBe(false);
    expect([cell("c1"), cell("c2"), cell("c3"), cell("c4")]).toEqual(["Met", "Met", "Partly", "N/A"]);
    expect(cell("Comments")).toBe("c1: Warm opening\nc3: -£20 arrears not mentioned first");
    expect(cell("Notes")).toBe("Good call overall");
    expect(cell("Team notes")).toBe("");
    expect(cell("Template version")).toBe(2);
  });

  it("reads a written row back to the same review", () => {
    const d = filledDraft();
    const headers = headersNeeded(t, []);
    const row = reviewToRow(headers, d, t, scoreReview(t, d.responses), NOW);
    // Excel shows (and returns) guarded text without the apostrophe.
    const asExcelReturnsIt = row.map((v) => (typeof v === "string" && v.startsWith("'") ? v.slice(1) : v));
    const back = rowToReview(headers, asExcelReturnsIt)!;
    expect(back).toMatchObject({
      reviewId: d.reviewId,
      officer: "=Sam Officer",
      reference: "+ACC123",
      callDate: 46344,
      score: 90,
      grade: "Excellent",
      templateId: "small-test",
      templateVersion: 2,
      answers: { c1: "met", c2: "met", c3: "partly", c4: "na" },
      comments: { c1: "Warm opening", c3: "-£20 arrears not mentioned first" },
    });
    expect(parseComments("c1: a\nrubbish line\nc2: b: c")).toEqual({ c1: "a", c2: "b: c" });
  });

  it("records critical items and reads them back", () => {
    let d = filledDraft();
    d = withResponse(d, "c2", { answer: "notMet" }, NOW);
    const headers = headersNeeded(t, []);
    const row = reviewToRow(headers, d, t, scoreReview(t, d.responses), NOW);
    expect(row[headers.indexOf("Critical items")]).toBe("c2 (CF1)");
    const back = rowToReview(headers, row)!;
    expect([back.criticalFail, back.criticalItems, back.score, back.rawScore]).toEqual([true, ["c2"], 0, 40]);
  });

  it("skips rows without a review id and tolerates text dates and TRUE/FALSE as text", () => {
    const grid = [
      ["Review ID", "Officer", "Call date", "Score", "Critical fail"],
      ["", "Nobody", 46344, 50, false],
      ["r-1", "Sam", "18/11/2026", "75.5", "TRUE"],
    ];
    const reviews = readReviewTable(grid);
    expect(reviews).toHaveLength(1);
    expect(reviews[0]).toMatchObject({ reviewId: "r-1", callDate: 46344, score: 75.5, criticalFail: true });
  });
});

describe("each review id once", () => {
  const headers = ["Review ID", "Officer", "Call date", "Score", "Saved"];

  it("reads a row repeated by a retried save (only the Saved time differs) as one review, the first", () => {
    const reviews = readReviewTable([headers, ["r-1", "Sam", 46344, 80, 46346.5], ["r-2", "Sam", 46345, 60, 46346.6], ["r-1", "Sam", 46344, 80, 46346.7]]);
    expect(reviews.map((r) => [r.reviewId, r.saved])).toEqual([
      ["r-1", 46346.5],
      ["r-2", 46346.6],
    ]);
  });

  it("refuses two rows with one id that disagree, naming the table, the id, the field and both values", () => {
    const grid = [headers, ["r-1", "Sam", 46344, 80, 1], ["r-1", "Sam", 46344, 85, 2]];
    expect(() => readReviewTable(grid, "MyReviews")).toThrow("MyReviews has two rows with review id r-1 that differ in score (80 and 85): delete the wrong row, then try again");
    const [a] = readReviewTable(grid.slice(0, 2));
    expect(() => uniqueReviews([a, { ...a, answers: { c1: "met" } }])).toThrow(/^QAReviews has two rows with review id r-1 that differ in answers \(\{\} and \{"c1":"met"\}\)/);
  });

  it("knows the reviews table by its key columns under any name", () => {
    expect(isReviewTableHeader(headersNeeded(t, []))).toBe(true);
    expect(isReviewTableHeader([" review id", "OFFICER", "Call date", "Score", "Template ID", "Template version", "Notes"])).toBe(true);
    // Without the template version a row could not be re-scored: not the reviews table.
    expect(isReviewTableHeader(["Review ID", "Officer", "Call date", "Score", "Template ID"])).toBe(false);
    expect(isReviewTableHeader([])).toBe(false);
  });
});

describe("problemsBeforeSave", () => {
  it("lists missing header fields and unanswered criteria", () => {
    const d = newDraft(t, "11111111-2222-4333-8444-555555555555", NOW);
    const problems = problemsBeforeSave({ ...d, responses: { c1: { answer: "met", comment: "", criticalFlag: false } } }, t, "2026-11-20");
    expect(problems.map((p) => p.field)).toEqual(["officer", "callDate", "reference", "reviewer", "criterion-c2"]);
    expect(problems[4].message).toBe("Answer every criterion (N/A where it does not apply): c2, c3, c4 are unanswered.");
  });

  it("rejects a call date in the future and passes a complete draft", () => {
    expect(problemsBeforeSave({ ...filledDraft(), callDate: "2026-11-21" }, t, "2026-11-20").map((p) => p.field)).toEqual(["callDate"]);
    expect(problemsBeforeSave({ ...filledDraft(), callDate: "2026-11-31" }, t, "2026-11-20").map((p) => p.message)).toEqual(["Enter the date of the call."]);
    expect(problemsBeforeSave(filledDraft(), t, "2026-11-20")).toEqual([]);
  });
});

describe("textCell", () => {
  it("keeps references Excel would turn into numbers, dates or booleans as text", () => {
    expect(textCell("001234")).toBe("'001234");
    expect(textCell("12/3")).toBe("'12/3");
    expect(textCell("TRUE")).toBe("'TRUE");
    expect(textCell("-12.50")).toBe("'-12.50");
    expect(textCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(textCell("ACC-1001")).toBe("ACC-1001");
    expect(textCell("Sam Officer")).toBe("Sam Officer");
  });
});
