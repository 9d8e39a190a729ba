import { ArrearsInputError, describeValue } from "../errors";
import { readAmount, type AmountOptions } from "../values/amount";
import { excelErrorOf } from "../values/errorCell";
import { readPeriodAxis, readPeriodMark, type PeriodMark } from "../values/period";
import { readText } from "../values/text";
import { asGrid, isBlankGridRow, type CellGrid, type Table } from "./cellGrid";
import { isBlankCell, type CellValue } from "./cellValues";
import { DEFAULT_PROFILE, headerKey, type MappingProfile } from "./profile";
import type { BalanceHistory } from "./schema";
import { historyColumnsOf, type HistoryColumns } from "../columns/historyColumns";
import type { RefIndex } from "../columns/refIndex";

/**
 * The one balance-history reader, used by `arrears trend`, the report's `--history`
 * and (through its cell rules, core/values/period and amount) ARREARS.TREND, so a
 * history reads the same everywhere: `(110.00)` and `1010 CR` are -110 and -1010 in all
 * three, and week numbers are never read as 1900 dates.
 *
 * Two shapes:
 * - wide: one row per account; the account column (found by name, else the first),
 *   then one column per snapshot headed with its date, its week number, or a label
 *   (labels are periods in column order); an optional weekly rent column;
 * - long: columns account, date (or week / period) and balance, one row per account per
 *   snapshot, and optionally weekly rent.
 * A blank balance is "no snapshot" (NaN), never £0. Every refusal names the row and column.
 */

/** A history as read, with each account's weekly rent where the table gives one. */
export interface BalanceHistoryTable extends BalanceHistory {
  axis: "dates" | "periods";
  /** Weekly rent per account from a rent column; null where blank or when there is no such column. */
  weeklyRent: (number | null)[];
}

const HISTORY_DATE = ["date", "week", "week ending", "snapshot date", "period", "week no", "week number"];
const HISTORY_BALANCE = ["balance", "closing balance", "arrears", "account balance"];
const HISTORY_RENT = ["weekly rent", "weekly charge", "rent", "weekly net rent"];

/** Collects row problems: the first in full and how many more. */
class Problems {
  private first: string | null = null;
  private count = 0;
  add(message: string): void {
    this.count++;
    this.first ??= message;
  }
  throwIfAny(): void {
    if (this.first === null) return;
    const more = this.count > 1 ? ` (and ${this.count - 1} more problem${this.count > 2 ? "s" : ""} in the balance history)` : "";
    throw new ArrearsInputError("history", this.first + more);
  }
}

const shown = (h: CellValue): string => (isBlankCell(h) ? "(blank)" : (excelErrorOf(h) ?? String(h).trim()).slice(0, 40));

/**
 * Reads a balance history table (header row first), wide or long.
 * @throws ArrearsInputError naming the first problem (row, column, value, why) and how many more.
 */
export function readBalanceHistory(table: Table, profile: MappingProfile = DEFAULT_PROFILE): BalanceHistoryTable {
  const g = asGrid(table);
  if (g.rowCount < 2) throw new ArrearsInputError("history", "the balance history needs a header row and at least one account row");
  const { ctx, accountCol, dateCol, balanceCol } = headerColumns(g, profile);
  if (accountCol >= 0 && dateCol >= 0 && balanceCol >= 0) return readLong(g, { ...ctx, accountCol, dateCol, balanceCol });
  return readWide(g, { ...ctx, accountCol: accountCol >= 0 ? accountCol : 0 }, null);
}

/** The wide reading's context, or null when the header makes the history long. */
function wideContext(g: CellGrid, profile: MappingProfile): Context | null {
  const { ctx, accountCol, dateCol, balanceCol } = headerColumns(g, profile);
  if (accountCol >= 0 && dateCol >= 0 && balanceCol >= 0) return null;
  return { ...ctx, accountCol: accountCol >= 0 ? accountCol : 0 };
}

/** The columns a history's header names (-1 where absent), found the same way for both readings. */
function headerColumns(g: CellGrid, profile: MappingProfile) {
  const header = g.row(0);
  const byKey = new Map<string, number>();
  header.forEach((h, i) => {
    if (isBlankCell(h) || excelErrorOf(h) !== null) return;
    const k = headerKey(String(h));
    if (!byKey.has(k)) byKey.set(k, i);
  });
  const find = (names: readonly string[]) => {
    for (const n of names) {
      const i = byKey.get(headerKey(n));
      if (i !== undefined) return i;
    }
    return -1;
  };
  const accountCol = find([...(profile.accounts.account ?? []), "account"]);
  const dateCol = find(HISTORY_DATE);
  const balanceCol = find(HISTORY_BALANCE);
  const rentCol = find(HISTORY_RENT);
  const ctx = { header, profile, rentCol, money: { decimalSeparator: profile.decimalSeparator ?? "." } };
  return { ctx, accountCol, dateCol, balanceCol };
}

