import { bedroomsNeeded, benefitCap, hbAward, nonDep, ucAward, ucHousing, underOccupancy } from "../../../addin/functions/benefits";
import { estimateHousingBenefit, estimateUniversalCredit } from "../../../core/benefits";
import { isCfError } from "../../support/customFunctionsStub";

// The benefit functions called with Excel's shapes: 2-D arrays for ranges, null for
// omitted arguments, "" for blank cells. A tax year is always given so results do not depend on today.

const n = null as never;
const messageOf = (v: unknown) => (isCfError(v) ? (v as Error).message : `not an error: ${JSON.stringify(v)}`);

describe("ARREARS.UCAWARD and ARREARS.UCHOUSING", () => {
  it("estimates a household typed positionally, matching the core estimate", () => {
    expect(ucAward([[30]], n, 90, "week", 1, n, n, n, "2025-26")).toEqual([[790.14]]);
    const core = estimateUniversalCredit({ adults: [{ age: 32 }], children: [{ age: 10, sex: "F" }, { age: 6, sex: "M" }], rent: { amount: 100, period: "week" }, bedrooms: 3, taxYear: "2025-26" });
    expect(ucAward([[32]], [["10F"], ["6M"], [""]], 100, "weekly", 3, n, n, n, "2025/26")).toEqual([[core.award]]);
    expect(core.award).toBe(1465.28);
  });

  it("reads a couple's ages from a row, earnings per adult, and non-dependants as age/income rows", () => {
    const core = estimateUniversalCredit({
      adults: [{ age: 35, earnings: 500 }, { age: 33, earnings: 300 }],
      children: [{ age: 7 }, { age: 5 }, { age: 3 }],
      nonDependants: [{ age: 23, grossWeeklyIncome: 300 }],
      rent: { amount: 500, period: "4 weeks" },
      bedrooms: 4,
      london: true,
      taxYear: "2026-27",
    });
    const out = ucAward([[35, 33]], [[7, 5, 3]], 500, "4 weeks", 4, [[500, 300]], [[23, 300]], true, "2026-27");
    expect(out).toEqual([[core.award]]);
    expect(ucHousing([[35, 33]], [[7, 5, 3]], 500, "4 weeks", 4, [[500, 300]], [[23, 300]], true, "2026-27")).toEqual([[core.housingElement]]);
  });

  it("spills the breakdown as label/value rows", () => {
    const rows = ucAward([[40]], n, 120, "week", 2, n, n, n, "2025-26", true);
    expect(rows[0]).toEqual(["Universal Credit 2025-26", "£ a month"]);
    expect(rows).toContainEqual(["Standard allowance (single, 25 or over)", 400.14]);
    expect(rows).toContainEqual(["Under-occupancy: 1 spare bedroom, 14% of £520.00", -72.8]);
    expect(rows).toContainEqual(["Universal Credit, £ a month", 847.34]);
    expect(rows.every((r) => r.length === 2)).toBe(true);
    const housing = ucHousing([[40]], n, 120, "week", 2, n, n, n, "2025-26", true);
    expect(housing[housing.length - 1]).toEqual(["Housing costs element", 447.2]);
  });

  it("takes a two-column household form instead, with the breakdown flag as the second argument", () => {
    const form = [
      ["Adult 1 age", 40],
      ["Adult 1 disability", "middle"],
      ["Child 1 age", ""],
      ["Rent", 90],
      ["Rent period", "Weekly"],
      ["Bedrooms", 2],
      ["Overnight carer", "yes"],
      ["Tax year", "2025-26"],
    ];
    expect(ucAward(form)).toEqual([[790.14]]);
    const rows = ucAward(form, [[true]]);
    expect(rows.length).toBeGreaterThan(5);
    expect(rows[rows.length - 1][0]).toMatch(/^Note: /);
  });

  it("reads every kind of form field: children with sex and flags, non-dependants, capital, London, dates", () => {
    const form = [
      ["Claimant age", 35], ["Partner age", 33], ["Adult 1 earnings", 881],
      ["Child 1 age", 7], ["Child 2 age", 5], ["Child 3 age", 3], ["Child 3 born before 2017", "no"],
      ["Non-dep 1 age", 19], ["Non-dep 1 income", 120],
      ["Rent", 108], ["Rent period", "week"], ["Bedrooms", 4], ["Capital", 6000], ["London", false], ["Date", 46349],
    ];
    const core = estimateUniversalCredit({
      adults: [{ age: 35, earnings: 881 }, { age: 33 }],
      children: [{ age: 7 }, { age: 5 }, { age: 3, bornBefore2017: false }],
      nonDependants: [{ age: 19, grossWeeklyIncome: 120 }],
      rent: { amount: 108, period: "week" }, bedrooms: 4, capital: 6000, london: false, date: "2026-11-23",
    });
    expect(ucAward(form)).toEqual([[core.award]]);
  });

  it("returns #VALUE! naming the problem for bad input", () => {
    expect(messageOf(ucAward([[30]], n, -5, "week", 1, n, n, n, "2025-26"))).toBe("ARREARS.UCAWARD: rent must be zero or more, got -5");
    expect(messageOf(ucAward([[150]], n, 90, "week", 1, n, n, n, "2025-26"))).toBe("ARREARS.UCAWARD: adult age must be between 16 and 120, got 150");
    expect(messageOf(ucAward([[30]], n, 90, "quarterly", 1, n, n, n, "2025-26"))).toBe('ARREARS.UCAWARD: rent period must be week, fortnight, 4 weeks or month, got "quarterly"');
    expect(messageOf(ucAward([[30]], n, 90, "week", 1, n, n, n, "2019-20"))).toMatch(/^ARREARS.UCAWARD: no benefit rates for tax year 2019-20/);
    expect(messageOf(ucAward([[30]], n, 90, "week", n))).toBe("ARREARS.UCAWARD: bedrooms in the home are needed");
    expect(messageOf(ucAward([[32]], [["10F"], [6]], 100, "week", 3, n, n, n, "2025-26"))).toBe(
      "ARREARS.UCAWARD: child 2 is 6: give their sex (e.g. 6F or 6M), it decides whether they can share with an older child",
    );
    expect(messageOf(ucAward([[30]], [["twelve"]], 90, "week", 1))).toMatch(/child ages must be numbers, or with sex like 12F/);
    expect(messageOf(ucAward([["Adult 1 age", 30], ["Wages", 100]]))).toMatch(/household form: unknown field "Wages"/);
    expect(messageOf(ucAward([["Child 1 sex", "F"], ["Adult 1 age", 30]]))).toMatch(/child 1 has no age/);
    expect(messageOf(ucAward([["Adult 1 age", 30], ["constructor", 1]]))).toMatch(/household form: unknown field "constructor"/);
    expect(messageOf(ucAward([[30]], n, 90, "constructor", 1))).toMatch(/rent period must be week/);
    expect(messageOf(ucAward([[30]], n, 90, "week", 1, n, n, n, 1e308))).toMatch(/^ARREARS.UCAWARD: tax year must look like 2026-27/);
  });
});

