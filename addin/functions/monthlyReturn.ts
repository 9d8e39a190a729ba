import { arrearsAgeing, kpiById, monthlyReturn, type KpiFigure, type MonthlyReturn, type OfficerReturn } from "../../core/kpi/monthlyReturn";
import { isBandCountKpi, OFFICER_KPI_IDS } from "../../core/kpi/definitions";
import { cellToAmount, gridOf, isBlank } from "../excel/cells";
import { deepFreeze, RangeCache } from "../excel/rangeCache";
import { runCustomFunction, toCell, type CellOut } from "../excel/results";
import { accountsFromRange, exportFromRanges, periodDate, profileFromOptions, returnOptionsFromRange } from "../excel/tables";

/** A KPI that cannot be defined (e.g. no rent due) shows #N/A with the reason, never #DIV/0! or 0. */
function notDefined(functionName: string, note: string | null): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `${functionName}: ${note ?? "not defined"}`);
}

function figureCell(functionName: string, f: KpiFigure): CellOut {
  return f.value === null ? notDefined(functionName, f.note) : toCell(functionName, f.value);
}

/**
 * Returns computed in this recalculation, by the content of every argument: a sheet of
 * KPI cells over the same tables parses and computes once. A few entries cover several
 * periods or option sets side by side; each holds a copy of its inputs' cells.
 */
export const returnCache = new RangeCache<MonthlyReturn>(4);

function computeReturn(accounts: unknown, transactions: unknown, periodStart: unknown, periodEnd: unknown, options: unknown, voids: unknown): MonthlyReturn {
  return returnCache.get([periodStart, periodEnd, options, voids, accounts, transactions], () => {
    const data = exportFromRanges(accounts, transactions, voids, profileFromOptions(options));
    const ret = monthlyReturn(data, { ...returnOptionsFromRange(options), periodStart: periodDate(periodStart, "period start"), periodEnd: periodDate(periodEnd, "period end") });
    // Shared by every cell that asks for the same inputs: nobody may change it.
    return deepFreeze(ret);
  });
}

/**
 * One monthly-return KPI, with the published definition behind it (see ARREARS.MONTHLYRETURN for the list). Percentages to 2 dp; £ to the penny. #N/A with a reason when the figure is not defined (e.g. no rent fell due).
 * @customfunction KPI
 * @helpurl https://localhost:3000/support.html#KPI
 * @param name KPI id, e.g. "collection_rate_arc", "current_arrears_pct", "gross_arrears_pct", "void_loss_pct", "accounts_in_arrears_pct", "arrears_band_4_count".
 * @param accounts The accounts table with its header row (e.g. Accounts[#All]): account ref, tenancy type, status, weekly rent, officer, benefit, balance at period end.
 * @param transactions The transactions table with its header row (e.g. Transactions[#All]): date, account ref, type, amount (debits positive).
 * @param periodStart First day of the period (a date).
 * @param periodEnd Last day of the period, inclusive (a date).
 * @param [options] Two columns, option name and value: void treatment (net/gross), age bands (4,8,13), annual rent debit, weeks per year, UC/HB technical weeks, profile (mapping profile JSON).
 * @param [voids] The voids table with its header row (property, void start, void end, weekly rent); omitted, empty homes come from accounts with status void.
 * @returns The KPI's value.
 */
export function kpi(name: string, accounts: any[][], transactions: any[][], periodStart: any, periodEnd: any, options?: any[][], voids?: any[][]): any {
  const NAME = "ARREARS.KPI";
  return runCustomFunction(NAME, () => figureCell(NAME, kpiById(computeReturn(accounts, transactions, periodStart, periodEnd, options, voids), String(name ?? ""))));
}

/**
 * The whole monthly return, spilled: one row per KPI with its id, name, value, unit, definition and source, then the arrears age bands. Same options as ARREARS.KPI.
 * @customfunction MONTHLYRETURN
 * @helpurl https://localhost:3000/support.html#MONTHLYRETURN
 * @param accounts The accounts table with its header row (e.g. Accounts[#All]).
 * @param transactions The transactions table with its header row (e.g. Transactions[#All]).
 * @param periodStart First day of the period (a date).
 * @param periodEnd Last day of the period, inclusive (a date).
 * @param [options] Two columns, option name and value: void treatment (net/gross), age bands (4,8,13), annual rent debit, weeks per year, UC/HB technical weeks.
 * @param [voids] The voids table with its header row; omitted, empty homes come from accounts with status void.
 * @returns A header row, then Id, KPI, Value, Unit, Definition, Source for every KPI.
 */
