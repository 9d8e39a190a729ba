import { ArrearsInputError } from "../core/errors";
import { parseSerial, type CellValue } from "../core/export/cellValues";
import { normaliseName, REQUIRED_ACCOUNT_FIELDS, REQUIRED_ARRANGEMENT_FIELDS, REQUIRED_TRANSACTION_FIELDS, REQUIRED_VOID_FIELDS, DEFAULT_PROFILE, type MappingProfile } from "../core/export/profile";
import type { Table, TableRows } from "../core/export/readTables";
import { readCsvInput } from "./io/csv";
import { readCsvGridInput } from "./io/csvGrid";
import { CliError, readInputFile } from "./io/input";
import type { SheetData } from "./io/xlsx/read";
import { XlsxError } from "./io/xlsx/zip";

/**
 * The export's tables as a command reads them, from CSV files (--accounts, --transactions,
 * --voids, --history, --arrangements) or one workbook (--in) whose sheets are found by
 * their headers through the mapping profile, with where each came from for messages.
 * The same rules as `arrears report` (cli/commands/report.ts), plus the Arrangements table.
 */

/** Where each table came from: a CSV path, or a workbook and its sheet. */
export type TableSources = Record<"accounts" | "transactions" | "voids" | "history" | "arrangements", string>;

export interface InputTables {
  accounts: TableRows;
  transactions: TableRows;
  voids: TableRows | null;
  history: TableRows | null;
  arrangements: TableRows | null;
  sources: TableSources;
}

/**
 * The tables as {@link readInputGrids} gives them: a CSV's accounts, transactions, voids
 * and history as grids over its text (no string per field until a reader asks), a
 * workbook's as grids over its cells (numbers in typed columns, no rows made).
 * Arrangements stay rows (their reader takes rows).
 */
export interface InputGrids {
  accounts: Table;
  transactions: Table;
  voids: Table | null;
  history: Table | null;
  arrangements: TableRows | null;
  sources: TableSources;
}

/** The file options the tables come from. */
export interface TableFiles {
  in?: string;
  accounts?: string;
  transactions?: string;
  voids?: string;
  history?: string;
  arrangements?: string;
}

/** Runs a table reader, prefixing a problem with the file (and sheet) the table came from. */
export function namingSource<T>(sources: TableSources, read: () => T, table?: keyof TableSources): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof ArrearsInputError)) throw e;
    const key = table ?? (e.field.split(".")[0] as keyof TableSources);
    const source = Object.hasOwn(sources, key) ? sources[key] : null;
    throw source ? new ArrearsInputError(e.field, `${source}: ${e.message}`) : e;
  }
}

/** Reads the tables from CSV files or one workbook (not both). */
export async function readInputTables(files: TableFiles, profile: MappingProfile, stdin: NodeJS.ReadableStream): Promise<InputTables> {
  return readTables(files, profile, stdin, readCsvInput, "rows") as Promise<InputTables>;
}

/** As {@link readInputTables}, with a CSV's export tables as grids (the same cells, the same refusals; far less to hold). */
export async function readInputGrids(files: TableFiles, profile: MappingProfile, stdin: NodeJS.ReadableStream): Promise<InputGrids> {
  return readTables<Table>(files, profile, stdin, readCsvGridInput, "grids");
}

async function readTables<T extends Table>(
  files: TableFiles,
  profile: MappingProfile,
  stdin: NodeJS.ReadableStream,
  readCsv: (file: string, stdin: NodeJS.ReadableStream) => Promise<T>,
  workbookAs: "rows" | "grids",
): Promise<{ accounts: Table; transactions: Table; voids: Table | null; history: Table | null; arrangements: TableRows | null; sources: TableSources }> {
  const csvGiven = files.accounts !== undefined || files.transactions !== undefined;
  if (files.in !== undefined && csvGiven) throw new CliError("give either --in export.xlsx or --accounts and --transactions, not both");
  if (files.in !== undefined) {
    const tables = await readWorkbookTables(files.in, profile, workbookAs);
    if (files.arrangements === undefined) return tables;
    // A separate arrangements CSV may go with a workbook that has none; with two, which one is meant is a guess.
    if (tables.arrangements) throw new CliError(`${tables.sources.arrangements} is an arrangements table already: give --arrangements only with --accounts and --transactions, or with a workbook that has no arrangements sheet`);
    return { ...tables, arrangements: await readCsvInput(files.arrangements, stdin), sources: { ...tables.sources, arrangements: files.arrangements } };
  }
  if (files.accounts === undefined || files.transactions === undefined) throw new CliError("give --in export.xlsx, or both --accounts a.csv and --transactions t.csv");
  const optional = async (f: string | undefined) => (f === undefined ? null : await readCsv(f, stdin));
  return {
    accounts: await readCsv(files.accounts, stdin),
    transactions: await readCsv(files.transactions, stdin),
    voids: await optional(files.voids),
    history: await optional(files.history),
    arrangements: files.arrangements === undefined ? null : await readCsvInput(files.arrangements, stdin),
    sources: { accounts: files.accounts, transactions: files.transactions, voids: String(files.voids), history: String(files.history), arrangements: String(files.arrangements) },
  };
}

