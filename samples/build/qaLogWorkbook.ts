import type { CellValue, OutCell, OutSheet } from "../../cli/io/xlsx";
import { dateToSerial, serialToIso } from "../../core/dates/excelSerial";
import { DEFAULT_TEMPLATE } from "../../core/qa/builtInTemplates";
import { newDraft, withResponse, type ReviewDraft } from "../../core/qa/review";
import { DATE_FORMATS, headersNeeded, REVIEW_SHEET, REVIEW_TABLE, reviewToRow } from "../../core/qa/reviewTable";
import { scoreReview } from "../../core/qa/scoring";
import { TEAM_SHEET, TEAM_TABLE } from "../../core/qa/summary";
import { criteriaOf, type Answer } from "../../core/qa/template";
import { mulberry32, OFFICER_NAMES } from "../generator/teamExport";
import { savedCall } from "../../addin/excel/savedFormulas";
import { printable, startHereSheet } from "./layout";

/**
 * The QA log: call reviews exactly as the task pane saves them (the QAReviews
 * table, rows built by the same core code the pane uses), the QATeam list the
 * pane reads targets from, and a summary sheet using ARREARS.QASCORE and native
 * COUNTIFS, for a team leader to see the format before scoring real calls.
 */


const OFFICERS = OFFICER_NAMES.slice(0, 5);
const TARGET = 4;
/** Calls reviewed: two months, a few per officer, one seeded pattern of strengths per officer. */
const MONTHS = ["2026-10", "2026-11"] as const;

const bold = (value: string): OutCell => ({ value, bold: true });

function exampleReviews(seed: number): ReviewDraft[] {
  const rnd = mulberry32(seed);
  const criteria = criteriaOf(DEFAULT_TEMPLATE);
  const drafts: ReviewDraft[] = [];
  let n = 0;
  for (const month of MONTHS) {
    OFFICERS.forEach((officer, o) => {
      const calls = month === MONTHS[0] ? TARGET : 2 + (o % 3);
      for (let c = 0; c < calls; c++) {
        n++;
        const day = String(3 + ((c * 6 + o) % 24)).padStart(2, "0");
        const started = new Date(`${month}-${day}T10:${String(10 + o * 7).padStart(2, "0")}:00Z`);
        let d = newDraft(DEFAULT_TEMPLATE, `R-${month.replace("-", "")}-${String(n).padStart(3, "0")}`, started, "Team Leader");
        d = { ...d, officer, callDate: `${month}-${day}`, reference: `A${String(10_000 + Math.floor(rnd() * 9000)).padStart(6, "0")}` };
        const skill = 0.55 + o * 0.09; // officers differ, so the summary has a spread
        for (const crit of criteria) {
          const r = rnd();
          const options = crit.answers as readonly Answer[];
          let answer: Answer = r < skill ? "met" : options.includes("partly") && r < skill + 0.25 ? "partly" : "notMet";
          if (options.includes("na") && rnd() < 0.15) answer = "na";
          // Keep critical items met except one deliberate example, so the log shows what a critical fail looks like.
          if (crit.critical && answer === "notMet") answer = "met";
          d = withResponse(d, crit.id, { answer, comment: answer === "notMet" ? "Discuss at one-to-one" : "" }, started);
        }
        if (n === 7) d = withResponse(d, "A2", { answer: "notMet", comment: "Balance given before ID checks" }, started);
        d = { ...d, notes: n % 4 === 0 ? "Good rapport; agreed £5 a week towards arrears plus rent." : "" };
        drafts.push(d);
      }
    });
  }
  return drafts;
}

/** Builds the sheets: QA Summary, QA Reviews (table QAReviews), QA Team (table QATeam). */
export function qaLogWorkbook(seed = 5): OutSheet[] {
  const headers = headersNeeded(DEFAULT_TEMPLATE, []);
  const dateColumns = new Set(Object.keys(DATE_FORMATS));
  const rows: (CellValue | OutCell)[][] = [headers.map(bold)];
  for (const d of exampleReviews(seed)) {
    const result = scoreReview(DEFAULT_TEMPLATE, d.responses);
    const savedAt = new Date(new Date(d.startedAt).getTime() + 25 * 60_000);
    const row = reviewToRow(headers, d, DEFAULT_TEMPLATE, result, savedAt);
    rows.push(row.map((v, i) => (dateColumns.has(headers[i]) && typeof v === "number" ? { value: v, format: "date" as const } : v)));
  }
  const reviews: OutSheet = { name: REVIEW_SHEET, rows, table: { name: REVIEW_TABLE }, freezeHeader: true, columnWidths: [16, 16, 12, 10, 14, 22, 9, 8, 9, 20, 9, 14, 30, 30, 12, 12] };
  const team: OutSheet = {
    name: TEAM_SHEET,
    table: { name: TEAM_TABLE },
    columnWidths: [18, 10, 14],
    rows: [[bold("Officer"), bold("Team"), bold("Monthly target")], ...OFFICERS.map((o, i) => [o, i < 3 ? "North" : "South", TARGET])],
  };
  const month = MONTHS[1];
  const monthStart = { value: dateToSerial(new Date(`${month}-01T00:00:00Z`)), format: "date" as const };
  const R = `${REVIEW_TABLE}[#All]`;
  const summaryRows: (CellValue | OutCell)[][] = [
    [bold("Month"), monthStart, `Any date in the month; change it to see another month. ${serialToIso(monthStart.value).slice(0, 7)} shown.`],
    [bold("Officer"), bold("Average score"), bold("Calls reviewed"), bold("Target"), bold("Still to review")],
  ];
  OFFICERS.forEach((officer, i) => {
    const r = i + 3;
    summaryRows.push([
      officer,
      { value: null, formula: savedCall("QASCORE", R, `A${r}`, "$B$1"), format: "decimal" },
      { value: null, formula: `COUNTIFS(${REVIEW_TABLE}[Officer],A${r},${REVIEW_TABLE}[Call date],">="&$B$1,${REVIEW_TABLE}[Call date],"<"&EDATE($B$1,1))`, format: "integer" },
      { value: null, formula: `INDEX(${TEAM_TABLE}[Monthly target],MATCH(A${r},${TEAM_TABLE}[Officer],0))`, format: "integer" },
      { value: null, formula: `MAX(0,D${r}-C${r})`, format: "integer" },
    ]);
  });
  const summary: OutSheet = { name: "QA Summary", rows: summaryRows, columnWidths: [18, 14, 14, 10, 14, 40] };
  return [START, ...[{ ...summary, headerRow: 1 }, reviews, team].map((s) => printable(s))];
}

const START = startHereSheet("Call-review QA log: start here", [
  "QA Reviews: example call reviews in the QAReviews table exactly as the call-review task pane saves them, one row per review with every criterion's answer. QA Team: the officers and their monthly review targets, which the pane reads.",
  "QA Summary: for the month in B1, each officer's average score (ARREARS.QASCORE) and calls reviewed against target (native COUNTIFS). Change B1 to see another month.",
  "To review calls: open the task pane (ribbon: Arrears › Call reviews), score a call, and save; the review is added to the QAReviews table.",
]);
