import { parseArgs } from "node:util";
import { parseDateToSerial, serialToIso } from "../../core/dates/excelSerial";
import { ESCALATION_COLUMNS, escalationColumnsOf } from "../../core/escalation/escalate";
import type { EscalationPolicy } from "../../core/escalation/policy";
import type { MappingProfile } from "../../core/export/profile";
import { readBalanceHistory, readBalanceHistoryColumns, readExport } from "../../core/export/readTables";
import { escalationListOf, type EscalationWithTrend } from "../../core/escalation/withTrend";
import { monthlyReturnOfColumns, type KpiFigure, type MonthlyReturn } from "../../core/kpi/monthlyReturn";
import { historyColumnsOf, toColumnar } from "../../core/columns/columnarExport";
import { isBandCountKpi, OFFICER_KPI_IDS } from "../../core/kpi/definitions";
import type { Command } from "../command";
import { toCsv } from "../io/csv";
import { CliError, numberOption } from "../io/input";
import { readPolicyOption, readProfileOption } from "../settingsFiles";
import { checkOutputTarget, writeOutputFile } from "../io/outputFile";
// The writer's own modules, not the xlsx index: a report from CSV then never loads the .xlsx reader.
import { writeXlsx, type OutCell, type OutSheet, type PrintSetup } from "../io/xlsx/write";
import { fitColumnWidths } from "../io/xlsx/layout";
import { formatPounds } from "../../core/money";
import { namingSource, readInputGrids, type TableFiles } from "../exportInput";
import { asGrid, rowsOfGrid } from "../../core/export/cellGrid";
import type { Worklist } from "../../core/worklist/worklist";
import type { ArrangementReport } from "./reportArrangements";

/* eslint-disable @typescript-eslint/no-require-imports -- a plain require is what loads a module only when it is used */
/**
 * The arrangements and worklist code, loaded only for a report given arrangements
 * (most are not): their schemas and modules are about 20 ms of every report's start-up.
 */
function arrangementCode() {
  return {
    ...(require("../../core/arrangements/readArrangements") as typeof import("../../core/arrangements/readArrangements")),
    ...(require("../../core/worklist/authorisation") as typeof import("../../core/worklist/authorisation")),
    ...(require("../../core/worklist/worklist") as typeof import("../../core/worklist/worklist")),
    ...(require("./worklistSheet") as typeof import("./worklistSheet")),
    ...(require("./reportArrangements") as typeof import("./reportArrangements")),
  };
}
/* eslint-enable @typescript-eslint/no-require-imports */

const USAGE = `Usage: arrears report --from DATE --to DATE (--in export.xlsx | --accounts a.csv --transactions t.csv [--voids v.csv] [--arrangements r.csv])
                      [--profile mapping.json] [--policy policy.json] [--bands 4,8,13]
                      [--void-treatment net|gross] [--annual-debit N] [--as-of DATE]
                      [--out return.xlsx [--organisation NAME]] [--json]

The monthly return from a housing-system export: every KPI with its definition and
source (the month, and rent due, collected and collection rate for the year to date
from 1 April), the per-officer breakdown, arrears ageing, and the escalation list.

Input
  --in FILE            an .xlsx export with an accounts sheet, a transactions sheet and
                       optionally a voids sheet (found by their column headers)
  --accounts FILE      accounts CSV (balance at period end, positive = owed)
  --transactions FILE  transactions CSV (amounts: debits positive, credits negative,
                       unless the profile says otherwise; types rent, payment, HB, UC,
                       DHP, write-off, refund, adjustment). For the year-to-date figures
                       it must hold transactions from the first week of April
  --voids FILE         voids CSV (property, void start, void end, weekly rent); without it
                       empty homes are accounts with status void
  --arrangements FILE  payment arrangements CSV (account, start date, instalment, basis: arrears
                       or total, frequency, type, status; optional start balance, end date,
                       officer): adds the Arrangements and Broken this week sheets (an .xlsx
                       export's arrangements sheet is found by its headers)
  --history FILE       weekly balance history CSV, wide (account, one column per date) or
                       long (account, date, balance): adds each case's 13-week arrears trend
                       to the escalation list (an .xlsx export's history sheet is found by itself)
  --profile FILE       mapping profile JSON: accepted headers per field, codes, sign
                       convention, date format (default: common Northgate/Capita/Tallyman names)
  --policy FILE|NAME   escalation policy JSON, or a built-in policy: england (default) or scotland

Period and options
  --from DATE, --to DATE   the period, inclusive (2025-04-01 or 01/04/2025)
  --bands LIST             arrears age bands in weeks of rent (default 4,8,13)
  --void-treatment net|gross   rent due net of empty homes (default) or gross: one setting for the
                           collection rates' rent due and the arrears percentages' annual debit
  --annual-debit N         the team's annual rent debit in £ (default: weekly rents of current
                           homes × weeks per year, plus empty homes when gross); officer lines always use
                           their own homes' weekly rents
  --weeks-per-year 52|53   rent weeks in the year, for the default annual debit (default 52)
  --uc-technical-weeks N, --hb-technical-weeks N
                           weeks of rent owed that count as technical (payment-cycle) arrears
                           for UC and HB claimants (defaults: UC 52/12, about 4.33; HB 4)
  --as-of DATE             date escalation and arrangements are judged at (default: --to)
  --payment-grace-days N, --uc-grace-days N, --hb-grace-days N
                           days after an instalment's due date that a tenant payment, a UC
                           credit or an HB credit still counts toward it (defaults 0, 30, 28)

Output
  --out FILE     write the return workbook (.xlsx): Return, By officer, Ageing, Escalations,
                 (with arrangements: Arrangements, Broken this week, Worklist,) About; each sheet titled and set up to print (A4 landscape, one page wide);
                 never over an input file, a link or a device; the folder must exist
  --organisation NAME   the organisation named in the workbook's titles and page headers
  --json         print everything as JSON
  (neither)      print the return (KPI, value, unit, definition, source) as CSV
Percentages are to 2 decimal places (halves away from zero); money to the penny.
A collection rate is left blank with a note when rent due is under a quarter of what the
current weekly rents come to over the period (a part month that misses the rent debit).
`;

