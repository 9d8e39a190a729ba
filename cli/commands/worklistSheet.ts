import { serialToIso } from "../../core/dates/excelSerial";
import { POINTS_TABLE_HEADERS, pointsToTable, type PointsTable } from "../../core/worklist/points";
import { HELD_COLUMNS, OFFICER_WORKLIST_COLUMNS, WORKLIST_COLUMNS, type Worklist } from "../../core/worklist/worklist";
import { fitColumnWidths, type OutCell, type OutSheet } from "../io/xlsx";

/**
 * The worklist's sheets for a workbook (Worklist, Held, Worklist by officer, Points), each
 * as the parts `arrears report` builds a sheet from (its reportSheet: name, title, header
 * row, body rows and layout), so the report can add them under its own title block, and
 * `arrears worklist` writes them with {@link asOutSheet}.
 */

type Row = OutSheet["rows"][number];

/** One sheet's parts: what report.ts's reportSheet(name, title, ctx, header, body, layout) takes. */
export interface SheetParts {
  name: string;
  title: string;
  header: Row;
  body: Row[];
  layout: { max: number[]; headerWrapAt: number; after: Row[]; table: boolean };
}

const heading = (value: string): OutCell => ({ value, bold: true, wrap: true });
const wrapped = (value: string): OutCell => ({ value, wrap: true });

/** How the score is built and what is left out, in one line for under the list. */
export const WORKLIST_NOTE =
  "Score = the sum of the points shown beside each reason (the Points sheet). Order: score, then balance, then account. Not listed: wholly technical arrears (UC or HB owing no more than one payment cycle of rent) and held cases (the Held sheet).";

/** The ranked list: rank, account, officer, score, reasons, next action, balance, weeks owed, due by; notes below. */
export function worklistSheet(list: Worklist, asOf: number, capPerOfficer = 25): SheetParts {
  return {
    name: "Worklist",
    title: `Worklist for ${serialToIso(asOf)}: ${list.rows.length} case${list.rows.length === 1 ? "" : "s"} (up to ${capPerOfficer} per officer)`,
    header: WORKLIST_COLUMNS.map(heading),
    body: list.rows.map((r) => [
      { value: r.rank, format: "integer" as const },
      r.account,
      r.officer,
      { value: r.score, format: "integer" as const },
      wrapped(r.reasonText),
      wrapped(r.nextAction),
      { value: r.balance, format: "money" as const },
      { value: r.weeksOwed, format: "weeks" as const },
      { value: r.dueBy, format: "date" as const },
    ]),
    layout: { max: [6, 14, 22, 7, 60, 70, 13, 8, 11], headerWrapAt: 10, after: [[], [WORKLIST_NOTE], ...list.notes.map((n) => [`Note: ${n}`])], table: true },
  };
}

/** The held cases, apart from the ranked list. */
export function heldSheet(list: Worklist): SheetParts {
  return {
    name: "Held",
    title: `Held cases: ${list.held.length}, not ranked`,
    header: HELD_COLUMNS.map(heading),
    body: list.held.map((h) => [h.account, h.officer, wrapped(h.hold), { value: h.balance, format: "money" as const }, { value: h.weeksOwed, format: "weeks" as const }, wrapped(h.reasonText)]),
    layout: { max: [14, 22, 40, 13, 8, 60], headerWrapAt: 10, after: [], table: true },
  };
}

/** Per-officer counts and the team line. */
export function worklistByOfficerSheet(list: Worklist): SheetParts {
  return {
    name: "Worklist by officer",
    title: "Worklist by officer",
    header: OFFICER_WORKLIST_COLUMNS.map(heading),
    body: list.byOfficer.map((l, i) => [
      i === list.byOfficer.length - 1 ? { value: l.officer, bold: true } : l.officer,
      ...[l.needsAction, l.listed, l.dueToday, l.overdue, l.awaitingTeamLeader, l.held, l.technicalOnly].map((n) => ({ value: n, format: "integer" as const })),
    ]),
    layout: {
      max: [22, 10, 10, 10, 10, 12, 10, 10],
      headerWrapAt: 10,
      after: [[], ["Due today: due to escalate on the arrears alone, or its days after the last action run out today. Overdue: those days ran out before today and no later action is recorded."]],
      table: false,
    },
  };
}

/** The points table in use, in the form a team edits and passes back (--points, or below a points row in ARREARS.WORKLIST's options). */
export function pointsSheet(points: PointsTable): SheetParts {
  const [, ...rows] = pointsToTable(points);
  return {
    name: "Points",
    title: "Worklist points: each reason adds its points to a case's score",
    header: POINTS_TABLE_HEADERS.map(heading),
    body: rows.map(([reason, from, pts, words, action, why]) => [reason, from, { value: pts, format: "integer" as const }, wrapped(String(words)), wrapped(String(action)), wrapped(String(why))]),
    layout: { max: [24, 8, 8, 36, 50, 60], headerWrapAt: 10, after: [], table: true },
  };
}

/** A sheet from its parts with a short title block (title, then the lines given, then a blank row), set up to print like the report's. */
export function asOutSheet(parts: SheetParts, preface: readonly string[] = []): OutSheet {
  const block: Row[] = [[{ value: parts.title, title: true }], ...preface.map((l) => [l]), []];
  const rows = [...block, parts.header, ...parts.body];
  return {
    name: parts.name,
    rows: [...rows, ...parts.layout.after],
    headerRow: block.length,
    freezeHeader: true,
    columnWidths: fitColumnWidths(rows, { fromRow: block.length, max: parts.layout.max, headerWrapAt: parts.layout.headerWrapAt }),
    ...(parts.layout.table && parts.body.length > 0 ? { table: { name: parts.name.replace(/[^A-Za-z0-9]/g, "") } } : {}),
    print: { headerText: parts.title },
  };
}
