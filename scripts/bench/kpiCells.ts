/**
 * 20 ARREARS.KPI cells against one ARREARS.MONTHLYRETURN over the same tables (issue 16's
 * target: at most 2×). The tables are the 400-account sample export as Excel passes them:
 * 2-D arrays with the header row, dates as serials, and a fresh copy for every call (Excel
 * never passes the same array twice), each made just before its own call, as Excel hands a
 * function its arguments, and before the clock starts. (Made all 20 up front, the first
 * cell's copy was the oldest of 8 MB of copies, out of cache, while the RETURN it is read
 * against had its copy made just before: the two were not timed alike.) Prints medians and
 * the ratio; also the ratio with the cache emptied before every KPI call, which is what
 * each KPI cell cost before the cache, and the least any exact cache could cost: the one
 * computation and, for every other cell, one reading of each fresh cell (readEveryCell, nothing
 * compared), which a cache that never answers one input with another's figure cannot skip.
 *
 * Run: npx tsx scripts/bench/kpiCells.ts [rounds] [--team]  (--team: the bench's 17,000-account export, the size a team leader's sheet holds)
 */
import { makeCustomFunctionsStub } from "../../test/support/customFunctionsStub";
import { excelCell, sampleTable } from "../../test/support/excelSampleTables";
import { kpi, monthlyReturnTable, returnCache } from "../../addin/functions/monthlyReturn";
import { KPI_DEFINITIONS } from "../../core/kpi/definitions";
import { teamExportTables } from "../../samples/generator/teamExport";
import { benchData } from "./data";
import { median } from "./timing";

type Cell = string | number | null;

interface Args {
  accounts: Cell[][];
  transactions: Cell[][];
  voids: Cell[][];
}

export interface KpiCellsResult {
  source: "sample" | "team";
  accounts: number;
  monthlyReturnMs: number;
  kpiCellsMs: number;
  /** Null when not measured (the team-scale run leaves it out: twenty full computations a round). */
  uncachedKpiCellsMs: number | null;
  ratio: number;
  uncachedRatio: number | null;
  /** One reading of every cell of a call's fresh tables, nothing compared (median). */
  readCellsMs: number;
  /** 1 + (cells − 1) × readCellsMs ÷ monthlyReturnMs: the least twenty cells can cost against one RETURN with any exact check. */
  readFloorRatio: number;
  /** The same medians in CPU time (user + system) of this process: what a busy machine's waiting for a core does not inflate. */
  cpu: { monthlyReturnMs: number; kpiCellsMs: number; ratio: number };
}

/**
 * Reads every cell of the tables once, as any exact check of a fresh copy must, and compares
 * nothing: a count of the text cells, so the reading cannot be left out.
 */
export function readEveryCell(tables: readonly (readonly (readonly unknown[])[])[]): number {
  let texts = 0;
  for (const table of tables)
    for (let r = 0; r < table.length; r++) {
      const row = table[r];
      for (let c = 0; c < row.length; c++) if (typeof row[c] === "string") texts++;
    }
  return texts;
}

/** The bench's team-scale export (17,000 accounts) as Excel would pass it: ISO dates as serials. */
function teamTables(): Args {
  const t = teamExportTables(benchData("team").export);
  const excel = (rows: (string | number | boolean | null)[][]): Cell[][] =>
    rows.map((row, i) => row.map((c) => (i > 0 && typeof c === "string" ? excelCell(c) : c === null ? "" : typeof c === "boolean" ? String(c) : c)));
  return { accounts: excel(t.accounts), transactions: excel(t.transactions), voids: excel(t.voids) };
}

