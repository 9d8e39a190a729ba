import { ArrearsInputError, describeValue } from "../errors";
import { readAmount, type AmountOptions } from "../values/amount";
import { readCount } from "../values/count";
import { plainSerial, readDate, type DateFormat } from "../values/date";
import { excelErrorOf } from "../values/errorCell";
import type { Reading } from "../values/reading";
import { plainText, readText } from "../values/text";
import { readYesNo } from "../values/yesNo";
import { asGrid, isBlankGridRow, type CellGrid, type Table, type TableRows } from "./cellGrid";
import { isBlankCell, type CellValue } from "./cellValues";
import {
  DEFAULT_PROFILE,
  FIELD_LABELS,
  headerKey,
  normaliseName,
  REQUIRED_ACCOUNT_FIELDS,
  REQUIRED_TRANSACTION_FIELDS,
  REQUIRED_VOID_FIELDS,
  type AccountField,
  type MappingProfile,
  type TransactionField,
  type VoidField,
} from "./profile";
import {
  UNASSIGNED_OFFICER,
  type Account,
  type AccountStatus,
  type Benefit,
  type CanonicalExport,
  type TenancyType,
  type Transaction,
  type TransactionType,
  type VoidPeriod,
} from "./schema";

/**
 * Reads exported tables (a header row, then one row per record) into the canonical
 * export, finding columns by header name through a mapping profile. Rows are checked
 * with plain typed code, not a zod parse per row: a 37,000-row transaction table is
 * read in a few milliseconds, and each problem still names its table, row and column.
 */

export type { CellGrid, Table, TableRows } from "./cellGrid";

/** The export's tables, each with its header row (as rows of cells or as a grid). Voids are optional. */
export interface ExportTables {
  accounts: Table;
  transactions?: Table | null;
  voids?: Table | null;
}

/** Where each canonical field sits in one table. */
export type ColumnIndex<F extends string> = Partial<Record<F, number>>;

/** A header cell as an error message shows it: its text, or the Excel error it holds. */
function headerText(h: CellValue): string {
  const error = excelErrorOf(h);
  return error ?? String(h).trim();
}

/**
 * Finds each field's column in a header row. The first accepted name that matches
 * wins, so a more specific header ("closing balance") can be listed before a looser one.
 * Headers are compared by {@link headerKey} (case, spaces and punctuation ignored:
 * "HB/UC" = "hb uc"). One pass over the headers builds a lookup, then one lookup per
 * accepted name: O(headers + accepted names), whatever a hostile header row holds.
 * @throws ArrearsInputError when a required field has no column, naming it and listing the headers found.
 */
export function locateColumns<F extends string>(
  table: string,
  header: readonly CellValue[],
  accepted: Partial<Record<F, readonly string[]>>,
  required: readonly F[],
  labels: Record<string, string> = FIELD_LABELS,
): ColumnIndex<F> {
  // Columns of each header key, left to right; a key seen twice keeps both so the second can serve another field.
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < header.length; i++) {
    const h = header[i];
    if (isBlankCell(h) || excelErrorOf(h) !== null) continue;
    const key = headerKey(String(h));
    if (key === "") continue;
    const cols = byKey.get(key);
    if (cols) cols.push(i);
    else byKey.set(key, [i]);
  }
  const used = new Set<number>();
  const index: ColumnIndex<F> = {};
  for (const field of Object.keys(accepted) as F[]) {
    for (const name of accepted[field] ?? []) {
      const col = byKey.get(headerKey(name))?.find((i) => !used.has(i));
      if (col !== undefined) {
        index[field] = col;
        used.add(col);
        break;
      }
    }
  }
  for (const field of required) {
    if (index[field] === undefined) {
      // Every header is listed; the command line shortens a long message to one screen line.
      const found = header.filter((h) => !isBlankCell(h)).map((h) => `"${headerText(h)}"`);
      const looked = (accepted[field] ?? []).slice(0, 6).map((n) => `"${n}"`);
      throw new ArrearsInputError(
        `${table}.${field}`,
        `the ${table} table has no ${labels[field] ?? field} column (looked for ${looked.join(", ")}${(accepted[field]?.length ?? 0) > 6 ? ", …" : ""}); headers found: ${found.length ? found.join(", ") : "none"}`,
      );
    }
  }
  return index;
}

