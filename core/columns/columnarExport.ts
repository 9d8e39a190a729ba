import { ArrearsInputError } from "../errors";
import { toPence } from "../money";
import { historyColumnsOf, type HistoryColumns } from "./historyColumns";
import { refIndex, type RefIndex } from "./refIndex";
import { TENANCY_TYPES, TRANSACTION_TYPES, UNASSIGNED_OFFICER, type CanonicalExport, type TransactionType } from "../export/schema";

/**
 * The canonical export held as columns: every account once, its money in integer
 * pence in typed arrays and its status, officer, benefit and tenancy type as small
 * integer codes with their dictionaries; every transaction resolved once to its
 * account's row. Sums over it are array reads and typed-array adds, with no text
 * lookups and no objects per record, so a return over 17,000 accounts costs about
 * what a plain loop over numbers costs.
 *
 * It is built from a {@link CanonicalExport} (what the readers give) by
 * {@link toColumnar}; the records it came from stay reachable for refusal messages.
 */

/** Account status codes: index into ACCOUNT_STATUSES order is not used; these are the return's own. */
export const STATUS_CURRENT = 0;
export const STATUS_FORMER = 1;
export const STATUS_VOID = 2;

/** Benefit codes. */
export const BENEFIT_NONE = 0;
export const BENEFIT_UC = 1;
export const BENEFIT_HB = 2;

/** A transaction type the return does not place (only reachable from untyped callers): refused when dated in the period. */
export const TYPE_UNKNOWN = 255;

/** Row index of a transaction whose account is not in the accounts table (what {@link refIndex} answers for it). */
export const NO_ACCOUNT = -1;

export interface ColumnarExport {
  /** The export the columns were built from: its records name the account or transaction in a refusal. */
  source: CanonicalExport;
  accountCount: number;
  /** Closing balance in integer pence (toPence of the £), positive = owed. */
  balancePence: Float64Array;
  /** Weekly rent in integer pence. */
  weeklyRentPence: Float64Array;
  /** Weekly rent in £ as exported (NaN where it is not a number): what a trend's weeks owed divides by, as trendOfAccounts is given it. */
  weeklyRent: Float64Array;
  /** Tenancy end as a serial, NaN when blank. */
  tenancyEnd: Float64Array;
  /** STATUS_CURRENT, STATUS_FORMER or STATUS_VOID (anything but former and void reads as current, as the row objects did). */
  status: Uint8Array;
  /** BENEFIT_NONE, BENEFIT_UC or BENEFIT_HB. */
  benefit: Uint8Array;
  /** Index into {@link officers}. */
  officer: Int32Array;
  /** Officer names, in order of first appearance; "(unassigned)" for accounts without one. */
  officers: string[];
  /** Index into TENANCY_TYPES, 255 for a value outside it. */
  tenancyType: Uint8Array;
  /** The first account a return must refuse (balance or weekly rent not a usable number), or null. */
  accountProblem: ArrearsInputError | null;
  transactionCount: number;
  /** Transaction date (serial). */
  txDate: Float64Array;
  /** Amount in integer pence (NaN when the amount is not a number: refused only if the return reads it). */
  txAmountPence: Float64Array;
  /** Index into TRANSACTION_TYPES, {@link TYPE_UNKNOWN} otherwise. */
  txType: Uint8Array;
  /** Each account row's reference, in row order. */
  accountRefs: readonly string[];
  /** Row of each account reference (built once here; {@link historyColumnsOf} matches the balance history through it). */
  accountIndex: RefIndex;
  /** Row of the transaction's account, {@link NO_ACCOUNT} when it is not in the accounts table (the last row when a reference repeats, as a lookup by reference finds it). */
  txAccount: Int32Array;
}

/** Pounds to integer pence by the core's one money rule (toPence: to the penny, halves away from zero, as Excel's ROUND): exact for any amount exported to the penny, and the same pence the row-object paths (the arrangements judge, the worklist) take. */
const pence = toPence;

/**
 * A value's index in a short list of names, or `none`. A scan, not a Map: the lists are
 * a handful of names with the commonest first (rent and payment lines are most of an
 * export), and comparing a name costs less than hashing it, once per transaction.
 */
function codeIn(names: readonly string[], value: unknown, none: number): number {
  for (let i = 0; i < names.length; i++) if (names[i] === value) return i;
  return none;
}

/** Code of a transaction type, by the order of TRANSACTION_TYPES. */
export const txTypeCode = (type: TransactionType): number => codeIn(TRANSACTION_TYPES, type, TYPE_UNKNOWN);

