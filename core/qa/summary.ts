import { monthOfSerial, previousMonth } from "./month";
import { uniqueReviews, type SavedReview } from "./reviewTable";

/**
 * The monthly QA summary a team leader reads before one-to-ones: per officer,
 * calls reviewed against the agreed target, average score, critical fails and
 * the change from the previous month.
 */

/** Table holding the team list (officers and their monthly review targets). */
export const TEAM_TABLE = "QATeam";
/** Sheet the team table is created on. */
export const TEAM_SHEET = "QA Team";

/** One officer in the team list (the QATeam table). */
export interface TeamMember {
  officer: string;
  team: string;
  /** Calls to review a month for this officer; null means the team's target applies. */
  monthlyTarget: number | null;
}

/** One officer's line in the summary. */
export interface OfficerSummary {
  officer: string;
  reviewed: number;
  target: number;
  belowTarget: boolean;
  /** Mean of the saved scores this month (one decimal place), null with no scored reviews. */
  averageScore: number | null;
  criticalFails: number;
  previousAverage: number | null;
  /** averageScore − previousAverage, null when either month has no score. */
  change: number | null;
  /** True when the officer has reviews but is not in the team list (e.g. left or renamed). */
  notInTeamList: boolean;
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const key = (name: string) => name.trim().toLowerCase();

/**
 * Reviews of one officer (names compared without case or surrounding spaces)
 * whose call falls in a month, each review id once (see uniqueReviews).
 */
export function reviewsInMonth(reviews: readonly SavedReview[], month: string, officer?: string): SavedReview[] {
  return uniqueReviews(reviews).filter((r) => r.callDate !== null && monthOfSerial(r.callDate) === month && (officer === undefined || key(r.officer) === key(officer)));
}

/** Mean saved score of some reviews, one decimal place; reviews with no score (all N/A) are left out. */
export function averageScore(reviews: readonly SavedReview[]): number | null {
  const scores = reviews.map((r) => r.score).filter((s): s is number => s !== null);
  return scores.length ? round1(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
}

/**
 * Builds the month's summary: every officer in the team list (even with no
 * reviews, since they are the ones most below target), then anyone reviewed who
 * is not in the list. Scores are the saved ones, never recomputed, so a template
 * edit cannot change history. Each review id counts once.
 */
export function monthlySummary(all: readonly SavedReview[], team: readonly TeamMember[], month: string, teamTarget: number): OfficerSummary[] {
  const reviews = uniqueReviews(all);
  const previous = previousMonth(month);
  const names: { officer: string; target: number; listed: boolean }[] = team.map((m) => ({ officer: m.officer.trim(), target: m.monthlyTarget ?? teamTarget, listed: true }));
  const listed = new Set(names.map((n) => key(n.officer)));
  for (const r of reviewsInMonth(reviews, month)) {
    if (!listed.has(key(r.officer)) && r.officer) {
      listed.add(key(r.officer));
      names.push({ officer: r.officer, target: teamTarget, listed: false });
    }
  }
  return names.map(({ officer, target, listed: inList }) => {
    const these = reviewsInMonth(reviews, month, officer);
    const avg = averageScore(these);
    const prev = averageScore(reviewsInMonth(reviews, previous, officer));
    return {
      officer,
      reviewed: these.length,
      target,
      belowTarget: these.length < target,
      averageScore: avg,
      criticalFails: these.filter((r) => r.criticalFail).length,
      previousAverage: prev,
      change: avg !== null && prev !== null ? round1(avg - prev) : null,
      notInTeamList: !inList,
    };
  });
}
