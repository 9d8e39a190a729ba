import { differingRows, trendInputs, trendVariant, type TrendVariant } from "./adapterCase";
import { cliCase } from "./cliCase";
import { runCore, runReturnAndTrend } from "./coreCase";
import { benchData, type Scale } from "./data";
import { compareFigures, coreFigures } from "./figures";
import { floorFigures, floorInput, floorPass } from "./floor";
import { buildWorkbook, workbookFigures } from "./hyperformulaCase";
import { libreOfficeCase } from "./libreofficeCase";
import { buildNativeSheets } from "./nativeSheet";
import { median, timePaired, timeRuns } from "./timing";
import type { CaseOutcome, CaseSpec } from "./cases";

/**
 * One benchmark case in its own process, so its peak memory (maxRSS) is its own and
 * not the high-water mark of whatever ran before. Prints one JSON line: the result,
 * or why the case could not be measured.
 * Run as: node --import tsx scripts/bench/child.ts '<CaseSpec as JSON>'
 */

const mb = (kb: number) => Math.round(kb / 1024);
const peakRssMb = () => mb(process.resourceUsage().maxRSS);

function run(spec: CaseSpec): CaseOutcome {
  const t0 = process.hrtime.bigint();
  const data = benchData(spec.accounts ?? (spec.scale as Scale));
  const generatedS = Number(process.hrtime.bigint() - t0) / 1e9;
  // Peak RSS once the export exists: what the case adds is the difference.
  const dataRssMb = peakRssMb();
  const base = { id: spec.id, scale: spec.scale, accounts: data.export.accounts.length, dataRssMb };

  switch (spec.kind) {
    case "core": {
      if (spec.scale !== "million") {
        const timed = timeRuns(() => runCore(data), spec.warmup, spec.runs);
        return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peakRssMb() };
      }
      // The linearity ratio's two sides in one process and alternating rounds (five team-scale runs, then one
      // million-account run), so a busy machine slows both alike. Peak memory is read after the million's runs.
      const team = benchData("team");
      const teamRuns: number[] = [];
      const millionRuns: number[] = [];
      for (let round = 0; round < spec.warmup + spec.runs; round++) {
        const teamRound = timeRuns(() => runCore(team), 0, 5).runsMs;
        const millionRound = timeRuns(() => runCore(data), 0, 1).runsMs;
        // The warm-up rounds are run, not counted.
        if (round < spec.warmup) continue;
        teamRuns.push(...teamRound);
        millionRuns.push(...millionRound);
      }
      const timed = { runsMs: millionRuns, medianMs: median(millionRuns) };
      const teamMs = median(teamRuns);
      const note = `generating the export took ${generatedS.toFixed(0)} s (${dataRssMb} MB), not timed; the 17,000-account side of the ratio, ${teamMs.toFixed(1)} ms, is timed in the same process in alternating rounds`;
      return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peakRssMb(), note, pairedTeamMs: teamMs };
    }
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
    case "trend-core":
    case "trend-spilled":
    case "trend-rows": {
      const variant = spec.kind.replace("trend-", "") as TrendVariant;
      const inputs = trendInputs(data);
      const fn = trendVariant(variant);
      const timed = timeRuns(() => fn(inputs), spec.warmup, spec.runs);
      const peak = peakRssMb();
      const differ = differingRows(trendVariant("core")(inputs), timed.result);
      return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peak, rowsDifferingFromCore: differ };
    }
  }
}

const spec = JSON.parse(process.argv[2]) as CaseSpec;
process.stdout.write(`${JSON.stringify(run(spec))}\n`);
