/**
 * When an arrangement that is neither completed nor on hold counts as broken or at
 * risk: a small table, read top to bottom, first match wins; no match is "kept".
 * Each row is AND of its conditions (a null condition is not checked).
 *
 * Why these thresholds: one missed instalment is common (a payday moved, a bank
 * holiday) and is usually made good, so it is "at risk", a prompt to call, not a
 * break; two instalments' worth behind, or two misses with a whole instalment still
 * owed, is the point at which arrangement procedures commonly treat the agreement as
 * broken and restart recovery (a team can edit these rows). A short payment of a few
 * pence is a miss but only "at risk" until a whole instalment is owed. A miss that
 * has since been made good (nothing overdue now) is kept.
 * Both measures only grow when a payment is taken away, so adding a payment can
 * never turn a kept or at-risk arrangement into a broken one.
 */

/** What a judged arrangement is called, in the words the sheet shows. */
export const ARRANGEMENT_OUTCOMES = ["kept", "at risk", "broken", "completed", "on hold"] as const;
export type ArrangementOutcome = (typeof ARRANGEMENT_OUTCOMES)[number];

export interface ArrangementRule {
  outcome: "broken" | "at risk";
  /** At least this many missed instalments (instalments whose due date and grace passed without enough paid). */
  minMissed: number | null;
  /** The overdue shortfall is at least this many instalments. */
  minShortfallInstalments: number | null;
  /** Something is still owed against the instalments already judged (a miss not made good). */
  shortfallOwed: boolean;
  /** Why, in words, for the reason column. */
  why: string;
}

export const ARRANGEMENT_RULES: readonly ArrangementRule[] = [
  { outcome: "broken", minMissed: null, minShortfallInstalments: 2, shortfallOwed: true, why: "two or more instalments behind" },
  { outcome: "broken", minMissed: 2, minShortfallInstalments: 1, shortfallOwed: true, why: "two or more missed instalments, with an instalment or more still owed" },
  { outcome: "at risk", minMissed: 1, minShortfallInstalments: null, shortfallOwed: true, why: "a missed or short instalment not yet made good" },
];

/** The first rule that matches the measures, or null (kept). */
export function matchingRule(missed: number, overdueShortfallPence: number, instalmentPence: number, rules: readonly ArrangementRule[] = ARRANGEMENT_RULES): ArrangementRule | null {
  for (const r of rules) {
    if (r.shortfallOwed && overdueShortfallPence <= 0) continue;
    if (r.minMissed !== null && missed < r.minMissed) continue;
    if (r.minShortfallInstalments !== null && overdueShortfallPence < r.minShortfallInstalments * instalmentPence) continue;
    return r;
  }
  return null;
}
