import { parseArgs } from "node:util";
import { readArrangements } from "../../core/arrangements/readArrangements";
import { parseDateToSerial, serialToIso } from "../../core/dates/excelSerial";
import { ArrearsInputError } from "../../core/errors";
import { readAccounts, readBalanceHistory, readTransactions } from "../../core/export/readTables";
import { readAuthorisations } from "../../core/worklist/authorisation";
import { DEFAULT_POINTS, pointsFromTable, pointsToTable } from "../../core/worklist/points";
import { HELD_COLUMNS, OFFICER_WORKLIST_COLUMNS, WORKLIST_COLUMNS, worklistOf, type Worklist } from "../../core/worklist/worklist";
import type { Command } from "../command";
import { namingSource, readInputTables } from "../exportInput";
import { readCsvInput, toCsv } from "../io/csv";
import { CliError, numberOption } from "../io/input";
import { readPolicyOption, readProfileOption } from "../settingsFiles";
import { checkOutputTarget, writeOutputFile } from "../io/outputFile";
import { writeXlsx } from "../io/xlsx";
import { asOutSheet, heldSheet, pointsSheet, worklistByOfficerSheet, worklistSheet } from "./worklistSheet";

const USAGE = `Usage: arrears worklist --as-of DATE (--in export.xlsx | --accounts a.csv --transactions t.csv)
                        [--arrangements arr.csv] [--history balances.csv] [--profile mapping.json]
                        [--policy policy.json|england|scotland] [--points points.csv] [--cap N]
                        [--uc-technical-weeks N] [--hb-technical-weeks N]
                        [--out worklist.xlsx|worklist.csv] [--shape list|held|by-officer|points] [--json]

The day's worklist: current tenancies in arrears that need action, ranked by a score that
is exactly the sum of the points of the reasons listed beside it (broken arrangement,
arrangement at risk, worsening trend, weeks owed, due to escalate, no payment for N days,
awaiting the team leader's authorisation, UC credit unchanged since the April rent
rise), capped per officer, with the next action.
Wholly technical arrears (a UC or HB tenant owing no more than one payment cycle of rent)
are not listed; held cases (vulnerable, benefit claim pending, Breathing Space) are
listed apart.

Input (the same tables and mapping profiles as arrears report)
  --in FILE            an .xlsx export: accounts, transactions and optionally arrangements
                       and a balance history sheet, found by their column headers
  --accounts FILE      accounts CSV; an optional "awaiting authorisation" column (yes/no)
                       gives the team leader's authorisation reason
  --transactions FILE  transactions CSV (payments for "no payment for N days" and arrangements)
  --arrangements FILE  Arrangements CSV (account, start date, instalment, basis, frequency…)
  --history FILE       weekly balance history CSV (wide or long): the worsening-trend reason
  --profile FILE       mapping profile JSON (default: common Northgate/Capita/Tallyman names)
  --policy FILE|NAME   escalation policy JSON, or england (default) or scotland
  --points FILE        the team's points table CSV (Reason, From, Points, Words, Next action,
                       Why), as --shape points prints it; default the built-in points

Options
  --as-of DATE         the day the list is for (2026-05-06 or 06/05/2026); later transactions
                       are not read
  --cap N              cases per officer (default 25)
  --uc-technical-weeks N, --hb-technical-weeks N
                       weeks of rent counted as technical arrears (defaults UC 52/12, HB 4)

Output
  --out FILE     .xlsx: Worklist, Held, Worklist by officer and Points sheets;
                 .csv: the --shape table; never over an input file
  --shape S      the table printed or written as CSV: list (default), held, by-officer, points
  --json         print the whole worklist as JSON
`;

const SHAPES = ["list", "held", "by-officer", "points"] as const;
type Shape = (typeof SHAPES)[number];

