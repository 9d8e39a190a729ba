import type { CellValue, OutCell, OutSheet } from "../../cli/io/xlsx";
import { parseDateToSerial } from "../../core/dates/excelSerial";
import { teamExportTables, type Rows, type TeamExport } from "../generator/teamExport";

/**
 * The team export as workbook sheets, the way a housing system's export looks
 * once it is in Excel: one sheet per table, real dates, money formatted, and
 * the accounts, transactions and voids made Excel tables (Accounts, Transactions,
 * Voids) so formulas can say `Accounts[#All]` and keep working as rows are added.
 */

/** Table names the sample workbooks' formulas use. */
export const TABLES = { accounts: "Accounts", transactions: "Transactions", voids: "Voids", arrangements: "Arrangements" } as const;

const DATE_HEADER = /date|start|end|until/i;
const MONEY_HEADER = /rent|balance|amount|instalment/i;

/** A table's rows as cells: ISO dates in date columns become Excel dates, money gets a £ format. */
export function formattedRows(rows: Rows): (CellValue | OutCell)[][] {
  const header = rows[0].map(String);
  const dateCols = new Set(header.flatMap((h, i) => (DATE_HEADER.test(h) ? [i] : [])));
  const moneyCols = new Set(header.flatMap((h, i) => (MONEY_HEADER.test(h) ? [i] : [])));
  return rows.map((row, r) =>
    r === 0
      ? row.map((h) => ({ value: h, bold: true }))
      : row.map((v, c): CellValue | OutCell => {
          if (dateCols.has(c) && typeof v === "string") return { value: parseDateToSerial(v) ?? v, format: "date" };
          if (moneyCols.has(c) && typeof v === "number") return { value: v, format: "money" };
          return v;
        }),
  );
}

/** Accounts, Transactions and Voids sheets (and Arrangements, when the export has them), each one Excel table. */
export function exportTableSheets(exp: TeamExport): OutSheet[] {
  const t = teamExportTables(exp);
  const sheet = (name: string, rows: Rows, widths: number[]): OutSheet => ({ name, rows: formattedRows(rows), table: { name }, freezeHeader: true, columnWidths: widths });
  return [
    sheet(TABLES.accounts, t.accounts, [12, 14, 10, 12, 16, 12, 12, 9, 10, 9, 12, 10, 12, 14]),
    sheet(TABLES.transactions, t.transactions, [12, 12, 12, 12, 16]),
    sheet(TABLES.voids, t.voids, [12, 12, 12, 12, 16]),
    ...(t.arrangements ? [sheet(TABLES.arrangements, t.arrangements, [12, 12, 12, 20, 22, 22, 13, 12, 22, 16])] : []),
  ];
}

/** The weekly balance history: account, then one column per week (header = the week's date). Not a table: Excel table headers must be text. */
export function balanceHistorySheet(exp: TeamExport, name = "Balances"): OutSheet {
  const h = exp.balanceHistory;
  const header: (CellValue | OutCell)[] = [{ value: "account", bold: true }, ...h.dates.map((d) => ({ value: d, format: "date" as const, bold: true }))];
  const rows = h.balances.map((row, i) => [h.accounts[i], ...row.map((b) => ({ value: b, format: "money" as const }))]);
  return { name, rows: [header, ...rows], freezeHeader: true, columnWidths: [12] };
}
