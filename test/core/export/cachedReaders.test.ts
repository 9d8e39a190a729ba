import fc from "fast-check";
import { cachedFlags } from "../../../core/export/readTables";
import { readYesNo } from "../../../core/values/yesNo";

// readAccounts reads each flag cell through cachedFlags, which remembers the reading of each
// distinct text: every reading must be readYesNo's own, whatever came before it.

describe("cached flag readings", () => {
  it("read every cell as readYesNo does, repeats, refusals and non-text cells included", () => {
    const cell = fc.oneof(
      fc.constantFrom("yes", "no", "", " ", "Y", "n", "TRUE", "false", "1", "0", "x", " Yes ", "maybe", "#N/A", "2", "yes\r", null, true, false, 0, 1, 2),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 60 }), (cells) => {
        const flagOf = cachedFlags();
        for (const v of cells) expect(flagOf(v)).toEqual(readYesNo(v));
      }),
      { numRuns: 2000 },
    );
  });
});
