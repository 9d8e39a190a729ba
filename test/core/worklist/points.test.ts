import { ArrearsInputError } from "../../../core/errors";
import { checkPoints, DEFAULT_POINTS, POINTS_TABLE_HEADERS, pointsFromTable, pointsToTable, REASON_IDS } from "../../../core/worklist/points";

const HEAD = [...POINTS_TABLE_HEADERS];
const refusalOf = (rows: unknown[][]) => {
  try {
    pointsFromTable(rows as never);
  } catch (e) {
    expect(e).toBeInstanceOf(ArrearsInputError);
    return (e as Error).message;
  }
  throw new Error("the table was accepted");
};

describe("the built-in points table", () => {
  it("covers every reason, with whole points and a why for each row", () => {
    expect(new Set(DEFAULT_POINTS.map((r) => r.reason))).toEqual(new Set(REASON_IDS));
    for (const r of DEFAULT_POINTS) {
      expect(Number.isInteger(r.points) && r.points > 0).toBe(true);
      expect(r.why.length).toBeGreaterThan(10);
    }
    expect(checkPoints(DEFAULT_POINTS)).toBe(DEFAULT_POINTS);
  });

  it("writes a sheet table that reads back as the same points", () => {
    const table = pointsToTable(DEFAULT_POINTS);
    expect(table[0]).toEqual(HEAD);
    expect(table[1]).toEqual(["broken arrangement", null, 40, "broken arrangement", DEFAULT_POINTS[0].action, DEFAULT_POINTS[0].why]);
    expect(pointsFromTable(table)).toEqual(DEFAULT_POINTS);
  });
});

describe("reading a team's points table", () => {
  it("reads columns in any order, names by label or id, text numbers, and no Why column", () => {
    const rows = [
      ["Points", "Reason", "Words", "Next action", "From"],
      ["35", "Broken Arrangement", "arrangement broken", "Call", null],
      [12, "weeksOwed", "{weeks} weeks owed", "Review", "6.5"],
      [null, null, null, null, null],
      [0, "no payment", "no payment for {days} days", "Call", 14],
    ];
    expect(pointsFromTable(rows)).toEqual([
      { reason: "brokenArrangement", from: null, points: 35, words: "arrangement broken", action: "Call", why: "" },
      { reason: "weeksOwed", from: 6.5, points: 12, words: "{weeks} weeks owed", action: "Review", why: "" },
      { reason: "noPayment", from: 14, points: 0, words: "no payment for {days} days", action: "Call", why: "" },
    ]);
  });

  it("refuses each bad cell in one line naming the row, the column and the value", () => {
    const row = (over: Record<number, unknown>) => {
      const r: unknown[] = ["weeks owed", 4, 10, "4+ weeks owed", "Review", ""];
      for (const [k, v] of Object.entries(over)) r[Number(k)] = v;
      return [HEAD, r];
    };
    expect(refusalOf(row({ 2: 2.5 }))).toBe("points row 2: Points 2.5 is not a whole number (points are whole numbers from 0 to 1000)");
    expect(refusalOf(row({ 2: -5 }))).toBe("points row 2: Points -5 is negative; it must be zero or more (points are whole numbers from 0 to 1000)");
    expect(refusalOf(row({ 2: 1001 }))).toMatch(/^points row 2: Points 1001 is more than 1000/);
    expect(refusalOf(row({ 2: null }))).toMatch(/^points row 2: Points is blank/);
    expect(refusalOf(row({ 1: "12,50" }))).toMatch(/^points row 2: From "12,50" uses a decimal comma/);
    expect(refusalOf(row({ 1: null }))).toBe("points row 2: From is blank; weeks owed needs a threshold in weeks of rent");
    expect(refusalOf(row({ 0: "arrears sky high" }))).toMatch(/^points row 2: Reason "arrears sky high" is not a reason; use one of broken arrangement, arrangement at risk, /);
    expect(refusalOf(row({ 0: "broken arrangement", 3: "broken" }))).toBe("points row 2: From 4 must be blank: broken arrangement is yes or no");
    expect(refusalOf(row({ 0: "no payment", 1: 2.5, 3: "no payment" }))).toBe("points row 2: From 2.5 is not a whole number (a whole number of days)");
    expect(refusalOf(row({ 3: "owes {days} days" }))).toBe('points row 2: words "owes {days} days" use {days}, which weeks owed does not fill (it fills {weeks})');
    expect(refusalOf(row({ 4: null }))).toBe("points row 2: Next action is blank");
    expect(refusalOf(row({ 0: { code: "#N/A" } }))).toMatch(/^points row 2: Reason holds the Excel error #N\/A/);
  });

  it("refuses a repeated band, a missing column and an empty table", () => {
    const r = ["weeks owed", 4, 10, "4+ weeks owed", "Review", ""];
    expect(refusalOf([HEAD, r, [], r])).toBe("points row 4: repeats points row 2 (same reason and From)");
    expect(refusalOf([["Reason", "From", "Words", "Next action"], r])).toBe('the points table has no Points column; headers found: "Reason", "From", "Words", "Next action"');
    expect(refusalOf([HEAD])).toBe("the points table needs a header row and at least one reason row");
    expect(refusalOf([HEAD, []])).toBe("the points table has a header row but no reason rows");
  });
});