/** Collects row problems so the user sees the first one and how many more there are, not a wall of text. */
export class RowProblems {
  private first: { field: string; message: string } | null = null;
  private count = 0;
  constructor(private readonly table: string) {}
  add(row: number, field: string, message: string): void {
    this.count++;
    if (!this.first) this.first = { field, message: `${this.table} row ${row}: ${message}` };
  }
  throwIfAny(): void {
    if (!this.first) return;
    const more = this.count > 1 ? ` (and ${this.count - 1} more problem${this.count > 2 ? "s" : ""} in the ${this.table} table)` : "";
    throw new ArrearsInputError(`${this.table}.${this.first.field}`, this.first.message + more);
  }
}

/**
 * A refused cell as one phrase: the field, the column it came from, the value and why,
 * e.g. `balance (column "Closing Balance") "12,50" uses a decimal comma; …`.
 */
export function refusal(label: string, header: CellValue, value: CellValue, reason: string): string {
  const column = isBlankCell(header) ? "" : ` (column "${headerText(header).slice(0, 40)}")`;
  // An error cell and a blank speak for themselves in the reason ("holds the Excel error #N/A", "is blank").
  const shown = excelErrorOf(value) !== null || isBlankCell(value) ? "" : ` ${describeValue(value)}`;
  return `${label}${column}${shown} ${reason}`;
}

/** Builds a code → canonical value lookup from the profile's code lists. */
export function codeLookup<T extends string>(codes: Partial<Record<T, string[]>> | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, list] of Object.entries(codes ?? {}) as [T, string[]][]) {
    map.set(normaliseName(value), value);
    for (const code of list) map.set(normaliseName(code), value);
  }
  return map;
}

/** Looks a code up by its normalised text, remembering each distinct raw text: exports repeat a handful of codes thousands of times. */
export function cachedLookup<T extends string>(map: Map<string, T>): (text: string) => T | undefined {
  const seen = new Map<string, T | undefined>();
  return (text) => {
    if (seen.has(text)) return seen.get(text);
    const v = map.get(normaliseName(text));
    seen.set(text, v);
    return v;
  };
}

/**
 * A cell reader that remembers its reading of each distinct text: exports repeat a few
 * texts thousands of times (a month's transactions carry about 30 distinct dates; a flag
 * column holds "yes", "no" or nothing on every row). Readings are plain values, so one is
 * shared by every cell with the same text; other cells are read each time.
 */
function cachedReading<T>(read: (v: CellValue) => Reading<T>): (v: CellValue) => Reading<T> {
  const seen = new Map<string, Reading<T>>();
  return (v) => {
    if (typeof v !== "string") return read(v);
    let s = seen.get(v);
    if (s === undefined) {
      s = read(v);
      seen.set(v, s);
    }
    return s;
  };
}

/** Reads dates ({@link readDate}), remembering each distinct text. */
export const cachedDates = (dateFormat: DateFormat): ((v: CellValue) => Reading<number>) => cachedReading((v) => readDate(v, dateFormat));

/** Reads yes/no flags ({@link readYesNo}), remembering each distinct text. */
export const cachedFlags = (): ((v: CellValue) => Reading<boolean>) => cachedReading(readYesNo);

export function acceptedCodes(map: Map<string, string>): string {
  return [...new Set(map.values())].join(", ");
}

