import { parseArgs } from "node:util";
import { parseDateToSerial, serialToIso } from "../../core/dates/excelSerial";
import { ArrearsInputError } from "../../core/errors";
import { ESCALATION_COLUMNS, escalationsOf, type EscalationResult } from "../../core/escalation/escalate";
import { BUILT_IN_POLICIES, DEFAULT_ESCALATION_POLICY, parseEscalationPolicy, type EscalationPolicy } from "../../core/escalation/policy";
import type { CellValue } from "../../core/export/cellValues";
import { DEFAULT_PROFILE, normaliseName, parseMappingProfile, REQUIRED_ACCOUNT_FIELDS, REQUIRED_TRANSACTION_FIELDS, REQUIRED_VOID_FIELDS, type MappingProfile } from "../../core/export/profile";
import { readBalanceHistory, readExport, type ExportTables, type TableRows } from "../../core/export/readTables";
import { withBalanceTrend, type EscalationWithTrend } from "../../core/escalation/withTrend";
import { parseSerial } from "../../core/export/cellValues";
import { monthlyReturn, type KpiFigure, type MonthlyReturn } from "../../core/kpi/monthlyReturn";
import { isBandCountKpi, OFFICER_KPI_IDS } from "../../core/kpi/definitions";
import type { Command } from "../command";
import { readCsvInput, toCsv } from "../io/csv";
import { CliError, keyProblem, numberOption, parseJsonInput, readInputFile, readTextInput } from "../io/input";
import { checkOutputTarget, writeOutputFile } from "../io/outputFile";
import { DEFAULT_XLSX_LIMITS, readXlsx, usableRows, writeXlsx, XlsxError, type OutCell, type OutSheet, type SheetData } from "../io/xlsx";

