import { ArrearsInputError, describeValue } from "../errors";
import { isBlankCell, type CellValue } from "../export/cellValues";
import { normaliseName } from "../export/profile";
import { readAmount } from "../values/amount";
import { readCount } from "../values/count";
import { excelErrorOf } from "../values/errorCell";
import { readText } from "../values/text";

/**
 * The worklist's points table, as data: each reason a case needs action, the points it
 * adds to the case's score, the words the worklist shows, the next action it suggests and
 * a short why. A case's score is the sum of the points of the reasons listed beside it,
 * nothing else, so anyone can rebuild a row's score (and its rank) by hand. A team edits
 * the table on a sheet (like the escalation policy) and passes it back.
 *
 * Banded reasons (weeks owed, days without a payment, £ a week of worsening) have one row
 * per band with a "from" threshold: the band with the highest threshold the case reaches
 * applies, so each reason adds at most once. Yes/no reasons have no threshold.
 */

/** Every reason the worklist knows. */
export const REASON_IDS = ["brokenArrangement", "arrangementAtRisk", "worseningTrend", "weeksOwed", "dueToEscalate", "noPayment", "awaitingAuthorisation", "ucOldRent"] as const;
export type ReasonId = (typeof REASON_IDS)[number];

/** What a reason's "from" threshold measures; null for a yes/no reason. */
export const REASON_UNITS: Record<ReasonId, "weeks" | "days" | "poundsPerWeek" | null> = {
  brokenArrangement: null,
  arrangementAtRisk: null,
  worseningTrend: "poundsPerWeek",
  weeksOwed: "weeks",
  dueToEscalate: null,
  noPayment: "days",
  awaitingAuthorisation: null,
  ucOldRent: null,
};

/** The name a team types in the table's Reason column (matched ignoring case and punctuation), first one used when written. */
export const REASON_NAMES: Record<ReasonId, readonly string[]> = {
  brokenArrangement: ["broken arrangement", "arrangement broken"],
  arrangementAtRisk: ["arrangement at risk", "at risk arrangement"],
  worseningTrend: ["worsening trend", "worsening", "arrears worsening", "rising arrears"],
  weeksOwed: ["weeks owed", "weeks of rent owed", "arrears weeks"],
  dueToEscalate: ["due to escalate", "escalation due", "due"],
  noPayment: ["no payment", "days without payment", "no payment for"],
  awaitingAuthorisation: ["awaiting authorisation", "awaiting the team leader's authorisation", "awaiting team leader", "team leader authorisation"],
  ucOldRent: ["uc old rent", "uc credit matches old rent", "rent change not reported", "uc rent change"],
};

/**
 * Placeholders a reason's words may use, filled from the case: {weeks} weeks of rent owed
 * (1 dp), {days} days since the last payment ("30+" when the transactions hold none, so
 * only a lower bound is known), {slope} £ a week of worsening, {trendWeeks} the snapshots
 * the trend was fitted over, {stage} the stage the case is due to move to, {credit} the
 * unchanged UC credit and {changeDate} the date of the rent change (yyyy-mm-dd).
 */
export const REASON_PLACEHOLDERS: Record<ReasonId, readonly string[]> = {
  brokenArrangement: [],
  arrangementAtRisk: [],
  worseningTrend: ["slope", "trendWeeks"],
  weeksOwed: ["weeks"],
  dueToEscalate: ["stage"],
  noPayment: ["days"],
  awaitingAuthorisation: [],
  ucOldRent: ["credit", "changeDate"],
};

/** One row of the points table. */
export interface PointsRow {
  reason: ReasonId;
  /** Threshold the case must reach for this row (weeks, days or £ a week, per {@link REASON_UNITS}); null for yes/no reasons. */
  from: number | null;
  /** Whole points, 0 to {@link MAX_POINTS}. A row with 0 points is never listed: it turns the band off. */
  points: number;
  /** The words shown in the reasons column, with placeholders (see {@link REASON_PLACEHOLDERS}). */
  words: string;
  /** The next action when this is the case's top reason and no escalation is due. */
  action: string;
  /** Why the reason carries these points, for whoever edits the table. */
  why: string;
}

