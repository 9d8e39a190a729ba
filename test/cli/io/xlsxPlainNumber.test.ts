import fc from "fast-check";
import { plainNumber } from "../../../cli/io/xlsx/read";

/**
 * plainNumber is the xlsx reader's short cut for a number cell's <v> text: it must give
 * exactly Number(text) (the long way) whenever it gives anything, and decline the rest.
 */

const agrees = (text: string) => {
  const wrapped = `<v>${text}</v>`;
  const n = plainNumber(wrapped, 3, 3 + text.length);
  if (n !== undefined) expect(Object.is(n, Number(text))).toBe(true);
  return n;
};

describe("plainNumber reads a number cell's text as Number does", () => {
  it("on generated decimals of every length", () => {
    fc.assert(fc.property(fc.stringMatching(/^-?\d{0,18}(\.\d{0,9})?$/), (t) => void agrees(t)), { numRuns: 30_000 });
  });

  it("on numbers as Excel writes them", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (d) => void agrees(String(d))), { numRuns: 30_000 });
  });

  it.each([
    // 0.1 + 0.2 style sums written to 17 significant digits are left to Number (more than 15 digits).
    ["0.30000000000000004", undefined],
    ["12.5", 12.5],
    ["-0", -0],
    ["007", 7],
    ["95.50", 95.5],
    ["123456789012345", 123456789012345],
  ])("%s", (text, value) => {
    expect(Object.is(agrees(text), value)).toBe(true);
  });

  it.each(["", "-", "5.", ".5", "1e3", "1.2.3", "+5", " 5", "0x10", "1234567890123456"])("declines %j", (text) => {
    expect(agrees(text)).toBeUndefined();
  });
});
