import { DEFAULT_AGE_BANDS, DEFAULT_TECHNICAL_WEEKS } from "../../core/kpi/monthlyReturn";
import { reportingYearStart } from "../../core/kpi/reportingYear";
import { DEFAULT_HORIZON, DEFAULT_STABLE_TOLERANCE } from "../../core/trend/trend";
import type { BenchData } from "./data";
import { AGEING_FIELDS, TEAM, type Figures } from "./figures";

/**
 * The typed-array floor: the arithmetic of the monthly return's sums and the 52-week
 * trend, as one plain pass over typed columns (money in integer pence, status, benefit
 * and type as small codes, each transaction already resolved to its account's row).
 * No validation, no objects per row, no strings: what the core could cost at best.
 * The columns are built once, untimed, as a columnar import would hold them; the pass
 * is what is timed. Its figures are checked against the core's (`floorFigures`), so a
 * floor that skipped work could not look fast.
 *
 * The KPI formulas follow the native sheet's (nativeSheet.ts), written independently
 * of the core's KPI definitions.
 */

const STATUS = { current: 0, former: 1, void: 2 } as const;
const BENEFIT = { none: 0, UC: 1, HB: 2 } as const;
const TYPE = { rent: 0, payment: 1, hb: 2, uc: 3, dhp: 4, refund: 5, writeoff: 6, adjustment: 7 } as const;

/** Raw sums per group, in this order; each group is a row of FIELDS.length slots in one Float64Array. */
const SUMS = [
  "currentAccounts", "rentDue", "collected", "dhp", "ytdRentDue", "ytdCollected", "writeoffs", "formerWriteoffs", "voidLoss",
  "currentWeeklyRent", "currentArrears", "formerArrears", "accountsInArrears", "ucAccounts", "ucAccountsInArrears", "ucArrears", "technicalArrears",
] as const;
type Sum = (typeof SUMS)[number];
const S = Object.fromEntries(SUMS.map((k, i) => [k, i])) as Record<Sum, number>;

export interface FloorInput {
  accounts: number;
  /** Officer names, sorted; groups 0..officers-1 are officers, group `officers` is the team. */
  officers: string[];
  officer: Uint8Array;
  status: Uint8Array;
  benefit: Uint8Array;
  balanceP: Int32Array;
  rentP: Int32Array;
  txDate: Int32Array;
  /** Row of the transaction's account in the accounts columns. */
  txRow: Int32Array;
  txType: Uint8Array;
  txP: Int32Array;
  voidOfficer: Uint8Array;
  voidStart: Int32Array;
  /** -1 for a void still open. */
  voidEnd: Int32Array;
  voidRentP: Int32Array;
  /** Weekly balances in pence, row-major: accounts × weeks. */
  historyP: Int32Array;
  weeks: number;
  dates: Float64Array;
  periodStart: number;
  periodEnd: number;
}

const pence = (pounds: number) => Math.round(pounds * 100);

/** Builds the typed columns from the bench's export (untimed: a columnar import's work). */
export function floorInput(data: BenchData): FloorInput {
  const { accounts, transactions, voids, balanceHistory } = data.export;
  const officers = [...new Set(accounts.map((a) => a.officer))].sort((x, y) => x.localeCompare(y));
  if (officers.length > 254) throw new Error("the floor codes officers in a byte");
  const officerCode = new Map(officers.map((o, i) => [o, i]));
  const n = accounts.length;
  const rowOf = new Map(accounts.map((a, i) => [a.account, i]));
  const weeks = balanceHistory.dates.length;
  const historyP = new Int32Array(n * weeks);
  balanceHistory.balances.forEach((row, i) => {
    if (row.length !== weeks) throw new Error(`balance history row ${i + 1} has ${row.length} balances, not ${weeks}`);
    row.forEach((v, k) => {
      if (v === null) throw new Error(`balance history row ${i + 1} has a blank: the floor fits whole rows only`);
      historyP[i * weeks + k] = pence(v);
    });
  });
  return {
    accounts: n,
    officers,
    officer: Uint8Array.from(accounts, (a) => officerCode.get(a.officer)!),
    status: Uint8Array.from(accounts, (a) => STATUS[a.status]),
    benefit: Uint8Array.from(accounts, (a) => BENEFIT[a.benefit as keyof typeof BENEFIT] ?? 0),
    balanceP: Int32Array.from(accounts, (a) => pence(a.balance)),
    rentP: Int32Array.from(accounts, (a) => pence(a.weeklyRent)),
    txDate: Int32Array.from(transactions, (t) => t.date),
    txRow: Int32Array.from(transactions, (t) => {
      const row = rowOf.get(t.account);
      if (row === undefined) throw new Error(`transaction on ${t.account}, not in the accounts: the floor has no unmatched group`);
      return row;
    }),
    txType: Uint8Array.from(transactions, (t) => TYPE[t.type]),
    txP: Int32Array.from(transactions, (t) => pence(t.amount)),
    voidOfficer: Uint8Array.from(voids, (v) => officerCode.get(v.officer ?? "") ?? 255),
    voidStart: Int32Array.from(voids, (v) => v.voidStart),
    voidEnd: Int32Array.from(voids, (v) => v.voidEnd ?? -1),
    voidRentP: Int32Array.from(voids, (v) => pence(v.weeklyRent)),
    historyP,
    weeks,
    dates: Float64Array.from(balanceHistory.dates),
    periodStart: data.periodStart,
    periodEnd: data.periodEnd,
  };
}

