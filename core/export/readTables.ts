import { ArrearsInputError, describeValue } from "../errors";
import { cellText, isBlankCell, parseAmount, parseSerial, parseYesNo, type CellValue } from "./cellValues";
import {
  DEFAULT_PROFILE,
  FIELD_LABELS,
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
  type BalanceHistory,
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

/** A table as exported: the header row first. */
export type TableRows = readonly (readonly CellValue[])[];

/** The export's tables, each with its header row. Voids are optional. */
export interface ExportTables {
  accounts: TableRows;
  transactions?: TableRows | null;
  voids?: TableRows | null;
}

/** Where each canonical field sits in one table. */
export type ColumnIndex<F extends string> = Partial<Record<F, number>>;

/**
 * Finds each field's column in a header row. The first accepted name that matches
 * wins, so a more specific header ("closing balance") can be listed before a looser one.
 * @throws ArrearsInputError when a required field has no column, naming it and listing the headers found.
 */
export function locateColumns<F extends string>(
  table: string,
  header: readonly CellValue[],
  accepted: Partial<Record<F, readonly string[]>>,
  required: readonly F[],
  labels: Record<string, string> = FIELD_LABELS,
): ColumnIndex<F> {
  const normalised = header.map((h) => (isBlankCell(h) ? "" : normaliseName(String(h))));
  const used = new Set<number>();
  const index: ColumnIndex<F> = {};
  for (const field of Object.keys(accepted) as F[]) {
    for (const name of accepted[field] ?? []) {
      // Normalised once per accepted name, not once per header: a hostile row of a million headers took 17 s.
      const wanted = normaliseName(name);
      const col = normalised.findIndex((h, i) => h === wanted && h !== "" && !used.has(i));
      if (col >= 0) {
        index[field] = col;
        used.add(col);
        break;
      }
    }
  }
  for (const field of required) {
    if (index[field] === undefined) {
      const found = header.filter((h) => !isBlankCell(h)).map((h) => `"${String(h).trim()}"`);
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
class RowProblems {
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

/** Builds a code → canonical value lookup from the profile's code lists. */
function codeLookup<T extends string>(codes: Partial<Record<T, string[]>> | undefined): Map<string, T> {
  const map = new Map<string, T>();
  for (const [value, list] of Object.entries(codes ?? {}) as [T, string[]][]) {
    map.set(normaliseName(value), value);
    for (const code of list) map.set(normaliseName(code), value);
  }
  return map;
}

/** Looks a code up by its normalised text, remembering each distinct raw text: exports repeat a handful of codes thousands of times. */
function cachedLookup<T extends string>(map: Map<string, T>): (text: string) => T | undefined {
  const seen = new Map<string, T | undefined>();
  return (text) => {
    if (seen.has(text)) return seen.get(text);
    const v = map.get(normaliseName(text));
    seen.set(text, v);
    return v;
  };
}

/** Parses dates, remembering each distinct cell: a month's transactions carry about 30 distinct dates. */
function cachedDates(dateFormat: "dmy" | "mdy"): (v: CellValue) => number | null {
  const seen = new Map<string, number | null>();
  return (v) => {
    if (typeof v !== "string") return parseSerial(v, dateFormat);
    let s = seen.get(v);
    if (s === undefined) {
      s = parseSerial(v, dateFormat);
      seen.set(v, s);
    }
    return s;
  };
}

function acceptedCodes(map: Map<string, string>): string {
  return [...new Set(map.values())].join(", ");
}

const isBlankRow = (row: readonly CellValue[]) => row.every(isBlankCell);

/** Reads the accounts table into canonical accounts. @throws ArrearsInputError on a missing column, a bad cell or a repeated account. */
export function readAccounts(table: TableRows, profile: MappingProfile = DEFAULT_PROFILE): Account[] {
  if (table.length === 0) throw new ArrearsInputError("accounts", "the accounts table is empty: it needs a header row and one row per account");
  const col = locateColumns<AccountField>("accounts", table[0], profile.accounts, REQUIRED_ACCOUNT_FIELDS);
  const tenancy = codeLookup<TenancyType>(profile.codes.tenancyType);
  const status = codeLookup<AccountStatus>(profile.codes.status);
  const benefit = codeLookup<Benefit>(profile.codes.benefit);
  const tenancyOf = cachedLookup(tenancy);
  const statusOf = cachedLookup(status);
  const benefitOf = cachedLookup(benefit);
  const dateOf = cachedDates(profile.dateFormat);
  const problems = new RowProblems("accounts");
  const seen = new Map<string, number>();
  const out: Account[] = [];
  const at = (row: readonly CellValue[], f: AccountField): CellValue => (col[f] === undefined ? null : row[col[f]!]);

  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row)) continue;
    const rowNo = r + 1;
    const bad = (f: AccountField, what: string) => problems.add(rowNo, f, `${FIELD_LABELS[f]} ${what}, got ${describeValue(at(row, f))}`);

    const account = cellText(at(row, "account"));
    if (account === null) {
      bad("account", "is blank");
      continue;
    }
    const prev = seen.get(account);
    if (prev !== undefined) problems.add(rowNo, "account", `account reference "${account}" is repeated (first on row ${prev})`);
    seen.set(account, rowNo);

    const statusText = cellText(at(row, "status"));
    const st = statusText === null ? undefined : statusOf(statusText);
    if (!st) bad("status", `must be one of ${acceptedCodes(status)}`);
    const typeText = cellText(at(row, "tenancyType"));
    let tt: TenancyType | undefined = typeText === null ? (st === "void" ? "other" : undefined) : tenancyOf(typeText);
    if (!tt) {
      bad("tenancyType", `must be one of ${acceptedCodes(tenancy)}`);
      tt = "other";
    }
    const rentCell = at(row, "weeklyRent");
    const rent = isBlankCell(rentCell) ? 0 : parseAmount(rentCell);
    if (rent === null || rent < 0) bad("weeklyRent", "must be an amount of zero or more");
    const balCell = at(row, "balance");
    const balance = isBlankCell(balCell) ? 0 : parseAmount(balCell);
    if (balance === null) bad("balance", "must be an amount (positive = owed)");
    const benefitText = cellText(at(row, "benefit"));
    const ben = benefitText === null ? "none" : benefitOf(benefitText);
    if (!ben) bad("benefit", `must be one of ${acceptedCodes(benefit)}`);
    const date = (f: AccountField) => {
      const v = at(row, f);
      // Excel desktop passes 0 for an empty cell in a range: no real date is serial 0.
      if (isBlankCell(v) || v === 0) return null;
      const s = dateOf(v);
      if (s === null) bad(f, "must be a date (2025-04-07 or 07/04/2025)");
      return s;
    };
    const flag = (f: AccountField) => {
      const v = parseYesNo(at(row, f));
      if (v === null) bad(f, "must be yes or no");
      return v ?? false;
    };
    const bedsCell = at(row, "bedrooms");
    const beds = isBlankCell(bedsCell) ? null : parseAmount(bedsCell);
    if (beds !== null && (beds < 0 || !Number.isInteger(beds))) bad("bedrooms", "must be a whole number");

    out.push({
      account,
      tenancyType: tt,
      status: st ?? "current",
      weeklyRent: rent ?? 0,
      officer: cellText(at(row, "officer")) ?? UNASSIGNED_OFFICER,
      tenancyStart: date("tenancyStart"),
      tenancyEnd: date("tenancyEnd"),
      benefit: ben ?? "none",
      ucDirect: flag("ucDirect"),
      bedrooms: beds,
      balance: balance ?? 0,
      name: cellText(at(row, "name")),
      vulnerable: flag("vulnerable"),
      benefitPending: flag("benefitPending"),
      breathingSpaceUntil: date("breathingSpaceUntil"),
      lastAction: cellText(at(row, "lastAction")),
      lastActionDate: date("lastActionDate"),
    });
  }
  problems.throwIfAny();
  return out;
}

const DEBIT_TYPES = new Set<TransactionType>(["rent", "refund"]);

/** Reads the transactions table. @throws ArrearsInputError on a missing column or a bad cell. */
export function readTransactions(table: TableRows, profile: MappingProfile = DEFAULT_PROFILE): Transaction[] {
  if (table.length === 0) return [];
  const col = locateColumns<TransactionField>("transactions", table[0], profile.transactions, REQUIRED_TRANSACTION_FIELDS);
  const hasAmount = col.amount !== undefined;
  if (!hasAmount && (col.debit === undefined || col.credit === undefined)) {
    // Re-run the check on amount alone so the message names it and lists the headers found.
    locateColumns<TransactionField>("transactions", table[0], { amount: profile.transactions.amount }, ["amount"]);
  }
  const types = codeLookup<TransactionType>(profile.codes.transactionType);
  const typeOf = cachedLookup(types);
  const dateOf = cachedDates(profile.dateFormat);
  const problems = new RowProblems("transactions");
  const out: Transaction[] = [];
  const iDate = col.date!;
  const iAccount = col.account!;
  const iType = col.type!;
  const iMethod = col.method;
  const sign = profile.signConvention;

  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row)) continue;
    const rowNo = r + 1;
    const date = dateOf(row[iDate]);
    if (date === null) problems.add(rowNo, "date", `date must be a date (2025-04-07 or 07/04/2025), got ${describeValue(row[iDate])}`);
    const account = cellText(row[iAccount]);
    if (account === null) problems.add(rowNo, "account", "account reference is blank");
    const typeText = cellText(row[iType]);
    const type = typeText === null ? undefined : typeOf(typeText);
    if (!type) problems.add(rowNo, "type", `transaction type must be one of ${acceptedCodes(types)} (add the code to the mapping profile), got ${describeValue(row[iType])}`);
    let amount: number | null;
    if (hasAmount) {
      amount = parseAmount(row[col.amount!]);
      if (amount === null) problems.add(rowNo, "amount", `amount must be an amount in £, got ${describeValue(row[col.amount!])}`);
    } else {
      const d = isBlankCell(row[col.debit!]) ? 0 : parseAmount(row[col.debit!]);
      const c = isBlankCell(row[col.credit!]) ? 0 : parseAmount(row[col.credit!]);
      if (d === null || c === null) problems.add(rowNo, d === null ? "debit" : "credit", `debit and credit must be amounts in £`);
      amount = d === null || c === null ? null : d - c;
    }
    if (date === null || account === null || !type || amount === null) continue;
    if (sign === "creditPositive") amount = -amount;
    else if (sign === "unsignedByType" && type !== "adjustment") amount = DEBIT_TYPES.has(type) ? Math.abs(amount) : -Math.abs(amount);
    const method = iMethod === undefined ? null : cellText(row[iMethod]);
    out.push({ date, account, type, amount, method });
  }
  problems.throwIfAny();
  return out;
}

