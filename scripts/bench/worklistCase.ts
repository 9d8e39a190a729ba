import type { ArrangementJudgement } from "../../core/arrangements/judge";
import type { Account } from "../../core/export/schema";
import type { Worklist, WorklistInput } from "../../core/worklist/worklist";
import { plantArrangements } from "../../samples/generator/plantedArrangements";
import { asTheSheetReadsThem } from "./arrangementsCase";
import { SEED, type BenchData } from "./data";
import { shippedCore } from "./shippedCore";
import { median } from "./timing";

/**
 * The worklist case (issue 15): ARREARS.ARRANGEMENTS plus ARREARS.WORKLIST at team scale,
 * 17,000 accounts, ~37,000 transactions and 3,000 arrangements, target under 20 ms in the core.
 *
 * The arrangements are the generator's planted ones (plantArrangements with the bench's
 * seed and month: the same 3,000 the arrangements case judges, their payments following
 * the month's transactions). Last actions and sign-offs are added on a fixed pattern (no
 * randomness, so every run reads the same input): every 7th account in arrears has a
 * notice served 20 to 79 days before the period end; every 11th awaits the team leader.
 * The 52-week balance history gives the 13-week trend reason.
 *
 * The arrangements reach the core as the sheet passes them: written out as the
 * Arrangements table and read back by readArrangements before the clock starts
 * (asTheSheetReadsThem, shared with the arrangements case).
 */

export const WORKLIST_ARRANGEMENTS = 3_000;
export const WORKLIST_TARGET_MS = 20;

/** The worklist's input over the bench export, with the planted arrangements, actions and sign-offs. */
export function worklistInput(data: BenchData): WorklistInput {
  const end = data.periodEnd;
  const e = data.export;
  // As generateTeamExport({ arrangements }) plants them: on the export's accounts and month, on the arrangements' own random stream.
  const planted = e.arrangements ? { arrangements: e.arrangements, transactions: [] } : plantArrangements(e.accounts, e.transactions, WORKLIST_ARRANGEMENTS, SEED, data.periodStart, end);
  const awaiting = new Set<string>();
  let inArrears = 0;
  const accounts: Account[] = e.accounts.map((a) => {
    if (!(a.balance > 0)) return a;
    const n = inArrears++;
    if (n % 11 === 0) awaiting.add(a.account);
    return n % 7 === 0 ? { ...a, lastAction: "NOSP served", lastActionDate: end - 20 - (n % 60) } : a;
  });
  return {
    accounts,
    transactions: planted.transactions.length ? [...e.transactions, ...planted.transactions] : e.transactions,
    asOf: end,
    arrangements: asTheSheetReadsThem(planted.arrangements),
    history: e.balanceHistory,
    authorisations: { column: "Awaiting authorisation", accounts: awaiting },
    options: { capPerOfficer: 25 },
  };
}

export interface WorklistOutput {
  arrangements: ArrangementJudgement[];
  worklist: Worklist;
}

/** What a sheet with ARREARS.ARRANGEMENTS and ARREARS.WORKLIST computes: every arrangement judged, and the worklist. */
export function runWorklist(input: WorklistInput): WorklistOutput {
  const { judgeArrangements, worklistOf } = shippedCore();
  const arrangements = judgeArrangements(input.arrangements ?? [], input.transactions, input.asOf, {}, input.accounts);
  const worklist = worklistOf(input);
  return { arrangements, worklist };
}

/** Times the case: wall-clock median (as every case) and the CPU-time median beside it. */
export function timeWorklist(data: BenchData, warmup: number, runs: number): { medianMs: number; runsMs: number[]; cpuMedianMs: number } {
  const input = worklistInput(data);
  for (let i = 0; i < warmup; i++) runWorklist(input);
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    runWorklist(input);
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  return { medianMs: median(runsMs), runsMs, cpuMedianMs: median(cpuMs) };
}