/**
 * Builds the columns of an export: one pass over the accounts and one over the
 * transactions (each transaction's account found once, by reference). Never throws:
 * values a return must refuse are kept as they are (NaN) or recorded in
 * `accountProblem`, and refused when a return reads them, with the same message.
 *
 * @param data a canonical export, as {@link readExport} gives it.
 * @returns the same export as columns; `source` is `data` itself.
 */
export function toColumnar(data: CanonicalExport): ColumnarExport {
  const accounts = data.accounts;
  const n = accounts.length;
  const balancePence = new Float64Array(n);
  const weeklyRentPence = new Float64Array(n);
  const weeklyRent = new Float64Array(n);
  const tenancyEnd = new Float64Array(n);
  const status = new Uint8Array(n);
  const benefit = new Uint8Array(n);
  const officer = new Int32Array(n);
  const tenancyType = new Uint8Array(n);
  const officers: string[] = [];
  const officerIds = new Map<string, number>();
  const accountRefs = new Array<string>(n);
  let accountProblem: ArrearsInputError | null = null;
  for (let i = 0; i < n; i++) {
    const a = accounts[i];
    if (accountProblem === null) {
      if (!Number.isFinite(a.balance)) accountProblem = new ArrearsInputError("accounts.balance", `account ${a.account}: balance must be a number`);
      else if (!Number.isFinite(a.weeklyRent) || a.weeklyRent < 0) accountProblem = new ArrearsInputError("accounts.weeklyRent", `account ${a.account}: weekly rent must be an amount of zero or more`);
    }
    balancePence[i] = pence(a.balance);
    weeklyRentPence[i] = pence(a.weeklyRent);
    // Not a bare store: a typed array would take an untyped caller's null as 0.
    weeklyRent[i] = typeof a.weeklyRent === "number" ? a.weeklyRent : Number.NaN;
    tenancyEnd[i] = a.tenancyEnd === null ? Number.NaN : a.tenancyEnd;
    status[i] = a.status === "void" ? STATUS_VOID : a.status === "former" ? STATUS_FORMER : STATUS_CURRENT;
    benefit[i] = a.benefit === "UC" ? BENEFIT_UC : a.benefit === "HB" ? BENEFIT_HB : BENEFIT_NONE;
    tenancyType[i] = codeIn(TENANCY_TYPES, a.tenancyType, 255);
    const name = a.officer || UNASSIGNED_OFFICER;
    // A team has a dozen officers or so: a scan of the names met so far is cheaper than hashing each account's.
    let o = -1;
    if (officers.length <= 32) {
      for (let k = 0; k < officers.length; k++) {
        if (officers[k] === name) {
          o = k;
          break;
        }
      }
    } else o = officerIds.get(name) ?? -1;
    if (o < 0) {
      o = officers.length;
      officerIds.set(name, o);
      officers.push(name);
    }
    officer[i] = o;
    accountRefs[i] = a.account;
  }

  const index = refIndex(accountRefs);
  // Exports usually list transactions grouped by account in account order: try the last account's row and the
  // next one before hashing. Only when every reference is once, so a repeated one still finds its last row.
  const unique = index.repeatedRow < 0;
  let last = -1;
  const txs = data.transactions;
  const m = txs.length;
  const txDate = new Float64Array(m);
  const txAmountPence = new Float64Array(m);
  const txType = new Uint8Array(m);
  const txAccount = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    const t = txs[i];
    txDate[i] = t.date;
    txAmountPence[i] = pence(t.amount);
    txType[i] = codeIn(TRANSACTION_TYPES, t.type, TYPE_UNKNOWN);
    const ref = t.account;
    const row = unique && last >= 0 && accountRefs[last] === ref ? last : unique && last + 1 < n && accountRefs[last + 1] === ref ? last + 1 : index.rowOf(ref);
    txAccount[i] = row;
    if (row >= 0) last = row;
  }
  return {
    source: data,
    accountCount: n,
    balancePence,
    weeklyRentPence,
    weeklyRent,
    tenancyEnd,
    status,
    benefit,
    officer,
    officers,
    tenancyType,
    accountProblem,
    transactionCount: m,
    txDate,
    txAmountPence,
    txType,
    txAccount,
    accountRefs,
    accountIndex: index,
  };
}
export * from "./historyColumns";

/**
 * The export's balance history as a matrix aligned to the columns' account rows
 * ({@link historyColumnsOf}), matched through the index the columns already hold.
 * @returns null when the export has no balance history.
 */
export function historyOfColumnar(cols: ColumnarExport): HistoryColumns | null {
  const history = cols.source.balanceHistory;
  if (!history) return null;
  return historyColumnsOf(history, cols.accountRefs, cols.accountIndex);
}
