import { columnLetter, type CellValue, type OutCell, type OutSheet } from "../../cli/io/xlsx";
import { TREND_COLUMNS } from "../../core/trend/trend";
import type { TeamExport } from "../generator/teamExport";
import { savedCall } from "../../addin/excel/savedFormulas";
import { printable, startHereSheet } from "./layout";

/**
 * The arrears-trend workbook: a year of weekly balances per account and one
 * ARREARS.TREND formula over the whole block (the fast way: one call, one spill),
 * with Excel's own SLOPE beside it for the first accounts so the slope can be
 * checked by hand.
 */

const bold = (value: string): OutCell => ({ value, bold: true });
const HEADINGS: Record<(typeof TREND_COLUMNS)[number], string> = {
  slope_per_period: "Slope £/week",
  direction: "Direction",
  projected_balance: "Projected £ in 4 weeks",
  weeks_owed: "Weeks of rent owed",
  periods_in_arrears: "Weeks in arrears",
};
/** Accounts given a native SLOPE check column. */
const CHECKED = 25;

/** Builds the sheets: Balances (account, weekly rent, one column per week) and Trend. */
export function trendWorkbook(exp: TeamExport): OutSheet[] {
  const h = exp.balanceHistory;
  const n = h.accounts.length;
  const weeks = h.dates.length;
  const rentOf = new Map(exp.accounts.map((a) => [a.account, a.weeklyRent]));
  const firstWeek = 2; // column C
  const lastCol = columnLetter(firstWeek + weeks - 1);
  const header: (CellValue | OutCell)[] = [bold("Account"), bold("Weekly rent"), ...h.dates.map((d) => ({ value: d, format: "date" as const, bold: true }))];
  const balances: OutSheet = {
    name: "Balances",
    freezeHeader: true,
    columnWidths: [12, 12],
    rows: [header, ...h.balances.map((row, i) => [h.accounts[i], { value: rentOf.get(h.accounts[i]) ?? null, format: "money" as const }, ...row.map((b) => ({ value: b, format: "money" as const }))])],
  };
  const grid = `Balances!$C$2:$${lastCol}$${n + 1}`;
  const dates = `Balances!$C$1:$${lastCol}$1`;
  const rents = `Balances!$B$2:$B$${n + 1}`;
  const trendRows: (CellValue | OutCell)[][] = [
    [bold("Account"), ...TREND_COLUMNS.map((c) => bold(HEADINGS[c])), null, bold("Check: native SLOPE × 7 (first accounts)")],
    [
      { value: null, formula: `Balances!$A$2:$A$${n + 1}`, spill: true },
      { value: null, formula: savedCall("TREND", grid, dates, rents), spill: true },
    ],
  ];
  // SLOPE against dates is £ a day; ARREARS.TREND's period is the dates' usual spacing (7 days).
  for (let i = 0; i < Math.min(CHECKED, n); i++) {
    const r = i + 2;
    const row = trendRows[i + 1] ?? (trendRows[i + 1] = []);
    row[7] = { value: null, formula: `ROUND(SLOPE(Balances!$C${r}:$${lastCol}${r},${dates})*7,2)`, format: "money" };
  }
  return [
    START,
    ...[
      {
        name: "Trend",
        freezeHeader: true,
        columnWidths: [12, 14, 12, 20, 18, 16, 3, 36],
        rows: trendRows,
        // The spilled slope, projection, weeks owed and weeks in arrears (TREND_COLUMNS order), and the SLOPE check.
        columnFormats: [null, "money", null, "money", "weeks", "integer", null, "money"],
      } satisfies OutSheet,
      balances,
    ].map((s) => printable(s)),
  ];
}

const START = startHereSheet("Arrears trend: start here", [
  "Balances: a year of weekly balances per account (one column per week) and each account's weekly rent. Trend: one ARREARS.TREND formula over the whole block, spilling each account's slope (£ a week), direction, projected balance in 4 weeks, weeks of rent owed and weeks in arrears.",
  "Beside the first accounts, Excel's own SLOPE (× 7 for £ a week) checks the slope by hand. To use your own data, paste your weekly balances over the Balances sheet, keeping the dates in row 1.",
]);