/** True when every cell of a row is blank (a plain loop: it runs once per row). */
export function isBlankRow(row: readonly CellValue[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

/**
 * The shared shape of a table reader's row loop: visits each non-blank row after the
 * header with a `cell` getter (null for a column the table lacks), a `bad` that records
 * a refusal naming the table, row, column and value, and the sheet row number. Keeps
 * what the visitor returns unless it returned null or called `bad`; then throws the
 * first problem (and how many more).
 * @throws ArrearsInputError naming the table, row, column and value of the first problem.
 */
export function readRecords<F extends string, T>(
  table: TableRows,
  name: string,
  col: ColumnIndex<F>,
  labels: Record<F, string>,
  visit: (cell: (f: F) => CellValue, bad: (f: F, reason: string) => void, rowNo: number) => T | null,
): T[] {
  const header = table[0] ?? [];
  const problems = new RowProblems(name);
  const out: T[] = [];
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row)) continue;
    const rowNo = r + 1;
    let refused = false;
    const cell = (f: F): CellValue => (col[f] === undefined ? null : row[col[f]!]);
    const bad = (f: F, reason: string) => {
      refused = true;
      problems.add(rowNo, f, refusal(labels[f], col[f] === undefined ? null : header[col[f]!], cell(f), reason));
    };
    const record = visit(cell, bad, rowNo);
    if (record !== null && !refused) out.push(record);
  }
  problems.throwIfAny();
  return out;
}

/** The amount options a profile sets. */
export const amountOptions = (profile: MappingProfile): AmountOptions => ({ decimalSeparator: profile.decimalSeparator ?? "." });

/** A column's index, or -1 when the table has no such column. */
const columnOf = (i: number | undefined): number => (i === undefined ? -1 : i);

/** The cell in column `c` of grid row `r` (-1: the table has no such column, read as blank). */
const cellAt = (g: CellGrid, r: number, c: number): CellValue => (c < 0 ? null : g.cell(r, c));


/**
 * Reads one accounts row's cells, recording each refused cell. One reader serves every
 * row (its row and row number are set per row), so reading 17,000 rows makes no
 * closures per row, and columns are looked up once per table.
 */
class AccountCells {
  r = 0;
  rowNo = 0;
  readonly tenancyOf: (text: string) => TenancyType | undefined;
  readonly statusOf: (text: string) => AccountStatus | undefined;
  readonly benefitOf: (text: string) => Benefit | undefined;
  readonly dateOf: (v: CellValue) => Reading<number>;
  readonly flagOf = cachedFlags();
  readonly money: AmountOptions;
  constructor(
    readonly g: CellGrid,
    readonly header: readonly CellValue[],
    readonly col: ColumnIndex<AccountField>,
    readonly problems: RowProblems,
    readonly tenancy: Map<string, TenancyType>,
    readonly status: Map<string, AccountStatus>,
    readonly benefit: Map<string, Benefit>,
    profile: MappingProfile,
  ) {
    this.tenancyOf = cachedLookup(tenancy);
    this.statusOf = cachedLookup(status);
    this.benefitOf = cachedLookup(benefit);
    this.dateOf = cachedDates(profile.dateFormat);
    this.money = amountOptions(profile);
  }

  bad(f: AccountField, c: number, reason: string): void {
    this.problems.add(this.rowNo, f, refusal(FIELD_LABELS[f], c < 0 ? null : this.header[c], cellAt(this.g, this.r, c), reason));
  }

  /** Text of an optional column: null when blank; an error cell is a problem, never text. */
  text(f: AccountField, c: number): string | null {
    const v = cellAt(this.g, this.r, c);
    const plain = plainText(v);
    if (plain !== undefined) return plain;
    if (isBlankCell(v)) return null;
    const t = readText(v);
    if (!t.ok) this.bad(f, c, t.reason);
    return t.ok ? t.value : null;
  }

