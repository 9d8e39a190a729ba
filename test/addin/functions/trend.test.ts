import { trend } from "../../../addin/functions/trend";
import { isCfError } from "../../support/customFunctionsStub";

// Calls go through the same adapter Excel uses, with Excel's shapes: 2-D arrays,
// null for omitted arguments, null / "" / 0 for blank cells depending on the host.

describe("ARREARS.TREND adapter", () => {
  it("spills one row for one account given as a row", () => {
    expect(trend([[100, 110, 120, 130]], null as never, [[100]], null as never, null as never)).toEqual([[10, "worsening", 170, 1.3, 4]]);
  });

  it("reads one account given as a column the same way as a row", () => {
    const asColumn = trend([[100], [110], [120], [130]]);
    expect(asColumn).toEqual([[10, "worsening", 170, "", 4]]);
  });

  it("returns one row per account for a block, with per-account weekly rents", () => {
    const out = trend(
      [
        [10, 20, 30],
        [30, 20, 10],
        [null, "", null],
      ],
      [[1, 2, 3]],
      [[10], [20], [null]],
    );
    expect(out).toEqual([
      [10, "worsening", 70, 3, 3],
      [-10, "improving", -30, 0.5, 3],
      ["", "", "", "", ""],
    ]);
  });

  it("ignores blanks instead of counting them as zero, refuses other text, and reads exported amount text", () => {
    // Text that is not an amount is refused with its place, never silently dropped (a dropped 12,50 changes the slope).
    expect((trend([[100, null, "n/a", 130]]) as unknown as { message: string }).message).toBe('ARREARS.TREND: balance 3: "n/a" is not an amount in £ (such as 1,234.56, -£5, (12.50) or 12.50 CR)');
    expect((trend([[100, 110], [120, "12,50"]])[1][0] as { message: string }).message).toMatch(/balances row 2, column 2: "12,50" uses a decimal comma/);
    const out = trend([[100, null, "", "", "£120.00", 130]]);
    // Used points: (1,100),(5,120),(6,130); explicit zero would pull the slope down.
    const withZeros = trend([[100, 0, 0, 0, 120, 130]]);
    expect(out[0][4]).toBe(3);
    expect(out[0][0]).not.toEqual(withZeros[0][0]);
    expect(trend([["£1,000.00", "1,010.00", "1020.00 DR"]])[0][0]).toBe(10);
    expect(trend([["(10.00)", "20.00 CR", "-30"]])[0][0]).toBe(-10);
  });

  it("accepts dates as serials or text and measures slope per week", () => {
    const serials = trend([[0, 14, 28]], [[45292, 45299, 45306]]);
    const text = trend([[0, 14, 28]], [["2024-01-01", "08/01/2024", "2024-01-15"]]);
    expect(serials[0][0]).toBe(14);
    expect(text).toEqual(serials);
  });

  it("returns #VALUE! with a message a team leader can act on", () => {
    const bad = trend([[1, 2, 3]], null as never, [[-5]]);
    expect(isCfError(bad)).toBe(true);
    expect((bad as unknown as Error).message).toBe("ARREARS.TREND: weekly rent must be a positive number, got -5");
    const tooFew = trend([[5]]);
    expect((tooFew as unknown as Error).message).toBe("ARREARS.TREND: needs at least 2 balances to fit a trend, found 1");
    const badPeriods = trend([[1, 2], [3, 4]], [[1, 2], [3, 4]]);
    expect((badPeriods as unknown as Error).message).toMatch(/periods must be a single row or column/);
    const badHorizon = trend([[1, 2]], null as never, null as never, 9999);
    expect((badHorizon as unknown as Error).message).toMatch(/^ARREARS.TREND: horizon must be between 0 and 520/);
  });

  it("puts a bad account's error in its own row and keeps the others", () => {
    const out = trend([[10, 20, 30], [7, null, null], [30, 20, 10]]);
    expect(out[0][1]).toBe("worsening");
    expect(out[1].every(isCfError)).toBe(true);
    expect((out[1][0] as Error).message).toBe("ARREARS.TREND: account 2: needs at least 2 balances to fit a trend, found 1");
    expect(out[2][1]).toBe("improving");
  });

  it("treats a blank weekly rent as not given, whether it arrives as null or empty text", () => {
    expect(trend([[1, 2]], null as never, [[""]])[0][3]).toBe("");
    expect(trend([[1, 2]], null as never, [[null]])[0][3]).toBe("");
  });
});
