import { criteriaOf, type Answer, type Criterion, type QaTemplate } from "./template";

/**
 * Scoring: score = 100 × Σ(weight × credit) ÷ Σ(weight of applicable criteria),
 * N/A criteria leave the denominator. A critical failure (Not met on a critical
 * compliance item, or the critical tick on a scale item) applies the template's
 * critical effect: zero the score, cap it, or only flag it. The raw score is kept
 * for coaching either way.
 */

/** A reviewer's response to one criterion. */
export interface CriterionResponse {
  answer: Answer | null;
  comment: string;
  /** For criteria whose critical failure is a separate event (trigger "flag"). */
  criticalFlag: boolean;
}

/** Responses keyed by criterion id. */
export type Responses = Readonly<Record<string, CriterionResponse | undefined>>;

/** One critical failure found in a review. */
export interface CriticalFailure {
  criterionId: string;
  code: string;
  description: string;
}

/** A section's share of the score. */
export interface SectionScore {
  sectionId: string;
  title: string;
  /** 0-100, or null when every criterion in the section is N/A or unanswered. */
  score: number | null;
}

/** The result of scoring a review against a template. */
export interface ScoreResult {
  /** Final score 0-100 (one decimal place), after the critical effect; null when nothing applicable has been answered. */
  score: number | null;
  /** Score before the critical effect, for coaching. */
  rawScore: number | null;
  grade: string;
  criticalFail: boolean;
  criticalFailures: CriticalFailure[];
  /** Criterion ids not yet answered, in checklist order. */
  unanswered: string[];
  answeredCount: number;
  totalCount: number;
  sections: SectionScore[];
}

/** The grade label for the critical-fail case when the template zeroes the score. */
export const CRITICAL_FAIL_GRADE = "Critical fail";
/** Shown when no applicable criterion has been answered. */
export const NOT_SCORED_GRADE = "Not scored";

/** Rounds to one decimal place, the precision shown and stored. */
export function roundScore(n: number): number {
  return Math.round(n * 10) / 10;
}

/** The grade band a score falls in: the band with the highest minimum at or below the score. */
export function gradeFor(template: QaTemplate, score: number): string {
  const bands = [...template.bands].sort((a, b) => b.min - a.min);
  return (bands.find((b) => score >= b.min) ?? bands[bands.length - 1]).label;
}

function credit(template: QaTemplate, answer: Answer): number | null {
  return answer === "na" ? null : template.credits[answer];
}

function isCriticalFailure(c: Criterion, r: CriterionResponse | undefined): boolean {
  if (!c.critical || !r) return false;
  // A critical tick only counts if it is allowed here; Not met on a notMet-trigger item always counts.
  return c.critical.trigger === "notMet" ? r.answer === "notMet" : r.criticalFlag === true;
}

function weighted(template: QaTemplate, criteria: readonly Criterion[], responses: Responses): number | null {
  let earned = 0;
  let possible = 0;
  for (const c of criteria) {
    const a = responses[c.id]?.answer;
    // Answers a criterion does not allow (e.g. from an edited template) are ignored, not guessed.
    if (!a || !c.answers.includes(a)) continue;
    const cr = credit(template, a);
    if (cr === null) continue;
    earned += c.weight * cr;
    possible += c.weight;
  }
  return possible > 0 ? (100 * earned) / possible : null;
}

/**
 * Scores responses against a template. Unanswered criteria are left out of the
 * running score (so it is meaningful mid-call) and listed in `unanswered`.
 */
export function scoreReview(template: QaTemplate, responses: Responses): ScoreResult {
  const all = criteriaOf(template);
  const raw = weighted(template, all, responses);
  const rawScore = raw === null ? null : roundScore(raw);
  const criticalFailures: CriticalFailure[] = all
    .filter((c) => isCriticalFailure(c, responses[c.id]))
    .map((c) => ({ criterionId: c.id, code: c.critical!.code, description: c.critical!.description }));
  const criticalFail = criticalFailures.length > 0;
  let score = rawScore;
  let grade = rawScore === null ? NOT_SCORED_GRADE : gradeFor(template, rawScore);
  if (criticalFail) {
    const effect = template.criticalEffect;
    if (effect.mode === "zero") {
      score = 0;
      grade = CRITICAL_FAIL_GRADE;
    } else if (effect.mode === "cap") {
      score = Math.min(rawScore ?? effect.cap, effect.cap);
      grade = gradeFor(template, score);
    }
  }
  const answered = all.filter((c) => {
    const a = responses[c.id]?.answer;
    return a !== null && a !== undefined && c.answers.includes(a);
  });
  return {
    score,
    rawScore,
    grade,
    criticalFail,
    criticalFailures,
    unanswered: all.filter((c) => !answered.includes(c)).map((c) => c.id),
    answeredCount: answered.length,
    totalCount: all.length,
    sections: template.sections.map((s) => {
      const v = weighted(template, s.criteria, responses);
      return { sectionId: s.id, title: s.title, score: v === null ? null : roundScore(v) };
    }),
  };
}
