import { parseDateToSerial, readDate } from "../values/date";
import { ArrearsInputError, describeValue } from "../errors";
import { neutraliseCellText } from "../safety/cellText";
import type { ReviewDraft } from "./review";
import type { CriterionResponse, ScoreResult } from "./scoring";
import { ANSWER_LABELS, ANSWERS, criteriaOf, type Answer, type QaTemplate } from "./template";

/**
 * The QAReviews table: one row per saved review, so the reviews travel with the
 * workbook and can be filtered, pivoted and charted with ordinary Excel tools.
 * Fixed columns first, then one column per criterion answer (criteria of every
 * template version ever saved; a row leaves other templates' columns blank).
 */

/** Name of the Excel table reviews are saved to. */
export const REVIEW_TABLE = "QAReviews";
/** Name of the sheet the table is created on. */
export const REVIEW_SHEET = "QA Reviews";

/** The fixed columns, in order. */
export const FIXED_HEADERS = [
  "Review ID",
  "Officer",
  "Call date",
  "Reference",
  "Reviewer",
  "Template ID",
  "Template version",
  "Score",
  "Raw score",
  "Grade",
  "Critical fail",
  "Critical items",
  "Comments",
  "Notes",
  "Started",
  "Saved",
] as const;

/**
 * Columns that make a table the reviews table even under another name: a team
 * leader may rename the table and its sheet, and the history must still be found
 * rather than a new empty table started beside it.
 */
export const REVIEW_KEY_HEADERS = ["Review ID", "Officer", "Call date", "Score", "Template ID", "Template version"] as const;

/** True when a header row has every key column of the reviews table (case and spaces ignored). */
export function isReviewTableHeader(headers: readonly unknown[]): boolean {
  const have = new Set(headers.map((h) => String(h ?? "").trim().toLowerCase()));
  return REVIEW_KEY_HEADERS.every((h) => have.has(h.toLowerCase()));
}

/** Number formats for the date columns (Excel serials). */
export const DATE_FORMATS: Record<string, string> = { "Call date": "dd/mm/yyyy", Started: "dd/mm/yyyy hh:mm", Saved: "dd/mm/yyyy hh:mm" };

/** A cell value as written to or read from the table. */
export type TableCell = string | number | boolean | null;

/** A review as it stands in the table. */
export interface SavedReview {
  reviewId: string;
  officer: string;
  /** Excel serial of the call date, or null if the cell is not a date. */
  callDate: number | null;
  reference: string;
  reviewer: string;
  templateId: string;
  templateVersion: number | null;
  score: number | null;
  rawScore: number | null;
  grade: string;
  criticalFail: boolean;
  /** Criterion ids that caused a critical fail. */
  criticalItems: string[];
  answers: Record<string, Answer | null>;
  comments: Record<string, string>;
  notes: string;
  started: number | null;
  saved: number | null;
}

const EPOCH_UTC = Date.UTC(1899, 11, 30);

/**
 * Text a person typed, made safe to write as a cell and kept as text: formula
 * look-alikes are neutralised, and text Excel would turn into a number, date or
 * TRUE/FALSE (an account reference "001234", "12/3") gets the same leading
 * apostrophe, so leading zeros and the exact reference survive.
 */
export function textCell(text: string): string {
  const safe = neutraliseCellText(text);
  if (safe !== text) return safe;
  return /^[\d\s.,/:%£$()-]*\d[\d\s.,/:%£$()-]*$/.test(text) || /^(true|false)$/i.test(text.trim()) ? `'${text}` : text;
}

/** Excel serial with the time of day (the table stores timestamps as real Excel date-times). */
export function dateTimeToSerial(d: Date): number {
  return Math.round(((d.getTime() - EPOCH_UTC) / 86_400_000) * 86_400) / 86_400;
}

const norm = (h: unknown) => String(h ?? "").trim().toLowerCase();

/** Headers the table needs for this template: any existing headers kept in place, missing ones appended. */
export function headersNeeded(template: QaTemplate, existing: readonly string[]): string[] {
  const have = new Set(existing.map(norm));
  const wanted = [...FIXED_HEADERS, ...criteriaOf(template).map((c) => c.id)];
  return [...existing, ...wanted.filter((h) => !have.has(norm(h)))];
}

// Comments are stored "A1: text" one per line; newlines inside a comment would break that.
const oneLine = (s: string) => s.replace(/\s*[\r\n]+\s*/g, " ").trim();

