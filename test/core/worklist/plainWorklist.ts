// The worklist as it was first written (core/worklist/worklist.ts before it was made
// fast): every case's reasons built in words, then sorted and capped. Kept here, as the
// plain path, so a test can check the fast worklist gives exactly the same list.
import { z } from "zod";
import { TEAM_LINE } from "../../../core/arrangements/byOfficer";
import { ArrangementOptionsSchema, judgeArrangements } from "../../../core/arrangements/judge";
import type { ArrangementOutcome } from "../../../core/arrangements/rules";
import { LAST_SERIAL, serialToIso } from "../../../core/dates/excelSerial";
import { ArrearsInputError } from "../../../core/errors";
import { escalationsOf, type EscalationResult } from "../../../core/escalation/escalate";
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicy } from "../../../core/escalation/policy";
import { withBalanceTrend, type EscalationWithTrend } from "../../../core/escalation/withTrend";
import type { Account, BalanceHistory, TransactionType } from "../../../core/export/schema";
import { formatPounds, toPence } from "../../../core/money";
import { parseOrThrow } from "../../../core/zodIssues";
import { WorklistOptionsSchema, type HeldCase, type OfficerWorklist, type Worklist, type WorklistInput, type WorklistRow } from "../../../core/worklist/worklist";
import { rentYearStart, unreportedRentChanges } from "../../../core/worklist/ucRentChange";
import { checkPoints, DEFAULT_POINTS, REASON_IDS, type PointsRow, type ReasonId } from "../../../core/worklist/points";

/** Transaction types that count as a payment for "no payment for N days" (the arrangement judge's credits). */
const PAYMENT_TYPES: ReadonlySet<TransactionType> = new Set(["payment", "dhp", "uc", "hb"]);

const asOfSchema = z
  .number({ error: "as-of date must be a date" })
  .refine((v) => Number.isInteger(v) && v >= 1 && v <= LAST_SERIAL, { message: `as-of date must be a date (a whole Excel date serial from 1 to ${LAST_SERIAL})` });

/** Character-code order: the same on every machine, whatever its locale. */
const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The account's holds in force at `asOf`, in words, or null. */
function holdOf(a: Account, asOf: number): string | null {
  const holds: string[] = [];
  if (a.breathingSpaceUntil !== null && a.breathingSpaceUntil >= asOf) holds.push(`Breathing Space until ${serialToIso(a.breathingSpaceUntil)}`);
  if (a.vulnerable) holds.push("vulnerable-tenant flag");
  if (a.benefitPending) holds.push("benefit claim pending");
  return holds.length ? holds.join("; ") : null;
}

/** The row of `reason` that applies at `value` (the highest From reached), or null. Yes/no reasons pass value 0 and have From null. */
function bandOf(byReason: Map<ReasonId, PointsRow[]>, reason: ReasonId, value: number): PointsRow | null {
  const rows = byReason.get(reason);
  if (!rows) return null;
  let best: PointsRow | null = null;
  for (const r of rows) {
    const from = r.from ?? 0;
    if (value >= from && (best === null || from > (best.from ?? 0))) best = r;
  }
  return best;
}

/** The day a due escalation fell due: the last action date plus the smallest "days after" of the rules for that stage and tenancy type; null when the stage is reached on the arrears alone. */
function dueByOf(e: EscalationResult, a: Account, policy: EscalationPolicy): number | null {
  if (!e.dueToEscalate || a.lastActionDate === null) return null;
  const forStage = policy.rules.filter((r) => r.stage === e.stage);
  const specific = forStage.filter((r) => r.tenancyTypes.includes(a.tenancyType));
  const rules = specific.length ? specific : forStage.filter((r) => r.tenancyTypes.includes("any"));
  const days = rules.map((r) => r.minDaysAfter).filter((d): d is number => d != null);
  return days.length ? a.lastActionDate + Math.min(...days) : null;
}

