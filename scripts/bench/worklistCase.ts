import type { ArrangementJudgement } from "../../core/arrangements/judge";
import type { ColumnarExport } from "../../core/columns/columnarExport";
import type { Account, Transaction } from "../../core/export/schema";
import type { Worklist, WorklistInput } from "../../core/worklist/worklist";
import { plantArrangements } from "../../samples/generator/plantedArrangements";
import { asTheSheetReadsThem } from "./arrangementsCase";
import { SEED, type BenchData } from "./data";
import { shippedCore } from "./shippedCore";
import { median, timeRuns } from "./timing";

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
 *
 * Timed, as the core case is, over the export as the core holds it once imported
 * (toColumnar: accounts in typed columns, each transaction resolved to its account's
 * row), with judgeArrangementsOfColumns and worklistOfColumns: what `arrears report`
 * runs, over the columns it reads once for the return, the arrangements and the
 * worklist. The import is timed beside it, and the path from the row objects
 * (judgeArrangements and worklistOf, what ARREARS.ARRANGEMENTS and ARREARS.WORKLIST
 * call) is its own case, checked to give the same
 * output, so nothing is hidden.
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

/** The worklist's export as the core holds it once imported (the accounts and every transaction, the arrangements' own included). */
export function importWorklist(input: WorklistInput): ColumnarExport {
  // Read, never written: the arrays are passed as they are, not copied.
  return shippedCore().toColumnar({ accounts: input.accounts as Account[], transactions: input.transactions as Transaction[], voids: null });
}

/** Every arrangement judged and the worklist, over the imported columns (the figure issue 15's target is read from). */
export function runWorklist(input: WorklistInput, columns: ColumnarExport): WorklistOutput {
  const { judgeArrangementsOfColumns, worklistOfColumns } = shippedCore();
  const arrangements = judgeArrangementsOfColumns(input.arrangements ?? [], columns, input.asOf, {});
  const worklist = worklistOfColumns(columns, input);
  return { arrangements, worklist };
}

/** The same from the row objects: what a sheet with ARREARS.ARRANGEMENTS and ARREARS.WORKLIST computes. */
export function runWorklistFromRows(input: WorklistInput): WorklistOutput {
  const { judgeArrangements, worklistOf } = shippedCore();
  const arrangements = judgeArrangements(input.arrangements ?? [], input.transactions, input.asOf, {}, input.accounts);
  const worklist = worklistOf(input);
  return { arrangements, worklist };
}

export interface WorklistTiming {
  medianMs: number;
  runsMs: number[];
  cpuMedianMs: number;
  note: string;
  rowsDifferingFromCore?: number;
}

/**
 * Times the case over the imported columns, or from the row objects (`fromRows`): wall-clock median (as every case) and
 * the CPU-time median beside it. The row path's output is compared with the columns' (arrangement judgements and every
 * worklist row, held case and officer line): the differing ones are counted.
 */
export function timeWorklist(data: BenchData, warmup: number, runs: number, fromRows = false): WorklistTiming {
  const input = worklistInput(data);
  const columns = importWorklist(input);
  const run = fromRows ? () => runWorklistFromRows(input) : () => runWorklist(input, columns);
  for (let i = 0; i < warmup; i++) run();
  const runsMs: number[] = [];
  const cpuMs: number[] = [];
  let last: WorklistOutput | null = null;
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    last = run();
    runsMs.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c = process.cpuUsage(c0);
    cpuMs.push((c.user + c.system) / 1000);
  }
  const timing = { medianMs: median(runsMs), runsMs, cpuMedianMs: median(cpuMs) };
  if (!fromRows) {
    // The import's own cost, warmed as the case was, for the note.
    const imports = timeRuns(() => importWorklist(input), warmup, runs);
    return { ...timing, note: `over the export imported once (toColumnar of the ${columns.accountCount.toLocaleString("en-GB")} accounts and ${columns.transactionCount.toLocaleString("en-GB")} transactions, not in the figure: ${imports.medianMs.toFixed(1)} ms median, timed after)` };
  }
  const differ = differingOutputs(runWorklist(input, columns), last!);
  return { ...timing, rowsDifferingFromCore: differ, note: `judgeArrangements + worklistOf from the row objects, as ARREARS.ARRANGEMENTS and ARREARS.WORKLIST are given them; its output compared with the columnar case's: ${differ} of the judgements, worklist rows, held cases and officer lines differ` };
}

/** Judgements, worklist rows, held cases, officer lines and notes that differ between two outputs (and any difference in their numbers). */
export function differingOutputs(a: WorklistOutput, b: WorklistOutput): number {
  const lists = (o: WorklistOutput): unknown[][] => [o.arrangements, o.worklist.rows, o.worklist.held, o.worklist.byOfficer, o.worklist.notes];
  const [x, y] = [lists(a), lists(b)];
  let differ = 0;
  for (let k = 0; k < x.length; k++) {
    differ += Math.abs(x[k].length - y[k].length);
    for (let i = 0; i < Math.min(x[k].length, y[k].length); i++) if (JSON.stringify(x[k][i]) !== JSON.stringify(y[k][i])) differ++;
  }
  return differ;
}
