import fc from "fast-check";
import { columnLetter } from "../../../core/export/columnLetter";

/** The column number a letter name stands for (A = 1): the reading Excel makes of a reference, as the oracle. */
const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + (ch.charCodeAt(0) - 64), 0);

describe("columnLetter", () => {
  it("names the edges of each width as Excel does", () => {
    expect([0, 25, 26, 51, 52, 701, 702, 16383].map(columnLetter)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
  });

  it("gives letters only, which read back as the same column, for every column a sheet can have (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16383 }), (i) => {
        const name = columnLetter(i);
        expect(name).toMatch(/^[A-Z]{1,3}$/);
        expect(columnNumber(name)).toBe(i + 1);
      }),
    );
  });
});