export type PointsTable = readonly PointsRow[];

/** Most points one row may carry: scores stay small whole numbers a person can add up. */
export const MAX_POINTS = 1000;

/**
 * Built-in points. Why these weights: a broken arrangement and 13+ weeks owed are where
 * possession risk and the cost of waiting are highest, so they outrank the rest; an
 * escalation the policy says is due is the next weightiest (the policy, not the worklist,
 * decides the stage); an arrangement at risk and a missed payment run are early signs that
 * a call now prevents a break; a worsening trend adds by how steep it is. They are a
 * starting point for a team to edit, not a model.
 */
export const DEFAULT_POINTS: PointsTable = [
  {
    reason: "brokenArrangement",
    from: null,
    points: 40,
    words: "broken arrangement",
    action: "Call about the broken arrangement: re-agree an affordable amount or restart recovery",
    why: "most broken arrangements break in the first three to six months; acting at the break keeps recovery on track",
  },
  {
    reason: "arrangementAtRisk",
    from: null,
    points: 15,
    words: "arrangement at risk",
    action: "Call before the next instalment falls due: a missed instalment not yet made good",
    why: "one miss is common and usually made good; a call now stops it becoming a break",
  },
  {
    reason: "worseningTrend",
    from: 1,
    points: 10,
    words: "worsening {slope} a week over {trendWeeks} weeks",
    action: "Call: arrears are rising; check income, benefit and the payment method",
    why: "rising arrears (a quarter's trend) cost more the longer they run",
  },
  {
    reason: "worseningTrend",
    from: 10,
    points: 20,
    words: "worsening {slope} a week over {trendWeeks} weeks",
    action: "Call: arrears are rising fast; check income, benefit and the payment method",
    why: "£10 a week or more of rise is most of a week's rent a month",
  },
  {
    reason: "weeksOwed",
    from: 4,
    points: 10,
    words: "4+ weeks owed",
    action: "Review the case: four or more weeks' rent owed",
    why: "four weeks' rent is where the default policy considers a notice",
  },
  {
    reason: "weeksOwed",
    from: 8,
    points: 20,
    words: "8+ weeks owed",
    action: "Review the case: eight or more weeks' rent owed",
    why: "eight weeks' rent was the Ground 8 threshold for weekly-paid assured tenancies before 1 May 2026",
  },
  {
    reason: "weeksOwed",
    from: 13,
    points: 30,
    words: "13+ weeks owed",
    action: "Review the case: a quarter's rent or more owed",
    why: "13 weeks' rent is the Ground 8 threshold from 1 May 2026 (Renters' Rights Act 2025), and the tail where possession and write-off risk concentrate",
  },
  {
    reason: "dueToEscalate",
    from: null,
    points: 25,
    words: "due to escalate to {stage}",
    action: "Take the next step the escalation policy names",
    why: "the escalation policy says the case should move on now",
  },
  {
    reason: "noPayment",
    from: 28,
    points: 15,
    words: "no payment for {days} days",
    action: "Contact the tenant: no payment for four weeks or more",
    why: "four weeks without a payment misses a whole rent cycle for weekly, 4-weekly and most monthly payers",
  },
  {
    reason: "noPayment",
    from: 56,
    points: 25,
    words: "no payment for {days} days",
    action: "Contact the tenant: no payment for eight weeks or more",
    why: "eight weeks without a payment is two missed cycles",
  },
  {
    reason: "awaitingAuthorisation",
    from: null,
    points: 20,
    words: "awaiting the team leader's authorisation",
    action: "Team leader: authorise or refuse the next step",
    why: "a case waiting for sign-off cannot move until the team leader acts",
  },
  {
    reason: "ucOldRent",
    from: null,
    points: 15,
    words: "UC still {credit} since the rent change on {changeDate}",
    action: "Ask the tenant to report the new rent in their UC journal (or confirm it on the landlord portal)",
    why: "UC pays housing costs on the rent the tenant reports: until the April rise is reported, the difference builds up as arrears every month",
  },
];

