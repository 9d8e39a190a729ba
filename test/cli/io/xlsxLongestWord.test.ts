import fc from "fast-check";
import { longestWordWidth, textWidth } from "../../../cli/io/xlsx/layout";

/** longestWordWidth counts in place what the column fitting measured by splitting: the widest of text.split(/\s+/). */
const bySplitting = (text: string, style: { bold?: boolean; title?: boolean }) => Math.max(...text.split(/\s+/).map((w) => textWidth(w, style)));

describe("longestWordWidth", () => {
  const styles = [{}, { bold: true }, { title: true }];
  const piece = fc.constantFrom(" ", "  ", "\t", "\n", "\r\n", "\u00a0", "\u2003", "\u3000", "\ufeff", "\u200b", "\u0085", "a", "word", "£5,571.91", "😀", "\ud83d", "\ude00", "é", "-");

  it("agrees with splitting at \\s+ on generated text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join("")), fc.constantFrom(...styles), (text, style) => {
        expect(longestWordWidth(text, style)).toBe(bySplitting(text, style));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees on text whose only white space is the space, with no surrogate (read from space to space)", () => {
    const plain = fc.constantFrom(" ", "  ", "a", "word", "£5,571.91", "é", "-", "x".repeat(30), "\u200b", "\u0085");
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 40 }).map((p) => p.join("")), fc.constantFrom(...styles), (text, style) => {
        expect(longestWordWidth(text, style)).toBe(bySplitting(text, style));
        expect(textWidth(text, style)).toBe([...text].length * textWidth("x", style));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees on any string", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => expect(longestWordWidth(text)).toBe(bySplitting(text, {}))), { numRuns: 5000 });
  });

  it.each([
    ["", 0],
    ["due: owes £3,597.46", 9],
    ["a\u00a0bb\u2028ccc", 3],
  ])("%j has a longest word of %d characters", (text, n) => expect(longestWordWidth(text)).toBe(textWidth("x".repeat(n))));
});
