import { arrangementsByOfficer, keptPercent, OFFICER_ARRANGEMENT_COLUMNS, type OfficerArrangements } from "../../core/arrangements/byOfficer";
import { ArrangementOptionsSchema, judgeArrangementsOfColumns, type ArrangementJudgement, type ArrangementOptions, type ArrangementOptionsInput } from "../../core/arrangements/judge";
import type { ColumnarExport } from "../../core/columns/columnarExport";
import { parseOrThrow } from "../../core/zodIssues";
import type { ArrangementOutcome } from "../../core/arrangements/rules";
import type { Arrangement } from "../../core/arrangements/schema";
import type { OutCell, OutSheet } from "../io/xlsx";

/**
 * The report's arrangements part: every arrangement judged at the as-of date (the
 * Arrangements sheet, with a per-officer summary below it) and those that broke in the
 * 7 days to it (the Broken this week sheet). Judging is core/arrangements; this only
 * orders and lays out.
 */

/** An arrangement beside its judgement. */
export interface JudgedArrangement {
  arrangement: Arrangement;
  judged: ArrangementJudgement;
}

export interface ArrangementReport {
  asOf: number;
  /** The grace days the judging used. */
  graces: ArrangementOptions;
  /** Breaks counted in the per-officer summary are those since this date (the period start). */
  since: number;
  /** Broken first, then at risk, on hold, kept, completed; then by officer, account and start date. */
  rows: JudgedArrangement[];
  byOfficer: OfficerArrangements[];
  /** Broken at the as-of date but not 7 days before: broke in the 7 days to it. */
  brokenThisWeek: JudgedArrangement[];
}

/** The order a team leader reads them in: what needs action first. */
const OUTCOME_ORDER: Record<ArrangementOutcome, number> = { broken: 0, "at risk": 1, "on hold": 2, kept: 3, completed: 4 };

/** Days before the as-of date an arrangement must still have been unbroken to count as broken this week. */
export const WEEK_DAYS = 7;

/**
 * Judges the arrangements at `asOf` and 7 days before, and summarises them per officer.
 * @param columns the export as the report holds it (read once for the return, the arrangements and the worklist).
 * @throws ArrearsInputError when a grace option is out of range.
 */
export function arrangementReport(
  list: readonly Arrangement[],
  columns: ColumnarExport,
  asOf: number,
  since: number,
  options: ArrangementOptionsInput = {},
): ArrangementReport {
  const graces = parseOrThrow(ArrangementOptionsSchema, options);
  const now = judgeArrangementsOfColumns(list, columns, asOf, graces);
  const before = judgeArrangementsOfColumns(list, columns, asOf - WEEK_DAYS, graces);
  const cmp = (x: JudgedArrangement, y: JudgedArrangement) =>
    OUTCOME_ORDER[x.judged.outcome] - OUTCOME_ORDER[y.judged.outcome] ||
    text(x.arrangement.officer, y.arrangement.officer) ||
    text(x.arrangement.account, y.arrangement.account) ||
    x.arrangement.startDate - y.arrangement.startDate;
  const rows = list.map((arrangement, i) => ({ arrangement, judged: now[i] }));
  const brokenThisWeek = rows.filter((r, i) => r.judged.outcome === "broken" && before[i].outcome !== "broken");
  return {
    asOf,
    graces,
    since,
    rows: [...rows].sort(cmp),
    byOfficer: arrangementsByOfficer(list, columns.source.transactions, asOf, since, graces, columns.source.accounts),
    brokenThisWeek: brokenThisWeek.sort(cmp),
  };
}

const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How the report words each code. */
const FREQUENCY_WORDS = { weekly: "Weekly", fortnightly: "Fortnightly", fourWeekly: "4-weekly", monthly: "Monthly", ucPeriod: "UC assessment period" } as const;
const TYPE_WORDS = { tenant: "Tenant arrangement", spo: "Suspended possession order", dwp: "DWP deduction / APA" } as const;

type Row = OutSheet["rows"][number];
/** The report's sheet maker (title block, widths, print setup), as report.ts lays out every sheet. */
export type SheetMaker = (name: string, title: string, header: Row, body: Row[], layout: { max?: number | number[]; headerWrapAt?: number; after?: Row[]; measureAfter?: boolean }) => OutSheet;

