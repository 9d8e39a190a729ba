import { serialToIso } from "../dates/excelSerial";
import { neutraliseCellText } from "../safety/cellText";
import { monthLabel } from "./month";
import { responsesFromSaved, uniqueReviews, type SavedReview, type TableCell } from "./reviewTable";
import { scoreReview } from "./scoring";
import { averageScore } from "./summary";
import { criteriaOf, templateKey, type QaTemplate } from "./template";

/**
 * The one-to-one sheet: an officer's reviews for a month laid out for the
 * conversation, with section scores, every comment, and their arrears KPIs
 * where the workbook has them. Built here as a plain grid; the pane writes it.
 */

/** One KPI line taken from the workbook's monthly-return data. */
export interface KpiLine {
  label: string;
  value: string | number;
}

/** A sheet ready to write: its name and rectangular rows of values. */
export interface SheetGrid {
  name: string;
  rows: TableCell[][];
  /** Row indexes (0-based) that are headings, for bold formatting. */
  headingRows: number[];
}

/** A valid worksheet name (at most 31 characters, none of : \ / ? * [ ]) for an officer's one-to-one. */
export function oneToOneSheetName(officer: string, month: string): string {
  const clean = officer.replace(/[:\\/?*[\]']/g, "").trim();
  const suffix = ` ${month}`;
  return `1-2-1 ${clean}`.slice(0, 31 - suffix.length).trim() + suffix;
}

/**
 * Lays out the one-to-one sheet. Section scores are recomputed from the saved
 * answers against the exact template version each review was scored with; if
 * that version is not available they are left blank rather than guessed. Each
 * review id counts once (a row repeated by a retried save is one call).
 */
export function buildOneToOneSheet(input: {
  officer: string;
  month: string;
  reviews: readonly SavedReview[];
  templates: readonly QaTemplate[];
  kpis: readonly KpiLine[];
}): SheetGrid {
  const { officer, month } = input;
  const reviews = uniqueReviews(input.reviews);
  const t = (s: string) => neutraliseCellText(s);
  const rows: TableCell[][] = [];
  const headingRows: number[] = [];
  const heading = (text: string) => {
    headingRows.push(rows.length);
    rows.push([text]);
  };
  const byKey = new Map(input.templates.map((tp) => [templateKey(tp), tp]));
  heading(t(`One-to-one: call quality, ${officer}, ${monthLabel(month)}`));
  const avg = averageScore(reviews);
  rows.push(["Calls reviewed", reviews.length]);
  rows.push(["Average score", avg ?? ""]);
  rows.push(["Critical fails", reviews.filter((r) => r.criticalFail).length]);
  rows.push([]);

  heading("Reviews");
  rows.push(["Call date", "Reference", "Reviewer", "Score", "Grade", "Critical items", "Score before critical fail", "Template"]);
  const sorted = [...reviews].sort((a, b) => (a.callDate ?? 0) - (b.callDate ?? 0));
  for (const r of sorted) {
    rows.push([r.callDate !== null ? serialToIso(r.callDate) : "", t(r.reference), t(r.reviewer), r.score ?? "", r.grade, r.criticalItems.join(", "), r.criticalFail ? (r.rawScore ?? "") : "", `${r.templateId} v${r.templateVersion ?? "?"}`]);
  }
  rows.push([]);

  heading("Scores by section");
  const sectionTitles: string[] = [];
  const perReview = sorted.map((r) => {
    const tp = r.templateVersion !== null ? byKey.get(templateKey({ id: r.templateId, version: r.templateVersion })) : undefined;
    if (!tp) return null;
    const result = scoreReview(tp, responsesFromSaved(tp, r));
    for (const s of result.sections) if (!sectionTitles.includes(s.title)) sectionTitles.push(s.title);
    return new Map(result.sections.map((s) => [s.title, s.score]));
  });
  // One column per call, headed by date and reference (two calls can share a date).
  rows.push(["Section", ...sorted.map((r) => `${r.callDate !== null ? serialToIso(r.callDate) : ""} ${r.reference}`.trim())]);
  for (const title of sectionTitles) rows.push([title, ...perReview.map((m) => m?.get(title) ?? "")]);
  if (perReview.some((m) => m === null)) rows.push(["(Blank: the template version that review was scored with is not in this workbook.)"]);
  rows.push([]);

  heading("Comments");
  rows.push(["Call date", "Criterion", "Answer", "Comment"]);
  for (const r of sorted) {
    const tp = r.templateVersion !== null ? byKey.get(templateKey({ id: r.templateId, version: r.templateVersion })) : undefined;
    const textOf = new Map(tp ? criteriaOf(tp).map((c) => [c.id, c.text]) : []);
    const date = r.callDate !== null ? serialToIso(r.callDate) : "";
    for (const [id, comment] of Object.entries(r.comments)) {
      const answer = r.answers[id];
      rows.push([date, t(textOf.has(id) ? `${id} ${textOf.get(id)}` : id), answer ? { met: "Met", partly: "Partly", notMet: "Not met", na: "N/A" }[answer] : "", t(comment)]);
    }
    if (r.notes.trim()) rows.push([date, "Overall", "", t(r.notes)]);
  }
  rows.push([]);

  heading("Arrears KPIs (monthly return)");
  if (input.kpis.length === 0) rows.push(["No monthly-return figures for this officer and month were found in the workbook."]);
  for (const k of input.kpis) rows.push([t(k.label), typeof k.value === "string" ? t(k.value) : k.value]);

  const width = Math.max(...rows.map((r) => r.length));
  // Every text cell is guarded, whatever its source (the table, an imported template, the KPI table).
  const guard = (v: TableCell): TableCell => (typeof v === "string" && !v.startsWith("'") ? neutraliseCellText(v) : v);
  return { name: oneToOneSheetName(officer, month), rows: rows.map((r) => [...r, ...Array(width - r.length).fill("")].map(guard)), headingRows };
}
