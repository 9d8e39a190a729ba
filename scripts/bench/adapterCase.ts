import type { TrendColumns } from "../../core/trend/trendColumns";
import { builtFunction } from "./builtFunctions";
import type { BenchData } from "./data";
import { shippedCore } from "./shippedCore";
import { median, type Timed } from "./timing";

/**
 * The custom-function adapter's overhead on the trend: the shipped core over the whole
 * 17,000 × 52 grid, the built ARREARS.TREND (dist/functions.js) given the same grid as one spilled call
 * (a 2-D array, as Excel passes a range), and ARREARS.TREND called once per row
 * (one formula per account, filled down), which is how many sheets are written.
 */

export type TrendVariant = "core" | "columns" | "spilled" | "rows";

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
  if (variant === "columns") {
    // The core's own batch fit, results left in its typed columns (no object per account): what the spilled adapter
    // is read against, so its overhead is everything it adds over the fit. Turned into rows only after timing.
    const { trendColumnsOf } = shippedCore();
    return (x) => trendColumnsOf(x.grid, { periods: x.dates, weeklyRent: x.rents }) as unknown as unknown[][];
  }
  const trend = builtFunction("TREND");
  if (variant === "spilled") return (x) => trend(x.grid, x.periodsRow, x.rentColumn, null, null) as unknown[][];
  return (x) => {
    const out: unknown[][] = [];
    for (let i = 0; i < x.grid.length; i++) out.push((trend([x.grid[i]], x.periodsRow, [x.rentColumn[i]], null, null) as unknown[][])[0]);
    return out;
  };
}

/** The spilled call and the core's columnar fit, each timed in the same alternating rounds. */
export interface SpilledAgainstColumns {
  spilled: Timed<unknown[][]>;
  columns: Timed<unknown>;
  /** Median CPU time of each side's runs (process.cpuUsage, all threads, so the collector's helpers count): steadier than wall time on a shared machine. */
  spilledCpuMs: number;
  columnsCpuMs: number;
}

/**
 * ARREARS.TREND spilled over the grid timed in rounds alternating with the core's trendColumnsOf over the same
 * grid (spilled, columns, spilled, columns…) in this one process, so a busy neighbour or a collection slows
 * both alike and the ratio of their medians is of runs made side by side. Each side's last result is held
 * until its next run, as timePaired holds them: the spilled call's 17,000 rows are still alive during the next
 * calls, as they would be while Excel copies them, and the collector pays for them there.
 */
export function timeSpilledAgainstColumns(inputs: TrendInputs, warmup: number, runs: number): SpilledAgainstColumns {
  const spilled = trendVariant("spilled");
  const columns = trendVariant("columns");
  const wall = { spilled: [] as number[], columns: [] as number[] };
  const cpu = { spilled: [] as number[], columns: [] as number[] };
  let lastSpilled: unknown[][] = [];
  let lastColumns: unknown = null;
  const once = (side: "spilled" | "columns", measured: boolean) => {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    if (side === "spilled") lastSpilled = spilled(inputs);
    else lastColumns = columns(inputs);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    const c = process.cpuUsage(c0);
    if (!measured) return;
    wall[side].push(ms);
    cpu[side].push((c.user + c.system) / 1000);
  };
  for (let i = 0; i < warmup + runs; i++) {
    once("spilled", i >= warmup);
    once("columns", i >= warmup);
  }
  return {
    spilled: { runsMs: wall.spilled, medianMs: median(wall.spilled), result: lastSpilled },
    columns: { runsMs: wall.columns, medianMs: median(wall.columns), result: lastColumns },
    spilledCpuMs: median(cpu.spilled),
    columnsCpuMs: median(cpu.columns),
  };
}

/** Rows on which two variants' results differ (0 when the adapter reports exactly what the core computes). */
export function differingRows(a: unknown[][], b: unknown[][]): number {
  let differ = a.length === b.length ? 0 : Math.abs(a.length - b.length);
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i].join("|") !== b[i].join("|")) differ++;
  return differ;
}

/** The columns variant's result as the core variant's rows, for the agreement check (not timed). */
export function columnRows(result: unknown): unknown[][] {
  const { TREND_DIRECTIONS, ROW_BLANK, ROW_FITTED } = shippedCore();
  const c = result as TrendColumns;
  const rows: unknown[][] = [];
  for (let i = 0; i < c.rows; i++) {
    if (c.outcome[i] === ROW_FITTED) {
      const weeks = c.weeksOwed[i];
      rows.push([c.slopePerPeriod[i], TREND_DIRECTIONS[c.direction[i]], c.projectedBalance[i], Number.isNaN(weeks) ? "" : weeks, c.periodsInArrears[i]]);
    } else rows.push([String(c.outcome[i] === ROW_BLANK ? null : c.errors.get(i))]);
  }
  return rows;
}