export interface FloorOutput {
  /** Raw sums, (officers + 1) × SUMS.length; the team is the last group. */
  sums: Float64Array;
  /** Per group and band (1-based slots 0..bands-1): count, pence, UC count, UC pence; (officers + 1) × bands × 4. */
  bandSums: Float64Array;
  bands: number;
  ytdCovered: boolean;
  /** Per account: slope per week and projected balance in pence, weeks owed (NaN with no rent), periods in arrears. */
  slopeP: Float64Array;
  projectedP: Float64Array;
  weeksOwed: Float64Array;
  periodsInArrears: Int32Array;
}

/** The timed pass: every sum the monthly return reads, and every account's trend. */
export function floorPass(x: FloorInput): FloorOutput {
  const thresholds = DEFAULT_AGE_BANDS;
  const bands = thresholds.length + 2;
  const groups = x.officers.length + 1;
  const team = x.officers.length;
  const F = SUMS.length;
  const sums = new Float64Array(groups * F);
  const bandSums = new Float64Array(groups * bands * 4);
  const add = (g: number, field: number, v: number) => {
    sums[g * F + field] += v;
    sums[team * F + field] += v;
  };
  const addBand = (g: number, b: number, k: number, v: number) => {
    bandSums[(g * bands + b) * 4 + k] += v;
    bandSums[(team * bands + b) * 4 + k] += v;
  };
  const ucCycle = DEFAULT_TECHNICAL_WEEKS.UC;
  const hbCycle = DEFAULT_TECHNICAL_WEEKS.HB;

  for (let i = 0; i < x.accounts; i++) {
    const g = x.officer[i];
    const st = x.status[i];
    const bal = x.balanceP[i];
    const rent = x.rentP[i];
    if (st === STATUS.former) {
      if (bal > 0) add(g, S.formerArrears, bal);
      continue;
    }
    if (st !== STATUS.current) continue;
    const ben = x.benefit[i];
    add(g, S.currentAccounts, 1);
    add(g, S.currentWeeklyRent, rent);
    if (ben === BENEFIT.UC) add(g, S.ucAccounts, 1);
    if (bal <= 0) continue;
    add(g, S.currentArrears, bal);
    add(g, S.accountsInArrears, 1);
    // Band 0.. by weeks of rent owed, compared in pence; the last slot is "no weekly rent recorded".
    let b = 0;
    if (rent <= 0) b = bands - 1;
    else while (b < thresholds.length && bal >= thresholds[b] * rent) b++;
    addBand(g, b, 0, 1);
    addBand(g, b, 1, bal);
    if (ben === BENEFIT.UC) {
      add(g, S.ucAccountsInArrears, 1);
      add(g, S.ucArrears, bal);
      addBand(g, b, 2, 1);
      addBand(g, b, 3, bal);
    }
    const cycle = ben === BENEFIT.UC ? ucCycle : ben === BENEFIT.HB ? hbCycle : 0;
    if (cycle > 0) add(g, S.technicalArrears, Math.min(bal, Math.round(rent * cycle)));
  }

  const start = x.periodStart;
  const end = x.periodEnd;
  const yearStart = reportingYearStart(end);
  let earliest = Infinity;
  for (let j = 0; j < x.txDate.length; j++) {
    const d = x.txDate[j];
    if (d < earliest) earliest = d;
    const inPeriod = d >= start && d <= end;
    const inYear = d >= yearStart && d <= end;
    if (!inPeriod && !inYear) continue;
    const row = x.txRow[j];
    const g = x.officer[row];
    const p = x.txP[j];
    const type = x.txType[j];
    if (type === TYPE.rent) {
      if (inPeriod) add(g, S.rentDue, p);
      if (inYear) add(g, S.ytdRentDue, p);
    } else if (type <= TYPE.refund) {
      // Money in is credits (negative), less refunds paid out (positive).
      if (inPeriod) add(g, S.collected, -p);
      if (inYear) add(g, S.ytdCollected, -p);
      if (type === TYPE.dhp && inPeriod) add(g, S.dhp, -p);
    } else if (type === TYPE.writeoff && inPeriod) {
      add(g, S.writeoffs, -p);
      if (x.status[row] === STATUS.former) add(g, S.formerWriteoffs, -p);
    }
  }

  for (let v = 0; v < x.voidStart.length; v++) {
    const from = Math.max(x.voidStart[v], start);
    const to = Math.min(x.voidEnd[v] < 0 ? end : x.voidEnd[v], end);
    if (to < from) continue;
    const g = x.voidOfficer[v];
    const loss = Math.round((x.voidRentP[v] * (to - from + 1)) / 7);
    if (g === 255) sums[team * F + S.voidLoss] += loss;
    else add(g, S.voidLoss, loss);
  }

  // The trend: x measured from the axis mean, computed once for every row; per row one pass for Σy, Σxy and the count in arrears.
  const w = x.weeks;
  const dx = new Float64Array(w);
  let meanX = 0;
  for (let k = 0; k < w; k++) meanX += x.dates[k];
  meanX /= w;
  let sxx = 0;
  for (let k = 0; k < w; k++) {
    dx[k] = x.dates[k] - meanX;
    sxx += dx[k] * dx[k];
  }
  // Every row is whole here (floorInput refuses blanks), so the period is the axis's spacing: weekly dates, 7 days.
  const period = (x.dates[w - 1] - x.dates[0]) / (w - 1);
  const ahead = x.dates[w - 1] + DEFAULT_HORIZON * period - meanX;
  const n = x.accounts;
  const slopeP = new Float64Array(n);
  const projectedP = new Float64Array(n);
  const weeksOwed = new Float64Array(n);
  const periodsInArrears = new Int32Array(n);
  const h = x.historyP;
  for (let i = 0, at = 0; i < n; i++, at += w) {
    let sy = 0;
    let sxy = 0;
    let owing = 0;
    for (let k = 0; k < w; k++) {
      const y = h[at + k];
      sy += y;
      sxy += dx[k] * y;
      // Added as 0 or 1, as the core counts it: a branch here mispredicts on balances either side of zero.
      owing += +(y >= 1);
    }
    const perDay = sxy / sxx;
    slopeP[i] = perDay * period;
    projectedP[i] = sy / w + perDay * ahead;
    const rent = x.rentP[i];
    weeksOwed[i] = rent > 0 ? h[at + w - 1] / rent : NaN;
    periodsInArrears[i] = owing;
  }
  const ytdCovered = start <= yearStart || earliest <= yearStart + 6;
  return { sums, bandSums, bands, ytdCovered, slopeP, projectedP, weeksOwed, periodsInArrears };
}