  /** A code column: null when blank, undefined when refused (the problem is already recorded). */
  code<T>(f: AccountField, c: number, lookup: (t: string) => T | undefined, map: Map<string, string>): T | undefined | null {
    const v = cellAt(this.g, this.r, c);
    let text = plainText(v);
    if (text === undefined) {
      if (isBlankCell(v)) return null;
      const t = readText(v);
      if (!t.ok) {
        this.bad(f, c, t.reason);
        return undefined;
      }
      text = t.value;
    }
    const found = lookup(text);
    if (found === undefined) this.bad(f, c, `is not one of ${acceptedCodes(map)}`);
    return found;
  }

  /** An amount column: `blankAs` when blank, null when refused. */
  amount(f: AccountField, c: number, blankAs: number, allowNegative: boolean): number | null {
    // A plain amount is read from the grid without making the cell's text.
    let value = c < 0 ? undefined : this.g.plainAmount(this.r, c, this.money);
    if (value === undefined) {
      const v = cellAt(this.g, this.r, c);
      if (isBlankCell(v)) return blankAs;
      const a = readAmount(v, this.money);
      if (!a.ok) {
        this.bad(f, c, a.reason);
        return null;
      }
      value = a.value;
    }
    if (!allowNegative && value < 0) this.bad(f, c, "is negative; it must be zero or more");
    return value;
  }

  date(f: AccountField, c: number): number | null {
    // A plain date (an ISO text or a serial) is read without making the cell's text; it is never blank or 0.
    const plain = c < 0 ? undefined : this.g.plainDate(this.r, c);
    if (plain !== undefined) return plain;
    const v = cellAt(this.g, this.r, c);
    // Excel desktop passes 0 for an empty cell in a range: no real date is serial 0.
    if (isBlankCell(v) || v === 0) return null;
    const serial = plainSerial(v);
    if (serial !== undefined) return serial;
    const s = this.dateOf(v);
    if (!s.ok) this.bad(f, c, s.reason);
    return s.ok ? s.value : null;
  }

  flag(f: AccountField, c: number): boolean {
    const v = this.flagOf(cellAt(this.g, this.r, c));
    if (!v.ok) this.bad(f, c, v.reason);
    return v.ok ? v.value : false;
  }
}