export const reportCommand: Command = {
  summary: "monthly return: KPIs, per-officer, ageing and escalation list (xlsx, CSV or JSON)",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        in: { type: "string" },
        accounts: { type: "string" },
        transactions: { type: "string" },
        voids: { type: "string" },
        history: { type: "string" },
        arrangements: { type: "string" },
        "payment-grace-days": { type: "string" },
        "uc-grace-days": { type: "string" },
        "hb-grace-days": { type: "string" },
        profile: { type: "string" },
        policy: { type: "string" },
        from: { type: "string" },
        to: { type: "string" },
        bands: { type: "string" },
        "void-treatment": { type: "string" },
        "annual-debit": { type: "string" },
        "weeks-per-year": { type: "string" },
        "uc-technical-weeks": { type: "string" },
        "hb-technical-weeks": { type: "string" },
        "as-of": { type: "string" },
        organisation: { type: "string" },
        out: { type: "string" },
        json: { type: "boolean", default: false },
      },
      strict: true,
    });
    const inputs = [values.in, values.accounts, values.transactions, values.voids, values.history, values.arrangements, values.profile, values.policy];
    // Before any work: --out must not be an input, a link, a device or a folder, and its folder must exist.
    if (values.out !== undefined) await checkOutputTarget(values.out, inputs);
    const voidTreatment = values["void-treatment"];
    if (voidTreatment !== undefined && voidTreatment !== "net" && voidTreatment !== "gross") throw new CliError(`void treatment must be net or gross (--void-treatment), got "${voidTreatment}"`);
    const weeksPerYear = values["weeks-per-year"] === undefined ? undefined : numberOption(values["weeks-per-year"], "--weeks-per-year");
    if (weeksPerYear !== undefined && weeksPerYear !== 52 && weeksPerYear !== 53) throw new CliError(`--weeks-per-year must be 52 or 53, got "${values["weeks-per-year"]}"`);
    const technicalWeeks = {
      UC: values["uc-technical-weeks"] === undefined ? undefined : numberOption(values["uc-technical-weeks"], "--uc-technical-weeks"),
      HB: values["hb-technical-weeks"] === undefined ? undefined : numberOption(values["hb-technical-weeks"], "--hb-technical-weeks"),
    };
    const from = dateOption(values.from, "--from");
    const to = dateOption(values.to, "--to");
    const asOf = values["as-of"] === undefined ? to : dateOption(values["as-of"], "--as-of");
    const profile = await readProfileOption(values.profile, io.stdin);
    const policy = await readPolicyOption(values.policy, io.stdin);
    const { history, arrangements, sources, ...tables } = await readInputGrids(values as TableFiles, profile, io.stdin);
    const data = namingSource(sources, () => readExport(tables, profile));
    // The export as columns once: the return sums over them, and the balance history is matched to their account rows.
    const columns = toColumnar(data);
    const ret = monthlyReturnOfColumns(columns, {
      periodStart: from,
      periodEnd: to,
      ageBands: values.bands === undefined ? undefined : values.bands.split(/[,;\s]+/).filter(Boolean).map((b) => numberOption(b, "--bands")),
      voidTreatment,
      weeksPerYear: weeksPerYear as 52 | 53 | undefined,
      technicalWeeks: technicalWeeks.UC === undefined && technicalWeeks.HB === undefined ? undefined : technicalWeeks,
      annualRentDebit: values["annual-debit"] === undefined ? null : numberOption(values["annual-debit"], "--annual-debit"),
    });
    // Every account's stage as columns; the words (and the 13-week trend, fitted from the history matrix) only for the
    // listed accounts, as listedEscalationsOf + withBalanceTrend gave them. The first account that cannot be judged is refused.
    const stages = escalationColumnsOf(data.accounts, policy, asOf);
    if (stages.firstError) throw stages.firstError;
    // The worklist (with arrangements) reads the history as rows; otherwise it is read straight into the matrix.
    const balanceHistory = history && arrangements ? namingSource(sources, () => readBalanceHistory(history, profile), "history") : null;
    const historyMatrix = !history
      ? null
      : balanceHistory
        ? historyColumnsOf(balanceHistory, columns.accountRefs, columns.accountIndex)
        : namingSource(sources, () => readBalanceHistoryColumns(history, profile, columns.accountRefs, columns.accountIndex), "history");
    const listColumns = escalationListOf(stages, historyMatrix);
    const listed = escalationList(Array.from({ length: listColumns.count }, (_, j) => listColumns.resultAt(j)));
    for (const w of ret.warnings) io.stderr.write(`arrears report: ${w}\n`);
    const grace = (flag: string) => (values[flag as keyof typeof values] === undefined ? undefined : numberOption(String(values[flag as keyof typeof values]), `--${flag}`));
    const graces = { paymentGraceDays: grace("payment-grace-days"), ucGraceDays: grace("uc-grace-days"), hbGraceDays: grace("hb-grace-days") };
    const { readArrangements, arrangementReport, worklistOfColumns, readAuthorisations, arrangementJson } = arrangements ? arrangementCode() : ({} as Partial<ReturnType<typeof arrangementCode>>);
    const arrangementList = arrangements ? namingSource(sources, () => readArrangements!(arrangements, profile), "arrangements") : null;
    const arrangementsJudged: ArrangementReport | null = arrangementList ? arrangementReport!(arrangementList, columns, asOf, from, graces) : null;
    // With arrangements the report is a working pack, so it carries the day's worklist too (the same list `arrears worklist` gives).
    const worklist = arrangementList
      ? namingSource(sources, () =>
          // Over the columns the return was summed from: the export is read once for all three.
          worklistOfColumns!(columns, {
            asOf,
            arrangements: arrangementList,
            history: balanceHistory,
            policy,
            authorisations: namingSource(sources, () => readAuthorisations!(Array.isArray(tables.accounts) ? tables.accounts : rowsOfGrid(asGrid(tables.accounts)), profile), "accounts"),
            options: { ucTechnicalWeeks: technicalWeeks.UC, hbTechnicalWeeks: technicalWeeks.HB, ...graces },
          }),
        )
      : null;

    if (values.out) {
      const sources = [values.in, values.accounts, values.transactions, values.voids, values.history].filter((f): f is string => f !== undefined);
      const bytes = writeXlsx(workbook(ret, listed, policy, profile, reportContext(ret, values.organisation, sources, new Date()), arrangementsJudged, worklist), { compression: "fast" });
      await writeOutputFile(values.out, bytes, inputs);
      const due = listed.filter((e) => e.dueToEscalate).length;
      const arrangementsText = arrangementsJudged ? `, ${arrangementsJudged.rows.length} arrangements (${arrangementsJudged.brokenThisWeek.length} broken this week)` : "";
      io.stdout.write(`wrote ${values.out}: ${ret.kpis.length} figures, ${ret.byOfficer.length} officer lines, ${listed.length} accounts on the escalation list (${due} due to escalate)${arrangementsText}\n`);
    }
    if (values.json) io.stdout.write(JSON.stringify({ ...toJson(ret, listed, policy, profile), ...(arrangementsJudged ? { arrangements: arrangementJson!(arrangementsJudged, serialToIso) } : {}) }, null, 2) + "\n");
    else if (!values.out) io.stdout.write(toCsv(returnRows(ret)));
    return 0;
  },
};

