import * as fs from "node:fs";
import * as path from "node:path";
import { estimateHousingBenefit, estimateUniversalCredit, NOT_ESTIMATED, notEstimatedNote } from "../../../core/benefits";
import { TODAY } from "./cases";

// Every rule the breakdowns say is not estimated is in the README's "Not estimated" list.
const squash = (s: string) => s.replace(/\s+/g, " ");
const readme = squash(fs.readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8"));
const household = { adults: [{ age: 30 }], rent: { amount: 90, period: "week" }, bedrooms: 1, taxYear: "2025-26" };

describe("not estimated", () => {
  const items = [...NOT_ESTIMATED.common, ...NOT_ESTIMATED.uc, ...NOT_ESTIMATED.hb];

  it.each(items)("the README names %s", (item) => {
    const start = readme.indexOf("**Not estimated**");
    expect(start).toBeGreaterThan(0);
    const section = readme.slice(start, readme.indexOf("### The household form", start));
    expect(section).toContain(item);
  });

  it("each breakdown ends with the note built from the list, naming every item for its benefit", () => {
    const uc = estimateUniversalCredit(household, { today: TODAY });
    const hb = estimateHousingBenefit(household, { today: TODAY });
    expect(uc.notes).toContain(notEstimatedNote("uc"));
    expect(hb.notes).toContain(notEstimatedNote("hb"));
    for (const item of [...NOT_ESTIMATED.common, ...NOT_ESTIMATED.uc]) expect(notEstimatedNote("uc")).toContain(item);
    for (const item of [...NOT_ESTIMATED.common, ...NOT_ESTIMATED.hb]) expect(notEstimatedNote("hb")).toContain(item);
  });
});
