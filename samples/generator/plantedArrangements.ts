import type { ArrangementOutcome } from "../../core/arrangements/rules";
import type { Arrangement, Frequency, RecordedStatus } from "../../core/arrangements/schema";
import type { Account, Transaction } from "../../core/export/schema";
import { mulberry32 } from "./random";

/**
 * Payment arrangements with planted outcomes, for the synthetic team export: each one is
 * built from a scenario (kept; missed once then caught up; broken; a UC deduction or HB
 * credit arriving late within its grace window and beyond it; overpaid then stopped; on
 * hold), and its label says what judging it at the period end must find. The labels are
 * worked out here from the scenario and the documented rules (README, "Payment
 * arrangements"), never by calling the judge, so a test can hold the judge to them.
 *
 * The export's own month of transactions stays as it is; these add arrangement rows and
 * their payments (dated before and in the month). Planting accounts for the month's own
 * lines on each account, so every label holds whatever they are:
 * - every scenario's telling event (the miss, the late credit) falls at least 31 days before
 *   the month starts, where no line of the month can count toward it (the longest grace,
 *   UC's, is 30 days);
 * - an arrears-part arrangement that should stay kept also pays the month's rent on the
 *   rent day (the tenant pays rent on top of the instalment), so the month's rent debit
 *   takes nothing off it, and the month's other credits only add to what was paid;
 * - one that should be broken is planted only on an account whose month credits come to
 *   no more than its rent, and stops paying at least two judged instalments before the end.
 */

/** What was planted. */
export const PLANTED_SCENARIOS = [
  "kept",
  "missedOnceCaughtUp",
  "broken",
  "ucLateWithinWindow",
  "ucLateBeyondWindow",
  "hbLateWithinWindow",
  "hbLateBeyondWindow",
  "overpaidThenStopped",
  "overpaidThenRanOut",
  "onHold",
  "accountHold",
] as const;
export type PlantedScenario = (typeof PLANTED_SCENARIOS)[number];

/** What judging the arrangement at the period end (default graces, with the accounts table) must find. */
export interface PlantedLabel {
  account: string;
  startDate: number;
  scenario: PlantedScenario;
  outcome: ArrangementOutcome;
  /** Missed instalments planted, with the first one's due date; null where the scenario fixes only the outcome (broken, on hold). */
  missed: number | null;
  firstMissed: number | null;
}

export interface PlantedArrangements {
  arrangements: Arrangement[];
  labels: PlantedLabel[];
  /** The arrangements' payments and benefit credits, in arrangement order. */
  transactions: Transaction[];
}

/** The graces the labels assume: the documented defaults (tenant payments none; UC 30 days; HB 28 days). */
const UC_GRACE = 30;
const HB_GRACE = 28;
/** Telling events fall on or before this many days before the month starts: past the longest grace. */
const CLEAR_OF_MONTH = UC_GRACE + 1;

/** Relative weights of the scenarios an account can take (some need UC, HB, or month credits no more than the rent). */
const WEIGHTS: Record<Exclude<PlantedScenario, "accountHold">, number> = {
  kept: 26,
  missedOnceCaughtUp: 12,
  broken: 16,
  ucLateWithinWindow: 10,
  ucLateBeyondWindow: 6,
  hbLateWithinWindow: 7,
  hbLateBeyondWindow: 5,
  overpaidThenStopped: 6,
  overpaidThenRanOut: 4,
  onHold: 8,
};

const TENANT_FREQUENCIES: readonly [Frequency, number][] = [
  ["weekly", 30],
  ["fortnightly", 25],
  ["fourWeekly", 15],
  ["monthly", 30],
];
const HOLDS: readonly RecordedStatus[] = ["onHold", "vulnerability", "breathingSpace", "benefitPending"];
const METHODS = ["Standing Order", "Direct Debit", "allpay", "Card", "PayPoint"] as const;


const DAY_MS = 86_400_000;
/** Excel serial 25569 is 1970-01-01. */
const EPOCH = 25569;

/**
 * The k-th due date, worked here from the README's rule rather than the judge's code:
 * every 7, 14 or 28 days; monthly on the start date's day, or the month's last day when
 * it has fewer days.
 */
function due(start: number, f: Frequency, k: number): number {
  if (f === "weekly") return start + 7 * k;
  if (f === "fortnightly") return start + 14 * k;
  if (f === "fourWeekly") return start + 28 * k;
  const d = new Date((start - EPOCH) * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + k;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), last)) / DAY_MS + EPOCH;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One account's lines in the export's month, as the judge counts them. */
interface MonthLines {
  rent: number;
  /** Payments, DHP, UC and HB credits (positive £). */
  credits: number;
  uc: boolean;
  hb: boolean;
}

/**
 * Plants `count` arrangements (or as many as there are eligible accounts: current, in
 * arrears, let at least 160 days before the month), one per account, judged at `periodEnd`.
 */
