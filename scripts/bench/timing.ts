/**
 * Timing helpers: warm-up runs first (so the JIT has compiled the hot loops and the
 * figures describe steady use, as in a workbook that recalculates), then the median
 * of the measured runs, which one noisy run cannot move.
 */

export interface Timed<T> {
  /** Milliseconds of each measured run, in order. */
  runsMs: number[];
  medianMs: number;
  /** The last measured run's result, for the agreement check. */
  result: T;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times measured. */
export function timeRuns<T>(fn: () => T, warmup: number, runs: number): Timed<T> {
  for (let i = 0; i < warmup; i++) fn();
  const runsMs: number[] = [];
  let result: T | undefined;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { runsMs, medianMs: median(runsMs), result: result as T };
}

/**
 * Times two functions in alternating rounds (a, b, a, b…) so a noisy neighbour slows
 * both alike: the ratio of their medians then holds on a busy machine.
 */
export function timePaired<A, B>(a: () => A, b: () => B, warmup: number, runs: number): [Timed<A>, Timed<B>] {
  for (let i = 0; i < warmup; i++) {
    a();
    b();
  }
  const aMs: number[] = [];
  const bMs: number[] = [];
  let ra: A | undefined;
  let rb: B | undefined;
  for (let i = 0; i < runs; i++) {
    let t0 = process.hrtime.bigint();
    ra = a();
    aMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    t0 = process.hrtime.bigint();
    rb = b();
    bMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return [
    { runsMs: aMs, medianMs: median(aMs), result: ra as A },
    { runsMs: bMs, medianMs: median(bMs), result: rb as B },
  ];
}