describe("ARREARS.HBAWARD", () => {
  it("reads earnings as £ a week and matches the core estimate", () => {
    expect(hbAward([[30]], n, 90, "week", 1, [[150]], n, n, "2025-26")).toEqual([[55.58]]);
    const core = estimateHousingBenefit({ adults: [{ age: 72 }], rent: { amount: 433.33, period: "month" }, bedrooms: 3, taxYear: "2025-26", incomePeriod: "week" });
    expect(hbAward([[72]], n, 433.33, "month", 3, n, n, n, "2025-26")).toEqual([[core.award]]);
  });

  it("spills the breakdown with the age group in the title", () => {
    const rows = hbAward([[72]], n, 100, "week", 2, n, n, n, "2025-26", true);
    expect(rows[0]).toEqual(["Housing Benefit 2025-26 (pension age)", "£ a week"]);
    expect(rows).toContainEqual(["Housing Benefit, £ a week", 100]);
  });
});

describe("ARREARS.BEDROOMSNEEDED", () => {
  it("counts bedrooms from ages, with sex given for 10-15-year-olds", () => {
    expect(bedroomsNeeded([[30, 29]], [["12F"], ["8F"], [6]])).toEqual([[3]]);
    expect(bedroomsNeeded([[30]], [["13 M"], ["G12"]], [[19]])).toEqual([[4]]);
    const rows = bedroomsNeeded([[30]], [[4, 2]], n, true);
    expect(rows[0]).toEqual(["Bedrooms allowed", 2]);
    expect(rows[2][0]).toMatch(/shared by children 1 and 2/);
  });

  it("reads a household form that has no rent or bedrooms", () => {
    const form = [["Adult 1 age", 30], ["Adult 2 age", 29], ["Child 1 age", 12], ["Child 1 sex", "F"], ["Child 2 age", 8], ["Child 2 sex", "F"], ["Non-dep 1 age", 19]];
    expect(bedroomsNeeded(form)).toEqual([[3]]);
    expect(nonDep([...form, ["Tax year", "2025-26"]])).toEqual([[0]]);
    expect(nonDep([...form, ["Non-dep 2 age", 24], ["Tax year", "2025-26"]])).toEqual([[93.02]]);
  });

  it("asks for a child's sex when it changes the count", () => {
    expect(messageOf(bedroomsNeeded([[30]], [[12], [11]]))).toBe("ARREARS.BEDROOMSNEEDED: child 1 is 12: give their sex (e.g. 12F or 12M), so bedrooms can be counted");
  });
});