/** Formats criterion comments for the Comments column. */
export function formatComments(comments: Record<string, string>, order: readonly string[]): string {
  return order.filter((id) => comments[id]?.trim()).map((id) => `${id}: ${oneLine(comments[id])}`).join("\n");
}

/** Parses the Comments column back into criterion comments. */
export function parseComments(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^'?([A-Za-z][A-Za-z0-9_.-]{0,15}): (.*)$/.exec(line);
    if (m) out[m[1]] = m[2];
  }
  return out;
}

/**
 * The row to append for a draft, aligned to the table's headers. Every text
 * value from the reviewer goes through neutraliseCellText so "=..." stays text.
 * Columns the review does not fill (another template's criteria, columns the
 * team added) are written empty: Office.js types rows as plain values, so
 * null ("leave as is") is not a documented option for table.rows.add.
 */
export function reviewToRow(headers: readonly string[], draft: ReviewDraft, template: QaTemplate, result: ScoreResult, savedAt: Date): (string | number | boolean)[] {
  const ids = criteriaOf(template).map((c) => c.id);
  const comments: Record<string, string> = {};
  for (const id of ids) comments[id] = draft.responses[id]?.comment ?? "";
  const started = new Date(draft.startedAt);
  const fixed: Record<string, TableCell> = {
    "review id": draft.reviewId,
    officer: textCell(draft.officer.trim()),
    "call date": parseDateToSerial(draft.callDate),
    reference: textCell(draft.reference.trim()),
    reviewer: textCell(draft.reviewer.trim()),
    "template id": template.id,
    "template version": template.version,
    score: result.score,
    "raw score": result.rawScore,
    grade: textCell(result.grade),
    "critical fail": result.criticalFail,
    "critical items": textCell(result.criticalFailures.map((f) => `${f.criterionId} (${f.code})`).join("; ")),
    comments: textCell(formatComments(comments, ids)),
    notes: textCell(oneLine(draft.notes)),
    started: Number.isNaN(started.getTime()) ? null : dateTimeToSerial(started),
    saved: dateTimeToSerial(savedAt),
  };
  const byId = new Map(ids.map((id) => [id.toLowerCase(), id]));
  return headers.map((h) => {
    const key = norm(h);
    if (key in fixed) return fixed[key] ?? "";
    const id = byId.get(key);
    if (id) {
      const a = draft.responses[id]?.answer;
      return a ? ANSWER_LABELS[a] : "";
    }
    return "";
  });
}

const LABEL_TO_ANSWER = new Map<string, Answer>(ANSWERS.map((a) => [ANSWER_LABELS[a].toLowerCase(), a]));

function textOf(v: unknown): string {
  if (v === null || v === undefined) return "";
  const s = String(v);
  // Excel hides the guard apostrophe when reading back; strip it if a stand-in returns it.
  return s.startsWith("'") ? s.slice(1) : s;
}

function valueOrNull<T>(r: { ok: true; value: T } | { ok: false }): T | null {
  return r.ok ? r.value : null;
}

function numberOf(v: unknown): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function boolOf(v: unknown): boolean {
  if (typeof v === "boolean") return v;
  return ["true", "yes", "y", "1"].includes(norm(v));
}

/**
 * Reads one table row back into a review. Returns null for a row without a
 * review id (a blank or hand-typed row), which every reader skips.
 */