/**
 * Reads a balance history straight into a matrix aligned to account rows: the same
 * refusals as {@link readBalanceHistory} (same words, same order), and the same matrix
 * as `historyColumnsOf(readBalanceHistory(table, profile), accounts, accountIndex)`.
 * A wide history whose accounts are each once is read with no array per account (its
 * balances go into the matrix as they are read); a long one, or accounts with a
 * repeated reference, is read as rows and then aligned.
 * @param accounts the account references, one per account row (a columnar export's `accountRefs`).
 * @param accountIndex their index (the columnar export's `accountIndex`).
 * @throws ArrearsInputError naming the first problem (row, column, value, why) and how many more.
 */
export function readBalanceHistoryColumns(table: Table, profile: MappingProfile, accounts: readonly string[], accountIndex: RefIndex): HistoryColumns {
  const viaRows = () => historyColumnsOf(readBalanceHistory(table, profile), accounts, accountIndex);
  if (accountIndex.repeatedRow >= 0) return viaRows();
  const g = asGrid(table);
  if (g.rowCount < 2) return viaRows();
  const wide = wideContext(g, profile);
  if (wide === null) return viaRows();
  const into: MatrixTarget = { accounts, accountIndex, matrix: null };
  readWide(g, wide, into);
  return into.matrix!;
}

interface Context {
  header: readonly CellValue[];
  profile: MappingProfile;
  rentCol: number;
  accountCol: number;
  money: AmountOptions;
}

/** Reads one balance: blank is NaN (no snapshot); anything unreadable is a problem naming the cell. */
function balanceAt(g: CellGrid, r: number, col: number, ctx: Context, problems: Problems): number {
  // A plain amount (what nearly every cell holds) is read from the grid without making its text.
  const plain = g.plainAmount(r, col, ctx.money);
  if (plain !== undefined) return plain;
  if (g.isBlank(r, col)) return Number.NaN;
  const v = g.cell(r, col);
  const a = readAmount(v, ctx.money);
  if (a.ok) return a.value;
  const rowNo = r + 1;
  problems.add(`history row ${rowNo}, column "${shown(ctx.header[col])}": balance ${excelErrorOf(v) === null ? `${describeValue(v)} ` : ""}${a.reason}`);
  return Number.NaN;
}

function rentAt(g: CellGrid, r: number, ctx: Context, problems: Problems): number | null {
  if (ctx.rentCol < 0 || g.isBlank(r, ctx.rentCol)) return null;
  const v = g.cell(r, ctx.rentCol);
  const a = readAmount(v, ctx.money);
  if (a.ok && a.value > 0) return a.value;
  problems.add(`history row ${r + 1}, column "${shown(ctx.header[ctx.rentCol])}": weekly rent ${describeValue(v)} ${a.ok ? "must be more than zero" : a.reason}`);
  return null;
}

function accountAt(g: CellGrid, r: number, rowNo: number, ctx: Context, problems: Problems): string | null {
  const t = readText(g.cell(r, ctx.accountCol));
  if (t.ok) return t.value;
  problems.add(`history row ${rowNo}, column "${shown(ctx.header[ctx.accountCol])}": account reference ${t.reason}`);
  return null;
}

/** Where a wide reading puts its balances when it fills a matrix aligned to account rows (every reference once). */
interface MatrixTarget {
  accounts: readonly string[];
  accountIndex: RefIndex;
  /** Set by the reading once the history has been read without a problem. */
  matrix: HistoryColumns | null;
}

