import { differingRows, trendInputs, trendVariant, type TrendVariant } from "./adapterCase";
import { runCore } from "./coreCase";
import { benchData, type Scale } from "./data";
import { compareFigures, coreFigures } from "./figures";
import { buildWorkbook, workbookFigures } from "./hyperformulaCase";
import { buildNativeSheets } from "./nativeSheet";
import { timeRuns } from "./timing";
import type { CaseResult, CaseSpec } from "./cases";
import { timeWorklist } from "./worklistCase";

/**
 * One benchmark case in its own process, so its peak memory (maxRSS) is its own and
 * not the high-water mark of whatever ran before. Prints one JSON line: the result.
 * Run as: node --import tsx scripts/bench/child.ts '<CaseSpec as JSON>'
 */

const mb = (kb: number) => Math.round(kb / 1024);
const peakRssMb = () => mb(process.resourceUsage().maxRSS);

function run(spec: CaseSpec): CaseResult {
  const data = benchData(spec.accounts ?? (spec.scale as Scale));
  // Peak RSS once the export exists: what the case adds is the difference.
  const dataRssMb = peakRssMb();
  const base = { id: spec.id, scale: spec.scale, accounts: data.export.accounts.length, dataRssMb };

  if (spec.kind === "core") {
    const timed = timeRuns(() => runCore(data), spec.warmup, spec.runs);
    return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peakRssMb() };
  }
  if (spec.kind === "hyperformula") {
    const layout = buildNativeSheets(data);
    const timed = timeRuns(() => buildWorkbook(layout), spec.warmup, spec.runs);
    const peak = peakRssMb();
    const agreement = compareFigures(coreFigures(runCore(data)), workbookFigures(timed.result, layout));
    return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peak, agreement };
  }
  if (spec.kind === "worklist") return { ...base, ...timeWorklist(data, spec.warmup, spec.runs), peakRssMb: peakRssMb() };
  const variant = spec.kind.replace("trend-", "") as TrendVariant;
  const inputs = trendInputs(data);
  const fn = trendVariant(variant);
  const timed = timeRuns(() => fn(inputs), spec.warmup, spec.runs);
  const peak = peakRssMb();
  const differ = differingRows(trendVariant("core")(inputs), timed.result);
  return { ...base, medianMs: timed.medianMs, runsMs: timed.runsMs, peakRssMb: peak, rowsDifferingFromCore: differ };
}

const spec = JSON.parse(process.argv[2]) as CaseSpec;
process.stdout.write(`${JSON.stringify(run(spec))}\n`);
