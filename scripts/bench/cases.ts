import type { Agreement } from "./figures";
import type { Scale } from "./data";

/**
 * The cases the benchmark runs, and what each reports. Warm-up and run counts are
 * per case: the core is cheap enough for 7 measured runs, HyperFormula's full
 * workbook build is not.
 */

export type CaseKind =
  | "core"
  | "core-import"
  | "core-rows"
  | "return-trend"
  | "floor"
  | "hyperformula"
  | "libreoffice"
  | "trend-core"
  | "trend-columns"
  | "trend-spilled"
  | "trend-rows"
  | "cli-csv"
  | "cli-xlsx"
  | "arrangements"
  | "worklist"
  | "worklist-rows";

export interface CaseSpec {
  id: string;
  kind: CaseKind;
  scale: Scale;
  /** Explicit account count (tests); otherwise the scale's. */
  accounts?: number;
  warmup: number;
  runs: number;
  /** Child process time limit in seconds. */
  timeoutS: number;
}

export interface CaseResult {
  id: string;
  scale: Scale;
  accounts: number;
  medianMs: number;
  runsMs: number[];
  peakRssMb: number;
  /** Peak RSS once the export was generated, before the case ran. */
  dataRssMb: number;
  agreement?: Agreement;
  rowsDifferingFromCore?: number;
  /** Peak memory in words when it is not this Node process's (LibreOffice's soffice, the CLI child). */
  rssNote?: string;
  /** The core's figure the case is read against, timed in the same process (the floor: in alternating rounds; LibreOffice: just before the workbook and soffice exist). */
  pairedCoreMs?: number;
  /** The trend-spilled case: a bare spill (trendColumnsOf, then one array per row, nothing checked) timed in the same alternating rounds. */
  pairedBareMs?: number;
  /** The million-account case: the full case at team scale, timed in the same process just before the million's export is generated. */
  pairedTeamMs?: number;
  /** One line on how the case ran (engine version, load time), for BENCHMARKS.md. */
  note?: string;
  /** What the case ran over, when it is not the bench's plain export (the arrangements case). */
  over?: string;
  /** Median CPU time (process.cpuUsage) of the measured runs: steadier than wall time on a loaded machine. */
  cpuMedianMs?: number;
}

/** A case that did not finish: why, in words for the table. */
export interface CaseFailure {
  id: string;
  scale: Scale;
  failed: string;
}

export type CaseOutcome = CaseResult | CaseFailure;

export const isFailure = (o: CaseOutcome): o is CaseFailure => "failed" in o;

/**
 * The plan: every case at team scale, and the core at a million accounts unless quick.
 * HyperFormula runs once with no warm-up: one build is about three minutes and 7 GB, the
 * JIT is warm a few seconds in, and no issue-16 target is read from it (LibreOffice is
 * the native anchor now); its agreement check is what it is kept for.
 */
export function plan(quick: boolean): CaseSpec[] {
  const small = (id: string, kind: CaseKind, warmup: number, runs: number): CaseSpec => ({ id, kind, scale: "team", warmup: quick ? 1 : warmup, runs: quick ? 3 : runs, timeoutS: 300 });
  const specs: CaseSpec[] = [
    // Ten warm-up runs for the core cases and the floor alike: the steady state, as for the worklist below.
    small("core", "core", 10, 7),
    small("core-import", "core-import", 10, 7),
    small("core-rows", "core-rows", 10, 7),
    small("return-trend", "return-trend", 10, 7),
    small("floor", "floor", 10, 11),
    { id: "libreoffice", kind: "libreoffice", scale: "team", warmup: 1, runs: quick ? 3 : 5, timeoutS: 900 },
    { id: "hyperformula", kind: "hyperformula", scale: "team", warmup: 0, runs: 1, timeoutS: 900 },
    small("trend-core", "trend-core", 3, 7),
    small("trend-columns", "trend-columns", 3, 7),
    // Alternating with trendColumnsOf (a ratio of pairs): more rounds than the single-figure cases.
    small("trend-spilled", "trend-spilled", 5, 21),
    small("trend-rows", "trend-rows", 3, 7),
    { id: "cli-csv", kind: "cli-csv", scale: "team", warmup: 1, runs: quick ? 3 : 5, timeoutS: 600 },
    { id: "cli-xlsx", kind: "cli-xlsx", scale: "team", warmup: 1, runs: quick ? 3 : 5, timeoutS: 600 },
    small("arrangements", "arrangements", 5, 11),
    // Ten warm-up runs: the steady state, as a workbook after its first recalculations (issue 15's case; with 3 the JIT is still compiling).
    small("worklist", "worklist", 10, 7),
    small("worklist-rows", "worklist-rows", 10, 7),
  ];
  // Generating a million accounts takes about 40 s and 1 GB before the first run. Warmed to the steady state as the
  // team-scale side is (traced: the first run about 3 s with two full collections, the second still about 1.6× the
  // later ones; from the third on 530-660 ms, a full collection of the export's heap every five or so runs), and 7
  // measured, as the team side, so the median is a steady run's, not the second run's or a collection's.
  if (!quick) specs.push({ id: "core-million", kind: "core", scale: "million", warmup: 3, runs: 7, timeoutS: 1200 });
  return specs;
}

/** The cases `--only a,b` names (by id), or every case; an unknown id is an error naming the known ones. */
export function selectCases(specs: CaseSpec[], only: string[] | null, extra: readonly string[] = []): CaseSpec[] {
  if (!only) return specs;
  const known = new Set([...specs.map((s) => s.id), ...extra]);
  const unknown = only.filter((id) => !known.has(id));
  if (unknown.length) throw new Error(`unknown case ${unknown.join(", ")}: choose from ${[...known].join(", ")}`);
  return specs.filter((s) => only.includes(s.id));
}
