import fc from "fast-check";
import { escapeCellText, escapeXml, unescapeXml } from "../../../cli/io/xlsx/xml";

/**
 * The writer's escaping passes most characters with one test and sorts the rest one by
 * one. Held here to the rules as its doc states them, written out plainly with regular
 * expressions (a different way of saying the same rules), over text made of exactly the
 * characters each rule is about, mixed with plain ones.
 */

/**
 * The rules, one replacement per character class, applied left to right. An underscore is
 * escaped before "xHHHH" when what follows is "_" or a character whose own escape starts with "_".
 */
function plainEscape(text: string, cell: boolean): string {
  const hex = (c: number) => `_x${c.toString(16).toUpperCase().padStart(4, "0")}_`;
  // Lone surrogates first, by a regular expression over code units: a high not followed by a low, a low not preceded by a high.
  const parts = text.split(/([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return "\uFFFD";
      // eslint-disable-next-line no-control-regex -- control characters are what the rule escapes
      return part.replace(/[&<>"\u0000-\u001f\ufffe\uffff]|_(?=[xX][0-9A-Fa-f]{4}(?:_|[\u0000-\u0008\u000b-\u001f\ufffe\uffff]))/g, (ch) => {
        const c = ch.charCodeAt(0);
        if (ch === "&") return "&amp;";
        if (ch === "<") return "&lt;";
        if (ch === ">") return "&gt;";
        if (ch === '"') return "&quot;";
        if (ch === "_") return cell ? "_x005F_" : "_";
        if (c === 0xfffe || c === 0xffff) return cell ? hex(c) : "\uFFFD";
        if (c === 9 || c === 10 || (c === 13 && !cell)) return ch;
        return hex(c);
      });
    })
    .join("");
}

const pieces = fc.constantFrom(
  "a", "Z", " ", "£", "é", "?", "@", "^", "`", "~", "_", "_x0041_", "_X00aF_", "_x004", "x", "&", "<", ">", '"', "'", "\t", "\n", "\r", "\u0000", "\u0001", "\u001f",
  "\ud83d\ude00", "\ud83d", "\ude00", "\ufffe", "\uffff", "\ufffd", "\ue000", "\ud7ff", "1", "=", "arrears rising by £4.20 a week",
);
const text = fc.oneof(fc.array(pieces, { maxLength: 30 }).map((p) => p.join("")), fc.string({ unit: "binary", maxLength: 40 }));

describe("XML escaping for the workbook writer", () => {
  it("escapes cell text and markup text by the stated rules", () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeCellText(t)).toBe(plainEscape(t, true));
        expect(escapeXml(t)).toBe(plainEscape(t, false));
      }),
      { numRuns: 5000 },
    );
  });

  it("escapes text with one character to escape among many that need nothing, by the stated rules", () => {
    const plain = fc.constantFrom("a", "Z", " ", "£", "é", "?", "@", "^", "`", "~", "x", "'", "\t", "\n", "\ufffd", "\ue000", "\ud7ff", "1", "=", "arrears rising by £4.20 a week");
    const one = fc.constantFrom("", "_", "_x0041_", "&", "<", ">", '"', "\r", "\u0000", "\u001f", "\ud83d\ude00", "\ud83d", "\ude00", "\ufffe", "\uffff");
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 40 }), one, fc.nat(), (parts, odd, at) => {
        const t = [...parts.slice(0, at % (parts.length + 1)), odd, ...parts.slice(at % (parts.length + 1))].join("");
        expect(escapeCellText(t)).toBe(plainEscape(t, true));
        expect(escapeXml(t)).toBe(plainEscape(t, false));
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps plain text as it is and reads escaped cell text back as written", () => {
    expect(escapeCellText("Notice seeking possession served 01/10/2026")).toBe("Notice seeking possession served 01/10/2026");
    expect(escapeCellText('A & B <"x"> _x0041_')).toBe("A &amp; B &lt;&quot;x&quot;&gt; _x005F_x0041_");
    expect(escapeXml("a\rb")).toBe("a\rb");
    expect(escapeCellText("a\rb")).toBe("a_x000D_b");
    // A "_xHHHH" whose closing "_" only appears once the next character is escaped (found by the property below):
    // without its own underscore escaped, "_x004a_x0001_" reads back as "J" then "x0001_".
    expect(escapeCellText("_x004a\u0001")).toBe("_x005F_x004a_x0001_");
    expect(unescapeXml(escapeCellText("_x004a\u0001"))).toBe("_x004a\u0001");
    expect(escapeCellText("_x004a\r")).toBe("_x005F_x004a_x000D_");
    expect(escapeCellText("_x004az")).toBe("_x004az");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 20 }).map((p) => p.join("").replace(/[\ud800-\udfff\ufffe\uffff]/g, "")), (t) => {
        expect(unescapeXml(escapeCellText(t))).toBe(t);
      }),
    );
  });
});
