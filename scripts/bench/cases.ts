import type { Agreement } from "./figures";
import type { Scale } from "./data";

/**
 * The cases the benchmark runs, and what each reports. Warm-up and run counts are
 * per case: the core is cheap enough for 7 measured runs, HyperFormula's full
 * workbook build is not.
 */

export type CaseKind = "core" | "hyperformula" | "trend-core" | "trend-spilled" | "trend-rows" | "worklist";

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

/** The plan: every case at team scale; core and HyperFormula at 10× too unless quick. */
export function plan(quick: boolean): CaseSpec[] {
  const specs: CaseSpec[] = [
    { id: "core", kind: "core", scale: "team", warmup: quick ? 1 : 3, runs: quick ? 3 : 7, timeoutS: 300 },
    { id: "hyperformula", kind: "hyperformula", scale: "team", warmup: quick ? 0 : 1, runs: quick ? 1 : 3, timeoutS: quick ? 300 : 900 },
    { id: "trend-core", kind: "trend-core", scale: "team", warmup: quick ? 1 : 3, runs: quick ? 3 : 7, timeoutS: 300 },
    { id: "trend-spilled", kind: "trend-spilled", scale: "team", warmup: quick ? 1 : 3, runs: quick ? 3 : 7, timeoutS: 300 },
    { id: "trend-rows", kind: "trend-rows", scale: "team", warmup: quick ? 1 : 3, runs: quick ? 3 : 7, timeoutS: 300 },
    { id: "worklist", kind: "worklist", scale: "team", warmup: quick ? 1 : 3, runs: quick ? 3 : 7, timeoutS: 300 },
  ];
  if (!quick) {
    specs.push({ id: "core", kind: "core", scale: "10x", warmup: 2, runs: 5, timeoutS: 600 });
    // One run, no warm-up: a full 10× workbook build takes minutes, if it finishes at all.
    specs.push({ id: "hyperformula", kind: "hyperformula", scale: "10x", warmup: 0, runs: 1, timeoutS: 360 });
  }
  return specs;
}
