import * as fs from "node:fs";
import * as path from "node:path";
import { KPI_DEFINITIONS } from "../../core/kpi/definitions";
import { isFailure, plan, selectCases, type CaseOutcome, type CaseResult, type CaseSpec } from "./cases";
import { consoleTable, machineFacts, markdownTable, RESULT_HEAD, resultRows, TARGET_HEAD, targetRows, type ResultRow, type TargetRow } from "./report";
import { measureKpiCells, type KpiCellsResult } from "./kpiCells";
import { runCase } from "./runner";

/**
 * `npm run bench` (every case, team scale and a million accounts), `npm run bench -- --quick`
 * (team scale, fewer runs: a smoke run) or `npm run bench -- --only libreoffice,core`
 * (the named cases; prints, does not write BENCHMARKS.md). Without --only it prints the
 * tables and writes BENCHMARKS.md. Timings are not asserted anywhere: machines are noisy;
 * issue 16's targets are read here, each as a ratio of figures from this one run.
 */

const quick = process.argv.includes("--quick");
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? (process.argv[onlyAt + 1] ?? "").split(",").filter(Boolean) : null;
const ROOT = path.resolve(__dirname, "../..");
/** The KPI-cells measurement runs in this process, not as a child case; --only names it so. */
const KPI_CELLS = "kpi-cells";

function main(): void {
  const specs = selectCases(plan(quick), only, [KPI_CELLS]);
  const outcomes: CaseOutcome[] = [];
  for (const spec of specs) {
    process.stderr.write(`running ${spec.id} at ${spec.scale} scale (${spec.warmup} warm-up, ${spec.runs} measured)…\n`);
    const outcome = runCase(spec);
    if (isFailure(outcome)) process.stderr.write(`  ${spec.id}: not measured: ${outcome.failed}\n`);
    outcomes.push(outcome);
  }
  const kpiCells: KpiCellsResult[] = [];
  if (!only || only.includes(KPI_CELLS)) {
    process.stderr.write("running 20 ARREARS.KPI cells against one MONTHLYRETURN (sample export, then team scale)…\n");
    kpiCells.push(measureKpiCells(quick ? 5 : 15));
    // At team scale without the cache-emptied cells: twenty full computations a round would add about a second each.
    kpiCells.push(measureKpiCells(quick ? 3 : 7, 20, "team", false));
  }
  const targets = targetRows(outcomes, kpiCells);
  const results = resultRows(outcomes);
  console.log(consoleTable(TARGET_HEAD, targets));
  console.log(`\n${consoleTable(RESULT_HEAD, results)}`);
  for (const o of outcomes) if (!isFailure(o) && o.note) console.log(`- ${o.id}: ${o.note}`);
  if (kpiCells.length) console.log(`\n${kpiCells.map(kpiCellsLine).join("\n\n")}`);
  if (only) {
    console.log("\n--only: BENCHMARKS.md not written (it holds whole runs only)");
    return;
  }
  fs.writeFileSync(path.join(ROOT, "BENCHMARKS.md"), benchmarksMarkdown(outcomes, specs, targets, results, kpiCells));
  console.log("\nwritten to BENCHMARKS.md");
}

const result = (outcomes: CaseOutcome[], id: string): CaseResult | undefined => {
  const o = outcomes.find((x) => x.id === id);
  return o && !isFailure(o) ? o : undefined;
};

const kpiCellsLine = (k: KpiCellsResult): string =>
  `20 ARREARS.KPI cells over the ${k.accounts.toLocaleString("en-GB")}-account ${k.source === "sample" ? "sample" : "team-scale bench"} export took ${k.kpiCellsMs.toFixed(1)} ms against ${k.monthlyReturnMs.toFixed(1)} ms for one ARREARS.MONTHLYRETURN: ` +
  `${k.ratio.toFixed(2)}× (target at most 2×). Reading every cell of a call's fresh tables once, comparing nothing, took ${k.readCellsMs.toFixed(2)} ms: ` +
  `no cache that checks every cell can make the 20 cells cost less than ${k.readFloorRatio.toFixed(2)}× one RETURN.` +
  (k.uncachedKpiCellsMs !== null && k.uncachedRatio !== null
    ? ` With the cache emptied before every call (each cell parsing the export again) they took ${k.uncachedKpiCellsMs.toFixed(1)} ms, ${k.uncachedRatio.toFixed(1)}×.`
    : "");

