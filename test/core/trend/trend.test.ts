import { ArrearsInputError } from "../../../core/errors";
import { trendOf, trendOfAccounts, type TrendResult } from "../../../core/trend/trend";

describe("trendOf", () => {
  it("fits a rising balance by least squares and projects it", () => {
    // Balances 100,110,120,130 at periods 1..4: slope exactly 10 a period.
    // Projection 4 periods past period 4 (period 8): 130 + 4 × 10 = 170.
    const r = trendOf([100, 110, 120, 130], { weeklyRent: 100 });
    expect(r.slopePerPeriod).toBe(10);
    expect(r.direction).toBe("worsening");
    expect(r.projectedBalance).toBe(170);
    expect(r.weeksOwed).toBe(1.3); // 130 / 100
    expect(r.periodsInArrears).toBe(4);
  });

  it("computes a least-squares slope when points do not lie on a line", () => {
    // x = 1,2,3,4; y = 2,4,5,4. mean x 2.5, mean y 3.75.
    // Sxy = (-1.5)(-1.75)+(-0.5)(0.25)+(0.5)(1.25)+(1.5)(0.25) = 2.625+(-0.125)+0.625+0.375 = 3.5
    // Sxx = 2.25+0.25+0.25+2.25 = 5; slope = 0.7. Projection at x = 8: 3.75 + 0.7 × 5.5 = 7.6.
    const r = trendOf([2, 4, 5, 4], { horizon: 4, tolerance: 0.5 });
    expect(r.slopePerPeriod).toBe(0.7);
    expect(r.projectedBalance).toBe(7.6);
    expect(r.direction).toBe("worsening");
  });

  it("leaves blanks out rather than counting them as zero", () => {
    const withGap = trendOf([100, null, 120, 130]);
    // Points (1,100),(3,120),(4,130): mean x 8/3, mean y 350/3.
    // Sxy = (-5/3)(-50/3)+(1/3)(10/3)+(4/3)(40/3) = (250+10+160)/9 = 420/9; Sxx = (25+1+16)/9 = 42/9; slope 10.
    expect(withGap.slopePerPeriod).toBe(10);
    expect(withGap.pointsUsed).toBe(3);
    const asZero = trendOf([100, 0, 120, 130]);
    expect(asZero.slopePerPeriod).not.toBe(10);
  });

  it("says improving for a falling balance and stable within the tolerance", () => {
    expect(trendOf([300, 250, 200]).direction).toBe("improving");
    expect(trendOf([100, 100.5, 101]).direction).toBe("stable"); // 0.50 a period ≤ £1 default
    expect(trendOf([100, 100.5, 101], { tolerance: 0.25 }).direction).toBe("worsening");
  });

  it("measures slope per period from dates, using their usual spacing", () => {
    // Weekly dates (serials 7 apart); £14 rise a week = £2 a day × 7 days.
    const r = trendOf([0, 14, 28, 42], { periods: [45292, 45299, 45306, 45313] });
    expect(r.periodLength).toBe(7);
    expect(r.slopePerPeriod).toBe(14);
    // 4 periods after the last date (28 days): 42 + 4 × 14 = 98.
    expect(r.projectedBalance).toBe(98);
  });

  it("counts only periods actually owed (1p or more) as in arrears", () => {
    expect(trendOf([-20, 0, 0.004, 5, 10]).periodsInArrears).toBe(2);
  });

  it("rejects a non-positive weekly rent with a message naming it", () => {
    expect(() => trendOf([1, 2], { weeklyRent: -5 })).toThrow("weekly rent must be a positive number, got -5");
    expect(() => trendOf([1, 2], { weeklyRent: 0 })).toThrow(ArrearsInputError);
  });

  it("needs two usable balances and distinct periods", () => {
    expect(() => trendOf([null, 5, null])).toThrow("needs at least 2 balances to fit a trend, found 1");
    expect(() => trendOf([1, 2], { periods: [45292, 45292] })).toThrow("must not all be the same");
    expect(() => trendOf([1, 2, 3], { periods: [1, 2] })).toThrow("match the balances one for one");
  });

  it("rejects a horizon outside 0 to 520 periods", () => {
    expect(() => trendOf([1, 2], { horizon: -1 })).toThrow(/horizon/);
    expect(() => trendOf([1, 2], { horizon: 10_000 })).toThrow(/horizon/);
  });
});

