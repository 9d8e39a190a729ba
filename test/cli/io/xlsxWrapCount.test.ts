import fc from "fast-check";
import { CELL_PADDING, groupedNumber, textWidth, wrappedLines } from "../../../cli/io/xlsx/layout";

// wrappedLines and groupedNumber count and group in place (no split, no regular expression
// per figure): the escalation sheet measures and wraps thousands of rows. Each is held to
// the way it was written before, by splitting, on generated and arbitrary inputs.

/** The wrapping as it was: paragraphs at \r?\n, words at " ", each measured by textWidth. */
function wrappedBySplitting(text: string, width: number, style: { bold?: boolean; title?: boolean } = {}): number {
  const room = Math.max(1, width - CELL_PADDING);
  let lines = 0;
  for (const paragraph of text.split(/\r?\n/)) {
    let line = 0;
    lines++;
    for (const word of paragraph.split(" ")) {
      const w = textWidth(word, style);
      const space = line === 0 ? 0 : textWidth(" ", style);
      if (line > 0 && line + space + w > room) {
        lines++;
        line = 0;
      }
      if (w > room) {
        lines += Math.ceil(w / room) - 1;
        line = w % room;
      } else line += (line === 0 ? 0 : space) + w;
    }
  }
  return lines;
}

/** The grouping as it was: split at ".", commas by a regular expression. */
function groupedBySplitting(value: number, decimals: number): string {
  const [whole, frac] = Math.abs(value).toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${value < 0 && Number(Math.abs(value).toFixed(decimals)) !== 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

describe("wrappedLines counts as splitting did", () => {
  const styles = [{}, { bold: true }, { title: true }];
  const piece = fc.constantFrom(" ", "  ", "\n", "\r\n", "\r", "\r\r\n", "\n\n", "\t", "a", "word", "Pre-notice", "review,", "£5,571.91", "😀", "\ud83d", "\ude00", "x".repeat(40), "é");
  const width = fc.oneof(fc.constantFrom(0, 1, 1.5, 2, 9, 10, 14, 22, 70, 100, 120), fc.double({ min: -5, max: 200, noNaN: true }));

  it("on generated text, widths and styles", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }).map((p) => p.join("")), width, fc.constantFrom(...styles), (text, w, style) => {
        expect(wrappedLines(text, w, style)).toBe(wrappedBySplitting(text, w, style));
      }),
      { numRuns: 5000 },
    );
  });

  it("on text with no LF and no surrogate (read from space to space), widths and styles", () => {
    const plain = fc.constantFrom(" ", "  ", "\t", "\r", "a", "word", "Pre-notice", "review,", "£5,571.91", "x".repeat(40), "é", "\u00a0");
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 60 }).map((p) => p.join("")), width, fc.constantFrom(...styles), (text, w, style) => {
        expect(wrappedLines(text, w, style)).toBe(wrappedBySplitting(text, w, style));
      }),
      { numRuns: 5000 },
    );
  });

  it("on any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 200 }), width, (text, w) => expect(wrappedLines(text, w)).toBe(wrappedBySplitting(text, w))), { numRuns: 5000 });
  });

  it.each([
    ["", 10, 1],
    ["one two three", 100, 1],
    ["a\r\nb\nc\rd", 100, 3],
  ])("%j at %d takes %d lines", (text, w, n) => expect(wrappedLines(text, w)).toBe(n));
});

describe("groupedNumber groups as the regular expression did", () => {
  it("on money, counts and extremes", () => {
    const value = fc.oneof(
      fc.integer({ min: -1e9, max: 1e9 }).map((p) => p / 100),
      fc.double({ noNaN: false }),
      fc.constantFrom(0, -0, 0.004, -0.004, -0.005, 999.995, -999.995, 1e21, -1e21, 1e300, Infinity, -Infinity, NaN, 123456789012, 1000, 100, 999999.999),
    );
    fc.assert(fc.property(value, fc.constantFrom(0, 1, 2, 3), (v, d) => expect(groupedNumber(v, d)).toBe(groupedBySplitting(v, d))), { numRuns: 20000 });
  });

  it.each([
    [1234567.8, 2, "1,234,567.80"],
    [-1000, 0, "-1,000"],
    [-0.001, 2, "0.00"],
    [123, 0, "123"],
  ])("%d to %d places is %s", (v, d, text) => expect(groupedNumber(v, d)).toBe(text));
});
