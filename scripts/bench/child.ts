import { columnRows, differingRows, timeSpilledAgainstColumns, trendInputs, trendVariant, type TrendVariant } from "./adapterCase";
import { arrangementsData, runArrangements } from "./arrangementsCase";
import { cliCase } from "./cliCase";
import { importCore, importedCore, runCore, runCoreFromRows, runReturnAndTrend } from "./coreCase";
import { benchData, type Scale } from "./data";
import { compareFigures, coreFigures } from "./figures";
import { floorFigures, floorInput, floorPass } from "./floor";
import { buildWorkbook, workbookFigures } from "./hyperformulaCase";
import { libreOfficeCase } from "./libreofficeCase";
import { buildNativeSheets } from "./nativeSheet";
import { timePaired, timeRuns } from "./timing";
import type { CaseOutcome, CaseResult, CaseSpec } from "./cases";
import { timeWorklist } from "./worklistCase";

/**
 * One benchmark case in its own process, so its peak memory (maxRSS) is its own and
 * not the high-water mark of whatever ran before. Prints one JSON line: the result,
 * or why the case could not be measured.
 * Run as: node --import tsx scripts/bench/child.ts '<CaseSpec as JSON>'
 */

const mb = (kb: number) => Math.round(kb / 1024);
const peakRssMb = () => mb(process.resourceUsage().maxRSS);

/**
 * The linearity case's team-scale side, timed in the same process before the million-account
 * export exists: in a heap already holding a million accounts' row objects every major
 * collection marks a gigabyte more, which would slow the team-scale runs and flatter the ratio.
 */
function teamSideOf(spec: CaseSpec): { medianMs: number } | null {
  if (spec.kind !== "core" || spec.scale !== "million") return null;
  const team = benchData("team");
  // Warmed as the team-scale core case is (10 runs): with 3 the JIT was still compiling and the side swung from run to run.
  return { medianMs: timeRuns(() => runCore(team), 10, 7).medianMs };
}

const millionNote = (team: { medianMs: number }, generatedS: number, dataRssMb: number) =>
  `generating the export took ${generatedS.toFixed(0)} s (${dataRssMb} MB), not timed; the ratio's 17,000-account side, ${team.medianMs.toFixed(1)} ms, ` +
  "is timed in the same process just before (10 warm-up, 7 measured, as the team-scale core case), in a heap without the million accounts";

