import type { BalanceHistory } from "../export/schema";
import { refIndex, type RefIndex } from "./refIndex";

/**
 * The weekly balance history held as one typed matrix aligned to the account rows
 * of a columnar export: row i is account i's balances (in £, as exported), NaN
 * where there is no snapshot. Built once at import, so a trend over every account,
 * or over the accounts an escalation list shows, reads numbers in place instead of
 * finding each account's history row by reference and walking arrays of objects.
 *
 * Accounts are matched to history rows exactly as {@link withBalanceTrend} and
 * {@link balanceTrendColumns} match them: by reference, the last history row winning
 * when a reference repeats; an account with no history row gets a row of NaN (no
 * trend, never £0).
 */
export interface HistoryColumns {
  /** Account rows (the matrix's rows). */
  rows: number;
  /** Snapshots per row: the history's dates. */
  weeks: number;
  /** The snapshot dates (or period numbers), oldest first. */
  dates: readonly number[];
  /** "periods" when the snapshots are numbered weeks rather than dated (see {@link BalanceHistory.axis}). */
  axis: "dates" | "periods";
  /** rows × weeks balances in £, row-major; NaN = no snapshot (a blank, or no history row for the account). */
  balances: Float64Array;
  /** 1 where the account has a history row. */
  hasHistory: Uint8Array;
  /** 1 where every snapshot of the row is a finite number (no gap): a fit over any of its weeks needs no check per balance. */
  finite: Uint8Array;
  /**
   * Accounts whose history row could not be held as plain numbers (a row of another
   * length than the dates, or a cell that is neither a number nor blank, which only an
   * untyped caller can give): their matrix row is NaN and the row itself is kept here,
   * so a fit reads it exactly as the row paths do (and refuses it with their words).
   */
  irregular: Map<number, readonly unknown[]>;
}

const IRREGULAR = -1;

/**
 * Copies one history row into the matrix in one pass: 1 when every cell is a finite
 * number, 0 when some are blank (NaN, or an untyped caller's null, held as NaN) or not
 * finite, IRREGULAR at the first cell that is neither a number nor blank (the caller then
 * keeps the row aside whole).
 */
function copyRow(row: readonly unknown[], balances: Float64Array, at: number, weeks: number): number {
  let allFinite = 1;
  for (let k = 0; k < weeks; k++) {
    const v = row[k];
    if (typeof v === "number") {
      balances[at + k] = v;
      if (v - v !== 0) allFinite = 0;
    } else if (v === null) {
      balances[at + k] = Number.NaN;
      allFinite = 0;
    } else return IRREGULAR;
  }
  return allFinite;
}

/**
 * Aligns a balance history to account rows as one matrix.
 * @param history weekly balances (wide), e.g. from {@link readBalanceHistory}.
 * @param accounts the account references, one per account row (a columnar export's `source.accounts` references).
 * @param accountIndex the references' index when the caller already holds one (as {@link toColumnar} does): when
 *   every reference is once, the history is matched through it, and when the history lists the accounts in the
 *   same order no reference is hashed at all.
 */
export function historyColumnsOf(history: BalanceHistory, accounts: readonly string[], accountIndex?: RefIndex): HistoryColumns {
  const n = accounts.length;
  const weeks = history.dates.length;
  const balances = new Float64Array(n * weeks);
  const hasHistory = new Uint8Array(n);
  const finite = new Uint8Array(n);
  const irregular = new Map<number, readonly unknown[]>();
  const out: HistoryColumns = { rows: n, weeks, dates: history.dates, axis: history.axis ?? "dates", balances, hasHistory, finite, irregular };
  const refs = history.accounts;
  const src = history.balances as readonly (readonly unknown[])[];
  const place = (a: number, h: number) => {
    const row = src[h];
    hasHistory[a] = 1;
    const at = a * weeks;
    const copied = Array.isArray(row) && row.length === weeks ? copyRow(row, balances, at, weeks) : IRREGULAR;
    if (copied === IRREGULAR) {
      balances.fill(Number.NaN, at, at + weeks);
      irregular.set(a, row);
      finite[a] = 0;
      return;
    }
    if (irregular.size > 0) irregular.delete(a);
    finite[a] = copied;
  };
  const unique = accountIndex ? accountIndex.repeatedRow < 0 : false;
  if (unique) {
    // Each account row is its reference's only row: walk the history in order, so a repeated history
    // reference overwrites and its last row wins, as a lookup by reference finds it.
    for (let h = 0; h < refs.length; h++) {
      const ref = refs[h];
      const a = h < n && accounts[h] === ref ? h : accountIndex!.rowOf(ref);
      if (a >= 0) place(a, h);
    }
    return blankTheRest(out);
  }
  // A reference repeated among the accounts: every one of its rows gets the history, so look up from the accounts' side.
  const byRef = refIndex(refs);
  for (let a = 0; a < n; a++) {
    const h = byRef.rowOf(accounts[a]);
    if (h >= 0) place(a, h);
  }
  return blankTheRest(out);
}

/** NaN through the rows of accounts with no history row (filled here, not up front, so each slot is written once). */
function blankTheRest(out: HistoryColumns): HistoryColumns {
  const { rows, weeks, balances, hasHistory } = out;
  for (let a = 0; a < rows; a++) if (hasHistory[a] === 0) balances.fill(Number.NaN, a * weeks, (a + 1) * weeks);
  return out;
}