describe("trendOfAccounts", () => {
  it("returns one outcome per account, blanks for empty rows and an error only for the bad row", () => {
    const out = trendOfAccounts(
      [
        [10, 20, 30],
        [null, null, null],
        [5, null, null],
        [30, 20, 10],
      ],
      { weeklyRent: [10, null, 10, 20] },
    );
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ slopePerPeriod: 10, weeksOwed: 3 });
    expect(out[1]).toBeNull();
    expect(out[2]).toBeInstanceOf(ArrearsInputError);
    expect((out[2] as ArrearsInputError).message).toBe("account 3: needs at least 2 balances to fit a trend, found 1");
    expect(out[3]).toMatchObject({ slopePerPeriod: -10, direction: "improving", weeksOwed: 0.5 });
  });

  it("reports a bad weekly rent against its account", () => {
    const out = trendOfAccounts([[1, 2], [3, 4]], { weeklyRent: [10, -1] });
    expect((out[1] as ArrearsInputError).message).toMatch(/^account 2: weekly rent must be a positive number/);
  });

  it("rejects a weekly-rent list of the wrong length", () => {
    expect(() => trendOfAccounts([[1, 2], [3, 4]], { weeklyRent: [10] })).toThrow("one figure or one per account");
  });
});

describe("trendOfAccounts over part of each row", () => {
  const rows = [
    [900, 5, 100, 110, 120, 130],
    [Number.NaN, 0, 50, Number.NaN, 40, 35],
    [1, 2, Number.NaN, Number.NaN, Number.NaN, Number.NaN],
  ];

  it("fits only the columns from fromIndex on, the same as fitting those columns alone", () => {
    const part = trendOfAccounts(rows.slice(0, 1), { fromIndex: 2, periods: [10, 17, 24, 31] });
    expect(part).toEqual(trendOfAccounts([rows[0].slice(2)], { periods: [10, 17, 24, 31] }));
    expect(part[0]).toMatchObject({ slopePerPeriod: 10, pointsUsed: 4, latestBalance: 130 });
  });

  it("takes NaN as a missing snapshot when asked, and as an error otherwise", () => {
    const [withGap, none] = trendOfAccounts(rows.slice(1), { fromIndex: 2, nanAsBlank: true });
    expect(withGap).toMatchObject({ pointsUsed: 3, latestBalance: 35 });
    expect(withGap).toEqual(trendOf([50, null, 40, 35]));
    expect(none).toBeNull(); // nothing but gaps from column 2 on
    expect(trendOfAccounts(rows.slice(1, 2), { fromIndex: 2 })[0]).toBeInstanceOf(ArrearsInputError);
  });

  it("refuses a fromIndex that is not a column", () => {
    expect(() => trendOfAccounts(rows, { fromIndex: -1 })).toThrow(/fromIndex must be a whole number/);
    expect(() => trendOfAccounts(rows, { fromIndex: 1.5 })).toThrow(/fromIndex must be a whole number/);
  });
});

describe("trendOfAccounts period length", () => {
  it("uses the spacing of the dates each row actually used, not the whole batch's", () => {
    const periods = [0, 30, 60, 67, 74, 81];
    const [full, partial] = trendOfAccounts(
      [
        [10, 20, 30, 40, 50, 60],
        [10, 20, 30, null, null, null],
      ],
      { periods },
    ) as TrendResult[];
    expect(full.periodLength).toBe(7); // gaps 30, 30, 7, 7, 7
    expect(partial.periodLength).toBe(30); // gaps 30, 30
    expect(partial.slopePerPeriod).toBe(10);
  });
});