function run(spec: CaseSpec): CaseOutcome {
  if (spec.kind === "arrangements") return arrangementsCase(spec);
  const teamSide = teamSideOf(spec);
  const t0 = process.hrtime.bigint();
  const data = benchData(spec.accounts ?? (spec.scale as Scale));
  const generatedS = Number(process.hrtime.bigint() - t0) / 1e9;
  // Peak RSS once the export exists: what the case adds is the difference.
  const dataRssMb = peakRssMb();
  const base = { id: spec.id, scale: spec.scale, accounts: data.export.accounts.length, dataRssMb };

  switch (spec.kind) {
    case "core": {
      // The import (rows to columns, history to a matrix) once, before timing: it is the core-import case's figure.
      const i0 = process.hrtime.bigint();
      const imp = importedCore(data);
      const importS = Number(process.hrtime.bigint() - i0) / 1e9;
      const timed = timeRuns(() => runCore(data, imp), spec.warmup, spec.runs);
      const note = teamSide ? `${millionNote(teamSide, generatedS, dataRssMb)}; importing it (columns and history matrix) took ${importS.toFixed(1)} s, not timed, its memory counted` : undefined;
      return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peakRssMb(), note, pairedTeamMs: teamSide?.medianMs };
    }
    case "core-import": {
      const timed = timeRuns(() => importCore(data), spec.warmup, spec.runs);
      return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peakRssMb() };
    }
    case "core-rows": {
      // The path from the row objects, checked against the columnar case: every compared figure, and the escalation list row for row.
      const timed = timeRuns(() => runCoreFromRows(data), spec.warmup, spec.runs);
      const peak = peakRssMb();
      const columnar = runCore(data);
      const agreement = compareFigures(coreFigures(columnar), coreFigures(timed.result));
      const list = timed.result.escalations;
      let differ = Math.abs(list.length - columnar.escalations.count);
      for (let j = 0; j < Math.min(list.length, columnar.escalations.count); j++) if (JSON.stringify(list[j]) !== JSON.stringify(columnar.escalations.resultAt(j))) differ++;
      return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peak, agreement, rowsDifferingFromCore: differ, note: `the escalation list (${list.length.toLocaleString("en-GB")} accounts) compared row for row with the columnar case's: ${differ} differ` };
    }
    case "worklist":
    case "worklist-rows":
      return { ...base, ...timeWorklist(data, spec.warmup, spec.runs, spec.kind === "worklist-rows"), peakRssMb: peakRssMb() };
    case "return-trend": {
      const timed = timeRuns(() => runReturnAndTrend(data), spec.warmup, spec.runs);
      return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peakRssMb() };
    }
    case "floor": {
      // The floor alternates with the core's return + trend, so their ratio is of rounds run side by side.
      const input = floorInput(data);
      const [timed, core] = timePaired(() => floorPass(input), () => runReturnAndTrend(data), spec.warmup, spec.runs);
      const peak = peakRssMb();
      const agreement = compareFigures(coreFigures(runCore(data)), floorFigures(input, timed.result));
      return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peak, agreement, pairedCoreMs: core.medianMs };
    }
    case "hyperformula": {
      const layout = buildNativeSheets(data);
      const timed = timeRuns(() => buildWorkbook(layout), spec.warmup, spec.runs);
      const peak = peakRssMb();
      const agreement = compareFigures(coreFigures(runCore(data)), workbookFigures(timed.result, layout));
      return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peak, agreement };
    }
    case "libreoffice":
      return libreOfficeCase(spec, data);
    case "cli-csv":
      return cliCase(spec, data, "csv");
    case "cli-xlsx":
      return cliCase(spec, data, "xlsx");
    case "trend-spilled": {
      // Read against the core's columnar fit over the same grid, in alternating rounds in this one process (issue 16's
      // target is their ratio); the trend-columns case's own process gives the columnar figure alone.
      const inputs = trendInputs(data);
      const { timed, cpuMs } = timeSpilledAgainstColumns(inputs, spec.warmup, spec.runs);
      const peak = peakRssMb();
      const differ = differingRows(trendVariant("core")(inputs), timed.spilled.result as unknown[][]);
      const over = (a: number, b: number) => `${a >= b ? "+" : ""}${((a / b - 1) * 100).toFixed(0)}%`;
      const note =
        `in rounds alternating with trendColumnsOf: wall ${timed.spilled.medianMs.toFixed(1)} against ${timed.columns.medianMs.toFixed(1)} ms, ` +
        `CPU ${cpuMs.spilled.toFixed(1)} against ${cpuMs.columns.toFixed(1)} ms (${over(cpuMs.spilled, cpuMs.columns)}); in the same rounds trendColumnsOf then one bare array per row ` +
        `(nothing read or checked: the least a spill adds) took ${timed.bareSpill.medianMs.toFixed(1)} ms wall (${over(timed.bareSpill.medianMs, timed.columns.medianMs)}), CPU ${cpuMs.bareSpill.toFixed(1)} ms (${over(cpuMs.bareSpill, cpuMs.columns)})`;
      const { medianMs, runsMs } = timed.spilled;
      return { ...base, medianMs, runsMs, peakRssMb: peak, rowsDifferingFromCore: differ, pairedCoreMs: timed.columns.medianMs, pairedBareMs: timed.bareSpill.medianMs, cpuMedianMs: cpuMs.spilled, note };
    }
    case "trend-core":
    case "trend-columns":
    case "trend-rows": {
      // Each of these alone in its own process, for its own figure. The spilled call's ratio to trendColumnsOf is read
      // from the trend-spilled case's alternating rounds (timed apart it measured about 1.7×, alternating about 2×,
      // and a bare spill in the same rounds about as much: the 17,000 row arrays and their collection, not the reading).
      const variant = spec.kind.replace("trend-", "") as TrendVariant;
      const inputs = trendInputs(data);
      const fn = trendVariant(variant);
      const timed = timeRuns(() => fn(inputs), spec.warmup, spec.runs);
      const peak = peakRssMb();
      const differ = differingRows(trendVariant("core")(inputs), variant === "columns" ? columnRows(timed.result) : timed.result);
      return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peak, rowsDifferingFromCore: differ };
    }
  }
}

/** The arrangements case generates its own export (the bench's, with arrangements planted). */
function arrangementsCase(spec: CaseSpec): CaseResult {
  const data = arrangementsData(spec.accounts);
  const dataRssMb = peakRssMb();
  const timed = timeRuns(() => runArrangements(data), spec.warmup, spec.runs);
  const e = data.export;
  const over = `${e.arrangements!.length.toLocaleString("en-GB")} arrangements, ${e.transactions.length.toLocaleString("en-GB")} transactions (the month's ${data.monthTransactions.toLocaleString("en-GB")} and the arrangements' own)`;
  return { id: spec.id, scale: spec.scale, accounts: e.accounts.length, dataRssMb, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peakRssMb(), over };
}

const spec = JSON.parse(process.argv[2]) as CaseSpec;
process.stdout.write(`${JSON.stringify(run(spec))}\n`);
