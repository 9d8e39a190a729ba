import { monthLabel, parseMonth, previousMonth } from "../../../core/qa/month";
import { buildOneToOneSheet, oneToOneSheetName } from "../../../core/qa/oneToOne";
import type { SavedReview } from "../../../core/qa/reviewTable";
import { monthlySummary } from "../../../core/qa/summary";
import { smallTemplate } from "./fixtures";

const NOV = 46327; // 2026-11-01
const OCT = 46296; // 2026-10-01

function review(id: string, officer: string, callDate: number, score: number | null, criticalFail = false, extra: Partial<SavedReview> = {}): SavedReview {
  return {
    reviewId: id, officer, callDate, reference: `ACC${id}`, reviewer: "Pat", templateId: "small-test", templateVersion: 2, score, rawScore: score, grade: "",
    criticalFail, criticalItems: criticalFail ? ["c2"] : [], answers: {}, comments: {}, notes: "", started: null, saved: null, ...extra,
  };
}

describe("months", () => {
  it("parses the ways a team leader writes a month", () => {
    expect(parseMonth("2026-11")).toBe("2026-11");
    expect(parseMonth("11/2026")).toBe("2026-11");
    expect(parseMonth("Nov 2026")).toBe("2026-11");
    expect(parseMonth("november 2026")).toBe("2026-11");
    expect(parseMonth(NOV + 29)).toBe("2026-11");
    expect(parseMonth("30/11/2026")).toBe("2026-11");
    expect(() => parseMonth("13/2026")).toThrow(/month must be a month such as 2026-11/);
    expect(() => parseMonth("")).toThrow(/got ""/);
  });

  it("steps back across a year end and labels months in words", () => {
    expect(previousMonth("2026-01")).toBe("2025-12");
    expect(previousMonth("2026-11")).toBe("2026-10");
    expect(monthLabel("2026-11")).toBe("November 2026");
  });
});

describe("monthlySummary", () => {
  const team = [
    { officer: "Sam Officer", team: "North", monthlyTarget: null },
    { officer: "Alex Agent", team: "North", monthlyTarget: 2 },
    { officer: "Jo Nobody", team: "North", monthlyTarget: null },
  ];
  const reviews = [
    review("1", "Sam Officer", NOV + 2, 80),
    review("2", "sam officer ", NOV + 9, 90),
    review("3", "Sam Officer", NOV + 16, 0, true),
    review("4", "Sam Officer", OCT + 5, 60),
    review("5", "Alex Agent", NOV + 3, 95),
    review("6", "Alex Agent", NOV + 4, null), // all N/A: counted as reviewed, not in the average
    review("7", "Former Officer", NOV + 1, 70),
  ];

  it("counts calls against the target, averages saved scores and compares with last month", () => {
    const s = monthlySummary(reviews, team, "2026-11", 4);
    expect(s.map((r) => r.officer)).toEqual(["Sam Officer", "Alex Agent", "Jo Nobody", "Former Officer"]);
    const [sam, alex, jo, former] = s;
    // Sam: (80 + 90 + 0) / 3 = 56.7; October 60 → change −3.3.
    expect(sam).toEqual({ officer: "Sam Officer", reviewed: 3, target: 4, belowTarget: true, averageScore: 56.7, criticalFails: 1, previousAverage: 60, change: -3.3, notInTeamList: false });
    expect(alex).toMatchObject({ reviewed: 2, target: 2, belowTarget: false, averageScore: 95, previousAverage: null, change: null });
    expect(jo).toMatchObject({ reviewed: 0, belowTarget: true, averageScore: null, criticalFails: 0 });
    expect(former).toMatchObject({ reviewed: 1, notInTeamList: true, target: 4 });
  });
});