/** Reads the accounts table into canonical accounts. @throws ArrearsInputError on a missing column, a bad cell or a repeated account. */
export function readAccounts(table: Table, profile: MappingProfile = DEFAULT_PROFILE): Account[] {
  const g = asGrid(table);
  if (g.rowCount === 0) throw new ArrearsInputError("accounts", "the accounts table is empty: it needs a header row and one row per account");
  const header = g.row(0);
  const col = locateColumns<AccountField>("accounts", header, profile.accounts, REQUIRED_ACCOUNT_FIELDS);
  const tenancy = codeLookup<TenancyType>(profile.codes.tenancyType);
  const status = codeLookup<AccountStatus>(profile.codes.status);
  const benefit = codeLookup<Benefit>(profile.codes.benefit);
  const problems = new RowProblems("accounts");
  const cells = new AccountCells(g, header, col, problems, tenancy, status, benefit, profile);
  const seen = new Map<string, number>();
  const out: Account[] = [];
  // Each field's column, found once for the table.
  const cAccount = columnOf(col.account);
  const cStatus = columnOf(col.status);
  const cType = columnOf(col.tenancyType);
  const cRent = columnOf(col.weeklyRent);
  const cBalance = columnOf(col.balance);
  const cBenefit = columnOf(col.benefit);
  const cBeds = columnOf(col.bedrooms);
  const cOfficer = columnOf(col.officer);
  const cStart = columnOf(col.tenancyStart);
  const cEnd = columnOf(col.tenancyEnd);
  const cUcDirect = columnOf(col.ucDirect);
  const cName = columnOf(col.name);
  const cVulnerable = columnOf(col.vulnerable);
  const cPending = columnOf(col.benefitPending);
  const cBreathing = columnOf(col.breathingSpaceUntil);
  const cLastAction = columnOf(col.lastAction);
  const cLastActionDate = columnOf(col.lastActionDate);

  for (let r = 1; r < g.rowCount; r++) {
    if (isBlankGridRow(g, r)) continue;
    const rowNo = r + 1;
    cells.r = r;
    cells.rowNo = rowNo;

    const accountCell = cellAt(g, r, cAccount);
    let account = plainText(accountCell);
    if (account === undefined) {
      const accountText = readText(accountCell);
      if (!accountText.ok) {
        cells.bad("account", cAccount, accountText.reason);
        continue;
      }
      account = accountText.value;
    }
    const prev = seen.get(account);
    if (prev !== undefined) problems.add(rowNo, "account", `account reference "${account}" is repeated (first on row ${prev})`);
    seen.set(account, rowNo);

    const st = cells.code("status", cStatus, cells.statusOf, status);
    if (st === null) cells.bad("status", cStatus, `is blank; it must be one of ${acceptedCodes(status)}`);
    const typeCode = cells.code("tenancyType", cType, cells.tenancyOf, tenancy);
    let tt: TenancyType | undefined = typeCode === null ? (st === "void" ? "other" : undefined) : typeCode;
    if (typeCode === null && tt === undefined) cells.bad("tenancyType", cType, `is blank; it must be one of ${acceptedCodes(tenancy)}`);
    tt ??= "other";
    const rent = cells.amount("weeklyRent", cRent, 0, false);
    const balance = cells.amount("balance", cBalance, 0, true);
    const ben = cells.code("benefit", cBenefit, cells.benefitOf, benefit);
    const bedsCell = cellAt(g, r, cBeds);
    let beds: number | null = null;
    if (!isBlankCell(bedsCell)) {
      const b = readCount(bedsCell, MAX_BEDROOMS);
      if (!b.ok) cells.bad("bedrooms", cBeds, b.reason);
      else beds = b.value;
    }

    // Read in this order (officer first, last action date last) so the first problem reported is the same as ever.
    const officer = cells.text("officer", cOfficer);
    const tenancyStart = cells.date("tenancyStart", cStart);
    const tenancyEnd = cells.date("tenancyEnd", cEnd);
    const ucDirect = cells.flag("ucDirect", cUcDirect);
    const name = cells.text("name", cName);
    const vulnerable = cells.flag("vulnerable", cVulnerable);
    const benefitPending = cells.flag("benefitPending", cPending);
    const breathingSpaceUntil = cells.date("breathingSpaceUntil", cBreathing);
    const lastAction = cells.text("lastAction", cLastAction);
    const lastActionDate = cells.date("lastActionDate", cLastActionDate);
    out.push({
      account,
      tenancyType: tt,
      status: st ?? "current",
      weeklyRent: rent ?? 0,
      officer: officer ?? UNASSIGNED_OFFICER,
      tenancyStart,
      tenancyEnd,
      benefit: ben ?? "none",
      ucDirect,
      bedrooms: beds,
      balance: balance ?? 0,
      name,
      vulnerable,
      benefitPending,
      breathingSpaceUntil,
      lastAction,
      lastActionDate,
    });
  }
  problems.throwIfAny();
  return out;
}

/** Most bedrooms an account may record: larger counts are typing slips, not homes. */
const MAX_BEDROOMS = 20;

const DEBIT_TYPES = new Set<TransactionType>(["rent", "refund"]);