export function monthlyReturnTable(accounts: any[][], transactions: any[][], periodStart: any, periodEnd: any, options?: any[][], voids?: any[][]): any[][] {
  const NAME = "ARREARS.MONTHLYRETURN";
  return runCustomFunction(NAME, () => {
    const ret = computeReturn(accounts, transactions, periodStart, periodEnd, options, voids);
    const rows: CellOut[][] = [["Id", "KPI", "Value", "Unit", "Definition", "Source"]];
    for (const f of ret.kpis) rows.push([f.id, f.name, figureCell(NAME, f), f.unit === "percent" ? "%" : f.unit === "money" ? "£" : "count", f.definition, f.source]);
    return rows;
  }) as any[][];
}

/** Columns of the per-officer breakdown, in spill order. */
export const OFFICER_COLUMNS = [
  "Officer",
  "Current tenancies",
  "Rent due £",
  "Rent collected £",
  "Collection % (ARC 26)",
  "Current arrears £",
  "Current arrears % of annual debit",
  "Tenancies in arrears",
  "% in arrears",
  "Former arrears £",
  "Write-offs £",
  "UC arrears £",
  "Technical arrears £",
] as const;

function officerRow(functionName: string, officer: string, kpis: KpiFigure[]): CellOut[] {
  const byId = new Map(kpis.map((k) => [k.id, k]));
  const bands = kpis.filter((k) => isBandCountKpi(k.id));
  return [officer, ...OFFICER_KPI_IDS.map((id) => figureCell(functionName, byId.get(id)!)), ...bands.map((b) => figureCell(functionName, b))];
}

/**
 * Per-officer breakdown of the monthly return, spilled: one row per officer (patch) and a team total, with rent due and collected, collection rate, current arrears (£ and % of annual debit), tenancies in arrears, former arrears, write-offs, UC and technical arrears, and counts by age band.
 * @customfunction BYOFFICER
 * @helpurl https://localhost:3000/support.html#BYOFFICER
 * @param accounts The accounts table with its header row (e.g. Accounts[#All]); the officer column gives the breakdown.
 * @param transactions The transactions table with its header row (e.g. Transactions[#All]).
 * @param periodStart First day of the period (a date).
 * @param periodEnd Last day of the period, inclusive (a date).
 * @param [options] Two columns, option name and value: void treatment, age bands, weeks per year, UC/HB technical weeks.
 * @param [voids] The voids table with its header row.
 * @returns A header row, one row per officer, and a team total row.
 */
export function byOfficer(accounts: any[][], transactions: any[][], periodStart: any, periodEnd: any, options?: any[][], voids?: any[][]): any[][] {
  const NAME = "ARREARS.BYOFFICER";
  return runCustomFunction(NAME, () => {
    const ret = computeReturn(accounts, transactions, periodStart, periodEnd, options, voids);
    const bandNames = ret.ageing.map((b) => `Owing ${b.label}`);
    const rows: CellOut[][] = [[...OFFICER_COLUMNS, ...bandNames]];
    ret.byOfficer.forEach((o: OfficerReturn) => rows.push(officerRow(NAME, o.officer, o.kpis)));
    rows.push(officerRow(NAME, "Team total", ret.kpis));
    // Every row the same width: an officer without a "no weekly rent" band gets a blank there.
    const width = rows[0].length;
    return rows.map((r) => (r.length < width ? [...r, ...Array(width - r.length).fill("")] : r.slice(0, width)));
  }) as any[][];
}

/**
 * Current tenant arrears by age band in weeks of rent owed (balance ÷ weekly rent; default bands under 4, 4–8, 8–13, 13 and over), with UC claimants shown separately. Uses balances at period end only.
 * @customfunction AGEING
 * @helpurl https://localhost:3000/support.html#AGEING
 * @param accounts The accounts table with its header row (e.g. Accounts[#All]).
 * @param [bands] Week thresholds, rising: a row or column (4, 8, 13) or text "4,8,13".
 * @returns A header row, then per band: band, tenancies, arrears £, % of tenancies in arrears, % of arrears £, UC tenancies, UC arrears £.
 */
export function ageing(accounts: any[][], bands?: any[][]): any[][] {
  const NAME = "ARREARS.AGEING";
  return runCustomFunction(NAME, () => {
    const cells = gridOf(bands ?? null).flat().filter((c) => !isBlank(c));
    const thresholds = cells.length === 1 && typeof cells[0] === "string" ? cells[0].split(/[,;\s]+/).filter(Boolean).map(cellToAmount) : cells.map(cellToAmount);
    const parsed = thresholds.length ? (thresholds as number[]) : null;
    const rows: CellOut[][] = [["Band", "Tenancies", "Arrears £", "% of tenancies in arrears", "% of arrears £", "UC tenancies", "UC arrears £"]];
    for (const b of arrearsAgeing(accountsFromRange(accounts), parsed)) {
      rows.push([b.label, b.accounts, toCell(NAME, b.arrears), toCell(NAME, b.pctOfAccountsInArrears), toCell(NAME, b.pctOfArrears), b.ucAccounts, toCell(NAME, b.ucArrears)]);
    }
    return rows;
  }) as any[][];
}