export const worklistCommand: Command = {
  summary: "the day's ranked worklist: each case's reasons, their points, the next action (CSV, xlsx or JSON)",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        in: { type: "string" },
        accounts: { type: "string" },
        transactions: { type: "string" },
        arrangements: { type: "string" },
        history: { type: "string" },
        profile: { type: "string" },
        policy: { type: "string" },
        points: { type: "string" },
        "as-of": { type: "string" },
        cap: { type: "string" },
        "uc-technical-weeks": { type: "string" },
        "hb-technical-weeks": { type: "string" },
        shape: { type: "string" },
        out: { type: "string" },
        json: { type: "boolean", default: false },
      },
      strict: true,
    });
    const inputs = [values.in, values.accounts, values.transactions, values.arrangements, values.history, values.profile, values.policy, values.points];
    if (values.out !== undefined) await checkOutputTarget(values.out, inputs);
    const shape = (values.shape ?? "list") as Shape;
    if (!SHAPES.includes(shape)) throw new CliError(`--shape must be one of ${SHAPES.join(", ")}, got "${values.shape}"`);
    const out = values.out;
    const kind = out === undefined ? null : /\.xlsx$/i.test(out) ? "xlsx" : /\.csv$/i.test(out) ? "csv" : null;
    if (out !== undefined && kind === null) throw new CliError(`--out must name an .xlsx or a .csv file, got "${out}"`);
    if (values["as-of"] === undefined) throw new CliError("--as-of is required: the day the list is for (2026-05-06 or 06/05/2026)");
    const asOf = parseDateToSerial(values["as-of"]);
    if (asOf === null) throw new CliError(`--as-of must be a date (2026-05-06 or 06/05/2026), got "${values["as-of"]}"`);
    const number = (flag: string) => (values[flag as keyof typeof values] === undefined ? undefined : numberOption(String(values[flag as keyof typeof values]), `--${flag}`));

    const points = values.points === undefined ? DEFAULT_POINTS : await readPoints(values.points, io.stdin);
    if (shape === "points" && kind !== "xlsx" && !values.json) {
      const csv = toCsv(pointsToTable(points));
      if (out) await writeOutputFile(out, csv, inputs);
      else io.stdout.write(csv);
      return 0;
    }
    const profile = await readProfileOption(values.profile, io.stdin);
    const policy = await readPolicyOption(values.policy, io.stdin);
    const tables = await readInputTables(values, profile, io.stdin);
    const s = tables.sources;
    const capPerOfficer = number("cap");
    const list = namingSource(s, () =>
      worklistOf({
        accounts: namingSource(s, () => readAccounts(tables.accounts, profile), "accounts"),
        transactions: namingSource(s, () => readTransactions(tables.transactions, profile), "transactions"),
        asOf,
        arrangements: tables.arrangements ? namingSource(s, () => readArrangements(tables.arrangements!, profile), "arrangements") : null,
        history: tables.history ? namingSource(s, () => readBalanceHistory(tables.history!, profile), "history") : null,
        policy,
        points,
        authorisations: namingSource(s, () => readAuthorisations(tables.accounts, profile), "accounts"),
        options: { capPerOfficer, ucTechnicalWeeks: number("uc-technical-weeks"), hbTechnicalWeeks: number("hb-technical-weeks") },
      }),
    );
    for (const n of list.notes) io.stderr.write(`arrears worklist: ${n}\n`);

    if (values.json) {
      io.stdout.write(JSON.stringify({ asOf: serialToIso(asOf), ...list, rows: list.rows.map((r) => ({ ...r, dueBy: r.dueBy === null ? null : serialToIso(r.dueBy) })) }, null, 2) + "\n");
      return 0;
    }
    if (kind === "xlsx") {
      const preface = [`As of ${serialToIso(asOf)}`, `Source files: ${[values.in, values.accounts, values.transactions, values.arrangements, values.history].filter(Boolean).join(", ")}`];
      const sheets = [worklistSheet(list, asOf, capPerOfficer ?? 25), heldSheet(list), worklistByOfficerSheet(list), pointsSheet(points)].map((p) => asOutSheet(p, preface));
      await writeOutputFile(out!, writeXlsx(sheets), inputs);
      io.stdout.write(`wrote ${out}: ${list.rows.length} cases on the worklist, ${list.held.length} held\n`);
      return 0;
    }
    const csv = toCsv(shapeRows(list, shape));
    if (out) await writeOutputFile(out, csv, inputs);
    else io.stdout.write(csv);
    return 0;
  },
};

/** The table of one shape, header row first; dates as ISO text. */
function shapeRows(list: Worklist, shape: Shape): (string | number | null)[][] {
  if (shape === "held") return [[...HELD_COLUMNS], ...list.held.map((h) => [h.account, h.officer, h.hold, h.balance, h.weeksOwed, h.reasonText])];
  if (shape === "by-officer") return [[...OFFICER_WORKLIST_COLUMNS], ...list.byOfficer.map((l) => [l.officer, l.needsAction, l.listed, l.dueToday, l.overdue, l.awaitingTeamLeader, l.held, l.technicalOnly])];
  return [[...WORKLIST_COLUMNS], ...list.rows.map((r) => [r.rank, r.account, r.officer, r.score, r.reasonText, r.nextAction, r.balance, r.weeksOwed, r.dueBy === null ? null : serialToIso(r.dueBy)])];
}

/** Reads the team's points table from a CSV file; a problem names the file. */
async function readPoints(file: string, stdin: NodeJS.ReadableStream) {
  const rows = await readCsvInput(file, stdin);
  try {
    return pointsFromTable(rows);
  } catch (e) {
    if (e instanceof ArrearsInputError) throw new ArrearsInputError(e.field, `${file}: ${e.message}`);
    throw e;
  }
}