const heading = (value: string): OutCell => ({ value, bold: true, wrap: true });
const money = (value: number | null): OutCell => ({ value, format: "money" });
const date = (value: number | null): OutCell => ({ value, format: "date" });
const integer = (value: number | null): OutCell => ({ value, format: "integer" });
const percent = (pct: number | null): OutCell => ({ value: pct === null ? null : Math.round(pct * 100) / 10_000, format: "percent" });

/** The Arrangements and Broken this week sheets. */
export function arrangementSheets(r: ArrangementReport, make: SheetMaker, longDate: (serial: number) => string): OutSheet[] {
  const count = (o: ArrangementOutcome) => r.rows.filter((x) => x.judged.outcome === o).length;
  const line = ({ arrangement: a, judged: j }: JudgedArrangement): Row => [
    a.account,
    a.officer,
    j.outcome,
    TYPE_WORDS[a.type],
    FREQUENCY_WORDS[a.frequency],
    money(a.instalment),
    integer(j.instalmentsDue),
    money(j.paid),
    money(j.shortfall),
    integer(j.missed),
    date(j.firstMissed),
    integer(j.daysSinceLastPayment),
    { value: j.reason, wrap: true },
  ];
  const header = ["Account", "Officer", "Status", "Type", "Frequency", "Instalment £", "Instalments due", "Paid so far £", "Shortfall £", "Missed", "First missed", "Days since last payment", "Reason"].map(heading);
  const widths = [14, 22, 10, 16, 12, 12, 11, 13, 13, 8, 11, 11, 70];
  const sinceText = longDate(r.since);
  const summaryHeader = OFFICER_ARRANGEMENT_COLUMNS.map((h) => heading(h === "Broken since" ? `Broken since ${sinceText}` : h));
  const summary: Row[] = r.byOfficer.map((o, i) => [
    i === r.byOfficer.length - 1 ? { value: o.officer, bold: true } : o.officer,
    integer(o.active),
    money(o.arrearsCovered),
    integer(o.brokenSince),
    integer(o.ranThreeMonths),
    integer(o.keptAtThreeMonths),
    percent(keptPercent(o.keptAtThreeMonths, o.ranThreeMonths)),
    integer(o.ranSixMonths),
    integer(o.keptAtSixMonths),
    percent(keptPercent(o.keptAtSixMonths, o.ranSixMonths)),
  ]);
  const arrangements = make(
    "Arrangements",
    `Arrangements at ${longDate(r.asOf)}: ${count("broken")} broken, ${count("at risk")} at risk, ${count("on hold")} on hold, ${count("kept")} kept, ${count("completed")} completed`,
    header,
    r.rows.map(line),
    {
      max: widths,
      headerWrapAt: 11,
      measureAfter: true,
      after: [
        [],
        [{ value: "By officer", bold: true }],
        summaryHeader,
        ...summary,
        [],
        [
          `Order: broken, at risk, on hold, kept, completed; then by officer and account. Active = kept, at risk or on hold; arrears covered = the balances owed on those accounts, each once; kept at 3 (6) months = of the arrangements that had run 3 (6) calendar months by ${longDate(r.asOf)} and were not on hold then, those kept or completed at that point.`,
        ],
      ],
    },
  );
  const week = make(
    "Broken this week",
    `Broken this week: ${r.brokenThisWeek.length} arrangement${r.brokenThisWeek.length === 1 ? "" : "s"} broken in the ${WEEK_DAYS} days to ${longDate(r.asOf)}`,
    header,
    r.brokenThisWeek.length ? r.brokenThisWeek.map(line) : [["None: no arrangement broke in these 7 days."]],
    {
      max: widths,
      headerWrapAt: 11,
      after: [[], [`Broken at ${longDate(r.asOf)} and not broken on ${longDate(r.asOf - WEEK_DAYS)}, judged by the same rules from the same transactions.`]],
    },
  );
  return [arrangements, week];
}

/** The arrangements part of the report's JSON. */
export function arrangementJson(r: ArrangementReport, iso: (serial: number) => string) {
  const one = ({ arrangement: a, judged: j }: JudgedArrangement) => ({ ...j, startDate: iso(a.startDate), firstMissed: j.firstMissed === null ? null : iso(j.firstMissed), type: a.type, frequency: a.frequency, instalment: a.instalment });
  return { asOf: iso(r.asOf), graces: r.graces, brokenSince: iso(r.since), judged: r.rows.map(one), byOfficer: r.byOfficer, brokenThisWeek: r.brokenThisWeek.map(one) };
}