function readWide(g: CellGrid, ctx: Context, into: MatrixTarget | null): BalanceHistoryTable {
  const { header } = ctx;
  const cols: number[] = [];
  for (let i = 0; i < header.length; i++) if (i !== ctx.accountCol && i !== ctx.rentCol && !isBlankCell(header[i])) cols.push(i);
  if (cols.length < 1) throw new ArrearsInputError("history", `a wide balance history needs one column per snapshot after the account column; headers found: ${header.map(shown).join(", ")}`);
  const axis = readPeriodAxis(
    cols.map((i) => header[i]),
    { dateFormat: ctx.profile.dateFormat, labels: true, blanks: false, where: (k) => `the header of column ${cols[k] + 1}` },
  );
  if (!axis.ok) throw new ArrearsInputError("history", `balance history: ${axis.reason}`);
  const problems = new Problems();
  const accounts: string[] = [];
  const balances: number[][] = [];
  const weeklyRent: (number | null)[] = [];
  const seen = new Map<string, number>();
  const weeks = cols.length;
  // The matrix (when asked for): NaN until a history row fills an account's slots, as historyColumnsOf leaves them.
  const n = into ? into.accounts.length : 0;
  const matrix = into ? new Float64Array(n * weeks).fill(Number.NaN) : null;
  const hasHistory = new Uint8Array(n);
  const finite = new Uint8Array(n);
  for (let r = 1; r < g.rowCount; r++) {
    if (isBlankGridRow(g, r)) continue;
    const account = accountAt(g, r, r + 1, ctx, problems);
    if (account === null) continue;
    if (seen.has(account)) problems.add(`history row ${r + 1}: account "${account}" is repeated (first on row ${seen.get(account)})`);
    seen.set(account, r + 1);
    if (into && matrix) {
      // Histories list the accounts in the accounts table's order: try the same row before hashing.
      const h = accounts.length;
      const a = h < n && into.accounts[h] === account ? h : into.accountIndex.rowOf(account);
      accounts.push(account);
      if (a < 0) {
        // Not an account of the export: read (a bad cell is still refused) but not kept.
        for (let k = 0; k < weeks; k++) balanceAt(g, r, cols[k], ctx, problems);
      } else {
        const at = a * weeks;
        // The row's plain amounts in one call; only the other cells (blanks, or text for readAmount) are read one by
        // one, in column order, so problems are recorded in the order the row reader records them.
        let allFinite = 1;
        if (g.plainAmountRow(r, cols, ctx.money, matrix, at) > 0) {
          for (let k = 0; k < weeks; k++) {
            if (matrix[at + k] === matrix[at + k]) continue;
            const v = balanceAt(g, r, cols[k], ctx, problems);
            matrix[at + k] = v;
            if (v - v !== 0) allFinite = 0;
          }
        }
        hasHistory[a] = 1;
        finite[a] = allFinite;
      }
      rentAt(g, r, ctx, problems);
      continue;
    }
    accounts.push(account);
    const row: number[] = [];
    for (let k = 0; k < weeks; k++) row.push(balanceAt(g, r, cols[k], ctx, problems));
    balances.push(row);
    weeklyRent.push(rentAt(g, r, ctx, problems));
  }
  problems.throwIfAny();
  const dates = axis.value.values as number[];
  if (into && matrix) into.matrix = { rows: n, weeks, dates, axis: axis.value.axis, balances: matrix, hasHistory, finite, irregular: new Map() };
  return { axis: axis.value.axis, dates, accounts, balances, weeklyRent };
}

function readLong(g: CellGrid, ctx: Context & { dateCol: number; balanceCol: number }): BalanceHistoryTable {
  const problems = new Problems();
  const byAccount = new Map<string, Map<number, number>>();
  const rentOf = new Map<string, number | null>();
  const marks = new Set<number>();
  let kind: { kind: PeriodMark["kind"]; row: number } | null = null;
  for (let r = 1; r < g.rowCount; r++) {
    if (isBlankGridRow(g, r)) continue;
    const rowNo = r + 1;
    const account = accountAt(g, r, rowNo, ctx, problems);
    const where = `history row ${rowNo}, column "${shown(ctx.header[ctx.dateCol])}"`;
    const cell = g.cell(r, ctx.dateCol);
    const mark = readPeriodMark(cell, ctx.profile.dateFormat);
    let x: number | null = null;
    if (!mark.ok) problems.add(`${where}: ${excelErrorOf(cell) === null ? `${describeValue(cell)} ` : ""}${mark.reason}`);
    else if (mark.value.kind === "label") problems.add(`${where}: "${mark.value.text}" is not a date or a period number`);
    else if (kind !== null && kind.kind !== mark.value.kind) problems.add(`${where}: is a ${mark.value.kind === "date" ? "date" : "period number"} but row ${kind.row} holds a ${kind.kind === "date" ? "date" : "period number"}: use one or the other throughout`);
    else {
      kind ??= { kind: mark.value.kind, row: rowNo };
      x = mark.value.value;
    }
    const balance = balanceAt(g, r, ctx.balanceCol, ctx, problems);
    const rent = rentAt(g, r, ctx, problems);
    if (account === null || x === null) continue;
    let points = byAccount.get(account);
    if (!points) byAccount.set(account, (points = new Map()));
    if (points.has(x)) problems.add(`history row ${rowNo}: account "${account}" has a second balance for the same ${kind?.kind === "date" ? "date" : "period"}`);
    points.set(x, balance);
    marks.add(x);
    if (rent !== null) rentOf.set(account, rent);
  }
  problems.throwIfAny();
  const dates = [...marks].sort((a, b) => a - b);
  const accounts = [...byAccount.keys()];
  return {
    axis: kind?.kind === "date" ? "dates" : "periods",
    dates,
    accounts,
    balances: accounts.map((a) => dates.map((d) => byAccount.get(a)!.get(d) ?? Number.NaN)),
    weeklyRent: accounts.map((a) => rentOf.get(a) ?? null),
  };
}