describe("ARREARS.UNDEROCCUPANCY, ARREARS.NONDEP, ARREARS.BENEFITCAP", () => {
  it("gives the under-occupancy reduction a month for UC or a week for HB", () => {
    expect(underOccupancy([[40]], n, 120, "week", 2, n, n, "2025-26")).toEqual([[72.8]]);
    expect(underOccupancy([[40]], n, 120, "week", 2, n, "HB", "2025-26")).toEqual([[16.8]]);
    expect(underOccupancy([[70]], n, 120, "week", 2, n, "HB", "2025-26")).toEqual([[0]]);
    expect(messageOf(underOccupancy([[40]], n, 120, "week", 2, n, "JSA", "2025-26"))).toMatch(/benefit must be UC or HB/);
  });

  it("gives non-dependant charges: flat UC contributions, HB deductions by income band", () => {
    expect(nonDep([[23], [20]], "UC", "2025-26")).toEqual([[93.02]]);
    expect(nonDep([[30, 256]], "HB", "2024-25")).toEqual([[60.95]]);
    expect(nonDep([[30, 255.99]], "HB", "2024-25")).toEqual([[44.4]]);
    expect(nonDep([[30, 800], [40, 0]], "HB", "2024-25", true)).toEqual([[0]]);
    const rows = nonDep([[30, 300]], "HB", "2025-26", n, true);
    expect(rows[1][0]).toMatch(/working, gross £300.00 a week/);
  });

  it("gives the benefit cap reduction a month", () => {
    expect(benefitCap([[35, 33]], [[7], [5], [3]], 108, "week", 3, n, n, n, "2025-26")).toEqual([[109.1]]);
    expect(benefitCap([[35, 33]], [[7], [5], [3]], 108, "week", 3, [[881]], n, n, "2026-27")).toEqual([[0]]);
    const form = [["Adult 1 age", 30], ["Adult 1 legacy benefit", true], ["Child 1 age", 15], ["Child 1 sex", "F"], ["Child 2 age", 13], ["Child 2 sex", "F"],
      ["Child 3 age", 11], ["Child 3 sex", "M"], ["Child 4 age", 9], ["Rent", 250], ["Bedrooms", 3], ["Other capped benefits", 200], ["Benefit", "HB"], ["Tax year", "2025-26"]];
    expect(benefitCap(form)).toEqual([[104.34]]);
  });
});

