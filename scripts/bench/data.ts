import { generateTeamExport, isoToSerial, type TeamExport } from "../../samples/generator/teamExport";

/**
 * The benchmark's data: the synthetic team export at team scale (17,000 accounts,
 * 12 officers, one month, 52 weekly balances each) or a million accounts. One seed and
 * one month, so every case in every run, core or HyperFormula, reads the same figures.
 */

export const SEED = 20261;
export const OFFICERS = 12;
export const PERIOD_START_ISO = "2026-10-01";
export const PERIOD_END_ISO = "2026-10-31";
export const TEAM_ACCOUNTS = 17_000;

export const MILLION_ACCOUNTS = 1_000_000;

/** Team scale, or a million accounts (the linearity check: cost per account should hardly grow). */
export type Scale = "team" | "million";

export const ACCOUNTS_AT: Record<Scale, number> = { team: TEAM_ACCOUNTS, million: MILLION_ACCOUNTS };

export interface BenchData {
  scale: Scale | "custom";
  export: TeamExport;
  periodStart: number;
  periodEnd: number;
}

/** Generates the export for a scale, or for an explicit account count (the agreement test uses a few hundred). */
export function benchData(scale: Scale | number): BenchData {
  const accounts = typeof scale === "number" ? scale : ACCOUNTS_AT[scale];
  const periodStart = isoToSerial(PERIOD_START_ISO);
  const periodEnd = isoToSerial(PERIOD_END_ISO);
  return {
    scale: typeof scale === "number" ? "custom" : scale,
    export: generateTeamExport({ accounts, officers: OFFICERS, seed: SEED, periodStart, periodEnd, weeks: 52 }),
    periodStart,
    periodEnd,
  };
}