/** Header row of the points table {@link pointsToTable} writes and {@link pointsFromTable} reads. */
export const POINTS_TABLE_HEADERS = ["Reason", "From", "Points", "Words", "Next action", "Why"] as const;

const COLUMNS: Record<"reason" | "from" | "points" | "words" | "action" | "why", readonly string[]> = {
  reason: ["reason"],
  from: ["from", "threshold", "at least"],
  points: ["points", "score"],
  words: ["words", "reason words", "shown as"],
  action: ["next action", "action"],
  why: ["why", "rationale", "note"],
};

const REASON_BY_NAME = new Map<string, ReasonId>();
for (const id of REASON_IDS) {
  REASON_BY_NAME.set(normaliseName(id), id);
  for (const n of REASON_NAMES[id]) REASON_BY_NAME.set(normaliseName(n), id);
}

const UNIT_WORDS = { weeks: "weeks of rent", days: "days", poundsPerWeek: "£ a week" } as const;

/** The placeholders a text uses, e.g. ["stage"] for "due to escalate to {stage}". */
function placeholdersOf(text: string): string[] {
  return [...text.matchAll(/\{([^{}]*)\}/g)].map((m) => m[1]);
}

/**
 * Checks a points table (built in code, or read from a sheet) and returns it.
 * @throws ArrearsInputError naming the row and what is wrong.
 */
export function checkPoints(table: PointsTable, rowName: (i: number) => string = (i) => `points row ${i + 1}`): PointsTable {
  const seen = new Map<string, number>();
  table.forEach((r, i) => {
    const where = rowName(i);
    if (!(REASON_IDS as readonly string[]).includes(r.reason)) throw new ArrearsInputError("points", `${where}: reason "${r.reason}" is not one of ${REASON_IDS.join(", ")}`);
    if (!Number.isInteger(r.points) || r.points < 0 || r.points > MAX_POINTS) throw new ArrearsInputError("points", `${where}: points must be a whole number from 0 to ${MAX_POINTS}, got ${r.points}`);
    const unit = REASON_UNITS[r.reason];
    if (unit === null && r.from !== null) throw new ArrearsInputError("points", `${where}: ${REASON_NAMES[r.reason][0]} is yes or no, so its From must be blank, got ${r.from}`);
    if (unit !== null && (r.from === null || !Number.isFinite(r.from) || r.from < 0))
      throw new ArrearsInputError("points", `${where}: ${REASON_NAMES[r.reason][0]} needs a From of zero or more (${UNIT_WORDS[unit]})`);
    if (unit === "days" && !Number.isInteger(r.from)) throw new ArrearsInputError("points", `${where}: From for ${REASON_NAMES[r.reason][0]} must be a whole number of days, got ${r.from}`);
    if (r.words.trim() === "") throw new ArrearsInputError("points", `${where}: words must not be empty`);
    if (r.action.trim() === "") throw new ArrearsInputError("points", `${where}: next action must not be empty`);
    for (const p of placeholdersOf(r.words)) {
      if (!REASON_PLACEHOLDERS[r.reason].includes(p)) {
        const allowed = REASON_PLACEHOLDERS[r.reason];
        throw new ArrearsInputError("points", `${where}: words "${r.words}" use {${p}}, which ${REASON_NAMES[r.reason][0]} does not fill (${allowed.length ? `it fills ${allowed.map((a) => `{${a}}`).join(", ")}` : "it fills none"})`);
      }
    }
    const key = `${r.reason}\u0000${r.from}`;
    const prev = seen.get(key);
    if (prev !== undefined) throw new ArrearsInputError("points", `${where}: repeats ${rowName(prev)} (same reason${r.from === null ? "" : " and From"})`);
    seen.set(key, i);
  });
  return table;
}

/**
 * Reads the points table from a sheet (header row first; columns Reason, From, Points,
 * Words, Next action, Why in any order; Why may be left out). The sheet's table replaces
 * the built-in one: a reason it leaves out scores nothing. Each cell is read by core's
 * one reader for its kind (text, a whole number of points, an amount or a count for From).
 * @throws ArrearsInputError naming the row, the column and the value at fault.
 */