/** Reads the transactions table. @throws ArrearsInputError on a missing column or a bad cell. */
export function readTransactions(table: Table, profile: MappingProfile = DEFAULT_PROFILE): Transaction[] {
  const g = asGrid(table);
  if (g.rowCount === 0) return [];
  const header = g.row(0);
  const col = locateColumns<TransactionField>("transactions", header, profile.transactions, REQUIRED_TRANSACTION_FIELDS);
  const hasAmount = col.amount !== undefined;
  if (!hasAmount && (col.debit === undefined || col.credit === undefined)) {
    // Re-run the check on amount alone so the message names it and lists the headers found.
    locateColumns<TransactionField>("transactions", header, { amount: profile.transactions.amount }, ["amount"]);
  }
  const types = codeLookup<TransactionType>(profile.codes.transactionType);
  const typeOf = cachedLookup(types);
  const dateOf = cachedDates(profile.dateFormat);
  const money = amountOptions(profile);
  const problems = new RowProblems("transactions");
  const out: Transaction[] = [];
  const sign = profile.signConvention;
  const cDate = columnOf(col.date);
  const cAccount = columnOf(col.account);
  const cType = columnOf(col.type);
  const cAmount = columnOf(col.amount);
  const cDebit = columnOf(col.debit);
  const cCredit = columnOf(col.credit);
  const cMethod = columnOf(col.method);
  // A cell's problem, recorded against its row; a plain function (not a closure per row).
  const bad = (r: number, f: TransactionField, c: number, reason: string) => problems.add(r + 1, f, refusal(FIELD_LABELS[f], header[c], g.cell(r, c), reason));
  /** A debit or credit cell: blank is 0; null when refused (the problem is recorded). */
  const side = (r: number, f: "debit" | "credit", c: number): number | null => {
    const plain = g.plainAmount(r, c, money);
    if (plain !== undefined) return plain;
    const v = g.cell(r, c);
    if (isBlankCell(v)) return 0;
    const a = readAmount(v, money);
    if (!a.ok) bad(r, f, c, a.reason);
    return a.ok ? a.value : null;
  };

  for (let r = 1; r < g.rowCount; r++) {
    if (isBlankGridRow(g, r)) continue;
    // Plain cells (a serial, trimmed text) are taken as they are; anything else goes through its reader for the value or the reason.
    let date = g.plainDate(r, cDate);
    if (date === undefined) {
      const d = dateOf(g.cell(r, cDate));
      if (!d.ok) bad(r, "date", cDate, d.reason);
      else date = d.value;
    }
    const accountCell = g.cell(r, cAccount);
    let account = plainText(accountCell);
    if (account === undefined) {
      const a = readText(accountCell);
      if (!a.ok) bad(r, "account", cAccount, a.reason);
      else account = a.value;
    }
    const typeCell = g.cell(r, cType);
    let typeText = plainText(typeCell);
    if (typeText === undefined) {
      const t = readText(typeCell);
      if (!t.ok) bad(r, "type", cType, t.reason);
      else typeText = t.value;
    }
    const type = typeText === undefined ? undefined : typeOf(typeText);
    if (typeText !== undefined && !type) bad(r, "type", cType, `is not one of ${acceptedCodes(types)} (add the code to the mapping profile)`);
    let amount: number | null = null;
    if (hasAmount) {
      amount = g.plainAmount(r, cAmount, money) ?? null;
      if (amount === null) {
        const a = readAmount(g.cell(r, cAmount), money);
        if (!a.ok) bad(r, "amount", cAmount, a.reason);
        else amount = a.value;
      }
    } else {
      const d = side(r, "debit", cDebit);
      const c = side(r, "credit", cCredit);
      amount = d === null || c === null ? null : d - c;
    }
    if (date === undefined || account === undefined || !type || amount === null) continue;
    if (sign === "creditPositive") amount = -amount;
    else if (sign === "unsignedByType" && type !== "adjustment") amount = DEBIT_TYPES.has(type) ? Math.abs(amount) : -Math.abs(amount);
    const methodCell = cMethod < 0 ? null : g.cell(r, cMethod);
    let method: string | null = cMethod < 0 ? null : (plainText(methodCell) ?? null);
    if (method === null && cMethod >= 0 && !isBlankCell(methodCell)) {
      const m = readText(methodCell);
      if (!m.ok) bad(r, "method", cMethod, m.reason);
      else method = m.value;
    }
    out.push({ date, account, type, amount: amount + 0, method });
  }
  problems.throwIfAny();
  return out;
}