/** Finds the accounts, transactions, voids, arrangements and history sheets by their headers (sheet names vary by system). */
async function readWorkbookTables(file: string, profile: MappingProfile, as: "rows" | "grids"): Promise<InputGrids> {
  // The .xlsx reader is loaded when a workbook is read: a report from CSV files never needs it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain require is what loads a module only when it is used
  const { DEFAULT_XLSX_LIMITS, readXlsx, sheetGrid, usableGrid, usableRows } = require("./io/xlsx/read") as typeof import("./io/xlsx/read");
  const bytes = await readInputFile(file, DEFAULT_XLSX_LIMITS.maxFileBytes);
  let sheets;
  try {
    sheets = readXlsx(bytes).sheets;
  } catch (e) {
    if (e instanceof XlsxError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
  const fits = (header: readonly CellValue[], accepted: Partial<Record<string, readonly string[]>>, required: readonly string[]) => {
    const names = new Set(header.map((h) => normaliseName(String(h ?? ""))));
    return required.every((f) => (accepted[f] ?? []).some((n) => names.has(normaliseName(n))));
  };
  const used = new Set<string>();
  // Headers are read from each sheet's grid: a sheet's rows are made only if they are what the caller takes.
  const grids = new Map(sheets.map((s) => [s, sheetGrid(s)]));
  const rowCount = (s: SheetData) => grids.get(s)!.rowCount;
  const header = (s: SheetData) => grids.get(s)!.row(0);
  const pick = (accepted: Partial<Record<string, readonly string[]>>, required: readonly string[]) =>
    sheets.find((s) => !used.has(s.name) && rowCount(s) > 0 && fits(header(s), accepted, required));
  const accounts = pick(profile.accounts, REQUIRED_ACCOUNT_FIELDS);
  if (!accounts) {
    const found = sheets.map((s) => `"${s.name}" (${(rowCount(s) > 0 ? header(s) : []).filter((h) => h !== null).slice(0, 8).join(", ")})`).join("; ");
    throw new CliError(`${file}: no sheet has the accounts columns (${REQUIRED_ACCOUNT_FIELDS.join(", ")}); sheets found: ${found}`);
  }
  used.add(accounts.name);
  const transactions = pick(profile.transactions, REQUIRED_TRANSACTION_FIELDS);
  if (!transactions) throw new CliError(`${file}: no sheet other than "${accounts.name}" has the transactions columns (date, account, type, amount)`);
  used.add(transactions.name);
  // Arrangements before voids: an arrangements sheet's start date and instalment would not pass as voids, but be sure.
  const arrangements = pick(profile.arrangements ?? DEFAULT_PROFILE.arrangements ?? {}, REQUIRED_ARRANGEMENT_FIELDS);
  if (arrangements) used.add(arrangements.name);
  const voids = pick(profile.voids ?? {}, REQUIRED_VOID_FIELDS);
  if (voids) used.add(voids.name);
  // A wide balance history: an account column, then dated columns.
  const history = sheets.find((s) => !used.has(s.name) && rowCount(s) > 1 && header(s).slice(1).filter((h) => parseSerial(h, profile.dateFormat) !== null).length >= 2);
  // A sheet used as data must have no error cells and no uncalculated formulas (never read as blank or 0).
  const rows = (sheet: SheetData, tableAs = as): Table => {
    try {
      return tableAs === "grids" ? usableGrid(sheet) : usableRows(sheet);
    } catch (e) {
      throw new CliError(`${file}: ${(e as Error).message}`);
    }
  };
  const at = (sheet: SheetData | undefined) => (sheet ? `${file} sheet "${sheet.name}"` : file);
  return {
    accounts: rows(accounts),
    transactions: rows(transactions),
    voids: voids ? rows(voids) : null,
    history: history ? rows(history) : null,
    arrangements: arrangements ? (rows(arrangements, "rows") as TableRows) : null,
    sources: { accounts: at(accounts), transactions: at(transactions), voids: at(voids), history: at(history), arrangements: at(arrangements) },
  };
}
