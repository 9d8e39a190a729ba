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

/** The sides timed in the spilled case's alternating rounds. */
export type PairedSide = "spilled" | "columns" | "bareSpill";

/** Each side's runs from the same alternating rounds: wall time, and CPU time (process.cpuUsage, all threads, so the collector's helpers count), steadier on a shared machine. */
export interface SpilledAgainstColumns {
  timed: Record<PairedSide, Timed<unknown>>;
  cpuMs: Record<PairedSide, number>;
}

/**
 * The least any spilled adapter adds to the fit: trendColumnsOf, then one literal array per row straight from
 * its columns, nothing read or checked (not a function anyone should ship: a bad cell would not be refused and a
 * non-finite figure would reach Excel). What is left over the fit is the cost of the 17,000 arrays Excel needs.
 */
function bareSpill(): (x: TrendInputs) => unknown[][] {
  const { trendColumnsOf, TREND_DIRECTIONS } = shippedCore();
  return (x) => {
    const c = trendColumnsOf(x.grid, { periods: x.dates, weeklyRent: x.rents });
    const out: unknown[][] = new Array(c.rows);
    for (let i = 0; i < c.rows; i++) {
      const w = c.weeksOwed[i];
      out[i] = [c.slopePerPeriod[i], TREND_DIRECTIONS[c.direction[i]], c.projectedBalance[i], w !== w ? "" : w, c.periodsInArrears[i]];
    }
    return out;
  };
}

/**
 * ARREARS.TREND spilled over the grid timed in rounds alternating with the core's trendColumnsOf over the same
 * grid and with {@link bareSpill} (spilled, columns, bare, spilled, columns, bare…) in this one process, so a busy
 * neighbour or a collection slows all alike and the ratios of their medians are of runs made side by side. Each
 * side's last result is held until its next run, as timePaired holds them: the collector pays for the rows there.
 */
export function timeSpilledAgainstColumns(inputs: TrendInputs, warmup: number, runs: number): SpilledAgainstColumns {
  const fns: Record<PairedSide, (x: TrendInputs) => unknown> = { spilled: trendVariant("spilled"), columns: trendVariant("columns"), bareSpill: bareSpill() };
  const sides = Object.keys(fns) as PairedSide[];
  const wall: Record<PairedSide, number[]> = { spilled: [], columns: [], bareSpill: [] };
  const cpu: Record<PairedSide, number[]> = { spilled: [], columns: [], bareSpill: [] };
  const last: Record<PairedSide, unknown> = { spilled: null, columns: null, bareSpill: null };
  for (let i = 0; i < warmup + runs; i++) {
    for (const side of sides) {
      const c0 = process.cpuUsage();
      const t0 = process.hrtime.bigint();
      last[side] = fns[side](inputs);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      const c = process.cpuUsage(c0);
      if (i < warmup) continue;
      wall[side].push(ms);
      cpu[side].push((c.user + c.system) / 1000);
    }
  }
  const timed = {} as Record<PairedSide, Timed<unknown>>;
  const cpuMs = {} as Record<PairedSide, number>;
  for (const side of sides) {
    timed[side] = { runsMs: wall[side], medianMs: median(wall[side]), result: last[side] };
    cpuMs[side] = median(cpu[side]);
  }
  return { timed, cpuMs };
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
