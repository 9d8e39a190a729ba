import fc from "fast-check";
import { AsciiTexts } from "../../../cli/io/xlsx/asciiTexts";

// The xlsx reader makes each distinct short text of an ASCII sheet once (cli/io/xlsx/asciiTexts.ts):
// whatever the table holds, a text read must be exactly the bytes' own text, as
// Buffer.toString("latin1") makes it. Tiny tables make texts share slots, so a slot holding
// another text of the same length (or a longer or shorter one) is met often.

const ascii = fc.string({ unit: fc.constantFrom("a", "b", "A", "1", " ", "_", "x", "~"), maxLength: 40 });
const texts = fc.array(fc.oneof(ascii, fc.constantFrom("current", "former", "rent", "payment", "no", "yes", "RA100001", "RA100002", "")), { maxLength: 200 });

function readAll(table: AsciiTexts, list: string[]): string[] {
  // The texts one after another in one buffer, read back by their bounds, as the reader does.
  const buf = Buffer.from(list.join(""), "latin1");
  const out: string[] = [];
  let at = 0;
  for (const t of list) {
    out.push(table.text(buf, at, at + t.length));
    at += t.length;
  }
  return out;
}

describe("short texts made once per distinct text", () => {
  it("read every text as its bytes, whatever the table holds", () => {
    fc.assert(
      fc.property(texts, fc.constantFrom(1, 2, 8, 4096), (list, slots) => {
        expect(readAll(new AsciiTexts(slots), list)).toEqual(list);
      }),
      { numRuns: 2000 },
    );
  });

  it("does not take a text of the same length in the same slot for the one asked for", () => {
    const table = new AsciiTexts(1);
    const [a, again, b, aAfterB] = readAll(table, ["RA100001", "RA100001", "RA100002", "RA100001"]);
    expect([a, again, b, aAfterB]).toEqual(["RA100001", "RA100001", "RA100002", "RA100001"]);
  });
});