describe("the same household gives the same figure in Excel as in core and the CLI", () => {
  it("children in birth order: pre2017/post2017 on the age, or the form's born-before flag", () => {
    // 2025-26, two 8-year-olds (ages read on 07/04/2025, the UC uprating date): 400.14 + 339.00 (elder, born before 6 April 2017)
    // + 292.81 + rent 100 × 52/12 = 433.33 → 1,465.28, whichever is listed first.
    expect(ucAward([[35]], [["8 post2017"], ["8F PRE-2017"]], 100, "week", 2, n, n, n, "2025-26")).toEqual([[1465.28]]);
    expect(ucAward([[35]], [["8F pre2017"], ["8 post 2017"]], 100, "week", 2, n, n, n, "2025-26")).toEqual([[1465.28]]);
    const form = [["Adult 1 age", 35], ["Child 1 age", 8], ["Child 1 born before 2017", "no"], ["Child 2 age", 8], ["Child 2 born before 2017", "yes"],
      ["Rent", 100], ["Bedrooms", 2], ["Tax year", "2025-26"]];
    expect(ucAward(form)).toEqual([[1465.28]]);
    expect(messageOf(ucAward([[35]], [[8]], 100, "week", 2, n, n, n, "2025-26"))).toBe(
      'ARREARS.UCAWARD: child 1 is 8 on 2025-04-07, so may have been born either side of 6 April 2017, and that changes the award: say which (e.g. 8 pre2017 or 8 post2017, or "born before 2017" yes or no)',
    );
    // "before" once read as B (a boy) with the rest ignored: now refused.
    expect(messageOf(ucAward([[35]], [["8 before"]], 100, "week", 2, n, n, n, "2025-26"))).toMatch(/^ARREARS.UCAWARD: child ages must be numbers, or with sex like 12F or 12M, and pre2017 or post2017/);
  });

  it("HB earnings are £ a week, positionally, on the form and in core without incomePeriod", () => {
    // 2026-27: 200 − 5 = 195.00 − 95.55 = 99.45 × 65% = 64.6425 → 64.64; 98.50 − 64.64 = 33.86.
    expect(hbAward([[40]], n, 98.5, "week", 1, [[200]], n, n, "2026-27")).toEqual([[33.86]]);
    expect(hbAward([["Adult 1 age", 40], ["Adult 1 earnings", 200], ["Rent", 98.5], ["Bedrooms", 1], ["Tax year", "2026-27"]])).toEqual([[33.86]]);
    expect(estimateHousingBenefit({ adults: [{ age: 40, earnings: 200 }], rent: { amount: 98.5, period: "week" }, bedrooms: 1, taxYear: "2026-27" }).award).toBe(33.86);
  });

  it("non-dependant couples from a third nonDeps column or the form's couple field", () => {
    // 2025-26, single 50, couple earning 200 + 150 a week. UC: 520.00 − 14% (3 bedrooms, 2 allowed) 72.80 − 2 × 93.02 = 261.16 + 400.14 = 661.30.
    // HB: one deduction on joint 350.00 → 101.35; 150 − 101.35 = 48.65.
    const nonDeps = [[30, 200, "A"], [28, 150, "A"]];
    expect(ucAward([[50]], n, 120, "week", 3, n, nonDeps, n, "2025-26")).toEqual([[661.3]]);
    expect(hbAward([[50]], n, 150, "week", 2, n, nonDeps, n, "2025-26")).toEqual([[48.65]]);
    expect(nonDep(nonDeps, "HB", "2025-26")).toEqual([[101.35]]);
    expect(bedroomsNeeded([[50]], n, nonDeps)).toEqual([[2]]);
    const form = [["Adult 1 age", 50], ["Non-dep 1 age", 30], ["Non-dep 1 income", 200], ["Non-dep 1 couple", "A"], ["Non-dep 2 age", 28], ["Non-dep 2 income", 150], ["Non-dep 2 couple", "A"],
      ["Rent", 150], ["Bedrooms", 2], ["Tax year", "2025-26"]];
    expect(hbAward(form)).toEqual([[48.65]]);
    // A row of three cells is still three ages (a couple needs two rows).
    expect(bedroomsNeeded([[50]], n, [[23, 19, 40]])).toEqual([[4]]);
  });

  it("a non-dependant under 25 on main-phase ESA has the HB deduction", () => {
    // 2025-26: reg 74(1)(b) 19.65; 150 − 19.65 = 130.35.
    const form = [["Adult 1 age", 50], ["Non-dep 1 age", 22], ["Non-dep 1 out of work benefit", "yes"], ["Non-dep 1 ESA main phase", "yes"], ["Rent", 150], ["Bedrooms", 2], ["Tax year", "2025-26"]];
    expect(hbAward(form)).toEqual([[130.35]]);
  });
});