describe("a review saved twice (a retried or concurrent save) counts once", () => {
  const team = [{ officer: "Sam Officer", team: "North", monthlyTarget: 2 }];
  // The same review read from two rows; only the Saved time differs.
  const once = review("1", "Sam Officer", NOV + 2, 80, false, { saved: NOV + 19.5 });
  const twice = { ...once, saved: NOV + 19.6 };
  const other = review("2", "Sam Officer", NOV + 3, 50);

  it("in the monthly summary: two calls reviewed, not three, and the average over two", () => {
    // (80 + 50) / 2 = 65; counted three times it would be (80 + 80 + 50) / 3 = 70 and 3 of 2.
    expect(monthlySummary([once, twice, other], team, "2026-11", 4)[0]).toMatchObject({ reviewed: 2, belowTarget: false, averageScore: 65 });
  });

  it("on the one-to-one sheet", () => {
    const sheet = buildOneToOneSheet({ officer: "Sam Officer", month: "2026-11", reviews: [once, twice, other], templates: [smallTemplate()], kpis: [] });
    expect(sheet.rows.find((r) => r[0] === "Calls reviewed")![1]).toBe(2);
    expect(sheet.rows.find((r) => r[0] === "Average score")![1]).toBe(65);
    expect(sheet.rows.filter((r) => r[1] === "ACC1")).toHaveLength(1);
  });

  it("refuses two different reviews under one id rather than count either", () => {
    expect(() => monthlySummary([once, { ...twice, score: 10 }], team, "2026-11", 4)).toThrow(/two rows with review id 1 that differ in score \(80 and 10\)/);
  });
});

describe("the one-to-one sheet", () => {
  it("keeps sheet names within Excel's 31 characters and rules", () => {
    expect(oneToOneSheetName("Sam Officer", "2026-11")).toBe("1-2-1 Sam Officer 2026-11");
    const long = oneToOneSheetName("Alexandra Bartholomew-Smythe [North]", "2026-11");
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).toMatch(/^1-2-1 Alexandra.* 2026-11$/);
    expect(long).not.toMatch(/[[\]]/);
  });

  it("lays out reviews, section scores from the version scored, comments and KPIs", () => {
    const t = smallTemplate();
    const r1 = review("1", "Sam Officer", NOV + 2, 90, false, {
      answers: { c1: "met", c2: "met", c3: "partly", c4: "na" },
      comments: { c3: "=Forgot the balance" },
    });
    const r2 = review("2", "Sam Officer", NOV + 9, 50, false, { templateVersion: 1, answers: { c1: "met" } });
    const sheet = buildOneToOneSheet({ officer: "Sam Officer", month: "2026-11", reviews: [r2, r1], templates: [t], kpis: [{ label: "Current arrears %", value: 2.4 }] });
    const width = sheet.rows[0].length;
    expect(sheet.rows.every((r) => r.length === width)).toBe(true);
    const find = (first: string) => sheet.rows.find((r) => r[0] === first)!;
    expect(sheet.rows[0][0]).toBe("One-to-one: call quality, Sam Officer, November 2026");
    expect(find("Calls reviewed")[1]).toBe(2);
    expect(find("Average score")[1]).toBe(70);
    // Sorted by call date; r2's version 1 is not available so its section scores are blank.
    expect(find("Section").slice(0, 3)).toEqual(["Section", "2026-11-03 ACC1", "2026-11-10 ACC2"]);
    expect(find("Opening").slice(0, 3)).toEqual(["Opening", 100, ""]);
    expect(find("Arrangement").slice(0, 3)).toEqual(["Arrangement", 50, ""]);
    expect(sheet.rows.some((r) => String(r[0]).startsWith("(Blank: the template version"))).toBe(true);
    const comment = sheet.rows.find((r) => r[1] === "c3 Explains balance")!;
    expect(comment.slice(0, 4)).toEqual(["2026-11-03", "c3 Explains balance", "Partly", "'=Forgot the balance"]);
    expect(find("Current arrears %")[1]).toBe(2.4);
    expect(sheet.headingRows.map((i) => sheet.rows[i][0])).toEqual([sheet.rows[0][0], "Reviews", "Scores by section", "Comments", "Arrears KPIs (monthly return)"]);
  });
});
