import { ArrearsInputError } from "../../core/errors";
import { UNASSIGNED_OFFICER, type CanonicalExport, type Transaction } from "../../core/export/schema";
import { bandIndex, UNMATCHED_OFFICER, voidDaysIn, type ReturnSums, type SumOptions } from "../../core/kpi/returnSums";
import { emptyTotals, type ReturnTotals, type SummedField } from "../../core/kpi/totals";

/**
 * The monthly return's sums worked the plain way, record by record over the row
 * objects (the return's loops before the columnar core, kept as the oracle): an
 * account index keyed by reference, every amount added to the team and to its
 * officer's totals by field name. The columnar sums must equal these exactly.
 */

const pence = (pounds: number) => Math.round(pounds * 100);

const COLLECTED_FIELD = { payment: "tenantPayments", hb: "hbCredits", uc: "ucCredits", dhp: "dhpCredits", refund: "refunds" } as const satisfies Record<string, SummedField>;

function add(team: ReturnTotals, group: ReturnTotals, field: SummedField, amount: number): void {
  team[field] += amount;
  group[field] += amount;
}

export function rowReturnSums(data: CanonicalExport, opts: SumOptions): ReturnSums {
  const { periodStart: start, periodEnd: end, yearStart, ageBands, gross, weeksPerYear } = opts;
  const from = Math.min(start, yearStart);
  const nBands = ageBands.length + 1;
  const accounts = data.accounts;
  const officerIds = new Map<string, number>();
  const officerNames: string[] = [];
  const groups: ReturnTotals[] = [];
  const officerOf = (name: string) => {
    let id = officerIds.get(name);
    if (id === undefined) {
      id = officerNames.length;
      officerIds.set(name, id);
      officerNames.push(name);
      groups.push(emptyTotals(nBands));
    }
    return id;
  };
  const team = emptyTotals(nBands);
  const accountIndex = new Map<string, number>();
  const accountOfficer = new Int32Array(accounts.length);
  const accountFormer = new Uint8Array(accounts.length);
  const useVoidAccounts = !data.voids;

  for (let i = 0; i < accounts.length; i++) {
    const a = accounts[i];
    if (!Number.isFinite(a.balance)) throw new ArrearsInputError("accounts.balance", `account ${a.account}: balance must be a number`);
    if (!Number.isFinite(a.weeklyRent) || a.weeklyRent < 0) throw new ArrearsInputError("accounts.weeklyRent", `account ${a.account}: weekly rent must be an amount of zero or more`);
    accountIndex.set(a.account, i);
    const o = officerOf(a.officer || UNASSIGNED_OFFICER);
    accountOfficer[i] = o;
    const g = groups[o];
    const bal = pence(a.balance);
    const rent = pence(a.weeklyRent);
    if (a.status === "void") {
      add(team, g, "voidAccounts", 1);
      add(team, g, "voidWeeklyRent", rent);
      if (gross) add(team, g, "annualDebit", rent * weeksPerYear);
      if (useVoidAccounts) {
        add(team, g, "voidLoss", Math.round((rent * voidDaysIn(a.tenancyEnd === null ? start : a.tenancyEnd + 1, null, start, end)) / 7));
        add(team, g, "ytdVoidLoss", Math.round((rent * voidDaysIn(a.tenancyEnd === null ? yearStart : a.tenancyEnd + 1, null, yearStart, end)) / 7));
      }
      continue;
    }
    if (a.status === "former") {
      accountFormer[i] = 1;
      add(team, g, "formerAccounts", 1);
      if (bal > 0) add(team, g, "formerArrears", bal);
      continue;
    }
    add(team, g, "currentAccounts", 1);
    add(team, g, "currentWeeklyRent", rent);
    add(team, g, "annualDebit", rent * weeksPerYear);
    const uc = a.benefit === "UC";
    if (uc) add(team, g, "ucAccounts", 1);
    if (bal <= 0) {
      add(team, g, "currentCredit", bal);
      continue;
    }
    add(team, g, "currentArrears", bal);
    add(team, g, "accountsInArrears", 1);
    const b = bandIndex(bal, rent, ageBands);
    for (const t of [team, g]) {
      t.bandCounts[b]++;
      t.bandPence[b] += bal;
      if (uc) {
        t.bandUcCounts[b]++;
        t.bandUcPence[b] += bal;
      }
    }
    if (uc) {
      add(team, g, "ucAccountsInArrears", 1);
      add(team, g, "ucArrears", bal);
    }
    const cycleWeeks = uc ? opts.technicalWeeks.UC : a.benefit === "HB" ? opts.technicalWeeks.HB : 0;
    if (cycleWeeks > 0) add(team, g, "technicalArrears", Math.min(bal, Math.round(rent * cycleWeeks)));
  }

  let unmatched = 0;
  let unmatchedBeforePeriod = 0;
  let unmatchedOfficer = -1;
  let earliest = Infinity;
  const txs: readonly Transaction[] = data.transactions;
  for (let i = 0; i < txs.length; i++) {
    const t = txs[i];
    if (t.date < earliest) earliest = t.date;
    if (!(t.date >= from && t.date <= end)) continue;
    if (!Number.isFinite(t.amount)) throw new ArrearsInputError("transactions", `transaction ${i + 1} (account ${t.account}) has an amount that is not a number`);
    const inPeriod = t.date >= start;
    const inYear = t.date >= yearStart;
    const idx = accountIndex.get(t.account);
    let o: number;
    if (idx === undefined) {
      if (inPeriod) unmatched++;
      else unmatchedBeforePeriod++;
      if (unmatchedOfficer < 0) unmatchedOfficer = officerOf(UNMATCHED_OFFICER);
      o = unmatchedOfficer;
    } else o = accountOfficer[idx];
    const g = groups[o];
    const p = pence(t.amount);
    switch (t.type) {
      case "rent":
        if (inPeriod) add(team, g, "rentDue", p);
        if (inYear) add(team, g, "ytdRentDue", p);
        break;
      case "payment":
      case "hb":
      case "uc":
      case "dhp":
      case "refund":
        if (inPeriod) {
          add(team, g, COLLECTED_FIELD[t.type], t.type === "refund" ? p : -p);
          add(team, g, "collected", -p);
        }
        if (inYear) add(team, g, "ytdCollected", -p);
        break;
      case "writeoff":
        if (!inPeriod) break;
        add(team, g, "writeoffs", -p);
        if (idx !== undefined && accountFormer[idx]) add(team, g, "formerWriteoffs", -p);
        break;
      case "adjustment":
        if (inPeriod) add(team, g, "adjustments", p);
        break;
      default:
        throw new ArrearsInputError("transactions", `transaction ${i + 1} has a type the return does not place: ${String(t.type)}`);
    }
  }

  for (const v of data.voids ?? []) {
    if (!Number.isFinite(v.weeklyRent) || v.weeklyRent < 0) throw new ArrearsInputError("voids.weeklyRent", `void ${v.property}: weekly rent must be an amount of zero or more`);
    const officer = () => groups[officerOf(v.officer ?? UNASSIGNED_OFFICER)];
    const days = voidDaysIn(v.voidStart, v.voidEnd, start, end);
    if (days) add(team, officer(), "voidLoss", Math.round((pence(v.weeklyRent) * days) / 7));
    const ytdDays = voidDaysIn(v.voidStart, v.voidEnd, yearStart, end);
    if (ytdDays) add(team, officer(), "ytdVoidLoss", Math.round((pence(v.weeklyRent) * ytdDays) / 7));
  }
  return { groups: officerNames, totals: groups, team, unmatched, unmatchedBeforePeriod, earliest };
}