export function rowToReview(headers: readonly unknown[], row: readonly unknown[]): SavedReview | null {
  const at = new Map<string, number>();
  headers.forEach((h, i) => {
    if (!at.has(norm(h))) at.set(norm(h), i);
  });
  const get = (name: string) => (at.has(name) ? row[at.get(name)!] : null);
  const reviewId = textOf(get("review id")).trim();
  if (!reviewId) return null;
  const fixed = new Set(FIXED_HEADERS.map((h) => h.toLowerCase()));
  const answers: Record<string, Answer | null> = {};
  headers.forEach((h, i) => {
    const name = String(h ?? "").trim();
    if (!name || fixed.has(name.toLowerCase())) return;
    const label = norm(row[i]);
    if (LABEL_TO_ANSWER.has(label)) answers[name] = LABEL_TO_ANSWER.get(label)!;
  });
  const callDateCell = get("call date");
  return {
    reviewId,
    officer: textOf(get("officer")).trim(),
    // The one date grammar: a serial past 9999-12-31 or text that is not a date is no call date, never a crash later.
    callDate: callDateCell === null || callDateCell === undefined || callDateCell === "" ? null : valueOrNull(readDate(callDateCell)),
    reference: textOf(get("reference")),
    reviewer: textOf(get("reviewer")),
    templateId: textOf(get("template id")),
    templateVersion: numberOf(get("template version")),
    score: numberOf(get("score")),
    rawScore: numberOf(get("raw score")),
    grade: textOf(get("grade")),
    criticalFail: boolOf(get("critical fail")),
    criticalItems: textOf(get("critical items"))
      .split(";")
      .map((s) => s.trim().split(" ")[0])
      .filter(Boolean),
    answers,
    comments: parseComments(textOf(get("comments"))),
    notes: textOf(get("notes")),
    started: numberOf(get("started")),
    saved: numberOf(get("saved")),
  };
}

/**
 * A saved review's answers as scoring responses for a template. Column headers
 * match criterion ids without regard to case (one "C1" column serves every
 * template with a criterion c1), so this maps them back to the template's ids.
 */
export function responsesFromSaved(template: QaTemplate, review: SavedReview): Record<string, CriterionResponse> {
  const byLower = new Map(Object.entries(review.answers).map(([k, v]) => [k.toLowerCase(), v]));
  const comments = new Map(Object.entries(review.comments).map(([k, v]) => [k.toLowerCase(), v]));
  const critical = new Set(review.criticalItems.map((id) => id.toLowerCase()));
  const out: Record<string, CriterionResponse> = {};
  for (const c of criteriaOf(template)) {
    const key = c.id.toLowerCase();
    out[c.id] = { answer: byLower.get(key) ?? null, comment: comments.get(key) ?? "", criticalFlag: c.critical?.trigger === "flag" && critical.has(key) };
  }
  return out;
}

// Sorted keys, so two records with the same entries compare equal whatever their order.
const canonical = (v: unknown): string =>
  v !== null && typeof v === "object" && !Array.isArray(v)
    ? `{${Object.keys(v)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
        .join(",")}}`
    : JSON.stringify(v);

/**
 * The first field in which two rows of one review differ, or null when they hold
 * the same review. The Saved time is left out: two panes saving one draft at once
 * write the same review a moment apart.
 */
export function reviewDifference(a: SavedReview, b: SavedReview): { field: keyof SavedReview; a: unknown; b: unknown } | null {
  for (const field of Object.keys(a) as (keyof SavedReview)[]) {
    if (field === "saved") continue;
    if (canonical(a[field]) !== canonical(b[field])) return { field, a: a[field], b: b[field] };
  }
  return null;
}

/**
 * Each review id once, in table order. A row repeated by a retried or concurrent
 * save (same review, same answers) is counted once; two rows with one id that
 * disagree cannot both be right, so they are refused rather than one guessed.
 * @param source the table's name, for the message.
 * @throws ArrearsInputError naming the review id, the field and both values.
 */
export function uniqueReviews(reviews: readonly SavedReview[], source = REVIEW_TABLE): SavedReview[] {
  const first = new Map<string, SavedReview>();
  for (const r of reviews) {
    const seen = first.get(r.reviewId);
    if (!seen) {
      first.set(r.reviewId, r);
      continue;
    }
    const diff = reviewDifference(seen, r);
    if (diff) {
      const show = (v: unknown) => (typeof v === "object" && v !== null ? JSON.stringify(v).slice(0, 40) : describeValue(v));
      throw new ArrearsInputError(
        "reviews",
        `${source} has two rows with review id ${r.reviewId} that differ in ${diff.field} (${show(diff.a)} and ${show(diff.b)}): delete the wrong row, then try again`,
      );
    }
  }
  return [...first.values()];
}

/**
 * Reads a whole table given with its header row (as QAReviews[#All] arrives in a
 * formula), each review id once (see {@link uniqueReviews}).
 */
export function readReviewTable(grid: readonly (readonly unknown[])[], source = REVIEW_TABLE): SavedReview[] {
  if (grid.length === 0) return [];
  const [headers, ...rows] = grid;
  return uniqueReviews(
    rows.map((r) => rowToReview(headers, r)).filter((r): r is SavedReview => r !== null),
    source,
  );
}
