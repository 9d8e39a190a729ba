import { strToU8, unzipSync, zipSync } from "fflate";
import { readXlsx, writeXlsx, type OutSheet } from "../../../cli/io/xlsx";
import { readSheetPart } from "../../../cli/io/xlsx/read";

// The zip layer hands an entry's compressed bytes to zlib where they lie in the file when
// fflate passes them as views of the file, one after another, and copies them otherwise
// (a local header split across two pushes makes fflate join them in a buffer of its own).
// Whichever way, the sheet must read as its own XML does: here the sheet's entry is moved
// across the reader's 16 KB pushes by a padding entry of every size in a range.

const sheet: OutSheet = {
  name: "Data",
  rows: [["Account", "Balance"], ...Array.from({ length: 3000 }, (_, i) => [`A${i}`, (i * 7919) % 100_000 / 100])],
};
const written = unzipSync(writeXlsx([sheet]));
const expected = readSheetPart(written["xl/worksheets/sheet1.xml"], "text").rows;

describe("an entry's compressed bytes, read in place or copied", () => {
  it("read the same sheet wherever the entry starts", () => {
    for (let pad = 16_300; pad < 16_420; pad += 3) {
      // Stored (level 0) padding, so its size in the file is its length: the sheet's header lands at every offset around 16 KB.
      const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = { "pad.bin": [strToU8("x".repeat(pad)), { level: 0 }] };
      for (const [name, data] of Object.entries(written)) files[name] = [data, { level: 6 }];
      const book = readXlsx(zipSync(files));
      expect(book.sheets[0].rows).toEqual(expected);
    }
  });
});
