import type { OutCell, OutSheet } from "../../cli/io/xlsx";
import { DEFAULT_ESCALATION_POLICY, policyToTable } from "../../core/escalation/policy";
import { monthlyReturn, kpiById } from "../../core/kpi/monthlyReturn";
import type { TeamExport } from "../generator/teamExport";
import { savedCall } from "../../addin/excel/savedFormulas";
import { exportTableSheets, TABLES } from "./exportSheets";

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
  return [returnSheet, officers, ageing, escalations, checks, policy, ...exportTableSheets(exp)];
}