/** Reads a voids table (one row per empty-home period). @throws ArrearsInputError on a missing column or a bad cell. */
export function readVoids(table: TableRows, profile: MappingProfile = DEFAULT_PROFILE): VoidPeriod[] {
  if (table.length === 0) return [];
  const col = locateColumns<VoidField>("voids", table[0], profile.voids ?? DEFAULT_PROFILE.voids!, REQUIRED_VOID_FIELDS);
  const problems = new RowProblems("voids");
  const out: VoidPeriod[] = [];
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row)) continue;
    const rowNo = r + 1;
    const property = cellText(row[col.property!]);
    if (property === null) problems.add(rowNo, "property", "property is blank");
    const start = parseSerial(row[col.voidStart!], profile.dateFormat);
    if (start === null) problems.add(rowNo, "voidStart", `void start must be a date, got ${describeValue(row[col.voidStart!])}`);
    const endCell = col.voidEnd === undefined ? null : row[col.voidEnd];
    const endBlank = isBlankCell(endCell) || endCell === 0;
    const end = endBlank ? null : parseSerial(endCell, profile.dateFormat);
    if (!endBlank && end === null) problems.add(rowNo, "voidEnd", `void end must be a date or blank (still empty), got ${describeValue(endCell)}`);
    const rent = parseAmount(row[col.weeklyRent!]);
    if (rent === null || rent < 0) problems.add(rowNo, "weeklyRent", `weekly rent must be an amount of zero or more, got ${describeValue(row[col.weeklyRent!])}`);
    if (start !== null && end !== null && end < start) problems.add(rowNo, "voidEnd", "void end is before void start");
    if (property === null || start === null || rent === null) continue;
    out.push({ property, voidStart: start, voidEnd: end, weeklyRent: rent, officer: col.officer === undefined ? null : cellText(row[col.officer]) });
  }
  problems.throwIfAny();
  return out;
}