function dateOption(text: string | undefined, name: string): number {
  if (text === undefined) throw new CliError(`${name} is required: the ${name === "--from" ? "first" : "last"} day of the period (2025-04-01 or 01/04/2025)`);
  const s = parseDateToSerial(text);
  if (s === null) throw new CliError(`${name} must be a date (2025-04-01 or 01/04/2025), got "${text}"`);
  return s;
}


/** Accounts worth a line on the escalation list: any stage past "no action", or due. Due first, then worsening arrears, then most weeks owed, then account (as ESCALATION_ORDER tells the reader). */
function escalationList(all: EscalationWithTrend[]): EscalationWithTrend[] {
  const worsening = (e: EscalationWithTrend) => (e.trend?.direction === "worsening" ? 1 : 0);
  return all
    .filter((e) => e.stage !== "none" || e.dueToEscalate)
    .sort((a, b) => Number(b.dueToEscalate) - Number(a.dueToEscalate) || worsening(b) - worsening(a) || (b.weeksOwed ?? 0) - (a.weeksOwed ?? 0) || a.account.localeCompare(b.account));
}

const unitText = (f: KpiFigure) => (f.unit === "percent" ? "%" : f.unit === "money" ? "£" : "count");

function returnRows(ret: MonthlyReturn): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [["id", "kpi", "value", "unit", "definition", "source", "note"]];
  for (const f of ret.kpis) rows.push([f.id, f.name, f.value, unitText(f), f.definition, f.source, f.note]);
  return rows;
}

