import { readArrangements } from "../../core/arrangements/readArrangements";
import { ArrearsInputError, describeValue } from "../../core/errors";
import { normaliseName } from "../../core/export/profile";
import { readAccounts, readBalanceHistory, readTransactions } from "../../core/export/readTables";
import { readAuthorisations } from "../../core/worklist/authorisation";
import { DEFAULT_POINTS, pointsFromTable, pointsToTable } from "../../core/worklist/points";
import { HELD_COLUMNS, OFFICER_WORKLIST_COLUMNS, WORKLIST_COLUMNS, worklistOf, type Worklist, type WorklistOptionsInput } from "../../core/worklist/worklist";
import { cellToSerial, gridOf, isBlank, optionalNumber, type Grid } from "../excel/cells";
import { runCustomFunction, toCell, type CellOut } from "../excel/results";
import { policyFromRange, profileFromOptions, tableOf } from "../excel/tables";

const NAME = "ARREARS.WORKLIST";

/** Option names in the options range (matched ignoring case and punctuation) and the option each sets. */
const OPTION_KEYS: Record<string, keyof WorklistOptionsInput> = {
  "cap per officer": "capPerOfficer",
  cap: "capPerOfficer",
  "uc technical weeks": "ucTechnicalWeeks",
  "hb technical weeks": "hbTechnicalWeeks",
  "payment grace days": "paymentGraceDays",
  "uc grace days": "ucGraceDays",
  "hb grace days": "hbGraceDays",
};

const SHAPES = { list: "list", rows: "list", held: "held", "by officer": "byOfficer", points: "points" } as const;
type Shape = (typeof SHAPES)[keyof typeof SHAPES];

interface Settings {
  shape: Shape;
  options: WorklistOptionsInput;
  /** The rows after a `points` row: the team's points table, header first; null for the built-in table. */
  points: Grid | null;
  /** The option rows alone, for the profile reader. */
  optionRows: (readonly unknown[])[];
}

/**
 * Reads the options range: two columns (option, value) per row; a row `points` with a blank
 * value starts the team's points table, which fills the rest of the range (header row first).
 */
function settingsOf(range: unknown): Settings {
  const grid = gridOf(range);
  const out: Settings = { shape: "list", options: {}, points: null, optionRows: [] };
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (row.every(isBlank)) continue;
    const name = typeof row[0] === "string" ? normaliseName(row[0]) : "";
    if (name === "points") {
      if (!isBlank(row[1])) throw new ArrearsInputError("options", `options row ${r + 1}: points takes no value: put the points table (its header row first) in the rows below it, got ${describeValue(row[1])}`);
      out.points = grid.slice(r + 1);
      break;
    }
    // An error cell is named where it is, never read as an option or a value.
    const errorAt = row.findIndex((c) => c !== null && typeof c === "object");
    if (errorAt >= 0) throw new ArrearsInputError("options", `options row ${r + 1}, column ${errorAt + 1} holds ${describeValue(row[errorAt])}: fix that cell`);
    if (row.length < 2) throw new ArrearsInputError("options", "options must be two columns: option name and value");
    const extra = row.findIndex((c, i) => i >= 2 && !isBlank(c));
    if (extra >= 0) throw new ArrearsInputError("options", `options row ${r + 1}, column ${extra + 1}: only the option and its value are read, but it holds ${describeValue(row[extra])}`);
    out.optionRows.push(row);
    if (name === "profile" || name === "mapping profile") continue;
    if (name === "shape") {
      const shape = normaliseName(String(row[1] ?? ""));
      if (!Object.hasOwn(SHAPES, shape)) throw new ArrearsInputError("options", `shape must be list, held, by officer or points, got ${describeValue(row[1])}`);
      out.shape = SHAPES[shape as keyof typeof SHAPES];
      continue;
    }
    const key = Object.hasOwn(OPTION_KEYS, name) ? OPTION_KEYS[name] : undefined;
    if (!key) throw new ArrearsInputError("options", `${describeValue(row[0])} is not an option; use shape, cap per officer, uc technical weeks, hb technical weeks, payment grace days, uc grace days, hb grace days, profile, points`);
    const value = optionalNumber(row[1], String(row[0]).trim());
    if (value !== null) out.options[key] = value;
  }
  return out;
}

const given = (range: unknown) => !(range === null || range === undefined || isBlank(range) || gridOf(range).every((row) => row.every(isBlank)));

/** The ranked list, then any notes below it (a blank row first), padded to the list's width. */
function listRows(w: Worklist): CellOut[][] {
  const width = WORKLIST_COLUMNS.length;
  const rows: CellOut[][] = [[...WORKLIST_COLUMNS]];
  for (const r of w.rows) rows.push([r.rank, r.account, r.officer, r.score, r.reasonText, r.nextAction, toCell(NAME, r.balance), toCell(NAME, r.weeksOwed), toCell(NAME, r.dueBy)]);
  if (w.rows.length === 0) rows.push(["", "(no cases need action)", ...Array<CellOut>(width - 2).fill("")]);
  return [...rows, ...noteRows(w.notes, width)];
}

