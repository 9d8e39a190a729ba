import { ArrearsInputError } from "../errors";
import { UNASSIGNED_OFFICER } from "../export/schema";
import { serialToIso } from "../dates/excelSerial";
import {
  BENEFIT_HB,
  BENEFIT_UC,
  NO_ACCOUNT,
  STATUS_FORMER,
  STATUS_VOID,
  TYPE_UNKNOWN,
  txTypeCode,
  type ColumnarExport,
} from "../columns/columnarExport";
import { emptyTotals, type ReturnTotals, type SummedField } from "./totals";

/**
 * The monthly return's sums over a columnar export: one row of a Float64Array per
 * group (officer), one slot per summed figure, added to by array index, so the loops
 * over 17,000 accounts and 37,000 transactions touch only numbers. The team's sums
 * are the groups' added up at the end: every sum is whole pence or a count, so the
 * order they are added in cannot change them. {@link ReturnTotals} objects are built
 * only at the edge, one per group.
 */

/** Slot of each summed figure in a group's row: a typed table, so a ReturnTotals field without a slot does not compile. */
const SLOT = {
  currentAccounts: 0,
  formerAccounts: 1,
  voidAccounts: 2,
  rentDue: 3,
  collected: 4,
  tenantPayments: 5,
  hbCredits: 6,
  ucCredits: 7,
  dhpCredits: 8,
  refunds: 9,
  writeoffs: 10,
  formerWriteoffs: 11,
  adjustments: 12,
  voidLoss: 13,
  currentWeeklyRent: 14,
  voidWeeklyRent: 15,
  annualDebit: 16,
  currentArrears: 17,
  currentCredit: 18,
  formerArrears: 19,
  accountsInArrears: 20,
  ucAccounts: 21,
  ucAccountsInArrears: 22,
  ucArrears: 23,
  technicalArrears: 24,
  ytdRentDue: 25,
  ytdCollected: 26,
  ytdVoidLoss: 27,
} as const satisfies Record<SummedField, number>;
const FIELDS = Object.keys(SLOT) as SummedField[];
const SUMMED = FIELDS.length;

/** Per transaction type code: the slot a credit adds to (its sign flipped, a refund's kept), or -1 for types that are not money in. */
const COLLECTED_SLOT: Int8Array = (() => {
  const slots = new Int8Array(256).fill(-1);
  slots[txTypeCode("payment")] = SLOT.tenantPayments;
  slots[txTypeCode("hb")] = SLOT.hbCredits;
  slots[txTypeCode("uc")] = SLOT.ucCredits;
  slots[txTypeCode("dhp")] = SLOT.dhpCredits;
  slots[txTypeCode("refund")] = SLOT.refunds;
  return slots;
})();
const RENT = txTypeCode("rent");
const REFUND = txTypeCode("refund");
const WRITEOFF = txTypeCode("writeoff");
const ADJUSTMENT = txTypeCode("adjustment");

/** What the sums need from the options. */
export interface SumOptions {
  periodStart: number;
  periodEnd: number;
  yearStart: number;
  ageBands: readonly number[];
  weeksPerYear: number;
  gross: boolean;
  technicalWeeks: { UC: number; HB: number };
}

/** The sums of one return: per group, then the team. */
export interface ReturnSums {
  /** Group names: the accounts' officers first, then any the return adds (unmatched transactions, voids' officers). */
  groups: string[];
  /** Sums per group as ReturnTotals, built once at the end. */
  totals: ReturnTotals[];
  team: ReturnTotals;
  unmatched: number;
  unmatchedBeforePeriod: number;
  /** Earliest transaction date in the export (Infinity with none). */
  earliest: number;
}

/** Officer line for transactions whose account is not in the accounts table. */
export const UNMATCHED_OFFICER = "(not in accounts table)";

/** Days of a void that fall in [start, end], inclusive. */
export function voidDaysIn(voidStart: number, voidEnd: number | null, start: number, end: number): number {
  const from = Math.max(voidStart, start);
  const to = Math.min(voidEnd ?? end, end);
  return to >= from ? to - from + 1 : 0;
}

/** Index of the band a positive balance falls in, comparing in pence so 4 weeks exactly is "4 to under 8". */
export function bandIndex(balancePence: number, weeklyRentPence: number, thresholds: readonly number[]): number {
  if (weeklyRentPence <= 0) return thresholds.length + 1;
  let i = 0;
  while (i < thresholds.length && balancePence >= thresholds[i] * weeklyRentPence) i++;
  return i;
}

