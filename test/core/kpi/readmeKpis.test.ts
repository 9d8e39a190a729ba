import * as fs from "node:fs";
import * as path from "node:path";
import { KPI_DEFINITIONS } from "../../../core/kpi/definitions";

// The README's KPI list is what a team leader reads to pick an id for ARREARS.KPI: it must
// name every KPI the return computes, and no id the return does not have.
describe("README KPI list", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, "../../../README.md"), "utf8");
  const table = readme.slice(readme.indexOf("The return's figures, by id"), readme.indexOf("Options (a two-column range in Excel"));
  const listed = new Set([...table.matchAll(/`([a-z_0-9N]+)`/g)].map((m) => m[1]));

  it("lists every KPI id the return computes", () => {
    expect(table.length).toBeGreaterThan(100);
    for (const d of KPI_DEFINITIONS) expect([d.id, listed.has(d.id)]).toEqual([d.id, true]);
  });

  it("lists no id the return does not compute", () => {
    const known = new Set<string>([...KPI_DEFINITIONS.map((d) => d.id), "arrears_band_N_count", "arrears_band_N_amount"]);
    expect([...listed].filter((id) => !known.has(id))).toEqual([]);
  });
});
