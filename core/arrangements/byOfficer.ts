import type { Account, Transaction } from "../export/schema";
import { fromPence, toPence } from "../money";
import { parseOrThrow } from "../zodIssues";
import { ArrangementOptionsSchema, dueDate, judgeOne, ledgersOf, type AccountHolds, type ArrangementOptionsInput } from "./judge";
import type { Arrangement } from "./schema";

/**
 * Arrangements per officer: how many are active, the arrears they cover, how many have
 * broken since a date, and how many were kept at 3 and 6 months. Each figure re-judges
 * the same arrangements by the same rules at another date, so it agrees with
 * ARREARS.ARRANGEMENTS row by row.
 */

/** One officer's line (or the team total, officer "Team"). */
export interface OfficerArrangements {
  officer: string;
  /** Kept, at risk or on hold at the as-of date (not completed, not broken). */
  active: number;
  /** Sum of the accounts' balances owed (above 0) with an active arrangement, each account once; null without an accounts table. */
  arrearsCovered: number | null;
  /** Broken at the as-of date but not on the day before `since`. */
  brokenSince: number;
  /** Arrangements that had run 3 months by the as-of date (judged then, not on hold), and how many of those were kept or completed then. */
  ranThreeMonths: number;
  keptAtThreeMonths: number;
  ranSixMonths: number;
  keptAtSixMonths: number;
}

/** Column headings, as the by-officer shape spills them. */
export const OFFICER_ARRANGEMENT_COLUMNS = [
  "Officer",
  "Active",
  "Arrears covered £",
  "Broken since",
  "Ran 3 months",
  "Kept at 3 months",
  "Kept at 3 months %",
  "Ran 6 months",
  "Kept at 6 months",
  "Kept at 6 months %",
] as const;

/** The label of the team line. */
export const TEAM_LINE = "Team";

/**
 * Summarises arrangements per officer (sorted by name), then a team line.
 * @param since the date from which breaks are counted (inclusive).
 * @param accounts optional accounts: their holds apply, and their balances give the arrears covered.
 * @throws ArrearsInputError when an option is out of range.
 */
export function arrangementsByOfficer(
  arrangements: readonly Arrangement[],
  transactions: readonly Transaction[],
  asOf: number,
  since: number,
  options: ArrangementOptionsInput = {},
  accounts: readonly (AccountHolds & Partial<Pick<Account, "balance">>)[] | null = null,
): OfficerArrangements[] {
  const o = parseOrThrow(ArrangementOptionsSchema, options);
  const ledgers = ledgersOf(transactions, new Set(arrangements.map((a) => a.account)));
  const byAccount = new Map((accounts ?? []).map((a) => [a.account, a]));
  const lines = new Map<string, OfficerArrangements & { covered: Set<string> }>();
  const blank = (officer: string) => ({ officer, active: 0, arrearsCovered: accounts ? 0 : null, brokenSince: 0, ranThreeMonths: 0, keptAtThreeMonths: 0, ranSixMonths: 0, keptAtSixMonths: 0, covered: new Set<string>() });
  const team = blank(TEAM_LINE);
  for (const a of arrangements) {
    let line = lines.get(a.officer);
    if (!line) lines.set(a.officer, (line = blank(a.officer)));
    const judge = (when: number) => judgeOne(a, ledgers.get(a.account), when, o, byAccount.get(a.account)).outcome;
    const now = judge(asOf);
    for (const l of [line, team]) {
      if (now === "kept" || now === "at risk" || now === "on hold") {
        l.active++;
        const acc = byAccount.get(a.account);
        // Each account's balance once per line, however many arrangements it has.
        if (acc && !l.covered.has(a.account)) {
          l.covered.add(a.account);
          l.arrearsCovered = fromPence(toPence(l.arrearsCovered ?? 0) + Math.max(0, toPence(acc.balance ?? 0)));
        }
      }
    }
    if (now === "broken" && judge(since - 1) !== "broken") {
      line.brokenSince++;
      team.brokenSince++;
    }
    for (const [months, ran, kept] of [
      [3, "ranThreeMonths", "keptAtThreeMonths"],
      [6, "ranSixMonths", "keptAtSixMonths"],
    ] as const) {
      const at = dueDate(a.startDate, "monthly", months);
      if (at > asOf) continue;
      const then = judge(at);
      if (then === "on hold") continue;
      for (const l of [line, team]) {
        l[ran]++;
        if (then === "kept" || then === "completed") l[kept]++;
      }
    }
  }
  const strip = ({ covered: _covered, ...rest }: OfficerArrangements & { covered: Set<string> }): OfficerArrangements => rest;
  return [...[...lines.values()].sort((x, y) => (x.officer < y.officer ? -1 : x.officer > y.officer ? 1 : 0)).map(strip), strip(team)];
}

/** A share as a percentage to 2 dp, or null when nothing ran that long. */
export function keptPercent(kept: number, ran: number): number | null {
  return ran === 0 ? null : Math.round((kept / ran) * 10_000) / 100;
}