function toJson(ret: MonthlyReturn, escalations: EscalationWithTrend[], policy: EscalationPolicy, profile: MappingProfile) {
  return {
    period: { from: serialToIso(ret.periodStart), to: serialToIso(ret.periodEnd) },
    yearToDate: { from: serialToIso(ret.yearStart), to: serialToIso(ret.periodEnd), covered: ret.yearToDateCovered },
    profile: profile.name,
    policy: { id: policy.id, version: policy.version },
    rounding: "money to the penny; percentages to 2 decimal places, halves away from zero",
    kpis: ret.kpis.map(({ id, name, value, unit, definition, basis, source, confidence, note }) => ({ id, name, value, unit, definition, basis, source, confidence, note })),
    byOfficer: ret.byOfficer.map((o) => ({ officer: o.officer, kpis: Object.fromEntries(o.kpis.map((k) => [k.id, k.value])) })),
    ageing: ret.ageing,
    escalations,
    warnings: ret.warnings,
  };
}

/** Who the return is for, when, and from what: the title block on every sheet and the page header. */
interface ReportContext {
  organisation: string | null;
  period: string;
  generatedOn: string;
  sources: string[];
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
/** "1 October 2026": unambiguous in print, whatever the reader's locale. */
const longDate = (iso: string) => `${Number(iso.slice(8, 10))} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

function reportContext(ret: MonthlyReturn, organisation: string | undefined, sources: string[], now: Date): ReportContext {
  const iso = now.toISOString();
  return {
    organisation: organisation?.trim() || null,
    period: `${longDate(serialToIso(ret.periodStart))} to ${longDate(serialToIso(ret.periodEnd))}`,
    generatedOn: `${longDate(iso.slice(0, 10))} at ${iso.slice(11, 16)} UTC`,
    sources,
  };
}

type Row = OutSheet["rows"][number];

/** The lines above each sheet's table: title, organisation, period, when and from which files; then a blank row. */
function titleBlock(title: string, ctx: ReportContext): Row[] {
  return [
    [{ value: title, title: true }],
    ...(ctx.organisation ? [[`Organisation: ${ctx.organisation}`]] : []),
    [`Period: ${ctx.period}`],
    [`Generated on ${ctx.generatedOn}`],
    [`Source files: ${ctx.sources.join(", ")}`],
    [],
  ];
}

/** A sheet with a title block above its header row, laid out to print: widths from content, landscape, one page wide, header repeated. */
function reportSheet(
  name: string,
  title: string,
  ctx: ReportContext,
  header: Row,
  body: Row[],
  layout: { max?: number | number[]; headerWrapAt?: number; after?: Row[]; measureAfter?: boolean; print?: PrintSetup; table?: boolean },
): OutSheet {
  const block = titleBlock(title, ctx);
  const rows = [...block, header, ...body];
  // A block below the table (a summary) can have its own, wider figures: measured too when asked.
  const measured = layout.measureAfter ? [...rows, ...(layout.after ?? [])] : rows;
  return {
    name,
    rows: [...rows, ...(layout.after ?? [])],
    headerRow: block.length,
    freezeHeader: true,
    columnWidths: fitColumnWidths(measured, { fromRow: block.length, max: layout.max, headerWrapAt: layout.headerWrapAt }),
    ...(layout.table ? { table: { name } } : {}),
    print: { headerText: `${ctx.organisation ? `${ctx.organisation} · ` : ""}Monthly return ${ctx.period}`, ...layout.print },
  };
}

const heading = (value: string): OutCell => ({ value, bold: true, wrap: true });
const wrapped = (value: string | null): OutCell => ({ value, wrap: true });
/** A percentage figure (83.08, meaning 83.08 %) stored as the fraction Excel's % format expects (0.8308), so formulas over the cell get the true value. */
const fraction = (pct: number | null): OutCell => ({ value: pct === null ? null : Math.round(pct * 100) / 10_000, format: "percent" });
const fmt = (f: KpiFigure): OutCell => (f.unit === "percent" ? fraction(f.value) : { value: f.value, format: f.unit === "money" ? "money" : "integer" });

/** Escalation list columns in print order: what a team leader acts on first, then the detail; the print area stops before `Due to escalate`. */
const ESCALATION_PRINT_COLUMNS = 7;

/** The return workbook. Text from the export goes in as text cells; the writer quote-prefixes any that looks like a formula. */
function workbook(
  ret: MonthlyReturn,
  escalations: EscalationWithTrend[],
  policy: EscalationPolicy,
  profile: MappingProfile,
  ctx: ReportContext,
  arrangements: ArrangementReport | null = null,
  worklist: Worklist | null = null,
): OutSheet[] {
  // The figure's format shows its unit (£, %), so no unit column; the machine id goes last, for lookups, outside the print area.
  const withNotes = ret.kpis.some((f) => f.note);
  const returnHeader = ["KPI", "Value", "Definition", "Source", ...(withNotes ? ["Note"] : []), "Id"].map(heading);
  const returnSheet = reportSheet(
    "Return",
    "Monthly return",
    ctx,
    returnHeader,
    ret.kpis.map((f) => [wrapped(f.name), fmt(f), wrapped(f.definition), wrapped(f.source), ...(withNotes ? [wrapped(f.note)] : []), f.id]),
    {
      max: [34, 16, 100, 80, ...(withNotes ? [40] : []), 40],
      after: [
        [],
        [`Mapping profile "${profile.name}"; money to the penny, percentages to 2 dp (halves away from zero); balances at period end, transactions dated in the period.`],
        [`Year to date (ytd_ rows): ${serialToIso(ret.yearStart)} to ${serialToIso(ret.periodEnd)}${ret.yearToDateCovered ? "" : ", not given: the export's transactions do not reach back to the first week of April"}.`],
        ...ret.warnings.map((w) => [w]),
      ],
      print: { area: { lastRow: 0, lastColumn: returnHeader.length - 2 } },
    },
  );
  returnSheet.print!.area!.lastRow = returnSheet.rows.length - 1;

  const officerIds: readonly string[] = OFFICER_KPI_IDS;
  const bandIds = ret.kpis.filter((k) => isBandCountKpi(k.id)).map((k) => k.id);
  const head = [...officerIds, ...bandIds].map((id) => ret.kpis.find((k) => k.id === id)!.name);
  const officerLine = (name: string, kpis: KpiFigure[]): Row => {
    const byId = new Map(kpis.map((k) => [k.id, k]));
    return [name, ...[...officerIds, ...bandIds].map((id) => (byId.has(id) ? fmt(byId.get(id)!) : 0))];
  };
  const officers = reportSheet(
    "By officer",
    "Monthly return by officer",
    ctx,
    ["Officer", ...head].map(heading),
    [...ret.byOfficer.map((o) => officerLine(o.officer, o.kpis)), officerLine("Team total", ret.kpis).map((c, i) => (i === 0 ? { value: c as string, bold: true } : c))],
    {
      max: 30,
      headerWrapAt: 12,
      after:
        ret.options.annualRentDebit == null
          ? []
          : [[], [`% of annual rent debit: the team total divides by the ${formatPounds(ret.options.annualRentDebit)} given; each officer's line by the annual rent debit of that officer's own homes.`]],
    },
  );

  const ageing = reportSheet(
    "Ageing",
    "Arrears ageing",
    ctx,
    ["Weeks of rent owed", "Tenancies", "Arrears £", "% of tenancies in arrears", "% of arrears £", "UC tenancies", "UC arrears £"].map(heading),
    ret.ageing.map((b) => [b.label, { value: b.accounts, format: "integer" as const }, { value: b.arrears, format: "money" as const }, fraction(b.pctOfAccountsInArrears), fraction(b.pctOfArrears), { value: b.ucAccounts, format: "integer" as const }, { value: b.ucArrears, format: "money" as const }]),
    { max: 30, headerWrapAt: 12, after: [[], ["Current tenancies in arrears; weeks = balance at period end ÷ weekly rent. UC claimants' arrears include technical (payment-cycle) arrears."]] },
  );

  const [account, officer, weeksOwed, balance, stage, due, reason, nextAction] = ESCALATION_COLUMNS;
  const dueCount = escalations.filter((e) => e.dueToEscalate).length;
  const escalationSheet = reportSheet(
    "Escalations",
    `Escalation list: ${dueCount} due to escalate of ${escalations.length} listed`,
    ctx,
    [account, officer, stage, weeksOwed, balance, "Trend £/week (13 weeks)", nextAction, due, reason].map(heading),
    escalations.map((e) => [
      e.account,
      e.officer,
      e.stageLabel,
      { value: e.weeksOwed, format: "weeks" as const },
      { value: e.balance, format: "money" as const },
      { value: e.trend?.slopePerWeek ?? null, format: "money" as const },
      wrapped(e.nextAction),
      e.dueToEscalate,
      wrapped(e.reason),
    ]),
    { max: [14, 22, 18, 9, 13, 11, 100, 10, 70], headerWrapAt: 10, table: true },
  );
  // Printed: the cases due to escalate (listed first), without the due flag and the reason; the sheet keeps every case.
  escalationSheet.print!.area = { lastRow: escalationSheet.headerRow! + Math.max(1, dueCount), lastColumn: ESCALATION_PRINT_COLUMNS - 1 };

  const about = reportSheet(
    "About",
    "About this return",
    ctx,
    [heading("Notes")],
    [
      `Escalation policy: ${policy.id} v${policy.version} (effective ${policy.effectiveFrom}). ${policy.description}`,
      ESCALATION_ORDER,
      `Printing the Escalations sheet prints the ${dueCount} cases due to escalate (its print area), without the due flag and the reason; clear the print area (Page Layout › Print Area) to print every case.`,
      "Every KPI's definition and source is beside its value on the Return sheet.",
      ...(arrangements
        ? [
            `Arrangements: judged at the as-of date from the transactions. A tenant payment counts toward an instalment up to ${plural(arrangements.graces.paymentGraceDays, "day")} after its due date, a UC credit up to ${plural(arrangements.graces.ucGraceDays, "day")} after and an HB credit up to ${plural(arrangements.graces.hbGraceDays, "day")} (the grace options); an instalment is missed when less than an instalment was paid in its turn. Broken: two instalments or more overdue, or two misses with a whole instalment still owed; at risk: a miss not yet made good; on hold (the arrangement's status, or the account's vulnerability, benefit claim or Breathing Space) is never broken.`,
          ]
        : []),
    ].map((t) => [wrapped(t)]),
    { max: 120 },
  );
  const arrangementPart = arrangements
    ? arrangementCode().arrangementSheets(arrangements, (name, title, header, body, layout) => reportSheet(name, title, ctx, header, body, layout), (serial) => longDate(serialToIso(serial)))
    : [];
  // The worklist comes with the arrangements (judged at the same as-of date).
  const worklistPart =
    worklist && arrangements
    ? [arrangementCode().worklistSheet(worklist, arrangements.asOf, arrangementCode().WorklistOptionsSchema.parse({}).capPerOfficer)].map((p) => reportSheet(p.name, p.title, ctx, p.header, p.body, { ...p.layout, table: p.layout.table && p.body.length > 0 }))
    : [];
  return [returnSheet, officers, ageing, escalationSheet, ...arrangementPart, ...worklistPart, about];
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? "" : "s"}`;

/** What the About sheet says about the escalation list's order; escalationList sorts exactly so (a test holds the two together). */
const ESCALATION_ORDER =
  "Escalation list: accounts at any stage past 'No action', or due. Order: due to escalate first; then, when a balance history is given, worsening arrears before the rest; then most weeks of rent owed first; then by account. A held account shows why it is held.";