/** Group rows that grow as the return meets officers the accounts table does not name. */
class GroupRows {
  readonly names: string[];
  private readonly ids = new Map<string, number>();
  rows: Float64Array;
  constructor(
    names: readonly string[],
    readonly width: number,
  ) {
    this.names = [...names];
    names.forEach((name, i) => this.ids.set(name, i));
    this.rows = new Float64Array(Math.max(1, this.names.length + 2) * width);
  }
  /** Row of a group by name, added (zeroed) the first time it is asked for. */
  idOf(name: string): number {
    let id = this.ids.get(name);
    if (id !== undefined) return id;
    id = this.names.length;
    this.ids.set(name, id);
    this.names.push(name);
    if ((id + 1) * this.width > this.rows.length) {
      const grown = new Float64Array(this.rows.length * 2);
      grown.set(this.rows);
      this.rows = grown;
    }
    return id;
  }
}

/**
 * Sums a columnar export for a return: accounts (balances and statuses at period
 * end), transactions dated from the year start (or period start, if earlier) to
 * period end, and voids.
 * @throws ArrearsInputError on the first account, transaction read in the period, or void that cannot be read as a number, as the return always has.
 */
export function sumReturn(cols: ColumnarExport, o: SumOptions): ReturnSums {
  if (cols.accountProblem) throw cols.accountProblem;
  const { periodStart: start, periodEnd: end, yearStart, ageBands, gross, weeksPerYear } = o;
  const from = Math.min(start, yearStart);
  const slots = ageBands.length + 2;
  // A group's row: the summed figures, then band counts, band pence, UC band counts, UC band pence.
  const bandCounts = SUMMED;
  const bandPence = bandCounts + slots;
  const bandUcCounts = bandPence + slots;
  const bandUcPence = bandUcCounts + slots;
  const width = bandUcPence + slots;
  const groups = new GroupRows(cols.officers, width);
  let s = groups.rows;

  const n = cols.accountCount;
  const { balancePence, weeklyRentPence, status, benefit, officer, tenancyEnd } = cols;
  const ucWeeks = o.technicalWeeks.UC;
  const hbWeeks = o.technicalWeeks.HB;
  const source = cols.source;
  const useVoidAccounts = !source.voids;
  for (let i = 0; i < n; i++) {
    const g = officer[i] * width;
    const bal = balancePence[i];
    const rent = weeklyRentPence[i];
    const st = status[i];
    if (st === STATUS_VOID) {
      s[g + SLOT.voidAccounts] += 1;
      s[g + SLOT.voidWeeklyRent] += rent;
      // Empty homes are in the year's rent due only when voidTreatment is gross, as in the collection rate.
      if (gross) s[g + SLOT.annualDebit] += rent * weeksPerYear;
      if (useVoidAccounts) {
        const ended = tenancyEnd[i];
        const blank = Number.isNaN(ended);
        s[g + SLOT.voidLoss] += Math.round((rent * voidDaysIn(blank ? start : ended + 1, null, start, end)) / 7);
        s[g + SLOT.ytdVoidLoss] += Math.round((rent * voidDaysIn(blank ? yearStart : ended + 1, null, yearStart, end)) / 7);
      }
      continue;
    }
    if (st === STATUS_FORMER) {
      s[g + SLOT.formerAccounts] += 1;
      if (bal > 0) s[g + SLOT.formerArrears] += bal;
      continue;
    }
    s[g + SLOT.currentAccounts] += 1;
    s[g + SLOT.currentWeeklyRent] += rent;
    s[g + SLOT.annualDebit] += rent * weeksPerYear;
    const ben = benefit[i];
    const uc = ben === BENEFIT_UC;
    if (uc) s[g + SLOT.ucAccounts] += 1;
    if (bal <= 0) {
      s[g + SLOT.currentCredit] += bal;
      continue;
    }
    s[g + SLOT.currentArrears] += bal;
    s[g + SLOT.accountsInArrears] += 1;
    const b = bandIndex(bal, rent, ageBands);
    s[g + bandCounts + b] += 1;
    s[g + bandPence + b] += bal;
    if (uc) {
      s[g + SLOT.ucAccountsInArrears] += 1;
      s[g + SLOT.ucArrears] += bal;
      s[g + bandUcCounts + b] += 1;
      s[g + bandUcPence + b] += bal;
    }
    const cycleWeeks = uc ? ucWeeks : ben === BENEFIT_HB ? hbWeeks : 0;
    if (cycleWeeks > 0) s[g + SLOT.technicalArrears] += Math.min(bal, Math.round(rent * cycleWeeks));
  }

  let unmatched = 0;
  let unmatchedBeforePeriod = 0;
  let unmatchedRow = -1;
  let earliest = Infinity;
  const { txDate, txAmountPence, txType, txAccount, status: statusOf } = cols;
  const m = cols.transactionCount;
  for (let i = 0; i < m; i++) {
    const date = txDate[i];
    if (date < earliest) earliest = date;
    if (!(date >= from && date <= end)) continue;
    const p = txAmountPence[i];
    if (!Number.isFinite(p) && !Number.isFinite(source.transactions[i].amount)) {
      throw new ArrearsInputError("transactions", `transaction ${i + 1} (account ${source.transactions[i].account}) has an amount that is not a number`);
    }
    const inPeriod = date >= start;
    const inYear = date >= yearStart;
    const row = txAccount[i];
    let g: number;
    if (row === NO_ACCOUNT) {
      if (inPeriod) unmatched++;
      else unmatchedBeforePeriod++;
      if (unmatchedRow < 0) {
        unmatchedRow = groups.idOf(UNMATCHED_OFFICER) * width;
        s = groups.rows;
      }
      g = unmatchedRow;
    } else g = officer[row] * width;
    const type = txType[i];
    if (type === RENT) {
      if (inPeriod) s[g + SLOT.rentDue] += p;
      if (inYear) s[g + SLOT.ytdRentDue] += p;
      continue;
    }
    const collectedSlot = COLLECTED_SLOT[type];
    if (collectedSlot >= 0) {
      // Credits lower the balance (negative amounts); a refund paid out raises it and is shown as a positive sum.
      if (inPeriod) {
        s[g + collectedSlot] += type === REFUND ? p : -p;
        s[g + SLOT.collected] += -p;
      }
      if (inYear) s[g + SLOT.ytdCollected] += -p;
    } else if (type === WRITEOFF) {
      if (!inPeriod) continue;
      s[g + SLOT.writeoffs] += -p;
      if (row !== NO_ACCOUNT && statusOf[row] === STATUS_FORMER) s[g + SLOT.formerWriteoffs] += -p;
    } else if (type === ADJUSTMENT) {
      if (inPeriod) s[g + SLOT.adjustments] += p;
    } else {
      // Only an untyped caller can get here: a type the return does not place is refused, never skipped.
      const shown = type === TYPE_UNKNOWN ? String(source.transactions[i].type) : String(type);
      throw new ArrearsInputError("transactions", `transaction ${i + 1} has a type the return does not place: ${shown}`);
    }
  }

  for (const v of source.voids ?? []) {
    if (!Number.isFinite(v.weeklyRent) || v.weeklyRent < 0) throw new ArrearsInputError("voids.weeklyRent", `void ${v.property}: weekly rent must be an amount of zero or more`);
    const rent = Math.round(v.weeklyRent * 100);
    const days = voidDaysIn(v.voidStart, v.voidEnd, start, end);
    const ytdDays = voidDaysIn(v.voidStart, v.voidEnd, yearStart, end);
    if (!days && !ytdDays) continue;
    // A void's officer gets a line only when the void costs something in the period or the year.
    const g = groups.idOf(v.officer ?? UNASSIGNED_OFFICER) * width;
    s = groups.rows;
    if (days) s[g + SLOT.voidLoss] += Math.round((rent * days) / 7);
    if (ytdDays) s[g + SLOT.ytdVoidLoss] += Math.round((rent * ytdDays) / 7);
  }

  const totalsOf = (g: number): ReturnTotals => {
    const t = emptyTotals(ageBands.length + 1);
    for (let f = 0; f < SUMMED; f++) t[FIELDS[f]] = s[g + f];
    for (let b = 0; b < slots; b++) {
      t.bandCounts[b] = s[g + bandCounts + b];
      t.bandPence[b] = s[g + bandPence + b];
      t.bandUcCounts[b] = s[g + bandUcCounts + b];
      t.bandUcPence[b] = s[g + bandUcPence + b];
    }
    return t;
  };
  const count = groups.names.length;
  // The team row sits after the groups' rows: their sum, slot by slot.
  const teamRow = new Float64Array(width);
  for (let gi = 0; gi < count; gi++) for (let f = 0; f < width; f++) teamRow[f] += s[gi * width + f];
  const totals = groups.names.map((_, gi) => totalsOf(gi * width));
  s = teamRow;
  const team = totalsOf(0);
  return { groups: groups.names, totals, team, unmatched, unmatchedBeforePeriod, earliest };
}

/** Why the year-to-date figures are missing, or null when the export covers the year. */
export function yearToDateGap(earliest: number, yearStart: number): string {
  return `not given: ${earliest === Infinity ? "the export holds no transactions" : `the export's transactions start on ${serialToIso(earliest)}`}, after the first week of the reporting year that began ${serialToIso(yearStart)}; export transactions from 1 April for year-to-date figures`;
}
