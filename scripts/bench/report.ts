import * as os from "node:os";
import { isFailure, type CaseOutcome, type CaseResult } from "./cases";
import { WORKLIST_TARGET_MS } from "./worklistCase";

/**
 * The benchmark table (console and BENCHMARKS.md) and the targets it is read against.
 * Ratios are always computed from figures of the same run, never against numbers
 * remembered from an earlier one.
 */

export const TARGETS = {
  coreTeamMs: 100,
  hfRatio: 20,
  core10xMs: 1000,
  spilledOverheadPct: 10,
} as const;

interface Row {
  case: string;
  scale: string;
  median: string;
  ratio: string;
  target: string;
  met: string;
  peakRss: string;
  agreement: string;
}

const ms = (v: number) => (v >= 10_000 ? `${(v / 1000).toFixed(1)} s` : `${v.toFixed(1)} ms`);
const yes = (ok: boolean) => (ok ? "yes" : "NO");

function find(outcomes: CaseOutcome[], id: string, scale: string): CaseOutcome | undefined {
  return outcomes.find((o) => o.id === id && o.scale === scale);
}
const ok = (o: CaseOutcome | undefined): CaseResult | undefined => (o && !isFailure(o) ? o : undefined);

const LABELS: Record<string, string> = {
  core: "Core: monthly return + escalation list + 52-week trend",
  hyperformula: "Native formulas in HyperFormula (build + calculate)",
  "trend-core": "Trend only: core trendOfAccounts",
  "trend-spilled": "ARREARS.TREND, one spilled call over the grid",
  "trend-rows": "ARREARS.TREND, one call per account row",
  worklist: "Arrangements (3,000 judged) + worklist, core",
};

export function tableRows(outcomes: CaseOutcome[]): Row[] {
  return outcomes.map((o) => {
    const row: Row = { case: LABELS[o.id] ?? o.id, scale: o.scale === "team" ? "17,000" : "170,000", median: "", ratio: "", target: "", met: "", peakRss: "", agreement: "" };
    if (isFailure(o)) {
      row.median = `not measured: ${o.failed}`;
      const core = ok(find(outcomes, "core", o.scale));
      if (o.id === "hyperformula" && core) {
        row.ratio = "n/a";
        row.target = `≥ ${TARGETS.hfRatio}×`;
        row.met = "not measured";
      }
      return row;
    }
    row.median = ms(o.medianMs);
    row.peakRss = `${o.peakRssMb} MB (${o.peakRssMb - o.dataRssMb} MB above the data)`;
    const core = ok(find(outcomes, "core", o.scale));
    const trendCore = ok(find(outcomes, "trend-core", o.scale));
    if (o.id === "core") {
      const limit = o.scale === "team" ? TARGETS.coreTeamMs : TARGETS.core10xMs;
      row.target = `< ${ms(limit)}`;
      row.met = yes(o.medianMs < limit);
    } else if (o.id === "hyperformula" && core) {
      const ratio = o.medianMs / core.medianMs;
      row.ratio = `${ratio.toFixed(0)}× the core`;
      row.target = `≥ ${TARGETS.hfRatio}×`;
      row.met = yes(ratio >= TARGETS.hfRatio);
    } else if (o.id.startsWith("trend-") && o.id !== "trend-core" && trendCore) {
      const overhead = ((o.medianMs - trendCore.medianMs) / trendCore.medianMs) * 100;
      row.ratio = `${overhead >= 0 ? "+" : ""}${overhead.toFixed(1)}% vs core`;
      if (o.id === "trend-spilled") {
        row.target = `< ${TARGETS.spilledOverheadPct}% overhead`;
        row.met = yes(overhead < TARGETS.spilledOverheadPct);
      }
    } else if (o.id === "worklist") {
      row.ratio = o.cpuMedianMs === undefined ? "" : `CPU ${ms(o.cpuMedianMs)}`;
      row.target = `< ${ms(WORKLIST_TARGET_MS)}`;
      row.met = yes(o.medianMs < WORKLIST_TARGET_MS);
    }
    if (o.agreement) row.agreement = `${o.agreement.mismatches} of ${o.agreement.compared.toLocaleString("en-GB")} figures differ`;
    if (o.rowsDifferingFromCore !== undefined) row.agreement = `${o.rowsDifferingFromCore} rows differ from core`;
    return row;
  });
}

const HEAD: Row = { case: "Case", scale: "Accounts", median: "Median", ratio: "Ratio", target: "Target", met: "Met?", peakRss: "Peak RSS", agreement: "Agreement" };
const cols = Object.keys(HEAD) as (keyof Row)[];

export function consoleTable(rows: Row[]): string {
  const all = [HEAD, ...rows];
  const width = cols.map((c) => Math.max(...all.map((r) => r[c].length)));
  const line = (r: Row) => cols.map((c, i) => r[c].padEnd(width[i])).join("  ").trimEnd();
  return [line(HEAD), width.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function markdownTable(rows: Row[]): string {
  const line = (r: Row) => `| ${cols.map((c) => r[c].replaceAll("|", "\\|")).join(" | ")} |`;
  return [line(HEAD), `|${cols.map(() => "---").join("|")}|`, ...rows.map(line)].join("\n");
}

export function machineFacts(): string[] {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus[0]?.model.trim() ?? "unknown"}, ${cpus.length} logical cores`,
    `- Memory: ${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    `- Node ${process.version} on ${os.platform()} ${os.release()}`,
    `- Date: ${new Date().toISOString().slice(0, 10)}`,
  ];
}
