import { serialToDate, serialToIso } from "../../../core/dates/excelSerial";
import { headerKey, normaliseName } from "../../../core/export/profile";
import { readAmount } from "../../../core/values/amount";
import { readCount } from "../../../core/values/count";
import { readDate } from "../../../core/values/date";
import { excelErrorOf } from "../../../core/values/errorCell";
import { readPeriodAxis } from "../../../core/values/period";
import { readText } from "../../../core/values/text";
import { readYesNo } from "../../../core/values/yesNo";
import { StubCustomFunctionsError } from "../../support/customFunctionsStub";

const valueOf = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : `refused: ${r.reason}`);

describe("the amount grammar", () => {
  it.each([
    ["1,234.56", 1234.56],
    ["£1,234.56", 1234.56],
    ["-£5", -5],
    ["£-5", -5],
    ["(123.45)", -123.45],
    ["123.45 CR", -123.45],
    ["123.45CR", -123.45],
    ["12.50 DR", 12.5],
    [" £ 0.5 ", 0.5],
    [".5", 0.5],
    ["1234567", 1234567],
    ["\u22125", -5],
  ])("reads %p as %p", (text, expected) => {
    expect(valueOf(readAmount(text))).toBe(expected);
  });

  it.each([
    ["12,50", /decimal comma/],
    ["1.234,56", /decimal comma/],
    ["1,2,3,4", /grouped/],
    ["2 5 0", /spaces between digits/],
    ["12.345.67", /grouped/],
    ["1,23.45", /grouped/],
    ["0x14", /not an amount/],
    ["NaN", /not an amount/],
    ["Infinity", /not an amount/],
    ["1e309", /exponent/],
    ["1E3", /exponent/],
    ["1.234", /more than 2 decimal places/],
    ["12.499", /more than 2 decimal places/],
    ["(-5)", /more than one sign/],
    ["-5 CR", /more than one sign/],
    ["(5) CR", /more than one sign/],
    ["(5", /unmatched bracket/],
    ["10,000,000.01", /larger than £10,000,000/],
    ["$5", /not an amount/],
    ["", /blank/],
    ["#N/A", /Excel error #N\/A/],
  ])("refuses %p", (text, why) => {
    const r = readAmount(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });

  it("reads decimal commas only when the profile says so, and then 1.234,56 is 1234.56", () => {
    expect(valueOf(readAmount("1.234,56", { decimalSeparator: "," }))).toBe(1234.56);
    expect(valueOf(readAmount("12,50", { decimalSeparator: "," }))).toBe(12.5);
    // 1,234 under a decimal comma is 1.234: three places, refused rather than read as £1.23 or £1,234.
    expect(readAmount("1,234", { decimalSeparator: "," }).ok).toBe(false);
  });

  it("rounds numbers from Excel cells to the penny (float noise), refuses non-finite and huge ones", () => {
    expect(valueOf(readAmount(12.499999999999998))).toBe(12.5);
    expect(valueOf(readAmount(-0.004))).toBe(0);
    expect(Object.is(valueOf(readAmount(-0.004)), -0)).toBe(false);
    expect(readAmount(Number.NaN).ok).toBe(false);
    expect(readAmount(Infinity).ok).toBe(false);
    expect(readAmount(10_000_000.01).ok).toBe(false);
    expect(readAmount(true).ok).toBe(false);
    expect(valueOf(readAmount(new StubCustomFunctionsError("#REF!")))).toMatch(/Excel error #REF!/);
  });
});

describe("the date grammar", () => {
  it.each([
    ["2026-10-05", "2026-10-05"],
    ["2026-10-05T09:30:00Z", "2026-10-05"],
    ["2026-10-05T23:30:00+01:00", "2026-10-05"],
    ["05/10/2026", "2026-10-05"],
    ["5.10.2026", "2026-10-05"],
    ["05-10-2026", "2026-10-05"],
    ["5 Oct 2026", "2026-10-05"],
    ["05-Oct-2026", "2026-10-05"],
    ["5 October 26", "2026-10-05"],
    ["5 Sept 2026", "2026-09-05"],
    ["03/04/29", "2029-04-03"],
    ["03/04/30", "1930-04-03"],
  ])("reads %p as %p", (text, iso) => {
    const r = readDate(text);
    expect(r.ok && serialToIso(r.value)).toBe(iso);
  });

  it("reads month first only when asked", () => {
    const r = readDate("10/05/2026", "mdy");
    expect(r.ok && serialToIso(r.value)).toBe("2026-10-05");
  });

  it.each([
    ["31/02/2026", /not a real calendar date/],
    ["2026-02-29", /not a real calendar date/],
    ["2026-10-05 or 2026-11-05", /something after the date/],
    ["2026-10-05Tjunk", /something after the date/],
    ["2026-13-01", /not a real calendar date/],
    ["05/10/1899", /before 1900/],
    ["next Tuesday", /not a date/],
    ["5 Smarch 2026", /not a date/],
  ])("refuses %p", (text, why) => {
    const r = readDate(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });

  it("takes serials only from 1 (1900-01-01) to 2,958,465 (9999-12-31), and not Excel's phantom 1900-02-29", () => {
    expect(valueOf(readDate(45292.75))).toBe(45292); // 2024-01-01 at 18:00
    expect(valueOf(readDate(2_958_465))).toBe(2_958_465);
    expect(readDate(2_958_466).ok).toBe(false);
    expect(readDate(1e20).ok).toBe(false);
    expect(readDate(0).ok).toBe(false);
    expect(readDate(-1).ok).toBe(false);
    expect(valueOf(readDate(60))).toMatch(/29 February 1900/);
    // Excel: 1 = 1900-01-01, 59 = 1900-02-28, 61 = 1900-03-01.
    expect(serialToIso(1)).toBe("1900-01-01");
    expect(serialToIso(59)).toBe("1900-02-28");
    expect(serialToIso(61)).toBe("1900-03-01");
    expect(valueOf(readDate("1900-01-01"))).toBe(1);
    expect(valueOf(readDate("1900-03-01"))).toBe(61);
    expect(serialToIso(2_958_465)).toBe("9999-12-31");
    expect(serialToIso(2_958_466 + 1e9)).toBe("after 9999-12-31");
    expect(serialToDate(45292).toISOString().slice(0, 10)).toBe("2024-01-01");
  });
});

describe("yes/no, counts and text", () => {
  it("reads yes/no words and refuses anything else", () => {
    for (const yes of [true, 1, "Yes", "y", "TRUE", "x", " 1 "]) expect(valueOf(readYesNo(yes))).toBe(true);
    for (const no of [false, 0, "No", "n", "false", "0", "", null]) expect(valueOf(readYesNo(no))).toBe(false);
    for (const bad of ["maybe", 2, "yes please", new StubCustomFunctionsError("#N/A")]) expect(readYesNo(bad).ok).toBe(false);
  });

  it("reads whole counts within bounds", () => {
    expect(valueOf(readCount("3", 20))).toBe(3);
    expect(valueOf(readCount("3.0", 20))).toBe(3);
    expect(valueOf(readCount(4, 20))).toBe(4);
    for (const bad of [2.5, -1, "1e3", "three", 21, Infinity, "#REF!"]) expect(readCount(bad, 20).ok).toBe(false);
  });

  it("trims text, normalises line breaks and refuses error cells", () => {
    expect(valueOf(readText("  a\r\nb\rc  "))).toBe("a\nb\nc");
    expect(valueOf(readText(10234))).toBe("10234");
    expect(readText(1e21).ok).toBe(false);
    expect(readText("#N/A").ok).toBe(false);
    expect(readText(new StubCustomFunctionsError("#REF!")).ok).toBe(false);
    expect(excelErrorOf({ code: "#DIV/0!", message: "" })).toBe("#DIV/0!");
    expect(excelErrorOf("N/A")).toBeNull();
  });
});

describe("header keys", () => {
  it("ignore case, spaces and punctuation, so a Northgate HB/UC column matches", () => {
    expect(headerKey("HB/UC")).toBe(headerKey("hb uc"));
    expect(headerKey("Weekly_Rent")).toBe(headerKey("weekly rent"));
    expect(headerKey("WeeklyRent")).toBe(headerKey("weekly rent"));
    expect(normaliseName("HB/UC")).toBe("hb uc");
    expect(headerKey("Balance (£)")).toBe("balance");
  });
});

describe("history axes", () => {
  const where = (i: number) => `cell ${i + 1}`;
  it("reads week numbers as periods, dates as dates, labels in column order", () => {
    expect(valueOf(readPeriodAxis([1, 2, 3], { where }))).toEqual({ axis: "periods", values: [1, 2, 3] });
    expect(valueOf(readPeriodAxis(["1", "2"], { where }))).toEqual({ axis: "periods", values: [1, 2] });
    expect(valueOf(readPeriodAxis([45292, "2024-01-08"], { where }))).toEqual({ axis: "dates", values: [45292, 45299] });
    expect(valueOf(readPeriodAxis(["Wk a", "Wk b"], { where, labels: true }))).toEqual({ axis: "periods", values: [1, 2] });
  });
  it("refuses ambiguous numbers, mixtures, repeats and labels where none are allowed", () => {
    expect(valueOf(readPeriodAxis([5000, 5007], { where }))).toMatch(/cell 1 5000 is neither a period number/);
    expect(valueOf(readPeriodAxis([1, 45292], { where }))).toMatch(/cell 2 is a date but cell 1 is a period number/);
    expect(valueOf(readPeriodAxis([1, 1], { where }))).toMatch(/cell 2 repeats cell 1/);
    expect(valueOf(readPeriodAxis(["Wk a"], { where }))).toMatch(/is not a date or a period number/);
    expect(valueOf(readPeriodAxis(["31/02/2026"], { where, labels: true }))).toMatch(/not a real calendar date/);
  });
});
