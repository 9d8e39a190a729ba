import { trendRowOf, type TrendColumns, type TrendRowOutcome } from "../../core/trend/trend";
import type { CoreOutput } from "./coreCase";

/**
 * Figures as a flat map, key → value, so the core and the native sheet can be
 * compared one figure at a time. Keys: `kpi:<officer or team>:<kpi id>`,
 * `ageing:<band>:<field>` (team), `esc:<row>:stage|due`, `trend:<row>:<column>`.
 */

export type Figure = number | string | boolean | null;
export type Figures = Map<string, Figure>;

export const TEAM = "team";

export const TREND_FIELDS = ["slope", "direction", "projected", "weeksOwed", "periodsInArrears"] as const;
export const AGEING_FIELDS = ["accounts", "arrears", "pctOfAccountsInArrears", "pctOfArrears", "ucAccounts", "ucArrears"] as const;

/** The core's figures under the shared keys: from the columnar case, or from the row path (trends as one outcome per account). */
export function coreFigures(out: Pick<CoreOutput, "ret" | "stages"> & { trends: TrendColumns | readonly TrendRowOutcome[] }): Figures {
  const f: Figures = new Map();
  for (const k of out.ret.kpis) f.set(`kpi:${TEAM}:${k.id}`, k.value);
  for (const o of out.ret.byOfficer) for (const k of o.kpis) f.set(`kpi:${o.officer}:${k.id}`, k.value);
  out.ret.ageing.forEach((band, b) => {
    for (const field of AGEING_FIELDS) f.set(`ageing:${b + 1}:${field}`, band[field]);
  });
  for (let i = 0; i < out.stages.accountCount; i++) {
    f.set(`esc:${i}:stage`, out.stages.stageIds[out.stages.stage[i]]);
    f.set(`esc:${i}:due`, out.stages.due[i] === 1);
  }
  const trends = Array.isArray(out.trends) ? (out.trends as readonly TrendRowOutcome[]) : Array.from({ length: (out.trends as TrendColumns).rows }, (_, i) => trendRowOf(out.trends as TrendColumns, i));
  trends.forEach((t, i) => {
    if (t === null || t instanceof Error) {
      for (const field of TREND_FIELDS) f.set(`trend:${i}:${field}`, null);
      return;
    }
    f.set(`trend:${i}:slope`, t.slopePerPeriod);
    f.set(`trend:${i}:direction`, t.direction);
    f.set(`trend:${i}:projected`, t.projectedBalance);
    f.set(`trend:${i}:weeksOwed`, t.weeksOwed);
    f.set(`trend:${i}:periodsInArrears`, t.periodsInArrears);
  });
  return f;
}

/** Pennies (or hundredths of a %, or whole counts): the resolution every figure is reported to. */
const hundredths = (v: number) => Math.round(v * 100);

/** Equal as reported: numbers to the penny / 0.01%, text exactly; a blank cell and null agree. */
export function sameFigure(a: Figure | undefined, b: Figure | undefined): boolean {
  const blank = (v: Figure | undefined) => v === null || v === undefined || v === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  // A native flag column holds 1/0 (or TRUE/FALSE) where the core has a boolean.
  const x = typeof a === "boolean" ? Number(a) : a;
  const y = typeof b === "boolean" ? Number(b) : b;
  if (typeof x === "number" && typeof y === "number") return hundredths(x) === hundredths(y);
  return x === y;
}

export interface Agreement {
  /** Figures the core reports that the native sheet also computes. */
  compared: number;
  mismatches: number;
  /** Core figures with no native counterpart (kept out of the comparison, listed in BENCHMARKS.md). */
  notCovered: string[];
  /** A few mismatches, for the report. */
  examples: string[];
  /** Mismatches per figure name (officer and row collapsed), e.g. { "trend:weeksOwed": 1 }. */
  byFigure: Record<string, number>;
}

/** A key without its officer or row: the figure's name. */
const figureName = (key: string) => key.replace(/^kpi:[^:]*:/, "kpi:").replace(/^(esc|trend):\d+:/, "$1:");

/** Compares every core figure the native sheet covers; `covers` says whether a key has a native formula. */
export function compareFigures(core: Figures, native: Figures): Agreement {
  let compared = 0;
  let mismatches = 0;
  const notCovered = new Set<string>();
  const examples: string[] = [];
  const byFigure: Record<string, number> = {};
  for (const [key, value] of core) {
    if (!native.has(key)) {
      notCovered.add(figureName(key));
      continue;
    }
    compared++;
    const other = native.get(key);
    if (!sameFigure(value, other)) {
      mismatches++;
      byFigure[figureName(key)] = (byFigure[figureName(key)] ?? 0) + 1;
      if (examples.length < 10) examples.push(`${key}: core ${String(value)}, native ${String(other)}`);
    }
  }
  return { compared, mismatches, notCovered: [...notCovered].sort(), examples, byFigure };
}
