import type { OutCell, OutSheet } from "../../cli/io/xlsx";
import { DEFAULT_ESCALATION_POLICY, policyToTable } from "../../core/escalation/policy";
import { monthlyReturn, kpiById, type MonthlyReturn } from "../../core/kpi/monthlyReturn";
import type { TeamExport } from "../generator/teamExport";
import { savedCall } from "../../addin/excel/savedFormulas";
import { exportTableSheets, TABLES } from "./exportSheets";
import { OFFICER_COLUMNS } from "../../addin/functions/monthlyReturn";
import { ESCALATION_COLUMNS } from "../../core/escalation/escalate";
import { ARRANGEMENT_COLUMNS, judgeArrangements } from "../../core/arrangements/judge";
import { formatsForHeaders, printable, spillColumnWidths, startHereSheet, titled } from "./layout";
import { DEFAULT_POINTS, pointsToTable } from "../../core/worklist/points";
import { WORKLIST_COLUMNS, worklistOf } from "../../core/worklist/worklist";

/**
 * The monthly-return workbook: the export's tables plus sheets whose formulas
 * build the return from them, so next month a team leader pastes the new export
 * into the tables, changes the two dates, and the return, officer breakdown,
 * ageing and escalation list follow. The escalation policy is a table on the
 * Policy sheet, so the team's own thresholds drive the escalation list. A Checks sheet sets two headline figures
 * beside the same figure worked out with native SUMIFS/COUNTIFS, so anyone can
 * see the add-in agrees with Excel to the penny.
 */

const A = `${TABLES.accounts}[#All]`;
const T = `${TABLES.transactions}[#All]`;
const V = `${TABLES.voids}[#All]`;
const POLICY = "Policy";
const START = "Return!$B$3";
const END = "Return!$B$4";

const bold = (value: string): OutCell => ({ value, bold: true });
const spill = (formula: string, cached: string | number | null = null): OutCell => ({ value: cached, formula, spill: true });

/** Builds the sheets; the anchors' cached values are the core's own results, shown until Excel recalculates. */
export function monthlyReturnWorkbook(exp: TeamExport, periodStart: number, periodEnd: number): OutSheet[] {
  const ret = monthlyReturn(exp, { periodStart, periodEnd });
  const figure = (id: string) => kpiById(ret, id).value;
  const returnSheet: OutSheet = {
    name: "Return",
    columnWidths: [30, 44, 14, 8, 60, 40],
    rows: [
      [bold("Monthly rent-arrears return")],
      ["Paste next month's export into the Accounts, Transactions and Voids tables and change the period; everything below recalculates."],
      [bold("Period start"), { value: periodStart, format: "date" }],
      [bold("Period end"), { value: periodEnd, format: "date" }],
      [],
      [spill(savedCall("MONTHLYRETURN", A, T, START, END, "", V), "Id")],
    ],
  };
  const officers: OutSheet = { name: "By officer", rows: [[spill(savedCall("BYOFFICER", A, T, START, END, "", V), "Officer")]], columnWidths: [18] };
  const ageing: OutSheet = { name: "Ageing", rows: [[spill(savedCall("AGEING", A), "Band")]], columnWidths: [18] };
  const escalations: OutSheet = { name: "Escalations", rows: [[spill(savedCall("ESCALATIONS", A, `${POLICY}[#All]`, END), "Account")]], columnWidths: [12, 16, 10, 12, 28, 10, 60, 50] };
  // The escalation policy as a table the team leader edits (thresholds, actions, holds); ESCALATIONS reads it.
  const [policyHeader, ...policyRules] = policyToTable(DEFAULT_ESCALATION_POLICY);
  const policy: OutSheet = {
    name: POLICY,
    table: { name: POLICY },
    freezeHeader: true,
    columnWidths: [26, 22, 10, 10, 16, 14, 90, 28],
    rows: [policyHeader.map((h) => ({ value: h, bold: true })), ...policyRules.map((r) => r.map((v, i) => (i === 6 ? { value: v, wrap: true } : v)))],
  };

  // Current arrears: current tenancies owing at period end (README "Monthly return").
  const status = `${TABLES.accounts}[status]`;
  const balance = `${TABLES.accounts}[balance]`;
  const checkRow = (label: string, kpi: string, native: string, format: "money" | "integer", row: number): (string | OutCell)[] => [
    label,
    { value: figure(kpi), formula: savedCall("KPI", `"${kpi}"`, A, T, START, END, "", V), format },
    { value: null, formula: native, format },
    { value: 0, formula: `B${row}-C${row}`, format },
  ];
  const checks: OutSheet = {
    name: "Checks",
    columnWidths: [34, 16, 16, 12],
    rows: [
      [bold("Figure"), bold("ARREARS.KPI"), bold("Native formula"), bold("Difference")],
      checkRow("Current tenant arrears £", "current_arrears", `SUMIFS(${balance},${status},"current",${balance},">=0.01")`, "money", 2),
      checkRow("Current tenancies in arrears", "accounts_in_arrears", `COUNTIFS(${status},"current",${balance},">=0.01")`, "integer", 3),
      [],
      ["Difference should be 0. The native column only covers figures SUMIFS/COUNTIFS can express; the Return sheet has every KPI with its definition and source."],
    ],
  };
  return [startHere(), ...[{ ...returnSheet, headerRow: 5 }, ...spillSheets(officers, ageing, escalations, ret), ...arrangementStatus(exp, periodEnd), ...worklistSheets(exp, periodEnd), checks, policy, ...exportTableSheets(exp)].map(printed)];
}