/** A dated history cut at the as-of date (snapshots after it have not happened yet on the day the list is for); a history by period numbers is used as it is. */
function historyUpTo(h: BalanceHistory, asOf: number): BalanceHistory {
  if (h.axis === "periods") return h;
  const keep = h.dates.filter((d) => d <= asOf).length;
  if (keep === h.dates.length) return h;
  return { ...h, dates: h.dates.slice(0, keep), balances: h.balances.map((row) => row.slice(0, keep)) };
}

/** Outcome weight: an account with several arrangements is judged by its worst. */
const OUTCOME_RANK: Record<ArrangementOutcome, number> = { broken: 2, "at risk": 1, kept: 0, completed: 0, "on hold": 0 };

/**
 * Builds the worklist (see the module comment for what is listed, how it is scored and
 * ordered). Pure: the same input gives the same output, whatever the order of the accounts.
 * @throws ArrearsInputError for a bad option, points table or as-of date, a repeated account, or an account escalation cannot judge.
 */
export function plainWorklistOf(input: WorklistInput): Worklist {
  const asOf = parseOrThrow(asOfSchema, input.asOf);
  const o = parseOrThrow(WorklistOptionsSchema, input.options ?? {});
  // The arrangement graces, checked (and defaulted) by the arrangements' own rules even when no arrangements are given: the UC grace also settles the UC old-rent reason.
  const graces = parseOrThrow(ArrangementOptionsSchema, { paymentGraceDays: o.paymentGraceDays, ucGraceDays: o.ucGraceDays, hbGraceDays: o.hbGraceDays });
  const policy = input.policy ?? DEFAULT_ESCALATION_POLICY;
  const points = checkPoints(input.points ?? DEFAULT_POINTS);
  const byReason = new Map<ReasonId, PointsRow[]>();
  for (const r of points) {
    const list = byReason.get(r.reason);
    if (list) list.push(r);
    else byReason.set(r.reason, [r]);
  }
  const notes: string[] = [];

  // The cases: current tenancies in arrears, less wholly technical arrears.
  const seen = new Set<string>();
  const cases: Account[] = [];
  const technical = new Map<string, number>();
  for (const a of input.accounts) {
    if (seen.has(a.account)) throw new ArrearsInputError("accounts", `account ${a.account} appears twice in the accounts table`);
    seen.add(a.account);
    if (a.status !== "current") continue;
    const balP = toPence(a.balance);
    if (!(balP > 0)) continue;
    const cycleWeeks = a.benefit === "UC" ? o.ucTechnicalWeeks : a.benefit === "HB" ? o.hbTechnicalWeeks : 0;
    // As the monthly return's technical arrears: one cycle of rent, rounded to the penny.
    if (cycleWeeks > 0 && balP <= Math.round(toPence(a.weeklyRent) * cycleWeeks)) {
      technical.set(a.officer, (technical.get(a.officer) ?? 0) + 1);
      continue;
    }
    cases.push(a);
  }

  const judged = escalationsOf(cases, policy, asOf);
  const bad = judged.find((e): e is ArrearsInputError => e instanceof ArrearsInputError);
  if (bad) throw bad;
  const escalations = judged as EscalationResult[];
  let trended: (EscalationWithTrend | EscalationResult)[] = escalations;
  if (input.history) trended = withBalanceTrend(escalations, historyUpTo(input.history, asOf));
  else if (byReason.has("worseningTrend")) notes.push("no balance history given: the worsening-trend reason was not judged");

  // Arrangements: each case's worst outcome.
  const worst = new Map<string, ArrangementOutcome>();
  if (input.arrangements && input.arrangements.length) {
    const caseIds = new Set(cases.map((c) => c.account));
    const mine = input.arrangements.filter((a) => caseIds.has(a.account));
    const unknown = input.arrangements.filter((a) => !seen.has(a.account)).length;
    if (unknown) notes.push(`${unknown} arrangement${unknown === 1 ? " is" : "s are"} on accounts not in the accounts table: not on the worklist`);
    const results = judgeArrangements(mine, input.transactions, asOf, graces, cases);
    for (const j of results) {
      const prev = worst.get(j.account);
      if (prev === undefined || OUTCOME_RANK[j.outcome] > OUTCOME_RANK[prev]) worst.set(j.account, j.outcome);
    }
  } else if (byReason.has("brokenArrangement") || byReason.has("arrangementAtRisk")) notes.push("no arrangements table given: the broken and at-risk arrangement reasons were not judged");

  // Payments: each account's last credit on or before the as-of date, and the first date the transactions cover.
  const lastPaid = new Map<string, number>();
  let firstDate = Infinity;
  for (const t of input.transactions) {
    if (t.date > asOf) continue;
    if (t.date < firstDate) firstDate = t.date;
    if (PAYMENT_TYPES.has(t.type) && t.amount < 0) {
      const prev = lastPaid.get(t.account);
      if (prev === undefined || t.date > prev) lastPaid.set(t.account, t.date);
    }
  }
  const paymentsKnown = firstDate !== Infinity;
  if (!paymentsKnown && byReason.has("noPayment")) notes.push("no transactions dated on or before the as-of date: the no-payment reason was not judged");

  // UC tenants whose UC credit has not moved since the April rent rise (needs transactions from before 1 April).
  const aprilStart = rentYearStart(asOf);
  const ucCases = new Set(cases.filter((c) => c.benefit === "UC").map((c) => c.account));
  const unreported = byReason.has("ucOldRent") ? unreportedRentChanges(input.transactions, ucCases, asOf, graces.ucGraceDays) : new Map();
  if (byReason.has("ucOldRent") && !(firstDate < aprilStart)) notes.push(`the transactions do not reach back before ${serialToIso(aprilStart)}: the UC old-rent reason was not judged`);

  const auth = input.authorisations ?? null;
  if (auth === null && byReason.has("awaitingAuthorisation")) notes.push("the accounts table has no awaiting authorisation column (yes/no): the team leader's authorisation reason was not judged");

  const stageLabel = new Map(policy.stages.map((s) => [s.id, s.label]));
  const order = new Map(REASON_IDS.map((id, i) => [id, i]));
  const candidates: (Omit<WorklistRow, "rank"> & { balP: number; dueToday: boolean; overdue: boolean; awaiting: boolean })[] = [];
  const held: HeldCase[] = [];
  const heldCount = new Map<string, number>();

  cases.forEach((a, i) => {
    const e = trended[i];
    const listed: { row: PointsRow; words: string }[] = [];
    const add = (reason: ReasonId, value: number, fill: Record<string, string> = {}) => {
      const row = bandOf(byReason, reason, value);
      if (row === null || row.points === 0) return;
      // Most rows have no placeholder: their words are used as they are.
      listed.push({ row, words: row.words.includes("{") ? row.words.replace(/\{([^{}]*)\}/g, (_, k: string) => fill[k] ?? `{${k}}`) : row.words });
    };
    const outcome = worst.get(a.account);
    if (outcome === "broken") add("brokenArrangement", 0);
    else if (outcome === "at risk") add("arrangementAtRisk", 0);
    const trend = "trend" in e ? e.trend : null;
    if (trend && trend.direction === "worsening") add("worseningTrend", trend.slopePerWeek, { slope: formatPounds(trend.slopePerWeek), trendWeeks: String(trend.weeks) });
    const rentP = toPence(a.weeklyRent);
    if (rentP > 0) {
      const weeks = toPence(a.balance) / rentP;
      add("weeksOwed", weeks, { weeks: weeks.toFixed(1) });
    }
    if (e.dueToEscalate) add("dueToEscalate", 0, { stage: stageLabel.get(e.stage) ?? e.stage });
    if (paymentsKnown) {
      const last = lastPaid.get(a.account);
      // None in the transactions: the days since the tenancy began when that is within them,
      // else at least the days they cover, stated as a lower bound ("31+").
      const began = a.tenancyStart !== null && a.tenancyStart > firstDate && a.tenancyStart <= asOf;
      const days = last !== undefined ? asOf - last : began ? asOf - a.tenancyStart! : asOf - firstDate + 1;
      add("noPayment", days, { days: last === undefined && !began ? `${days}+` : String(days) });
    }
    const rentChange = unreported.get(a.account);
    if (rentChange) add("ucOldRent", 0, { credit: formatPounds(rentChange.credit), changeDate: serialToIso(rentChange.changeDate) });
    const awaiting = auth !== null && auth.accounts.has(a.account);
    if (awaiting) add("awaitingAuthorisation", 0);

    // Most points first; equal points in the reasons' own order.
    listed.sort((x, y) => y.row.points - x.row.points || order.get(x.row.reason)! - order.get(y.row.reason)!);
    const reasons = listed.map((l) => ({ reason: l.row.reason, words: l.words, points: l.row.points }));
    const reasonText = reasons.map((r) => `${r.words} (+${r.points})`).join("; ");
    const hold = holdOf(a, asOf);
    if (hold !== null) {
      held.push({ account: a.account, officer: a.officer, hold, balance: a.balance, weeksOwed: e.weeksOwed, reasonText });
      heldCount.set(a.officer, (heldCount.get(a.officer) ?? 0) + 1);
      return;
    }
    if (reasons.length === 0) return;
    const escalating = reasons.some((r) => r.reason === "dueToEscalate");
    const dueBy = dueByOf(e, a, policy);
    candidates.push({
      account: a.account,
      officer: a.officer,
      score: reasons.reduce((s, r) => s + r.points, 0),
      reasons,
      reasonText,
      nextAction: escalating ? e.nextAction : listed[0].row.action,
      balance: a.balance,
      weeksOwed: e.weeksOwed,
      dueBy,
      balP: toPence(a.balance),
      dueToday: e.dueToEscalate && (dueBy === null || dueBy >= asOf),
      overdue: e.dueToEscalate && dueBy !== null && dueBy < asOf,
      awaiting,
    });
  });

  candidates.sort((x, y) => y.score - x.score || y.balP - x.balP || byCode(x.account, y.account));
  const perOfficer = new Map<string, number>();
  const rows: WorklistRow[] = [];
  for (const c of candidates) {
    const n = perOfficer.get(c.officer) ?? 0;
    perOfficer.set(c.officer, n + 1);
    if (n >= o.capPerOfficer) continue;
    const { balP: _b, dueToday: _d, overdue: _o, awaiting: _a, ...row } = c;
    rows.push({ rank: rows.length + 1, ...row });
  }
  held.sort((x, y) => byCode(x.officer, y.officer) || toPence(y.balance) - toPence(x.balance) || byCode(x.account, y.account));

  const lines = new Map<string, OfficerWorklist>();
  const blank = (officer: string): OfficerWorklist => ({ officer, needsAction: 0, listed: 0, dueToday: 0, overdue: 0, awaitingTeamLeader: 0, held: 0, technicalOnly: 0 });
  const line = (officer: string) => {
    let l = lines.get(officer);
    if (!l) lines.set(officer, (l = blank(officer)));
    return l;
  };
  for (const c of candidates) {
    const l = line(c.officer);
    l.needsAction++;
    if (c.dueToday) l.dueToday++;
    if (c.overdue) l.overdue++;
    if (c.awaiting) l.awaitingTeamLeader++;
  }
  for (const r of rows) line(r.officer).listed++;
  for (const [officer, n] of heldCount) line(officer).held = n;
  for (const [officer, n] of technical) line(officer).technicalOnly = n;
  const byOfficer = [...lines.values()].sort((x, y) => byCode(x.officer, y.officer));
  const team = blank(TEAM_LINE);
  for (const l of byOfficer) {
    for (const k of ["needsAction", "listed", "dueToday", "overdue", "awaitingTeamLeader", "held", "technicalOnly"] as const) team[k] += l[k];
  }
  return { rows, held, byOfficer: [...byOfficer, team], notes };
}
