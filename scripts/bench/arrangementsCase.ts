import type { ArrangementJudgement } from "../../core/arrangements/judge";
import { generateTeamExport, isoToSerial, type TeamExport } from "../../samples/generator/teamExport";
import { OFFICERS, PERIOD_END_ISO, PERIOD_START_ISO, SEED, TEAM_ACCOUNTS } from "./data";
import { shippedCore } from "./shippedCore";

/**
 * The arrangements case: ARREARS.ARRANGEMENTS's work in the core as shipped, judging
 * 3,000 planted arrangements at the period end from the transactions, the accounts'
 * holds applying. The export is the bench's own (same seed, officers and month), with
 * arrangements planted on their own random stream: the accounts and the month's
 * ~37,000 transactions are the other cases' exactly, and the arrangements' payments
 * (months before the period too) follow them in the transactions table.
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
  return { export: generateTeamExport({ ...options, arrangements }), asOf: isoToSerial(PERIOD_END_ISO), monthTransactions: month };
}

/** Judges every arrangement once (grouping the transactions by account included). */
export function runArrangements(data: ArrangementsData): ArrangementJudgement[] {
  const { judgeArrangements } = shippedCore();
  const { arrangements, transactions, accounts } = data.export;
  return judgeArrangements(arrangements!, transactions, data.asOf, {}, accounts);
}