/**
 * ARREARS.ARRANGEMENTS over the Arrangements table at period end, the accounts' holds
 * applying, when the export has arrangements; the anchor's cached value is the core's
 * own count of broken ones, shown until Excel recalculates.
 */
function arrangementStatus(exp: TeamExport, periodEnd: number): OutSheet[] {
  if (!exp.arrangements) return [];
  const formats = formatsForHeaders(ARRANGEMENT_COLUMNS, ["Account", "Officer", "Status", "Reason"]).map((f, i) => (ARRANGEMENT_COLUMNS[i] === "First missed" ? "date" : f));
  const widths = spillColumnWidths(ARRANGEMENT_COLUMNS, formats, exp.arrangements.map((a) => a.account)).map((w, i) => (ARRANGEMENT_COLUMNS[i] === "Reason" ? 100 : ARRANGEMENT_COLUMNS[i] === "Officer" ? 18 : w));
  const broken = judgeArrangements(exp.arrangements, exp.transactions, periodEnd, {}, exp.accounts).filter((j) => j.outcome === "broken").length;
  const sheet: OutSheet = {
    name: "Arrangement status",
    rows: [[spill(savedCall("ARRANGEMENTS", `${TABLES.arrangements}[#All]`, T, END, "", A), "Account")]],
    columnWidths: widths,
    columnFormats: formats,
  };
  return [
    titled(
      sheet,
      "Payment arrangements at period end",
      `ARREARS.ARRANGEMENTS: each arrangement in the Arrangements table judged at the period end (${broken} broken when this sample was built): status, instalments due and paid, shortfall, misses and the reason. UC and HB credits count within their grace windows; held accounts show as on hold.`,
    ),
  ];
}

const POINTS = "Points";

/**
 * ARREARS.WORKLIST at period end over the export, its arrangements and the Policy table, scored
 * by the Points table beside it (the built-in points, there for the team to edit); the anchor's
 * cached value is the core's own count of cases, shown until Excel recalculates.
 */
function worklistSheets(exp: TeamExport, periodEnd: number): OutSheet[] {
  if (!exp.arrangements) return [];
  const list = worklistOf({ accounts: exp.accounts, transactions: exp.transactions, asOf: periodEnd, arrangements: exp.arrangements, policy: DEFAULT_ESCALATION_POLICY });
  const formats = formatsForHeaders(WORKLIST_COLUMNS, ["Account", "Officer", "Reasons", "Next action"]).map((f, i) => (WORKLIST_COLUMNS[i] === "Due by" ? "date" : f));
  const widths = spillColumnWidths(WORKLIST_COLUMNS, formats, list.rows.map((r) => r.account)).map((w, i) => (WORKLIST_COLUMNS[i] === "Reasons" ? 80 : WORKLIST_COLUMNS[i] === "Next action" ? 60 : WORKLIST_COLUMNS[i] === "Officer" ? 18 : w));
  const sheet: OutSheet = {
    name: "Worklist",
    rows: [[spill(savedCall("WORKLIST", A, T, END, `${TABLES.arrangements}[#All]`, "", `${POLICY}[#All]`, "", `${POINTS}[#All]`), "Rank")]],
    columnWidths: widths,
    columnFormats: formats,
  };
  const [pointsHeader, ...pointRows] = pointsToTable(DEFAULT_POINTS);
  const points: OutSheet = {
    name: POINTS,
    table: { name: POINTS },
    freezeHeader: true,
    columnWidths: [24, 12, 8, 44, 50, 70],
    rows: [pointsHeader.map((h) => ({ value: h, bold: true })), ...pointRows.map((r) => r.map((v, i) => (i >= 3 ? { value: v, wrap: true } : v)))],
  };
  return [
    titled(
      sheet,
      "Worklist at period end",
      `ARREARS.WORKLIST: the cases needing action at the period end (${list.rows.length} when this sample was built, up to 25 per officer), ranked by a score that is the sum of the points shown beside each reason; the points come from the Points sheet, which the team can edit. Wholly technical arrears and held cases are left out.`,
    ),
    points,
  ];
}

