import fc from "fast-check";
import { plainAmount, readAmount } from "../../../core/values/amount";
import { plainDate, plainSerial, readDate } from "../../../core/values/date";
import { plainText, readText } from "../../../core/values/text";
import { VALUE_CASES, type CaseInput } from "../../corpus/valuesCorpus";

/**
 * The allocation-free fast paths (plainAmount, plainSerial, plainText) are only the
 * common case of their reader, taken first: for any cell each either declines
 * (undefined) or gives exactly the value the full reader accepts. A fast path that
 * read one cell differently would be a silently wrong figure, so this is checked over
 * the whole messy-value corpus and over generated cells.
 */

const asCell = (input: CaseInput): unknown => (input !== null && typeof input === "object" ? { code: input.excelError } : input);

/** Every cell the corpus holds, of every kind: each fast path must hold on all of them, not only its own kind. */
const CORPUS_CELLS: unknown[] = VALUE_CASES.map((c) => asCell(c.input));

function agreesWithReader<T>(plain: T | undefined, reading: { ok: true; value: T } | { ok: false; reason: string }): boolean {
  if (plain === undefined) return true;
  return reading.ok && Object.is(reading.value, plain);
}

/** Cells as exports and Excel hold them: numbers of every size and precision, decimal-looking and other text, blanks, booleans. */
const cell = fc.oneof(
  fc.double({ noNaN: false }),
  fc.integer({ min: -20_000_000, max: 3_000_000 }),
  fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((p) => p / 100),
  fc.stringMatching(/^-?\d{0,10}(\.\d{0,4})?$/),
  fc.stringMatching(/^\s?[-+£(]?\d{1,9}[.,]?\d{0,3}\)?\s?$/),
  fc.string(),
  fc.constantFrom(null, undefined, "", "  ", true, false, "#N/A", "12\r", "a#b", "-0", "0.00", "1e3", "00012.50"),
);

describe("plain-cell fast paths agree with their readers", () => {
  it("plainAmount is readAmount's value or declines, on the corpus and generated cells, under both separators", () => {
    const commaProfile = { decimalSeparator: "," as const };
    for (const c of CORPUS_CELLS) {
      expect(agreesWithReader(plainAmount(c), readAmount(c))).toBe(true);
      expect(agreesWithReader(plainAmount(c, commaProfile), readAmount(c, commaProfile))).toBe(true);
    }
    fc.assert(
      fc.property(cell, (c) => agreesWithReader(plainAmount(c), readAmount(c)) && agreesWithReader(plainAmount(c, commaProfile), readAmount(c, commaProfile))),
      { numRuns: 5000 },
    );
  });

  it("plainAmount takes the common cells itself (so the fast path is really used)", () => {
    // Worked by hand: a number cell is rounded to the penny; "95.50" is 95.5; "-12" is -12.
    expect(plainAmount(95.5)).toBe(95.5);
    expect(plainAmount(12.499999999999998)).toBe(12.5);
    expect(plainAmount("95.50")).toBe(95.5);
    expect(plainAmount("-12")).toBe(-12);
    // Declined, left to the full grammar: a decimal comma, a £ sign, three places, past the £10M cap, a decimal-comma profile.
    expect(plainAmount("12,50")).toBeUndefined();
    expect(plainAmount("£5")).toBeUndefined();
    expect(plainAmount("1.234")).toBeUndefined();
    expect(plainAmount(10_000_000.01)).toBeUndefined();
    expect(plainAmount("95.50", { decimalSeparator: "," })).toBeUndefined();
  });

  it("plainSerial is readDate's value or declines", () => {
    for (const c of CORPUS_CELLS) expect(agreesWithReader(plainSerial(c), readDate(c))).toBe(true);
    fc.assert(fc.property(fc.oneof(cell, fc.double({ min: -10, max: 3_000_000 })), (c) => agreesWithReader(plainSerial(c), readDate(c))), { numRuns: 5000 });
    // 46296 is 2026-10-01; 60 is Excel's phantom 29 February 1900, which the reader refuses.
    expect(plainSerial(46296.75)).toBe(46296);
    expect(plainSerial(60)).toBeUndefined();
  });

  it("plainDate is readDate's value or declines, and takes ISO dates from 1901 on and serials", () => {
    for (const c of CORPUS_CELLS) expect(agreesWithReader(plainDate(c), readDate(c))).toBe(true);
    const pad = (n: number, w: number) => String(n).padStart(w, "0");
    // Years from 1890 to 2110 (and the century and leap years that test the rule) crossed with months 0..13 and days 0..32: leap days, impossible days, 1900's phantom leap day.
    const year = fc.oneof(fc.integer({ min: 1890, max: 2110 }), fc.constantFrom(1900, 1901, 2000, 2023, 2024, 2100, 9999));
    const isoish = fc.tuple(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(fc.property(fc.oneof(cell, isoish, fc.double({ min: -10, max: 3_000_000 })), (c) => agreesWithReader(plainDate(c), readDate(c))), { numRuns: 20000 });
    // Worked by hand: 2026-10-01 is serial 46296 (see plainSerial above); 2024-02-29 is 46296 - 945 days (2024-03-01 to 2026-10-01 is 944 days) = 45351.
    expect(plainDate("2026-10-01")).toBe(46296);
    expect(plainDate("2024-02-29")).toBe(45351);
    expect(plainDate(46296.75)).toBe(46296);
    // Declined, for readDate to judge: an impossible day, a year before 1901, a date with a time, and text around it.
    expect(plainDate("2023-02-29")).toBeUndefined();
    expect(plainDate("2100-02-29")).toBeUndefined(); // not a leap year (a century not divisible by 400)
    expect(plainDate("2000-02-29")).toBe(36585); // a leap year: 2000-01-01 is serial 36526, + 31 + 28
    expect(plainDate("1900-03-01")).toBeUndefined();
    expect(plainDate("2026-10-01T09:30")).toBeUndefined();
    expect(plainDate(" 2026-10-01")).toBeUndefined();
  });

  it("plainText is readText's value or declines", () => {
    for (const c of CORPUS_CELLS) expect(agreesWithReader(plainText(c), readText(c))).toBe(true);
    fc.assert(fc.property(cell, (c) => agreesWithReader(plainText(c), readText(c))), { numRuns: 5000 });
    expect(plainText("  Aisha Khan ")).toBe("Aisha Khan");
    // An error literal and a CR are the full reader's to judge.
    expect(plainText("#N/A")).toBeUndefined();
    expect(plainText("a\r\nb")).toBeUndefined();
  });
});
