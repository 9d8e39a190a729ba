import { strToU8 } from "fflate";
import { writeXlsx } from "../../cli/io/xlsx";
import { generateTeamExport, isoToSerial, teamExportCsv, type TeamExportOptions } from "../generator/teamExport";
import { balanceHistorySheet, exportTableSheets } from "./exportSheets";
import { householdWorkbook } from "./householdWorkbook";
import { monthlyReturnWorkbook } from "./monthlyReturnWorkbook";
import { qaLogWorkbook } from "./qaLogWorkbook";
import { trendWorkbook } from "./trendWorkbook";

/**
 * Everything `npm run samples` writes, as bytes keyed by path under samples/.
 * Pure and deterministic: the same options give the same bytes, which the
 * samples test checks against the committed files.
 */

export interface SampleFile {
  /** Path relative to samples/, with forward slashes. */
  path: string;
  bytes: Uint8Array;
}

const PERIOD = { periodStart: "2026-10-01", periodEnd: "2026-10-31" } as const;

/** The committed export: small enough to keep in git and open instantly, big enough to show every feature. */
export const SMALL_EXPORT: TeamExportOptions = { accounts: 400, officers: 6, seed: 2026, ...PERIOD, arrangements: 70 };
/** A team-sized export (the seed teams' scale), generated on demand into samples/large. */
export const LARGE_EXPORT: TeamExportOptions = { accounts: 17_000, officers: 12, seed: 2026, ...PERIOD, arrangements: 3000 };

/** The export as CSV files and one .xlsx with a sheet per table, under `dir`. */
export function exportFiles(options: TeamExportOptions, dir: string): SampleFile[] {
  const exp = generateTeamExport(options);
  const csv = teamExportCsv(exp);
  return [
    { path: `${dir}/accounts.csv`, bytes: strToU8(csv.accounts) },
    { path: `${dir}/transactions.csv`, bytes: strToU8(csv.transactions) },
    { path: `${dir}/voids.csv`, bytes: strToU8(csv.voids) },
    { path: `${dir}/balances.csv`, bytes: strToU8(csv.balanceHistory) },
    ...(csv.arrangements ? [{ path: `${dir}/arrangements.csv`, bytes: strToU8(csv.arrangements) }] : []),
    { path: `${dir}/team-export.xlsx`, bytes: writeXlsx([...exportTableSheets(exp), balanceHistorySheet(exp)]) },
  ];
}

/** The workbooks a team leader opens with the add-in loaded, built over the small export. */
export function workbookFiles(): SampleFile[] {
  const exp = generateTeamExport(SMALL_EXPORT);
  const start = isoToSerial(PERIOD.periodStart);
  const end = isoToSerial(PERIOD.periodEnd);
  return [
    { path: "workbooks/monthly-return.xlsx", bytes: writeXlsx(monthlyReturnWorkbook(exp, start, end)) },
    { path: "workbooks/household-calculator.xlsx", bytes: writeXlsx(householdWorkbook()) },
    { path: "workbooks/arrears-trend.xlsx", bytes: writeXlsx(trendWorkbook(exp)) },
    { path: "workbooks/qa-log.xlsx", bytes: writeXlsx(qaLogWorkbook()) },
  ];
}

/** Every committed sample: the small export and the workbooks. */
export function committedSamples(): SampleFile[] {
  return [...exportFiles(SMALL_EXPORT, "export"), ...workbookFiles()];
}