function noteRows(notes: readonly string[], width: number): CellOut[][] {
  if (notes.length === 0) return [];
  return [Array<CellOut>(width).fill(""), ...notes.map((n) => ["Note", n, ...Array<CellOut>(width - 2).fill("")])];
}

/**
 * The day's worklist, spilled: the current tenancies in arrears that need action, ranked by a score that is exactly the sum of the points of the reasons listed beside it (broken arrangement, arrangement at risk, worsening trend, weeks owed, due to escalate, no payment for N days, awaiting the team leader's authorisation, UC credit unchanged since the April rent rise), capped per officer, with the next action. Wholly technical arrears are left out; held cases are listed apart (shape held).
 * @customfunction WORKLIST
 * @helpurl https://localhost:3000/support.html#WORKLIST
 * @param accounts The accounts table with its header row; an optional awaiting authorisation column (yes/no) gives the team leader's authorisation reason.
 * @param transactions The transactions table with its header row (date, account, type, amount): payments for the no-payment reason and the arrangements.
 * @param asOf The date the list is for.
 * @param [arrangements] The Arrangements table with its header row: broken and at-risk arrangements, judged as ARREARS.ARRANGEMENTS does.
 * @param [history] Weekly balance history with its header row (account, then one column per date): the worsening-trend reason over the last 13 weeks.
 * @param [policy] Escalation policy: a table with header row, one cell of policy JSON, or "scotland" / "england". Omitted: the England policy.
 * @param [options] Two columns, option and value: shape (list, held, by officer or points), cap per officer (default 25), UC and HB technical weeks, payment, UC and HB grace days, profile; a row points followed by the edited points table.
 * @param [points] The team's points table with its header row (Reason, From, Points, Words, Next action, Why), e.g. a sheet table made from shape points and edited. Omitted: the built-in points.
 * @returns A header row, then Rank, Account, Officer, Score, Reasons, Next action, Balance £, Weeks owed, Due by per case; or the held cases, the per-officer counts, or the points table in use.
 */
export function worklist(accounts: any[][], transactions: any[][], asOf: any, arrangements?: any[][], history?: any[][], policy?: any[][], options?: any[][], points?: any[][]): any[][] {
  return runCustomFunction(NAME, () => {
    const v = Array.isArray(asOf) ? gridOf(asOf)[0]?.[0] : asOf;
    const when = isBlank(v) ? null : cellToSerial(v);
    if (when === null) throw new ArrearsInputError("asOf", `as-of date must be a date, got ${describeValue(v)}`);
    const settings = settingsOf(options ?? null);
    // The points come from one place: two would leave which one counts to a guess.
    if (given(points) && settings.points !== null) throw new ArrearsInputError("points", "the points table is given twice (the points argument and a points row in the options): keep one");
    const pointsGrid = given(points) ? gridOf(points) : settings.points;
    const table = pointsGrid === null ? DEFAULT_POINTS : pointsFromTable(tableOf(pointsGrid));
    if (settings.shape === "points") return pointsToTable(table).map((row) => row.map((c) => toCell(NAME, c)));
    const profile = profileFromOptions(settings.optionRows);
    const accountTable = tableOf(accounts);
    const list = worklistOf({
      accounts: readAccounts(accountTable, profile),
      transactions: readTransactions(tableOf(transactions), profile),
      asOf: Math.floor(when),
      arrangements: given(arrangements) ? readArrangements(tableOf(arrangements), profile) : null,
      history: given(history) ? readBalanceHistory(tableOf(history), profile) : null,
      policy: policyFromRange(policy ?? null),
      points: table,
      authorisations: readAuthorisations(accountTable, profile),
      options: settings.options,
    });
    if (settings.shape === "held") {
      const rows: CellOut[][] = [[...HELD_COLUMNS]];
      for (const h of list.held) rows.push([h.account, h.officer, h.hold, toCell(NAME, h.balance), toCell(NAME, h.weeksOwed), h.reasonText]);
      if (list.held.length === 0) rows.push(["(no held cases)", ...Array<CellOut>(HELD_COLUMNS.length - 1).fill("")]);
      return rows;
    }
    if (settings.shape === "byOfficer") {
      const rows: CellOut[][] = [[...OFFICER_WORKLIST_COLUMNS]];
      for (const l of list.byOfficer) rows.push([l.officer, l.needsAction, l.listed, l.dueToday, l.overdue, l.awaitingTeamLeader, l.held, l.technicalOnly]);
      return [...rows, ...noteRows(list.notes, OFFICER_WORKLIST_COLUMNS.length)];
    }
    return listRows(list);
  }) as any[][];
}