/** Headers the BYOFFICER and AGEING spills start with (the functions' own), for their column formats and widths. */
const AGEING_COLUMNS = ["Band", "Tenancies", "Arrears £", "% of tenancies in arrears", "% of arrears £", "UC tenancies", "UC arrears £"];

/** The one-cell spill sheets with a title above and each column formatted and wide enough for its heading, figures and row labels. */
function spillSheets(officers: OutSheet, ageing: OutSheet, escalations: OutSheet, ret: MonthlyReturn): OutSheet[] {
  const officerHeaders = [...OFFICER_COLUMNS, ...ret.ageing.map((b) => `Owing ${b.label}`)];
  const officerFormats = formatsForHeaders(officerHeaders, ["Officer"]);
  const ageingFormats = formatsForHeaders(AGEING_COLUMNS, ["Band"]);
  const escalationFormats = formatsForHeaders(ESCALATION_COLUMNS, ["Account", "Officer", "Stage", "Due to escalate", "Reason", "Next action"]);
  const officerNames = [...ret.byOfficer.map((o) => o.officer), "Team total"];
  return [
    titled(
      { ...officers, columnWidths: spillColumnWidths(officerHeaders, officerFormats, officerNames), columnFormats: officerFormats },
      "Monthly return by officer",
      "ARREARS.BYOFFICER: a row per officer (patch) and the team total, for the period on the Return sheet.",
    ),
    titled(
      { ...ageing, columnWidths: spillColumnWidths(AGEING_COLUMNS, ageingFormats, ret.ageing.map((b) => b.label)), columnFormats: ageingFormats },
      "Arrears ageing",
      "ARREARS.AGEING: current tenancies in arrears by weeks of rent owed at period end, UC claimants also shown on their own.",
    ),
    titled(
      {
        ...escalations,
        // Wide enough for each heading ("Due to escalate") and figure, and wider where the builder asks (reason, next action).
        columnWidths: spillColumnWidths(ESCALATION_COLUMNS, escalationFormats).map((w, i) => Math.max(w, escalations.columnWidths?.[i] ?? 0)),
        columnFormats: escalationFormats,
      },
      "Escalation list",
      "ARREARS.ESCALATIONS: every account's recovery stage under the Policy sheet's rules at period end, whether it is due to escalate, why, and the next action.",
    ),
  ];
}

/** Every sheet prints: landscape and one page wide, except the month's transactions, a long narrow list that prints portrait. */
const printed = (sheet: OutSheet): OutSheet => printable(sheet, sheet.name === TABLES.transactions ? { orientation: "portrait" } : {});

function startHere(): OutSheet {
  return startHereSheet("Monthly rent-arrears return: start here", [
    "The month's return built by formulas from the housing system's export: the Accounts, Transactions, Voids and Arrangements sheets are that export as Excel tables.",
    "Return: every KPI of the monthly return with its definition and source, for the period in B3:B4. By officer, Ageing and Escalations: the same figures per officer, by weeks of rent owed, and the escalation list under the Policy sheet's rules (which you can edit).",
    "Arrangement status: the Arrangements table's payment arrangements judged at the period end (kept, at risk, broken, completed, on hold), with the reason for each.",
    "Worklist: the cases needing action at the period end, ranked; each score is the sum of the points beside its reasons, from the Points sheet (edit the points there and the list re-ranks).",
    "Checks: two KPIs beside the same figure from native SUMIFS/COUNTIFS, which should agree to the penny.",
    "Next month: paste the new export into the tables (keep the headers), change the period on Return, and everything recalculates.",
  ]);
}
