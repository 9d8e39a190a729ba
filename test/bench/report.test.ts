import { plan, selectCases, type CaseOutcome, type CaseResult } from "../../scripts/bench/cases";
import { nativeWorkbookSheets } from "../../scripts/bench/libreofficeCase";
import type { NativeLayout } from "../../scripts/bench/nativeSheet";
import { targetRows } from "../../scripts/bench/report";
import { readEveryCell, type KpiCellsResult } from "../../scripts/bench/kpiCells";

/** The bench's reading of its targets: ratios of one run's figures, met or not, and a failed case named. */

const result = (id: string, medianMs: number, extra: Partial<CaseResult> = {}): CaseResult => ({
  id,
  scale: id === "core-million" ? "million" : "team",
  accounts: id === "core-million" ? 1_000_000 : 17_000,
  medianMs,
  runsMs: [medianMs],
  peakRssMb: 500,
  dataRssMb: 100,
  ...extra,
});

const rowFor = (rows: ReturnType<typeof targetRows>, figure: RegExp) => {
  const row = rows.find((r) => figure.test(r.figure));
  if (!row) throw new Error(`no target row matching ${figure}`);
  return row;
};

describe("bench targets", () => {
  it("reads LibreOffice against the full case as a ratio: 250 ms ÷ 10 ms is 25×, met; 249 ms is not", () => {
    const met = targetRows([result("libreoffice", 250, { pairedCoreMs: 10 })], []);
    expect(rowFor(met, /LibreOffice/).measured).toMatch(/^25×/);
    expect(rowFor(met, /LibreOffice/).met).toBe("yes");
    expect(rowFor(targetRows([result("libreoffice", 249, { pairedCoreMs: 10 })], []), /LibreOffice/).met).toBe("NO");
  });

  it("compares cost per account with the team-scale side the million case timed itself: 17 ms for 17,000 is 1 µs each, so 1,300 ms for a million is 1.3×, met", () => {
    const rows = targetRows([result("core-million", 1300, { peakRssMb: 1900, dataRssMb: 1000, pairedTeamMs: 17 })], []);
    expect(rowFor(rows, /Cost per account/).measured).toMatch(/^1\.30×/);
    expect(rowFor(rows, /Cost per account/).met).toBe("yes");
    // 1,900 MB peak with 1,000 MB of export: the core added 900 MB, under 1 GB.
    expect(rowFor(rows, /Peak memory/).measured).toMatch(/^900 MB/);
    expect(rowFor(rows, /Peak memory/).met).toBe("yes");
    expect(rowFor(targetRows([result("core-million", 1400, { pairedTeamMs: 17 })], []), /Cost per account/).met).toBe("NO");
  });

  it("takes the floor ratio from the floor case's own alternating rounds", () => {
    // Core 9 ms against a 4 ms floor in the same rounds: 2.25×, over the 2× target.
    const rows = targetRows([result("floor", 4, { pairedCoreMs: 9 })], []);
    expect(rowFor(rows, /floor/).measured).toMatch(/^2\.25×/);
    expect(rowFor(rows, /floor/).met).toBe("NO");
  });

  it("reads the spilled TREND's overhead on the columnar fit it timed in the same rounds: 110 ms against 100 ms is +10%, met", () => {
    const met = targetRows([result("trend-spilled", 110, { pairedCoreMs: 100 })], []);
    expect(rowFor(met, /spilled/).measured).toMatch(/^\+10\.0% /);
    expect(rowFor(met, /spilled/).met).toBe("yes");
    expect(rowFor(targetRows([result("trend-spilled", 111, { pairedCoreMs: 100 })], []), /spilled/).met).toBe("NO");
    // With a bare spill from the same rounds, its share and the adapter's own over it are both given.
    const withBare = rowFor(targetRows([result("trend-spilled", 138, { pairedCoreMs: 100, pairedBareMs: 134 })], []), /spilled/).measured;
    expect(withBare).toMatch(/bare spill.* \+34\.0% in the same rounds, so the adapter adds \+3\.0% over it/);
    // The columnar case's own process is not the pair: without the paired figure the row is not met.
    expect(rowFor(targetRows([result("trend-spilled", 50), result("trend-columns", 100)], []), /spilled/).met).toBe("NO");
  });

  it("gives the KPI-cells row for each scale measured, met by its own ratio, with the reading floor beside it", () => {
    const kpi = (source: "sample" | "team", accounts: number, kpiCellsMs: number, monthlyReturnMs: number): KpiCellsResult => ({
      source,
      accounts,
      monthlyReturnMs,
      kpiCellsMs,
      uncachedKpiCellsMs: null,
      ratio: kpiCellsMs / monthlyReturnMs,
      uncachedRatio: null,
      readCellsMs: 0.03,
      readFloorRatio: 1.33,
      cpu: { monthlyReturnMs, kpiCellsMs, ratio: kpiCellsMs / monthlyReturnMs },
    });
    const rows = targetRows([], [kpi("sample", 400, 3.4, 1.7), kpi("team", 17_000, 120, 44)]);
    const sample = rowFor(rows, /400-account sample export/);
    const team = rowFor(rows, /17,000-account team-scale/);
    expect(sample.met).toBe("yes");
    expect(sample.measured).toMatch(/^2\.00× .*1\.33×/);
    expect(team.met).toBe("NO");
    expect(rows.filter((r) => /KPI cells/.test(r.figure))).toHaveLength(2);
  });

  it("reads every cell of every table for the KPI floor, counting the text ones", () => {
    expect(readEveryCell([[["a", 1, ""]], [[2, "b"], ["c", null]]])).toBe(4);
    expect(readEveryCell([])).toBe(0);
  });

  it("says why a figure is missing: a failed case's reason, or that it did not run", () => {
    const failed: CaseOutcome = { id: "libreoffice", scale: "team", failed: "soffice is not installed (LibreOffice Calc)" };
    const rows = targetRows([result("core", 10), failed], []);
    expect(rowFor(rows, /LibreOffice/).met).toBe("not measured: soffice is not installed (LibreOffice Calc)");
    expect(rowFor(rows, /from CSV/).met).toBe("not measured: cli-csv not run");
    expect(rowFor(rows, /KPI cells/).met).toMatch(/^not measured/);
  });

  it("runs only the cases --only names, and refuses a name it does not know", () => {
    expect(selectCases(plan(false), ["libreoffice"]).map((s) => s.id)).toEqual(["libreoffice"]);
    expect(selectCases(plan(false), ["kpi-cells"], ["kpi-cells"])).toEqual([]);
    expect(() => selectCases(plan(false), ["libre"])).toThrow(/unknown case libre/);
    expect(plan(true).some((s) => s.scale === "million")).toBe(false);
  });
});

describe("native workbook for LibreOffice", () => {
  it("writes text starting with = as a formula with no cached value, and values as they are", () => {
    const layout = { sheets: { Params: [[1, "=A1*2", "text", true, null]] } } as unknown as NativeLayout;
    const [sheet] = nativeWorkbookSheets(layout);
    expect(sheet.name).toBe("Params");
    expect(sheet.rows[0]).toEqual([1, { value: null, formula: "A1*2" }, "text", true, null]);
  });
});