export function pointsFromTable(rows: readonly (readonly CellValue[])[]): PointsTable {
  if (rows.length < 2) throw new ArrearsInputError("points", "the points table needs a header row and at least one reason row");
  const header = rows[0];
  const keys = header.map((h) => (isBlankCell(h) ? "" : normaliseName(String(h))));
  const col: Partial<Record<keyof typeof COLUMNS, number>> = {};
  for (const [field, names] of Object.entries(COLUMNS) as [keyof typeof COLUMNS, readonly string[]][]) {
    const i = keys.findIndex((k) => k !== "" && names.some((n) => normaliseName(n) === k));
    if (i >= 0) col[field] = i;
  }
  for (const need of ["reason", "from", "points", "words", "action"] as const) {
    if (col[need] === undefined) {
      const found = header.filter((h) => !isBlankCell(h)).map((h) => `"${String(h)}"`);
      throw new ArrearsInputError("points", `the points table has no ${need === "action" ? "Next action" : need[0].toUpperCase() + need.slice(1)} column; headers found: ${found.length ? found.join(", ") : "none"}`);
    }
  }
  const out: PointsRow[] = [];
  const rowNumbers: number[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isBlankCell)) continue;
    const cell = (f: keyof typeof COLUMNS) => (col[f] === undefined ? null : (row[col[f]!] ?? null));
    const bad = (f: keyof typeof COLUMNS, reason: string): never => {
      const v = cell(f);
      // An error cell and a blank speak for themselves in the reason ("holds the Excel error #N/A", "is blank").
      const shown = isBlankCell(v) || excelErrorOf(v) !== null ? "" : ` ${describeValue(v)}`;
      throw new ArrearsInputError("points", `points row ${r + 1}: ${String(header[col[f]!]).trim()}${shown} ${reason}`);
    };
    const text = (f: keyof typeof COLUMNS, required: boolean): string => {
      const v = cell(f);
      if (isBlankCell(v)) return required ? bad(f, "is blank") : "";
      const t = readText(v);
      return t.ok ? t.value : bad(f, t.reason);
    };
    const reasonText = text("reason", true);
    const reason = REASON_BY_NAME.get(normaliseName(reasonText)) ?? bad("reason", `is not a reason; use one of ${REASON_IDS.map((id) => REASON_NAMES[id][0]).join(", ")}`);
    const pts = readCount(cell("points"), MAX_POINTS);
    if (!pts.ok) bad("points", `${pts.reason} (points are whole numbers from 0 to ${MAX_POINTS})`);
    const unit = REASON_UNITS[reason];
    const fromCell = cell("from");
    let from: number | null = null;
    if (unit === null) {
      if (!isBlankCell(fromCell)) bad("from", `must be blank: ${REASON_NAMES[reason][0]} is yes or no`);
    } else if (isBlankCell(fromCell)) bad("from", `is blank; ${REASON_NAMES[reason][0]} needs a threshold in ${UNIT_WORDS[unit]}`);
    else if (unit === "days") {
      const d = readCount(fromCell, 36_600);
      if (!d.ok) bad("from", `${d.reason} (a whole number of days)`);
      from = (d as { value: number }).value;
    } else {
      const a = readAmount(fromCell, { max: 1_000_000 });
      if (!a.ok) bad("from", a.reason);
      else if (a.value < 0) bad("from", "is below zero");
      from = (a as { value: number }).value;
    }
    out.push({ reason, from, points: (pts as { value: number }).value, words: text("words", true), action: text("action", true), why: text("why", false) });
    rowNumbers.push(r + 1);
  }
  if (out.length === 0) throw new ArrearsInputError("points", "the points table has a header row but no reason rows");
  return checkPoints(out, (i) => `points row ${rowNumbers[i]}`);
}

/** A points table as a sheet table (header row first), the form a team edits and passes back. */
export function pointsToTable(table: PointsTable): (string | number | null)[][] {
  return [[...POINTS_TABLE_HEADERS], ...table.map((r) => [REASON_NAMES[r.reason][0], r.from, r.points, r.words, r.action, r.why])];
}
