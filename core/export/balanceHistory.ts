import { ArrearsInputError, describeValue } from "../errors";
import { readAmount, type AmountOptions } from "../values/amount";
import { excelErrorOf } from "../values/errorCell";
import { readPeriodAxis, readPeriodMark, type PeriodMark } from "../values/period";
import { readText } from "../values/text";
import { asGrid, isBlankGridRow, type CellGrid, type Table } from "./cellGrid";
import { isBlankCell, type CellValue } from "./cellValues";
import { DEFAULT_PROFILE, headerKey, type MappingProfile } from "./profile";
import type { BalanceHistory } from "./schema";

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
  if (accountCol >= 0 && dateCol >= 0 && balanceCol >= 0) return readLong(g, { ...ctx, accountCol, dateCol, balanceCol });
  return readWide(g, { ...ctx, accountCol: accountCol >= 0 ? accountCol : 0 });
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

function readWide(g: CellGrid, ctx: Context): BalanceHistoryTable {
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
  for (let r = 1; r < g.rowCount; r++) {
    if (isBlankGridRow(g, r)) continue;
    const account = accountAt(g, r, r + 1, ctx, problems);
    if (account === null) continue;
    if (seen.has(account)) problems.add(`history row ${r + 1}: account "${account}" is repeated (first on row ${seen.get(account)})`);
    seen.set(account, r + 1);
    accounts.push(account);
    const row: number[] = [];
    for (let k = 0; k < cols.length; k++) row.push(balanceAt(g, r, cols[k], ctx, problems));
    balances.push(row);
    weeklyRent.push(rentAt(g, r, ctx, problems));
  }
  problems.throwIfAny();
  return { axis: axis.value.axis, dates: axis.value.values as number[], accounts, balances, weeklyRent };
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
