import { builtFunction } from "./builtFunctions";
import type { BenchData } from "./data";
import { shippedCore } from "./shippedCore";

/**
 * The custom-function adapter's overhead on the trend: the shipped core over the whole
 * 17,000 × 52 grid, the built ARREARS.TREND (dist/functions.js) given the same grid as one spilled call
 * (a 2-D array, as Excel passes a range), and ARREARS.TREND called once per row
 * (one formula per account, filled down), which is how many sheets are written.
 */

export type TrendVariant = "core" | "spilled" | "rows";

export interface TrendInputs {
  grid: number[][];
  /** Dates as one row, the way Excel passes a row range. */
  periodsRow: number[][];
  /** Weekly rents as one column, one per account. */
  rentColumn: number[][];
  dates: number[];
  rents: number[];
}

export function trendInputs(data: BenchData): TrendInputs {
  const { balanceHistory, accounts } = data.export;
  return {
    grid: balanceHistory.balances,
    periodsRow: [balanceHistory.dates],
    rentColumn: accounts.map((a) => [a.weeklyRent]),
    dates: balanceHistory.dates,
    rents: accounts.map((a) => a.weeklyRent),
  };
}

/** Returns one function per variant; each gives the rows as strings so the variants can be checked against each other. */
export function trendVariant(variant: TrendVariant): (inputs: TrendInputs) => unknown[][] {
  if (variant === "core") {
    const { trendOfAccounts } = shippedCore();
    return (x) =>
      trendOfAccounts(x.grid, { periods: x.dates, weeklyRent: x.rents }).map((t) =>
        t === null || t instanceof Error ? [String(t)] : [t.slopePerPeriod, t.direction, t.projectedBalance, t.weeksOwed ?? "", t.periodsInArrears],
      );
  }
  const trend = builtFunction("TREND");
  if (variant === "spilled") return (x) => trend(x.grid, x.periodsRow, x.rentColumn, null, null) as unknown[][];
  return (x) => {
    const out: unknown[][] = [];
    for (let i = 0; i < x.grid.length; i++) out.push((trend([x.grid[i]], x.periodsRow, [x.rentColumn[i]], null, null) as unknown[][])[0]);
    return out;
  };
}

/** Rows on which two variants' results differ (0 when the adapter reports exactly what the core computes). */
export function differingRows(a: unknown[][], b: unknown[][]): number {
  let differ = a.length === b.length ? 0 : Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i].join("|") !== b[i].join("|")) differ++;
  return differ;
}
