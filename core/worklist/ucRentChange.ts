import { dateToSerial, serialToDate } from "../dates/excelSerial";
import type { Transaction } from "../export/schema";
import { fromPence, toPence } from "../money";

/**
 * A UC tenant who has not reported the April rent change: Universal Credit pays the
 * housing costs on the rent the tenant reports in their journal, so when the rent rises in
 * April and the UC credit stays exactly what it was, the difference builds up as arrears
 * month by month until the change is reported (the tenant reports it, not the landlord,
 * unless the landlord verifies it on the DWP landlord portal).
 *
 * Read from the transactions alone: the rent change is the first rent debit from 1 April
 * (of the as-of date's rent year) that differs from the last one before it and is higher;
 * the UC credits after it are those dated more than `settleDays` after the change (a UC
 * payment soon after the change may be for an assessment period before it). It is flagged
 * when there is at least one such credit and every one equals, to the penny, the last UC
 * credit before the change. It needs transactions reaching back before 1 April.
 */

/** One account's unreported rent change, as the transactions show it. */
export interface UcRentChange {
  /** Date of the first rent debit at the new rent. */
  changeDate: number;
  /** The rent debit before and after the change, £ per debit. */
  oldDebit: number;
  newDebit: number;
  /** The UC credit, £, unchanged since before the change. */
  credit: number;
}

/** 1 April starting the rent year the date falls in (a date in January to March belongs to the year from the April before). */
export function rentYearStart(date: number): number {
  const d = serialToDate(date);
  const y = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return dateToSerial(new Date(Date.UTC(y, 3, 1)));
}

/**
 * The accounts among `accounts` whose UC credits still match the credit paid before the
 * April rent rise (see the module comment). Lines dated after `asOf` are not read.
 */
export function unreportedRentChanges(transactions: readonly Transaction[], accounts: ReadonlySet<string>, asOf: number, settleDays: number): Map<string, UcRentChange> {
  const april = rentYearStart(asOf);
  const lines = new Map<string, { rent: [number, number][]; uc: [number, number][] }>();
  for (const t of transactions) {
    if (t.date > asOf || !accounts.has(t.account)) continue;
    const isRent = t.type === "rent" && t.amount > 0;
    const isUc = t.type === "uc" && t.amount < 0;
    if (!isRent && !isUc) continue;
    let l = lines.get(t.account);
    if (!l) lines.set(t.account, (l = { rent: [], uc: [] }));
    (isRent ? l.rent : l.uc).push([t.date, Math.abs(toPence(t.amount))]);
  }
  const out = new Map<string, UcRentChange>();
  for (const [account, l] of lines) {
    l.rent.sort((a, b) => a[0] - b[0]);
    l.uc.sort((a, b) => a[0] - b[0]);
    const before = l.rent.filter(([d]) => d < april).at(-1);
    if (!before) continue;
    const change = l.rent.find(([d, p]) => d >= april && p !== before[1]);
    if (!change || change[1] <= before[1]) continue;
    const prev = l.uc.filter(([d]) => d < change[0]).at(-1);
    const after = l.uc.filter(([d]) => d > change[0] + settleDays);
    if (!prev || after.length === 0 || after.some(([, p]) => p !== prev[1])) continue;
    out.set(account, { changeDate: change[0], oldDebit: fromPence(before[1]), newDebit: fromPence(change[1]), credit: fromPence(prev[1]) });
  }
  return out;
}
