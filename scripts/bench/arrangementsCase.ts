import type { ArrangementJudgement } from "../../core/arrangements/judge";
import { readArrangements } from "../../core/arrangements/readArrangements";
import type { Arrangement } from "../../core/arrangements/schema";
import { generateTeamExport, isoToSerial, teamExportTables, type TeamExport } from "../../samples/generator/teamExport";
import { OFFICERS, PERIOD_END_ISO, PERIOD_START_ISO, SEED, TEAM_ACCOUNTS } from "./data";
import { shippedCore } from "./shippedCore";

/**
 * The arrangements case: ARREARS.ARRANGEMENTS's work in the core as shipped, judging
 * 3,000 planted arrangements at the period end from the transactions, the accounts'
 * holds applying. The export is the bench's own (same seed, officers and month), with
 * arrangements planted on their own random stream: the accounts and the month's
 * ~37,000 transactions are the other cases' exactly, and the arrangements' payments
 * (months before the period too) follow them in the transactions table. The
 * arrangements reach the judge as the sheet passes them: written out as the
 * Arrangements table and read back ({@link asTheSheetReadsThem}).
 */

/** Arrangements at team scale (17,000 accounts): the figure. */
export const TEAM_ARRANGEMENTS = 3000;

export interface ArrangementsData {
  export: TeamExport;
  asOf: number;
  /** The month's transactions, without the arrangements' own payments. */
  monthTransactions: number;
}

export function arrangementsData(accounts = TEAM_ACCOUNTS, arrangements = TEAM_ARRANGEMENTS): ArrangementsData {
  // 52 weeks of history as the other cases: the history draws on the export's random stream, so fewer weeks would change the accounts after the first.
  const options = { accounts, officers: OFFICERS, seed: SEED, periodStart: PERIOD_START_ISO, periodEnd: PERIOD_END_ISO, weeks: 52 };
  const month = generateTeamExport(options).transactions.length;
  const exp = generateTeamExport({ ...options, arrangements });
  return { export: { ...exp, arrangements: asTheSheetReadsThem(exp.arrangements!) }, asOf: isoToSerial(PERIOD_END_ISO), monthTransactions: month };
}

/**
 * The arrangements as the Arrangements table holds them, read back by readArrangements
 * (what the add-in and the CLI pass on), checked equal field for field to the planted
 * ones. The generator builds each planted arrangement by spreading a shared base, which
 * leaves V8 with a hidden class of its own per object (3,000 in all): every field read in
 * the judge then took the slow, many-shapes path, about a quarter of the time judging
 * them, a cost no workbook's arrangements, read from one table by one reader, ever have.
 */
export function asTheSheetReadsThem(planted: readonly Arrangement[]): Arrangement[] {
  const rows = teamExportTables({ accounts: [], transactions: [], voids: [], balanceHistory: { dates: [], accounts: [], balances: [] }, arrangements: [...planted] }).arrangements!;
  const read = readArrangements(rows);
  const differ = read.findIndex((a, i) => JSON.stringify(a, Object.keys(planted[i]).sort()) !== JSON.stringify(planted[i], Object.keys(planted[i]).sort()));
  if (read.length !== planted.length || differ >= 0) throw new Error(`the Arrangements table read back differs from the planted arrangements at ${differ}`);
  return read;
}

/** Judges every arrangement once (grouping the transactions by account included). */
export function runArrangements(data: ArrangementsData): ArrangementJudgement[] {
  const { judgeArrangements } = shippedCore();
  const { arrangements, transactions, accounts } = data.export;
  return judgeArrangements(arrangements!, transactions, data.asOf, {}, accounts);
}