/**
 * Warnings about transactions that read cleanly but look upside down: rent debits
 * that total less than zero mean the profile's sign convention is probably the wrong
 * one for this export (every balance movement would then be reversed).
 */
export function transactionWarnings(transactions: readonly Transaction[], profile: MappingProfile = DEFAULT_PROFILE): string[] {
  let rentPence = 0;
  let rentLines = 0;
  for (const t of transactions) {
    if (t.type !== "rent") continue;
    rentPence += Math.round(t.amount * 100);
    rentLines++;
  }
  if (rentLines === 0 || rentPence >= 0) return [];
  return [
    `rent debits total -£${(Math.abs(rentPence) / 100).toFixed(2)} over ${rentLines} line(s) under the "${profile.signConvention}" sign convention: rent due should be positive; check signConvention in the mapping profile`,
  ];
}

/** Reads a voids table (one row per empty-home period). @throws ArrearsInputError on a missing column or a bad cell. */
export function readVoids(table: Table, profile: MappingProfile = DEFAULT_PROFILE): VoidPeriod[] {
  const g = asGrid(table);
  if (g.rowCount === 0) return [];
  const header = g.row(0);
  const col = locateColumns<VoidField>("voids", header, profile.voids ?? DEFAULT_PROFILE.voids!, REQUIRED_VOID_FIELDS);
  const problems = new RowProblems("voids");
  const money = amountOptions(profile);
  const out: VoidPeriod[] = [];
  for (let r = 1; r < g.rowCount; r++) {
    if (isBlankGridRow(g, r)) continue;
    const row = g.row(r);
    const rowNo = r + 1;
    const bad = (f: VoidField, reason: string) => problems.add(rowNo, f, refusal(FIELD_LABELS[f], header[col[f]!], row[col[f]!], reason));
    const property = readText(row[col.property!]);
    if (!property.ok) bad("property", property.reason);
    const start = readDate(row[col.voidStart!], profile.dateFormat);
    if (!start.ok) bad("voidStart", start.reason);
    const endCell = col.voidEnd === undefined ? null : row[col.voidEnd];
    const endBlank = isBlankCell(endCell) || endCell === 0;
    const end = endBlank ? null : readDate(endCell, profile.dateFormat);
    if (end !== null && !end.ok) bad("voidEnd", `${end.reason} (leave it blank while the home is still empty)`);
    const rent = readAmount(row[col.weeklyRent!], money);
    if (!rent.ok) bad("weeklyRent", rent.reason);
    else if (rent.value < 0) bad("weeklyRent", "is negative; it must be zero or more");
    if (start.ok && end?.ok && end.value < start.value) problems.add(rowNo, "voidEnd", "void end is before void start");
    if (!property.ok || !start.ok || !rent.ok) continue;
    const officer = col.officer === undefined ? null : readText(row[col.officer]);
    out.push({ property: property.value, voidStart: start.value, voidEnd: end?.ok ? end.value : null, weeklyRent: rent.value, officer: officer?.ok ? officer.value : null });
  }
  problems.throwIfAny();
  return out;
}

/** Reads a whole export (accounts, transactions, optional voids) through one profile; warnings say what looks wrong but was read. */
export function readExport(tables: ExportTables, profile: MappingProfile = DEFAULT_PROFILE): CanonicalExport {
  const transactions = tables.transactions ? readTransactions(tables.transactions, profile) : [];
  return {
    accounts: readAccounts(tables.accounts, profile),
    transactions,
    voids: tables.voids ? readVoids(tables.voids, profile) : null,
    warnings: transactionWarnings(transactions, profile),
  };
}

export { readBalanceHistory, readBalanceHistoryColumns, type BalanceHistoryTable } from "./balanceHistory";
