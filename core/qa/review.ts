import { z } from "zod";
import { parseDateToSerial } from "../values/date";
import { ANSWERS, criteriaOf, type QaTemplate } from "./template";
import type { CriterionResponse } from "./scoring";

/**
 * A review in progress (a draft): what the pane holds, autosaves and restores.
 * Drafts are read back from browser storage or the workbook, so they are
 * validated like any other untrusted input.
 */

const responseSchema = z.object({
  answer: z.enum(ANSWERS).nullable(),
  comment: z.string().max(2000).default(""),
  criticalFlag: z.boolean().default(false),
});

/** zod schema of a stored draft. */
export const draftSchema = z.object({
  reviewId: z.string().min(1).max(64),
  officer: z.string().max(120),
  callDate: z.string().max(10),
  reference: z.string().max(120),
  reviewer: z.string().max(120),
  templateId: z.string().min(1),
  templateVersion: z.number().int().min(1),
  notes: z.string().max(4000).default(""),
  responses: z.record(z.string(), responseSchema),
  startedAt: z.string(),
  updatedAt: z.string(),
});

/** A review being scored. `callDate` is ISO yyyy-mm-dd as a date input gives it, or "". */
export type ReviewDraft = z.output<typeof draftSchema>;

/** Starts an empty draft for a template. */
export function newDraft(template: QaTemplate, reviewId: string, now: Date, reviewer = ""): ReviewDraft {
  const iso = now.toISOString();
  return { reviewId, officer: "", callDate: "", reference: "", reviewer, templateId: template.id, templateVersion: template.version, notes: "", responses: {}, startedAt: iso, updatedAt: iso };
}

/** Reads a stored draft; null when it is missing or damaged (a damaged draft is not worth crashing the pane for). */
export function parseDraft(value: unknown): ReviewDraft | null {
  const r = draftSchema.safeParse(value);
  return r.success ? r.data : null;
}

/** Returns a copy of the draft with one criterion's response changed. */
export function withResponse(draft: ReviewDraft, criterionId: string, change: Partial<CriterionResponse>, now: Date): ReviewDraft {
  const current = draft.responses[criterionId] ?? { answer: null, comment: "", criticalFlag: false };
  return { ...draft, responses: { ...draft.responses, [criterionId]: { ...current, ...change } }, updatedAt: now.toISOString() };
}

/** One reason a draft cannot be saved yet, with the field to send focus to. */
export interface SaveProblem {
  field: string;
  message: string;
}

/**
 * What stops a draft being saved: missing header fields, a call date that is not
 * a real date or is after `todayIso` (the reviewer's local date, yyyy-mm-dd), and
 * unanswered criteria (N/A is an answer).
 */
export function problemsBeforeSave(draft: ReviewDraft, template: QaTemplate, todayIso: string): SaveProblem[] {
  const problems: SaveProblem[] = [];
  if (!draft.officer.trim()) problems.push({ field: "officer", message: "Choose the officer whose call this is." });
  const serial = draft.callDate ? parseDateToSerial(draft.callDate) : null;
  if (serial === null) problems.push({ field: "callDate", message: "Enter the date of the call." });
  else if (draft.callDate > todayIso) problems.push({ field: "callDate", message: "The call date is in the future." });
  if (!draft.reference.trim()) problems.push({ field: "reference", message: "Enter the account or call reference." });
  if (!draft.reviewer.trim()) problems.push({ field: "reviewer", message: "Enter your name as reviewer." });
  const unanswered = criteriaOf(template).filter((c) => {
    const a = draft.responses[c.id]?.answer;
    return !a || !c.answers.includes(a);
  });
  if (unanswered.length) {
    problems.push({ field: `criterion-${unanswered[0].id}`, message: `Answer every criterion (N/A where it does not apply): ${unanswered.map((c) => c.id).join(", ")} ${unanswered.length === 1 ? "is" : "are"} unanswered.` });
  }
  return problems;
}