const USAGE = `Usage: arrears report --from DATE --to DATE (--in export.xlsx | --accounts a.csv --transactions t.csv [--voids v.csv])
                      [--profile mapping.json] [--policy policy.json] [--bands 4,8,13]
                      [--void-treatment net|gross] [--annual-debit N] [--as-of DATE]
                      [--out return.xlsx] [--json]

The monthly return from a housing-system export: every KPI with its definition and
source, the per-officer breakdown, arrears ageing, and the escalation list.

Input
  --in FILE            an .xlsx export with an accounts sheet, a transactions sheet and
                       optionally a voids sheet (found by their column headers)
  --accounts FILE      accounts CSV (balance at period end, positive = owed)
  --transactions FILE  transactions CSV (amounts: debits positive, credits negative,
                       unless the profile says otherwise)
  --voids FILE         voids CSV (property, void start, void end, weekly rent); without it
                       empty homes are accounts with status void
  --history FILE       weekly balance history CSV, wide (account, one column per date) or
                       long (account, date, balance): adds each case's 13-week arrears trend
                       to the escalation list (an .xlsx export's history sheet is found by itself)
  --profile FILE       mapping profile JSON: accepted headers per field, codes, sign
                       convention, date format (default: common Northgate/Capita/Tallyman names)
  --policy FILE|NAME   escalation policy JSON, or a built-in policy: england (default) or scotland

Period and options
  --from DATE, --to DATE   the period, inclusive (2025-04-01 or 01/04/2025)
  --bands LIST             arrears age bands in weeks of rent (default 4,8,13)
  --void-treatment net|gross   collection-rate denominator net of empty-home loss (default) or gross
  --annual-debit N         annual rent debit in £ (default: weekly rents × weeks per year)
  --weeks-per-year 52|53   rent weeks in the year, for the default annual debit (default 52)
  --uc-technical-weeks N, --hb-technical-weeks N
                           weeks of rent owed that count as technical (payment-cycle) arrears
                           for UC and HB claimants (defaults: UC 52/12, about 4.33; HB 4)
  --as-of DATE             date escalation is judged at (default: --to)

Output
  --out FILE     write the return workbook (.xlsx): Return, By officer, Ageing, Escalations
                 (never over an input file, a link or a device; the folder must exist)
  --json         print everything as JSON
  (neither)      print the return (KPI, value, unit, definition, source) as CSV
Percentages are to 2 decimal places (halves away from zero); money to the penny.
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
        out: { type: "string" },
        json: { type: "boolean", default: false },
      },
      strict: true,
    });
    const inputs = [values.in, values.accounts, values.transactions, values.voids, values.history, values.profile, values.policy];
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
    const profile = values.profile ? await readJsonWith(values.profile, "profile", io.stdin, parseMappingProfile) : DEFAULT_PROFILE;
    const policy = !values.policy
      ? DEFAULT_ESCALATION_POLICY
      : Object.hasOwn(BUILT_IN_POLICIES, values.policy)
        ? BUILT_IN_POLICIES[values.policy]
        : await readJsonWith(values.policy, "policy", io.stdin, parseEscalationPolicy);
    const { history, sources, ...tables } = await readTables(values, profile, io.stdin);
    const data = namingSource(sources, () => readExport(tables, profile));
    const ret = monthlyReturn(data, {
      periodStart: from,
      periodEnd: to,
      ageBands: values.bands === undefined ? undefined : values.bands.split(/[,;\s]+/).filter(Boolean).map((b) => numberOption(b, "--bands")),
      voidTreatment,
      weeksPerYear: weeksPerYear as 52 | 53 | undefined,
      technicalWeeks: technicalWeeks.UC === undefined && technicalWeeks.HB === undefined ? undefined : technicalWeeks,
      annualRentDebit: values["annual-debit"] === undefined ? null : numberOption(values["annual-debit"], "--annual-debit"),
    });
    const judged = checked(escalationsOf(data.accounts, policy, asOf));
    const listed = escalationList(history ? withBalanceTrend(judged, namingSource(sources, () => readBalanceHistory(history, profile), "history")) : judged.map((e) => ({ ...e, trend: null })));
    for (const w of ret.warnings) io.stderr.write(`arrears report: ${w}\n`);

    if (values.out) {
      const bytes = writeXlsx(workbook(ret, listed, policy, profile));
      await writeOutputFile(values.out, bytes, inputs);
      const due = listed.filter((e) => e.dueToEscalate).length;
      io.stdout.write(`wrote ${values.out}: ${ret.kpis.length} figures, ${ret.byOfficer.length} officer lines, ${listed.length} accounts on the escalation list (${due} due to escalate)\n`);
    }
    if (values.json) io.stdout.write(JSON.stringify(toJson(ret, listed, policy, profile), null, 2) + "\n");
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

async function readJson(file: string, what: string, stdin: NodeJS.ReadableStream): Promise<unknown> {
  return parseJsonInput(await readTextInput(file, stdin), `the ${what} file ${file}`);
}

/** Reads and validates a JSON file; a problem names the file and the key (a missing key as missing, not as "expected record"). */
async function readJsonWith<T>(file: string, what: string, stdin: NodeJS.ReadableStream, parse: (json: unknown) => T): Promise<T> {
  const json = await readJson(file, what, stdin);
  try {
    return parse(json);
  } catch (e) {
    if (!(e instanceof ArrearsInputError)) throw e;
    throw new CliError(`the ${what} file ${file}: ${keyProblem(json, e.field, e.message)}`);
  }
}

function readCsvTable(file: string, stdin: NodeJS.ReadableStream): Promise<TableRows> {
  return readCsvInput(file, stdin);
}

/** Where each table came from, for messages: a CSV path, or a workbook and its sheet. */
type Sources = Record<"accounts" | "transactions" | "voids" | "history", string>;
type InputTables = ExportTables & { history: TableRows | null; sources: Sources };

/** Runs a table reader, prefixing a problem with the file (and sheet) the table came from. */
function namingSource<T>(sources: Sources, read: () => T, table?: keyof Sources): T {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof ArrearsInputError)) throw e;
    const key = table ?? (e.field.split(".")[0] as keyof Sources);
    const source = Object.hasOwn(sources, key) ? sources[key] : null;
    throw source ? new ArrearsInputError(e.field, `${source}: ${e.message}`) : e;
  }
}

async function readTables(values: Record<string, string | boolean | undefined>, profile: MappingProfile, stdin: NodeJS.ReadableStream): Promise<InputTables> {
  const csvGiven = values.accounts !== undefined || values.transactions !== undefined;
  if (values.in !== undefined && csvGiven) throw new CliError("give either --in export.xlsx or --accounts and --transactions, not both");
  if (values.in !== undefined) return readWorkbookTables(String(values.in), profile);
  if (values.accounts === undefined || values.transactions === undefined) throw new CliError("give --in export.xlsx, or both --accounts a.csv and --transactions t.csv");
  return {
    accounts: await readCsvTable(String(values.accounts), stdin),
    transactions: await readCsvTable(String(values.transactions), stdin),
    voids: values.voids === undefined ? null : await readCsvTable(String(values.voids), stdin),
    history: values.history === undefined ? null : await readCsvTable(String(values.history), stdin),
    sources: { accounts: String(values.accounts), transactions: String(values.transactions), voids: String(values.voids), history: String(values.history) },
  };
}

/** Finds the accounts, transactions and voids sheets by their headers (sheet names vary by system). */
async function readWorkbookTables(file: string, profile: MappingProfile): Promise<InputTables> {
  const bytes = await readInputFile(file, DEFAULT_XLSX_LIMITS.maxFileBytes);
  let sheets;
  try {
    sheets = readXlsx(bytes).sheets;
  } catch (e) {
    if (e instanceof XlsxError) throw new CliError(`${file}: ${e.message}`);
    throw e;
  }
  const fits = (header: readonly CellValue[], accepted: Partial<Record<string, readonly string[]>>, required: readonly string[]) => {
    const names = new Set(header.map((h) => normaliseName(String(h ?? ""))));
    return required.every((f) => (accepted[f] ?? []).some((n) => names.has(normaliseName(n))));
  };
  const pick = (accepted: Partial<Record<string, readonly string[]>>, required: readonly string[], exclude: Set<string>) =>
    sheets.find((s) => !exclude.has(s.name) && s.rows.length > 0 && fits(s.rows[0], accepted, required));
  const used = new Set<string>();
  const accounts = pick(profile.accounts, REQUIRED_ACCOUNT_FIELDS, used);
  if (!accounts) {
    const found = sheets.map((s) => `"${s.name}" (${(s.rows[0] ?? []).filter((h) => h !== null).slice(0, 8).join(", ")})`).join("; ");
    throw new CliError(`${file}: no sheet has the accounts columns (${REQUIRED_ACCOUNT_FIELDS.join(", ")}); sheets found: ${found}`);
  }
  used.add(accounts.name);
  // The transactions sheet also has an account column, so pick it by date and type, apart from the accounts sheet.
  const transactions = pick(profile.transactions, REQUIRED_TRANSACTION_FIELDS, used);
  if (!transactions) throw new CliError(`${file}: no sheet other than "${accounts.name}" has the transactions columns (date, account, type, amount)`);
  used.add(transactions.name);
  const voids = pick(profile.voids ?? {}, REQUIRED_VOID_FIELDS, used);
  if (voids) used.add(voids.name);
  // A wide balance history: an account column, then dated columns.
  const history = sheets.find((s) => !used.has(s.name) && s.rows.length > 1 && s.rows[0].slice(1).filter((h) => parseSerial(h, profile.dateFormat) !== null).length >= 2);
  // A sheet used as data must have no error cells and no uncalculated formulas (never read as blank or 0).
  const rows = (sheet: SheetData) => {
    try {
      return usableRows(sheet);
    } catch (e) {
      throw new CliError(`${file}: ${(e as Error).message}`);
    }
  };
  const at = (sheet: SheetData | undefined) => (sheet ? `${file} sheet "${sheet.name}"` : file);
  return {
    accounts: rows(accounts),
    transactions: rows(transactions),
    voids: voids ? rows(voids) : null,
    history: history ? rows(history) : null,
    sources: { accounts: at(accounts), transactions: at(transactions), voids: at(voids), history: at(history) },
  };
}

/** Every account judged, or the first account's problem. */
function checked(all: (EscalationResult | ArrearsInputError)[]): EscalationResult[] {
  const bad = all.find((e) => e instanceof ArrearsInputError);
  if (bad) throw bad;
  return all as EscalationResult[];
}

/** Accounts worth a line on the escalation list: any stage past "no action", or due. Due first, then worsening arrears, then most weeks owed. */
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

const bold = (value: string | number | null): OutCell => ({ value, bold: true });
const fmt = (f: KpiFigure): OutCell => ({ value: f.value, format: f.unit === "money" ? "money" : f.unit === "count" ? "integer" : "decimal" });

/** The return workbook. Text from the export goes in as text cells; the writer quote-prefixes any that looks like a formula. */
function workbook(ret: MonthlyReturn, escalations: EscalationWithTrend[], policy: EscalationPolicy, profile: MappingProfile): OutSheet[] {
  const period = `${serialToIso(ret.periodStart)} to ${serialToIso(ret.periodEnd)}`;
  const returnSheet: OutSheet = {
    name: "Return",
    freezeHeader: true,
    columnWidths: [30, 60, 14, 6, 80, 60, 40],
    rows: [
      ["Id", "KPI", "Value", "Unit", "Definition", "Source", "Note"].map(bold),
      ...ret.kpis.map((f) => [f.id, f.name, fmt(f), unitText(f), { value: f.definition, wrap: true }, { value: f.source, wrap: true }, f.note]),
      [],
      [`Period ${period}; mapping profile "${profile.name}"; money to the penny, percentages to 2 dp (halves away from zero); balances at period end, transactions dated in the period.`],
      ...ret.warnings.map((w) => [w]),
    ],
  };
  const officerIds: readonly string[] = OFFICER_KPI_IDS;
  const bandIds = ret.kpis.filter((k) => isBandCountKpi(k.id)).map((k) => k.id);
  const head = [...officerIds, ...bandIds].map((id) => ret.kpis.find((k) => k.id === id)!.name);
  const officerLine = (name: string, kpis: KpiFigure[]) => {
    const byId = new Map(kpis.map((k) => [k.id, k]));
    return [name, ...[...officerIds, ...bandIds].map((id) => (byId.has(id) ? fmt(byId.get(id)!) : 0))];
  };
  const officers: OutSheet = {
    name: "By officer",
    freezeHeader: true,
    columnWidths: [26, ...head.map(() => 16)],
    rows: [["Officer", ...head].map((h) => ({ value: h, bold: true, wrap: true })), ...ret.byOfficer.map((o) => officerLine(o.officer, o.kpis)), officerLine("Team total", ret.kpis).map((c, i) => (i === 0 ? bold(c as string) : c))],
  };
  const ageing: OutSheet = {
    name: "Ageing",
    freezeHeader: true,
    columnWidths: [28, 12, 16, 16, 16, 12, 16],
    rows: [
      ["Weeks of rent owed", "Tenancies", "Arrears £", "% of tenancies in arrears", "% of arrears £", "UC tenancies", "UC arrears £"].map(bold),
      ...ret.ageing.map((b) => [b.label, { value: b.accounts, format: "integer" as const }, { value: b.arrears, format: "money" as const }, { value: b.pctOfAccountsInArrears, format: "decimal" as const }, { value: b.pctOfArrears, format: "decimal" as const }, { value: b.ucAccounts, format: "integer" as const }, { value: b.ucArrears, format: "money" as const }]),
      [],
      ["Current tenancies in arrears; weeks = balance at period end ÷ weekly rent. UC claimants' arrears include technical (payment-cycle) arrears."],
    ],
  };
  const escalationSheet: OutSheet = {
    name: "Escalations",
    freezeHeader: true,
    table: { name: "Escalations" },
    columnWidths: [14, 20, 10, 14, 26, 10, 80, 80, 14],
    rows: [
      [...ESCALATION_COLUMNS, "Trend £/week (13 weeks)"].map(bold),
      ...escalations.map((e) => [
        e.account,
        e.officer,
        { value: e.weeksOwed, format: "weeks" as const },
        { value: e.balance, format: "money" as const },
        e.stageLabel,
        e.dueToEscalate,
        { value: e.reason, wrap: true },
        { value: e.nextAction, wrap: true },
        { value: e.trend?.slopePerWeek ?? null, format: "money" as const },
      ]),
    ],
  };
  const about: OutSheet = {
    name: "About",
    columnWidths: [120],
    rows: [
      [bold("Monthly return")],
      [`Period: ${period}`],
      [`Escalation policy: ${policy.id} v${policy.version} (effective ${policy.effectiveFrom}). ${policy.description}`],
      ["Escalation list: accounts at any stage past 'No action', due to escalate first, then by weeks owed. A held account shows why it is held."],
      ["Every KPI's definition and source is beside its value on the Return sheet."],
    ],
  };
  return [returnSheet, officers, ageing, escalationSheet, about];
}