/** Reads a whole export (accounts, transactions, optional voids) through one profile. */
export function readExport(tables: ExportTables, profile: MappingProfile = DEFAULT_PROFILE): CanonicalExport {
  return {
    accounts: readAccounts(tables.accounts, profile),
    transactions: tables.transactions ? readTransactions(tables.transactions, profile) : [],
    voids: tables.voids ? readVoids(tables.voids, profile) : null,
  };
}

const HISTORY_DATE = ["date", "week", "week ending", "snapshot date", "period"];
const HISTORY_BALANCE = ["balance", "closing balance", "arrears", "account balance"];

/**
 * Reads a weekly balance history, long (account, date, balance: one row per account per
 * week) or wide (account column, then one column per date, headed with the date).
 * @throws ArrearsInputError when no account column is found, a header is not a date (wide), or a cell is not an amount.
 */
export function readBalanceHistory(table: TableRows, profile: MappingProfile = DEFAULT_PROFILE): BalanceHistory {
  if (table.length < 2) throw new ArrearsInputError("history", "the balance history needs a header row and at least one account row");
  const header = table[0];
  const names = header.map((h) => (isBlankCell(h) ? "" : normaliseName(String(h))));
  const find = (accepted: readonly string[]) => {
    for (const a of accepted) {
      const i = names.indexOf(normaliseName(a));
      if (i >= 0) return i;
    }
    return -1;
  };
  const accountCol = find(profile.accounts.account ?? ["account"]);
  const dateCol = find(HISTORY_DATE);
  const balanceCol = find(HISTORY_BALANCE);
  const problems = new RowProblems("history");
  if (accountCol >= 0 && dateCol >= 0 && balanceCol >= 0) {
    const byAccount = new Map<string, Map<number, number>>();
    const dates = new Set<number>();
    for (let r = 1; r < table.length; r++) {
      const row = table[r];
      if (isBlankRow(row)) continue;
      const account = cellText(row[accountCol]);
      const date = parseSerial(row[dateCol], profile.dateFormat);
      const balance = parseAmount(row[balanceCol]);
      if (account === null || date === null || balance === null) {
        problems.add(r + 1, "balance", `each row needs an account, a date and a balance, got ${describeValue(row[account === null ? accountCol : date === null ? dateCol : balanceCol])}`);
        continue;
      }
      if (!byAccount.has(account)) byAccount.set(account, new Map());
      byAccount.get(account)!.set(date, balance);
      dates.add(date);
    }
    problems.throwIfAny();
    const sorted = [...dates].sort((a, b) => a - b);
    const accounts = [...byAccount.keys()];
    return { dates: sorted, accounts, balances: accounts.map((a) => sorted.map((d) => byAccount.get(a)!.get(d) ?? Number.NaN)) };
  }
  const acc = accountCol >= 0 ? accountCol : 0;
  const dateCols = header.map((_, i) => i).filter((i) => i !== acc && !isBlankCell(header[i]));
  const dates = dateCols.map((i) => parseSerial(header[i], profile.dateFormat));
  const badHeader = dates.findIndex((d) => d === null);
  if (badHeader >= 0) {
    throw new ArrearsInputError("history", `a wide balance history needs a date in every column header after the account; "${String(header[dateCols[badHeader]])}" is not a date`);
  }
  const accounts: string[] = [];
  const balances: number[][] = [];
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row)) continue;
    const account = cellText(row[acc]);
    if (account === null) {
      problems.add(r + 1, "account", "account reference is blank");
      continue;
    }
    accounts.push(account);
    // A blank week is NaN: "no snapshot", never zero.
    balances.push(dateCols.map((i) => (isBlankCell(row[i]) ? Number.NaN : (parseAmount(row[i]) ?? (problems.add(r + 1, "balance", `balance must be an amount, got ${describeValue(row[i])}`), Number.NaN)))));
  }
  problems.throwIfAny();
  return { dates: dates as number[], accounts, balances };
}