/** The agreement paragraph for one engine's figures against the core's. */
function agreementText(o: CaseResult | undefined, engine: string): string {
  const a = o?.agreement;
  if (!a) return `The ${engine} case did not finish, so no agreement check ran.`;
  return [
    `${engine}: ${a.compared.toLocaleString("en-GB")} figures compared, ${a.mismatches} differ${a.mismatches ? ` (${Object.entries(a.byFigure).map(([k, v]) => `${k}: ${v}`).join(", ")})` : ""}.`,
    ...(a.examples.length ? ["", "Differences:", "", ...a.examples.map((e) => `- \`${e}\``)] : []),
    ...(a.notCovered.length ? ["", `Core figures ${engine} does not compute: ${a.notCovered.join(", ")}.`] : []),
  ].join("\n");
}

function benchmarksMarkdown(outcomes: CaseOutcome[], specs: CaseSpec[], targets: TargetRow[], results: ResultRow[], kpiCells: KpiCellsResult[]): string {
  const spilled = result(outcomes, "trend-spilled");
  const perRow = result(outcomes, "trend-rows");
  const hf = result(outcomes, "hyperformula");
  const lo = result(outcomes, "libreoffice");
  const floor = result(outcomes, "floor");
  const advice =
    spilled && perRow
      ? `One spilled formula over the whole range, \`=ARREARS.TREND(B2:BA17001, B1:BA1, BB2:BB17001)\`, took ${spilled.medianMs.toFixed(0)} ms for 17,000 accounts; ` +
        `17,000 one-row formulas (\`=ARREARS.TREND(B2:BA2, $B$1:$BA$1, BB2)\` filled down) took ${perRow.medianMs.toFixed(0)} ms of function time alone, ` +
        `${(perRow.medianMs / spilled.medianMs).toFixed(1)}× as long, before Excel's own cost of 17,000 separate calls into the add-in (each one a round trip this benchmark does not see). ` +
        "Write one spilled formula per sheet: it is faster, it is one formula to check, and a new month's rows only need the range extended."
      : "The adapter cases did not finish in this run; see the table.";
  const runsLine = (id: string) => {
    const s = specs.find((x) => x.id === id);
    return s ? `${s.warmup} warm-up, ${s.runs} measured` : "not run";
  };
  const notes = outcomes.flatMap((o) => (!isFailure(o) && o.note ? [`- ${o.id}: ${o.note}`] : []));
  return `# Benchmarks

Written by \`npm run bench\`${quick ? " -- --quick (team scale only, fewer runs)" : ""}; do not edit by hand. Timings are medians after warm-up runs; every case runs in its own process so its peak memory (maxRSS) is its own. No timing is asserted in \`npm test\`.

## Machine

${machineFacts().join("\n")}

## Data

The synthetic team export (\`samples/generator/teamExport.ts\`, seed 20261, 12 officers, October 2026, 52 weekly balances per account) at team scale (17,000 accounts, ~37,700 transactions, ~£4.2M arrears) and, for the linearity check, at 1,000,000 accounts (~2.2 million transactions, 52 million balances), generated in the case's own process before it is timed.

## Targets (issue 16)

Each ratio is of two figures from this one run.

${markdownTable(TARGET_HEAD, targets)}

## Results

${markdownTable(RESULT_HEAD, results)}

Runs: core ${runsLine("core")} (a million accounts: ${runsLine("core-million")}); monthly return + trend ${runsLine("return-trend")}; floor ${runsLine("floor")}; LibreOffice ${runsLine("libreoffice")} recalculations of one loaded workbook; HyperFormula ${runsLine("hyperformula")} (one full build is about three minutes, so it runs once); adapter cases ${runsLine("trend-spilled")}; \`arrears report\` ${runsLine("cli-csv")} processes per input. Peak RSS includes the generated export held in memory; the figure in brackets is what the case added above it.

${notes.join("\n")}

## Many ARREARS.KPI cells

${kpiCells.length ? kpiCells.map(kpiCellsLine).join("\n\n") : "Not measured in this run."}

The functions run from source in the bench's own process (\`scripts/bench/kpiCells.ts\`), each call given fresh copies of the tables as Excel gives them; the KPI cells share one computed return through a small cache keyed by every cell's content (\`addin/excel/rangeCache.ts\`).

## What each case computes

- **Core, full case**: the core as shipped (\`lib/core\`, compiled by \`npm run build:cli\`, what \`arrears\` runs) over the export as imported once (\`toColumnar\`: accounts in typed columns, each transaction resolved to its account's row; \`historyOfColumnar\`: the weekly balance history as one typed matrix aligned to the account rows): \`monthlyReturnOfColumns\` (all ${KPI_DEFINITIONS.length} KPIs for the team and for each officer, the age-band rows, the ageing table), every account's escalation stage and due flag judged at period end (\`escalationColumnsOf\`, typed columns), the escalation list \`arrears report\` prints (accounts past "none" or due, with reason and next action as text) with the 13-week trend beside each listed account read from the matrix (\`escalationListOf\`: only the listed rows fitted and worded), and \`trendColumnsOfHistory\` over every account's 52 weekly balances against their dates with each account's weekly rent, results in typed columns (made by the first run and written into again by every later one, as a sheet recalculated again and again reuses them; the other cases make theirs anew): what \`arrears report\` plus ARREARS.TREND compute. The import is not in this figure, as LibreOffice's loading is not in its: it is timed as its own case. The same case at 1,000,000 accounts gives the cost per account.
- **Core import**: \`toColumnar\` and \`historyOfColumnar\` over the generated export's row objects: what the full case's figure leaves out, timed on its own so nothing is hidden.
- **Core, full case from the row objects**: the same figures as the core computed them before the columnar import, from the export's row objects in every call (\`monthlyReturn\`, \`trendOfAccounts\` with an object per account, \`withBalanceTrend\` over the listed results); its figures are checked against the full case's, and its escalation list row for row.
- **Core: monthly return + 52-week trend**: the full case without the escalation list (over the same imported columns), issue 16's first figure.
- **Typed-array floor** (\`scripts/bench/floor.ts\`): the same sums and trend as one plain pass over typed columns (balances, rents and amounts in integer pence, status, benefit, officer and transaction type as small codes, each transaction already resolved to its account's row; the x-axis sums computed once for all rows). The columns are built before timing, as a columnar import would hold them; only the pass is timed. Its figures are checked against the core's${floor?.agreement ? ` (${floor.agreement.mismatches} of ${floor.agreement.compared.toLocaleString("en-GB")} differ)` : ""}, so it cannot look fast by skipping work.
- **Native formulas in LibreOffice Calc**: the native-formula workbook below, written as an .xlsx by the project's own writer (formulas only, no cached results), opened headless by LibreOffice${lo?.note ? ` (${lo.note.split(";")[0]})` : ""} in its own profile and recalculated with \`calculateAll()\` through its Python UNO bridge (\`scripts/bench/libreoffice_calc.py\`). Only the recalculation is timed, not loading the file; every figure is then read back and checked against the core's. This is what a team without the add-in could use offline.
- **Native formulas in HyperFormula**: the same workbook built and fully calculated by HyperFormula ${hfVersion()}: per-row helper columns (balance and rent in pence, in-arrears flag, age band, technical arrears, escalation stage and due flag with its holds) then COUNTIFS/SUMIFS per officer over the accounts, transactions (by type, dated in the period) and voids tables, the KPI ratios with ROUND, and per account SLOPE, AVERAGE and COUNTIF over the 52 balances. HyperFormula has no FORECAST, so the projection is FORECAST's definition written out: AVERAGE(y) + SLOPE(y, x) × (x₀ − AVERAGE(x)). Its time is building the workbook and calculating every formula.
- **Arrangements** (\`scripts/bench/arrangementsCase.ts\`): the shipped \`judgeArrangements\` judging the 3,000 arrangements planted in the same export (same seed; their payments follow the month's transactions) at period end with the accounts' holds: grouping the transactions by account and every arrangement's status, figures and reason. Their planted outcomes are checked in \`npm test\` (test/core/arrangements/planted.test.ts).
- **Adapter**: the shipped core's trend on the 17,000 × 52 grid, as \`trendColumnsOf\` (results in typed columns; the spilled call's target is read against this one, timed in rounds alternating with the spilled call in the spilled case's own process, beside a bare spill: \`trendColumnsOf\` then one array per row with nothing read or checked, the least any spilled adapter adds) and as \`trendOfAccounts\` (an object per account), against the built ARREARS.TREND (dist/functions.js from \`npm run build\`, run in this process with a stub CustomFunctions global, as Excel's runtime runs it) given the grid as one 2-D array, and ARREARS.TREND called 17,000 times with one row each. The adapter rows are checked against the core's, figure for figure.
- **\`arrears report\`**: the built command (\`bin/arrears.js\`) in a fresh Node process per run, reading the team-scale export from CSV files (accounts, transactions, voids, balance history) or from one .xlsx (written by the project's writers, as \`npm run samples\` writes them) and writing the return workbook with \`--out\`. The figure is the process's CPU time, user + system (Node's start-up included), so a busy machine's waiting does not count.

## Agreement to the penny (team scale)

${agreementText(lo, "LibreOffice")}

${agreementText(hf, "HyperFormula")}

What the native sheet covers: every monthly-return KPI for the team and each officer (rent due and collected, DHP, both collection rates, the year to date, current/former/gross arrears and their % of the annual rent debit, void loss and %, write-offs, former-tenant write-offs and their % of the annual rent debit, all write-offs as % of rent due, counts and % in arrears, UC counts, arrears and share, technical arrears and current arrears excluding them), the age-band count and £ rows, the ageing table (counts, £, both %, UC counts and £), each account's escalation stage and due flag under the default policy, and each account's trend (slope per period, direction, projected balance, weeks owed, periods in arrears). Not covered natively: the escalation list's reason and next-action text, the 13-week trend beside it, and the KPI definitions and notes (text the core attaches; nothing to calculate). The native stage formula covers the default policy as exported (no last action recorded, so the day-count court and warrant rules cannot apply); a policy with last actions would need more columns.

Rounding follows Excel's ROUND throughout the core: money, percentages, weeks owed and slopes are rounded to 2 dp with halves away from zero, so a credit of exactly −1.625 weeks is −1.63 in both.

The native workbook is given each transaction's officer as a value column. Joining it in the sheet (VLOOKUP, INDEX/MATCH or XLOOKUP on the account) is what a team leader would write, but HyperFormula's lookups grow with transactions × accounts: measured while building this benchmark, the VLOOKUP column alone took 5 s at 4,000 accounts and 42 s at 8,000, and the whole workbook with it 516 s at 17,000 (against ${hf ? `${(hf.medianMs / 1000).toFixed(0)} s` : "about three minutes"} without). Leaving it out flatters the native engines; the ratios above are lower bounds.

## What to tell team leaders

${advice}
${quick ? "\nThis was a quick run (team scale only, fewer runs): run `npm run bench` for the million-account figures.\n" : ""}`;
}

function hfVersion(): string {
  // Read the installed version so the page names the engine that produced the figures.
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/hyperformula/package.json"), "utf8")) as { version: string };
  return pkg.version;
}

try {
  main();
} catch (e) {
  // A wrong --only name or a missing build: one line, not a stack trace.
  process.stderr.write(`bench: ${(e as Error).message}\n`);
  process.exitCode = 2;
}