/** Excel's ROUND(v, 2): halves away from zero, with the small nudge that undoes binary error (1.005 is 1.00499…). */
export function round2(v: number): number {
  const r = Math.floor(Math.abs(v) * 100 + 0.5 + 1e-9) / 100;
  return v < 0 ? -r : r;
}

/** A percentage to 2 dp, or blank when the denominator is zero. */
const pct = (num: number, den: number) => (den === 0 ? null : round2((num / den) * 100));

/** The floor's figures under the keys the core's are compared by (untimed). */
export function floorFigures(x: FloorInput, out: FloorOutput): Figures {
  const f: Figures = new Map();
  const F = SUMS.length;
  const days = x.periodEnd - x.periodStart + 1;
  const ytdDays = x.periodEnd - reportingYearStart(x.periodEnd) + 1;
  const names = [...x.officers, TEAM];
  names.forEach((name, g) => {
    const s = (k: Sum) => out.sums[g * F + S[k]];
    const band = (b: number, k: number) => out.bandSums[(g * out.bands + b) * 4 + k];
    const annualDebit = s("currentWeeklyRent") * 52;
    // A collection rate is blank when rent due is under a quarter of the weekly rents over the days (a part month).
    const rate = (num: number, due: number, span: number) => (due === 0 || due * 28 < s("currentWeeklyRent") * span ? null : round2((num / due) * 100));
    const ytd = <T>(v: T) => (out.ytdCovered ? v : null);
    const gross = s("currentArrears") + s("formerArrears");
    const kpis: Record<string, number | null> = {
      rent_due: s("rentDue") / 100,
      rent_collected: s("collected") / 100,
      dhp_collected: s("dhp") / 100,
      collection_rate_arc: rate(s("collected"), s("rentDue"), days),
      collection_rate_excl_bf: rate(s("collected"), s("rentDue"), days),
      ytd_rent_due: ytd(s("ytdRentDue") / 100),
      ytd_rent_collected: ytd(s("ytdCollected") / 100),
      ytd_collection_rate_arc: ytd(rate(s("ytdCollected"), s("ytdRentDue"), ytdDays)),
      current_arrears: s("currentArrears") / 100,
      current_arrears_pct: pct(s("currentArrears"), annualDebit),
      former_arrears: s("formerArrears") / 100,
      former_arrears_pct: pct(s("formerArrears"), annualDebit),
      gross_arrears: gross / 100,
      gross_arrears_pct: pct(gross, annualDebit),
      void_loss: s("voidLoss") / 100,
      void_loss_pct: pct(s("voidLoss"), s("rentDue") + s("voidLoss")),
      writeoffs: s("writeoffs") / 100,
      former_writeoffs: s("formerWriteoffs") / 100,
      former_writeoffs_pct: pct(s("formerWriteoffs"), annualDebit),
      writeoffs_pct_of_rent_due: rate(s("writeoffs"), s("rentDue"), days),
      current_accounts: s("currentAccounts"),
      accounts_in_arrears: s("accountsInArrears"),
      accounts_in_arrears_pct: pct(s("accountsInArrears"), s("currentAccounts")),
      uc_accounts: s("ucAccounts"),
      uc_accounts_in_arrears: s("ucAccountsInArrears"),
      uc_arrears: s("ucArrears") / 100,
      uc_arrears_share_pct: pct(s("ucArrears"), s("currentArrears")),
      technical_arrears: s("technicalArrears") / 100,
      current_arrears_excl_technical_pct: pct(s("currentArrears") - s("technicalArrears"), annualDebit),
    };
    for (let b = 0; b < out.bands; b++) {
      kpis[`arrears_band_${b + 1}_count`] = band(b, 0);
      kpis[`arrears_band_${b + 1}_amount`] = band(b, 1) / 100;
    }
    for (const [id, v] of Object.entries(kpis)) f.set(`kpi:${name}:${id}`, v);
    if (name !== TEAM) return;
    for (let b = 0; b < out.bands; b++) {
      const ageing: Record<(typeof AGEING_FIELDS)[number], number | null> = {
        accounts: band(b, 0),
        arrears: band(b, 1) / 100,
        pctOfAccountsInArrears: pct(band(b, 0), s("accountsInArrears")),
        pctOfArrears: pct(band(b, 1), s("currentArrears")),
        ucAccounts: band(b, 2),
        ucArrears: band(b, 3) / 100,
      };
      for (const field of AGEING_FIELDS) f.set(`ageing:${b + 1}:${field}`, ageing[field]);
    }
  });
  for (let i = 0; i < x.accounts; i++) {
    const slope = out.slopeP[i] / 100;
    f.set(`trend:${i}:slope`, round2(slope));
    f.set(`trend:${i}:direction`, Math.abs(slope) <= DEFAULT_STABLE_TOLERANCE ? "stable" : slope > 0 ? "worsening" : "improving");
    f.set(`trend:${i}:projected`, round2(out.projectedP[i] / 100));
    f.set(`trend:${i}:weeksOwed`, Number.isNaN(out.weeksOwed[i]) ? null : round2(out.weeksOwed[i]));
    f.set(`trend:${i}:periodsInArrears`, out.periodsInArrears[i]);
  }
  return f;
}