export function measureKpiCells(rounds = 15, cells = 20, source: "sample" | "team" = "sample", withUncached = true): KpiCellsResult {
  const g = globalThis as Record<string, unknown>;
  if (!g.CustomFunctions) g.CustomFunctions = makeCustomFunctionsStub().stub;
  const base: Args = source === "team" ? teamTables() : { accounts: sampleTable("accounts.csv"), transactions: sampleTable("transactions.csv"), voids: sampleTable("voids.csv") };
  const start = excelCell("2026-10-01");
  const end = excelCell("2026-10-31");
  const ids = KPI_DEFINITIONS.map((d) => d.id).slice(0, cells);
  while (ids.length < cells) ids.push(KPI_DEFINITIONS[ids.length % KPI_DEFINITIONS.length].id);
  const copy = (): Args => structuredClone(base);

  const cpuMs = (since: NodeJS.CpuUsage): number => {
    const u = process.cpuUsage(since);
    return (u.user + u.system) / 1e3;
  };
  /** Wall and CPU milliseconds of one MONTHLYRETURN call. */
  const oneReturn = (): [number, number] => {
    returnCache.clear();
    const a = copy();
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const out = monthlyReturnTable(a.accounts, a.transactions, start, end, undefined, a.voids);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const cpu = cpuMs(c0);
    if (!Array.isArray(out)) throw new Error(`MONTHLYRETURN failed: ${String((out as Error).message)}`);
    return [ms, cpu];
  };
  /** Wall and CPU milliseconds of the KPI calls, summed over the cells. */
  const kpiCells = (emptyEachCall: boolean): [number, number] => {
    returnCache.clear();
    let ms = 0;
    let cpu = 0;
    ids.forEach((id) => {
      const a = copy();
      if (emptyEachCall) returnCache.clear();
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      const v = kpi(id, a.accounts, a.transactions, start, end, undefined, a.voids);
      ms += Number(process.hrtime.bigint() - t0) / 1e6;
      cpu += cpuMs(c0);
      if (v instanceof Error && !/#N\/A/.test(String((v as { code?: string }).code))) throw new Error(`KPI ${id} failed: ${v.message}`);
    });
    return [ms, cpu];
  };

  /** Milliseconds of one reading of a fresh copy's cells, each copy made just before, as for a call. */
  const readCells = (): number => {
    const a = copy();
    const t0 = process.hrtime.bigint();
    const texts = readEveryCell([a.voids, a.accounts, a.transactions]);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (texts === 0) throw new Error("the tables have no text cells");
    return ms;
  };

  // Warm-up, then interleaved rounds so a noisy neighbour slows them all alike.
  for (let i = 0; i < 3; i++) {
    oneReturn();
    kpiCells(false);
    readCells();
    if (withUncached) kpiCells(true);
  }
  const r: number[] = [];
  const k: number[] = [];
  const u: number[] = [];
  const reads: number[] = [];
  const rCpu: number[] = [];
  const kCpu: number[] = [];
  for (let i = 0; i < rounds; i++) {
    // RETURN is timed just after a computation, as after the cache-emptied cells of the round before: without them, one untimed.
    if (!withUncached) oneReturn();
    const [rm, rc] = oneReturn();
    const [km, kc] = kpiCells(false);
    r.push(rm);
    rCpu.push(rc);
    k.push(km);
    kCpu.push(kc);
    // The readings before the uncached cells, so that RETURN is timed after a computation (timed after the readings
    // instead, RETURN measured about a sixth slower on the sample export: what runs just before moves its time).
    for (let c = 1; c < cells; c++) reads.push(readCells());
    if (withUncached) u.push(kpiCells(true)[0]);
  }
  const monthlyReturnMs = median(r);
  const kpiCellsMs = median(k);
  const uncachedKpiCellsMs = withUncached ? median(u) : null;
  const readCellsMs = median(reads);
  const cpu = { monthlyReturnMs: median(rCpu), kpiCellsMs: median(kCpu), ratio: median(kCpu) / median(rCpu) };
  return {
    source,
    accounts: base.accounts.length - 1,
    monthlyReturnMs,
    kpiCellsMs,
    uncachedKpiCellsMs,
    ratio: kpiCellsMs / monthlyReturnMs,
    uncachedRatio: uncachedKpiCellsMs === null ? null : uncachedKpiCellsMs / monthlyReturnMs,
    readCellsMs,
    readFloorRatio: 1 + ((cells - 1) * readCellsMs) / monthlyReturnMs,
    cpu,
  };
}

if (require.main === module) {
  const team = process.argv.includes("--team");
  const rounds = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 15);
  const m = measureKpiCells(rounds, 20, team ? "team" : "sample");
  const f = (ms: number) => `${ms.toFixed(2)} ms`;
  console.log(`${team ? "Team-scale bench export" : "Sample export"}, ${m.accounts} accounts, median of ${rounds} rounds:`);
  console.log(`  one ARREARS.MONTHLYRETURN              ${f(m.monthlyReturnMs)}`);
  console.log(`  20 ARREARS.KPI cells (cached)          ${f(m.kpiCellsMs)}  ratio ${m.ratio.toFixed(2)}× (target ≤ 2×)`);
  console.log(`  CPU time: one MONTHLYRETURN ${f(m.cpu.monthlyReturnMs)}, 20 KPI cells ${f(m.cpu.kpiCellsMs)}, ratio ${m.cpu.ratio.toFixed(2)}×`);
  console.log(`  reading every fresh cell once           ${f(m.readCellsMs)} a call: the least 20 cells can cost with an exact check, ${m.readFloorRatio.toFixed(2)}×`);
  if (m.uncachedKpiCellsMs !== null && m.uncachedRatio !== null) console.log(`  20 ARREARS.KPI cells (cache emptied)   ${f(m.uncachedKpiCellsMs)}  ratio ${m.uncachedRatio.toFixed(2)}× (before the cache)`);
}