export function plantArrangements(accounts: readonly Account[], monthTransactions: readonly Transaction[], count: number, seed: number, periodStart: number, periodEnd: number): PlantedArrangements {
  // Its own stream (the same generator as the export's), so the export's own draws are untouched.
  const rnd = mulberry32((seed ^ 0x41a7) + 0x9e37);
  const ps = periodStart;
  const asOf = periodEnd;
  const month = new Map<string, MonthLines>();
  for (const t of monthTransactions) {
    let m = month.get(t.account);
    if (!m) month.set(t.account, (m = { rent: 0, credits: 0, uc: false, hb: false }));
    if (t.type === "rent") m.rent = round2(m.rent + t.amount);
    if (t.type === "payment" || t.type === "dhp" || t.type === "uc" || t.type === "hb") m.credits = round2(m.credits - t.amount);
    if (t.type === "uc") m.uc = true;
    if (t.type === "hb") m.hb = true;
  }
  const eligible: number[] = [];
  accounts.forEach((a, i) => {
    if (a.status === "current" && a.balance > 0 && a.tenancyStart !== null && a.tenancyStart <= ps - 160) eligible.push(i);
  });
  // A partial Fisher–Yates shuffle picks the accounts; they are then taken in account order.
  const n = Math.min(count, eligible.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rnd() * (eligible.length - i));
    [eligible[i], eligible[j]] = [eligible[j], eligible[i]];
  }
  const chosen = eligible.slice(0, n).sort((x, y) => x - y);

  const out: PlantedArrangements = { arrangements: [], labels: [], transactions: [] };
  const weighted = <T>(list: readonly (readonly [T, number])[]): T => {
    let r = rnd() * list.reduce((s, [, w]) => s + w, 0);
    for (const [v, w] of list) if ((r -= w) < 0) return v;
    return list[list.length - 1][0];
  };
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

  for (const i of chosen) {
    const a = accounts[i];
    const m = month.get(a.account) ?? { rent: 0, credits: 0, uc: false, hb: false };
    const held = a.vulnerable || a.benefitPending || (a.breathingSpaceUntil !== null && a.breathingSpaceUntil >= asOf);
    // Month credits no more than the month's rent: the month cannot make good what the scenario leaves unpaid.
    const monthNetsNothing = m.credits <= m.rent;
    const options = (Object.entries(WEIGHTS) as [Exclude<PlantedScenario, "accountHold">, number][]).filter(([s]) => {
      if (s === "broken" || s === "overpaidThenRanOut") return monthNetsNothing;
      if (s === "ucLateWithinWindow" || s === "ucLateBeyondWindow") return a.benefit === "UC";
      if (s === "hbLateWithinWindow" || s === "hbLateBeyondWindow") return a.benefit === "HB";
      return true;
    });
    let scenario: PlantedScenario = held ? "accountHold" : weighted(options);
    const start = ps - int(50, 149);
    const method = METHODS[int(0, METHODS.length - 1)];
    const lines: Transaction[] = [];
    const pay = (date: number, amount: number, type: "payment" | "uc" | "hb" = "payment") => {
      // The export ends at the period end: a credit after it has not happened yet.
      if (date <= asOf && amount > 0) lines.push({ date, account: a.account, type, amount: -round2(amount), method: type === "uc" ? "DWP" : type === "hb" ? "Housing Benefit" : method });
    };
    const payRent = () => pay(ps, m.rent);
    const base = { account: a.account, startDate: start, officer: a.officer, startBalance: 0, endDate: rnd() < 0.3 ? start + 730 : null } as const;
    let arrangement: Arrangement;
    let label: Omit<PlantedLabel, "account" | "startDate" | "scenario">;

    if (scenario === "ucLateWithinWindow" || scenario === "ucLateBeyondWindow") {
      // A DWP deduction (APA / third-party deduction) for arrears: a UC credit each assessment period, arriving on UC's own cycle.
      const inst = int(15, 60);
      arrangement = { ...base, instalment: inst, basis: "arrears", frequency: "ucPeriod", type: "dwp", status: "active" };
      const dues = dueDates(start, "ucPeriod", asOf);
      const late = pickLate(dues, ps);
      for (let k = 0; k < dues.length; k++) {
        // 3 days at least, so one credit never counts toward the instalment before (due dates are 28 days apart at least).
        let delay = int(3, UC_GRACE);
        if (k === late) delay = scenario === "ucLateWithinWindow" ? int(20, UC_GRACE) : int(UC_GRACE + 1, UC_GRACE + 10);
        pay(dues[k] + delay, inst, "uc");
      }
      payRent();
      label = scenario === "ucLateWithinWindow" ? { outcome: "kept", missed: 0, firstMissed: null } : { outcome: "kept", missed: 1, firstMissed: dues[late] };
    } else if (scenario === "hbLateWithinWindow" || scenario === "hbLateBeyondWindow") {
      // An agreement for rent and arrears together, 4-weekly: HB (4-weekly in arrears) pays its part, the tenant the rest on the day.
      const hbPart = Math.round(a.weeklyRent * 4 * (0.6 + 0.3 * rnd()));
      const tenantPart = int(5, 30);
      arrangement = { ...base, instalment: hbPart + tenantPart, basis: "total", frequency: "fourWeekly", type: "tenant", status: "active" };
      const dues = dueDates(start, "fourWeekly", asOf);
      const late = pickLate(dues, ps);
      for (let k = 0; k < dues.length; k++) {
        pay(dues[k], tenantPart);
        let delay = int(3, HB_GRACE);
        if (k === late) delay = scenario === "hbLateWithinWindow" ? int(18, HB_GRACE) : int(HB_GRACE + 1, HB_GRACE + 12);
        pay(dues[k] + delay, hbPart, "hb");
      }
      label = scenario === "hbLateWithinWindow" ? { outcome: "kept", missed: 0, firstMissed: null } : { outcome: "kept", missed: 1, firstMissed: dues[late] };
    } else {
      const frequency = weighted(TENANT_FREQUENCIES);
      const weekly = int(5, 25);
      const inst = frequency === "weekly" ? weekly : frequency === "fortnightly" ? 2 * weekly : frequency === "fourWeekly" ? 4 * weekly : Math.round((weekly * 52) / 12);
      const status: RecordedStatus = scenario === "onHold" ? HOLDS[int(0, HOLDS.length - 1)] : "active";
      arrangement = { ...base, instalment: inst, basis: "arrears", frequency, type: rnd() < 0.15 ? "spo" : "tenant", status };
      const dues = dueDates(start, frequency, asOf);
      // The window before an instalment is judged: the longest grace of the benefit credits the account has.
      const window = Math.max(m.uc ? UC_GRACE : 0, m.hb ? HB_GRACE : 0);
      const judged = dues.filter((d) => asOf > d + window).length;
      if (scenario === "kept") {
        // Some pay a day or two early: still counts toward the instalment it was meant for.
        dues.forEach((d, k) => pay(k > 0 && rnd() < 0.2 ? d - int(1, 2) : d, inst));
        payRent();
        label = { outcome: "kept", missed: 0, firstMissed: null };
      } else if (scenario === "missedOnceCaughtUp") {
        const miss = pickLate(dues, ps);
        dues.forEach((d, k) => pay(d, k === miss ? 0 : k === miss + 1 ? 2 * inst : inst));
        payRent();
        label = { outcome: "kept", missed: 1, firstMissed: dues[miss] };
      } else if (scenario === "overpaidThenStopped") {
        // Double instalments for the first half, then nothing: still ahead at the end.
        const paidAhead = Math.ceil(dues.length / 2);
        dues.slice(0, paidAhead).forEach((d) => pay(d, 2 * inst));
        payRent();
        label = { outcome: "kept", missed: 0, firstMissed: null };
      } else if (scenario === "overpaidThenRanOut") {
        // Double instalments for a while, then nothing until two judged instalments or more are unpaid.
        const paidAhead = Math.floor((judged - 2) / 2);
        // Too few judged instalments to overpay and still run out: planted as a plain break.
        if (paidAhead < 1) scenario = "broken";
        dues.slice(0, paidAhead).forEach((d) => pay(d, 2 * inst));
        label = { outcome: "broken", missed: null, firstMissed: null };
      } else {
        // Broken and held alike: on time for a while, then nothing; at least two judged instalments unpaid.
        const paidFor = int(0, Math.max(0, judged - 2));
        dues.slice(0, paidFor).forEach((d) => pay(d, inst));
        label = { outcome: scenario === "broken" ? "broken" : "on hold", missed: null, firstMissed: null };
      }
    }
    // The arrears when it started: today's plus what has gone toward them since, so paying it off never completes it early.
    const counted = lines.reduce((s, t) => s - t.amount, 0) + m.credits - m.rent;
    arrangement.startBalance = round2(a.balance + Math.max(0, counted));
    out.arrangements.push(arrangement);
    out.labels.push({ account: a.account, startDate: start, scenario, ...label });
    out.transactions.push(...lines);
  }
  return out;
}

/** Due dates from the start to the as-of date. */
function dueDates(start: number, f: Frequency, asOf: number): number[] {
  const out: number[] = [];
  for (let k = 0; due(start, f, k) <= asOf; k++) out.push(due(start, f, k));
  return out;
}

/** The instalment a scenario's telling event happens to: the last one due 31 days or more before the month (the start is 50 days before at least, so one always is). */
function pickLate(dues: readonly number[], periodStart: number): number {
  let k = 0;
  while (k + 1 < dues.length && dues[k + 1] <= periodStart - CLEAR_OF_MONTH) k++;
  return k;
}
