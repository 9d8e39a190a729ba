import { columnLetter } from "../../core/export/columnLetter";
import { DEFAULT_AGE_BANDS, DEFAULT_TECHNICAL_WEEKS } from "../../core/kpi/monthlyReturn";
import { reportingYearStart } from "../../core/kpi/reportingYear";
import { DEFAULT_HORIZON, DEFAULT_STABLE_TOLERANCE } from "../../core/trend/trend";
import type { BenchData } from "./data";

/**
 * The same month as a workbook a team leader could build with native formulas only
 * (COUNTIFS, SUMIFS, SLOPE, AVERAGE, COUNTIF, VLOOKUP, ROUND, IF): the export's
 * tables as values, helper columns per row, a summary sheet with one line per
 * officer and one for the team, and five trend columns beside the balance history.
 *
 * Money is summed in whole pence (ROUND(£×100, 0) helper columns), as the core does,
 * so a float sum of 37,000 amounts cannot move a total by a penny. HyperFormula 3.5
 * has no FORECAST, so the projection is FORECAST's own definition written out:
 * AVERAGE(y) + SLOPE(y, x) × (x₀ − AVERAGE(x)).
 */

export type Cell = string | number | boolean | null;
export type Sheets = Record<string, Cell[][]>;

/** Spreadsheet column letters for a 0-based index: 0 → A, 26 → AA. */
const colName = columnLetter;

/** Column letters of the accounts sheet (values, then helper formulas). */
const A = {
  account: "A", officer: "B", status: "C", benefit: "D", tenancy: "E", rent: "F", balance: "G", vulnerable: "H", benefitPending: "I", breathingSpace: "J",
  balP: "K", rentP: "L", inArrears: "M", band: "N", techP: "O", stage: "P", due: "Q",
} as const;
/** Transactions sheet: date, account, type, amount, then officer and account status (looked up) and pence. */
const T = { date: "A", account: "B", type: "C", amount: "D", officer: "E", pence: "F", status: "G" } as const;
/** Voids sheet: property, start, end, weekly rent, officer, then rent lost in the period (pence). */
const V = { officer: "E", lossP: "F" } as const;

const P_START = "Params!$A$1";
const P_END = "Params!$B$1";
const P_PERIOD = "Params!$C$1";
const P_HORIZON = "Params!$D$1";
/** 1 April starting the reporting year, and 1 when the transactions reach back to its first week (else the year to date is blank). */
const P_YEAR_START = "Params!$F$1";
const P_YTD_COVERED = "Params!$G$1";


/** Stages the default policy reaches from arrears alone (no last action in the export), highest first, with the holds each one honours. */
const STAGES: { id: string; weeks: number; holds: string }[] = [
  { id: "notice", weeks: 4, holds: "OR(H{r},I{r},BS)" },
  { id: "warning", weeks: 3, holds: "OR(I{r},BS)" },
  { id: "early_contact", weeks: 2, holds: "BS" },
  { id: "reminder", weeks: 1, holds: "0" },
];

export interface NativeLayout {
  sheets: Sheets;
  /** Officer on each summary row (row 2 onwards), "team" last. */
  summaryGroups: string[];
  /** KPI id → summary column index (0-based). */
  kpiColumns: Map<string, number>;
  /** Ageing field → column per band (team row). */
  ageingColumns: Map<string, number[]>;
  bands: number;
  /** History sheet: 0-based column of the first trend column (slope per day); the rest follow in TREND_FIELDS order after it. */
  trendFirstColumn: number;
  /** Accounts sheet: 0-based columns of the escalation stage and due flag. */
  stageColumn: number;
  dueColumn: number;
}

export interface NativeOptions {
  /** Join each transaction to its officer with VLOOKUP instead of a pasted value column. */
  lookupOfficer?: boolean;
}

export function buildNativeSheets(data: BenchData, options: NativeOptions = {}): NativeLayout {
  const { accounts, transactions, voids, balanceHistory } = data.export;
  const n = accounts.length;
  const accRange = (c: string) => `Accounts!$${c}$2:$${c}$${n + 1}`;
  const txRange = (c: string) => `Transactions!$${c}$2:$${c}$${transactions.length + 1}`;
  const voidRange = (c: string) => `Voids!$${c}$2:$${c}$${voids.length + 1}`;
  const thresholds = [...DEFAULT_AGE_BANDS];
  const bands = thresholds.length + 2; // the bands, the top band, and "no weekly rent recorded"

  const dateRange = `Transactions!$A$2:$A$${transactions.length + 1}`;
  const params: Cell[][] = [[data.periodStart, data.periodEnd, 7, DEFAULT_HORIZON, DEFAULT_STABLE_TOLERANCE, reportingYearStart(data.periodEnd), `=IF(OR(A1<=F1,MIN(${dateRange})<=F1+6),1,0)`]];

  // Band number 1..bands for a current account in arrears (0 otherwise), comparing pence as the core does;
  // the nested IFs test the highest threshold first: IF(K>=13L,4,IF(K>=8L,3,IF(K>=4L,2,1))).
  const bandFormula = (r: number) => {
    let inner = "1";
    thresholds.forEach((t, i) => {
      inner = `IF(K${r}>=${t}*L${r},${i + 2},${inner})`;
    });
    return `=IF(M${r}=0,0,IF(L${r}<=0,${bands},${inner}))`;
  };
  const stageFormula = (r: number) => {
    let inner = '"none"';
    for (const s of [...STAGES].reverse()) inner = `IF(K${r}>=${s.weeks}*L${r},"${s.id}",${inner})`;
    return `=IF(OR(M${r}=0,L${r}<=0),"none",${inner})`;
  };
  const dueFormula = (r: number) => {
    const bs = `AND(J${r}<>"",J${r}>=${P_END})`;
    let held = "0";
    for (const s of [...STAGES].reverse()) held = `IF(P${r}="${s.id}",${s.holds.replaceAll("{r}", String(r)).replace("BS", bs)},${held})`;
    return `=IF(P${r}="none",0,IF(${held},0,1))`;
  };
  // Technical arrears: up to one benefit cycle of rent (the core's defaults, written as literals that parse to the same doubles).
  const technical = `IF(D{r}="UC",${String(DEFAULT_TECHNICAL_WEEKS.UC)},${String(DEFAULT_TECHNICAL_WEEKS.HB)})`;

  const accountRows: Cell[][] = [["account", "officer", "status", "benefit", "tenancy type", "weekly rent", "balance", "vulnerable", "benefit pending", "breathing space until", "balance p", "rent p", "in arrears", "band", "technical p", "stage", "due"]];
  accounts.forEach((a, i) => {
    const r = i + 2;
    accountRows.push([
      a.account, a.officer, a.status, a.benefit, a.tenancyType, a.weeklyRent, a.balance, a.vulnerable, a.benefitPending, a.breathingSpaceUntil,
      `=ROUND(G${r}*100,0)`,
      `=ROUND(F${r}*100,0)`,
      `=IF(AND(C${r}="current",K${r}>0),1,0)`,
      bandFormula(r),
      `=IF(AND(M${r}=1,D${r}<>"none"),MIN(K${r},ROUND(L${r}*${technical.replaceAll("{r}", String(r))},0)),0)`,
      stageFormula(r),
      dueFormula(r),
    ]);
  });

  // The officer on each transaction: a value pasted beside the export by default. A VLOOKUP
  // (or INDEX/MATCH, XLOOKUP) join is what a sheet would otherwise use, but in HyperFormula 3.5
  // it grows with transactions × accounts (see BENCHMARKS.md), so the default hands the native
  // side the join for free: that flatters HyperFormula, it never flatters the core.
  const officerOf = new Map(accounts.map((a) => [a.account, a.officer]));
  const statusOf = new Map(accounts.map((a) => [a.account, a.status]));
  const txRows: Cell[][] = [["date", "account", "type", "amount", "officer", "pence", "status"]];
  transactions.forEach((t, i) => {
    const r = i + 2;
    const officer = options.lookupOfficer ? `=VLOOKUP(B${r},Accounts!$A$2:$B$${n + 1},2,0)` : (officerOf.get(t.account) ?? null);
    const status = options.lookupOfficer ? `=VLOOKUP(B${r},Accounts!$A$2:$C$${n + 1},3,0)` : (statusOf.get(t.account) ?? null);
    txRows.push([t.date, t.account, t.type, t.amount, officer, `=ROUND(D${r}*100,0)`, status]);
  });

  const voidRows: Cell[][] = [["property", "void start", "void end", "weekly rent", "officer", "loss p"]];
  voids.forEach((v, i) => {
    const r = i + 2;
    const days = `MAX(0,MIN(IF(C${r}="",${P_END},C${r}),${P_END})-MAX(B${r},${P_START})+1)`;
    voidRows.push([v.property, v.voidStart, v.voidEnd, v.weeklyRent, v.officer, `=ROUND(ROUND(D${r}*100,0)*${days}/7,0)`]);
  });

  const { dates, balances } = balanceHistory;
  const weeks = dates.length;
  const first = colName(1);
  const last = colName(weeks);
  const rentCol = colName(weeks + 1);
  const c = (k: number) => colName(weeks + 2 + k);
  const xs = `$${first}$1:$${last}$1`;
  const historyRows: Cell[][] = [["account", ...dates, "weekly rent", "slope per day", "slope per period", "direction", "projected balance", "weeks owed", "periods in arrears"]];
  balances.forEach((row, i) => {
    const r = i + 2;
    const ys = `${first}${r}:${last}${r}`;
    historyRows.push([
      balanceHistory.accounts[i], ...row, accounts[i].weeklyRent,
      `=SLOPE(${ys},${xs})`,
      `=ROUND(${c(0)}${r}*${P_PERIOD},2)`,
      `=IF(ABS(${c(0)}${r}*${P_PERIOD})<=Params!$E$1,"stable",IF(${c(0)}${r}>0,"worsening","improving"))`,
      `=ROUND(AVERAGE(${ys})+${c(0)}${r}*($${last}$1+${P_HORIZON}*${P_PERIOD}-AVERAGE(${xs})),2)`,
      `=IF(${rentCol}${r}>0,ROUND(${last}${r}/${rentCol}${r},2),"")`,
      `=COUNTIF(${ys},">=0.005")`,
    ]);
  });

  // Summary: raw totals (pence and counts) first, then the KPI figures from them.
  const officers = [...new Set(accounts.map((a) => a.officer))].sort((x, y) => x.localeCompare(y));
  const groups = [...officers, "team"];
  const totals: { key: string; f: (crit: (range: (c: string) => string, col: string) => string) => string }[] = [];
  const inPeriod = `${txRange(T.date)},">="&${P_START},${txRange(T.date)},"<="&${P_END}`;
  const inYear = `${txRange(T.date)},">="&${P_YEAR_START},${txRange(T.date)},"<="&${P_END}`;
  const txSum = (type: string, when = inPeriod, extra = "") => (crit: (range: (c: string) => string, col: string) => string) =>
    `SUMIFS(${txRange(T.pence)},${txRange(T.type)},"${type}",${when}${extra}${crit(txRange, T.officer)})`;
  // Money in: payments, HB, UC and DHP credits (negative amounts), less refunds paid out (positive).
  const collected = (when: string) => (k: (range: (c: string) => string, col: string) => string) =>
    ["payment", "hb", "uc", "dhp", "refund"].map((type) => `-${txSum(type, when)(k)}`).join("");
  totals.push({ key: "currentAccounts", f: (k) => `COUNTIFS(${accRange(A.status)},"current"${k(accRange, A.officer)})` });
  totals.push({ key: "rentDue", f: (k) => txSum("rent")(k) });
  totals.push({ key: "collected", f: collected(inPeriod) });
  totals.push({ key: "dhp", f: (k) => `-${txSum("dhp")(k)}` });
  totals.push({ key: "ytdRentDue", f: (k) => txSum("rent", inYear)(k) });
  totals.push({ key: "ytdCollected", f: collected(inYear) });
  totals.push({ key: "writeoffs", f: (k) => `-${txSum("writeoff")(k)}` });
  totals.push({ key: "formerWriteoffs", f: (k) => `-${txSum("writeoff", inPeriod, `,${txRange(T.status)},"former"`)(k)}` });
  totals.push({ key: "voidLoss", f: (k) => `SUMIFS(${voidRange(V.lossP)},${voidRange("A")},"<>"${k(voidRange, V.officer)})` });
  totals.push({ key: "currentWeeklyRent", f: (k) => `SUMIFS(${accRange(A.rentP)},${accRange(A.status)},"current"${k(accRange, A.officer)})` });
  // Default void treatment (net): the annual debit is current homes only, as the collection rate's rent due leaves empty homes out.
  totals.push({ key: "annualDebit", f: (k) => `SUMIFS(${accRange(A.rentP)},${accRange(A.status)},"current"${k(accRange, A.officer)})*52` });
  totals.push({ key: "currentArrears", f: (k) => `SUMIFS(${accRange(A.balP)},${accRange(A.inArrears)},1${k(accRange, A.officer)})` });
  totals.push({ key: "formerArrears", f: (k) => `SUMIFS(${accRange(A.balP)},${accRange(A.status)},"former",${accRange(A.balP)},">0"${k(accRange, A.officer)})` });
  totals.push({ key: "accountsInArrears", f: (k) => `COUNTIFS(${accRange(A.inArrears)},1${k(accRange, A.officer)})` });
  totals.push({ key: "ucAccounts", f: (k) => `COUNTIFS(${accRange(A.status)},"current",${accRange(A.benefit)},"UC"${k(accRange, A.officer)})` });
  totals.push({ key: "ucAccountsInArrears", f: (k) => `COUNTIFS(${accRange(A.inArrears)},1,${accRange(A.benefit)},"UC"${k(accRange, A.officer)})` });
  totals.push({ key: "ucArrears", f: (k) => `SUMIFS(${accRange(A.balP)},${accRange(A.inArrears)},1,${accRange(A.benefit)},"UC"${k(accRange, A.officer)})` });
  totals.push({ key: "technicalArrears", f: (k) => `SUMIFS(${accRange(A.techP)},${accRange(A.inArrears)},1${k(accRange, A.officer)})` });
  for (let b = 1; b <= bands; b++) {
    totals.push({ key: `bandCount${b}`, f: (k) => `COUNTIFS(${accRange(A.band)},${b}${k(accRange, A.officer)})` });
    totals.push({ key: `bandPence${b}`, f: (k) => `SUMIFS(${accRange(A.balP)},${accRange(A.band)},${b}${k(accRange, A.officer)})` });
    totals.push({ key: `bandUcCount${b}`, f: (k) => `COUNTIFS(${accRange(A.band)},${b},${accRange(A.benefit)},"UC"${k(accRange, A.officer)})` });
    totals.push({ key: `bandUcPence${b}`, f: (k) => `SUMIFS(${accRange(A.balP)},${accRange(A.band)},${b},${accRange(A.benefit)},"UC"${k(accRange, A.officer)})` });
  }
  const tcol = new Map(totals.map((t, i) => [t.key, colName(i + 1)]));
  const at = (key: string, r: number) => `${tcol.get(key)}${r}`;
  const money = (key: string) => (r: number) => `=${at(key, r)}/100`;
  const count = (key: string) => (r: number) => `=${at(key, r)}`;
  const ratio = (num: (r: number) => string, den: (r: number) => string) => (r: number) => `=IF(${den(r)}=0,"",ROUND(${num(r)}/(${den(r)})*100,2))`;
  const cell = (key: string) => (r: number) => at(key, r);
  const gross = (r: number) => `(${at("currentArrears", r)}+${at("formerArrears", r)})`;
  // Rent due under a quarter of the current weekly rents over the same days: the rate is blank (a part month), as in the core.
  const rentDueRate = (num: string, due: string, from: string) => (r: number) =>
    `=IF(${at(due, r)}=0,"",IF(${at(due, r)}*28<${at("currentWeeklyRent", r)}*(${P_END}-${from}+1),"",ROUND(${at(num, r)}/${at(due, r)}*100,2)))`;
  const ytd = (f: (r: number) => string) => (r: number) => `=IF(${P_YTD_COVERED}=0,"",${f(r).slice(1)})`;
  const kpis: [string, (r: number) => string][] = [
    ["rent_due", money("rentDue")],
    ["rent_collected", money("collected")],
    ["dhp_collected", money("dhp")],
    ["collection_rate_arc", rentDueRate("collected", "rentDue", P_START)],
    ["collection_rate_excl_bf", rentDueRate("collected", "rentDue", P_START)],
    ["ytd_rent_due", ytd(money("ytdRentDue"))],
    ["ytd_rent_collected", ytd(money("ytdCollected"))],
    ["ytd_collection_rate_arc", ytd(rentDueRate("ytdCollected", "ytdRentDue", P_YEAR_START))],
    ["current_arrears", money("currentArrears")],
    ["current_arrears_pct", ratio(cell("currentArrears"), cell("annualDebit"))],
    ["former_arrears", money("formerArrears")],
    ["former_arrears_pct", ratio(cell("formerArrears"), cell("annualDebit"))],
    ["gross_arrears", (r) => `=${gross(r)}/100`],
    ["gross_arrears_pct", ratio(gross, cell("annualDebit"))],
    ["void_loss", money("voidLoss")],
    ["void_loss_pct", ratio(cell("voidLoss"), (r) => `${at("rentDue", r)}+${at("voidLoss", r)}`)],
    ["writeoffs", money("writeoffs")],
    ["former_writeoffs", money("formerWriteoffs")],
    ["former_writeoffs_pct", ratio(cell("formerWriteoffs"), cell("annualDebit"))],
    ["writeoffs_pct_of_rent_due", rentDueRate("writeoffs", "rentDue", P_START)],
    ["current_accounts", count("currentAccounts")],
    ["accounts_in_arrears", count("accountsInArrears")],
    ["accounts_in_arrears_pct", ratio(cell("accountsInArrears"), cell("currentAccounts"))],
    ["uc_accounts", count("ucAccounts")],
    ["uc_accounts_in_arrears", count("ucAccountsInArrears")],
    ["uc_arrears", money("ucArrears")],
    ["uc_arrears_share_pct", ratio(cell("ucArrears"), cell("currentArrears"))],
    ["technical_arrears", money("technicalArrears")],
    ["current_arrears_excl_technical_pct", ratio((r) => `(${at("currentArrears", r)}-${at("technicalArrears", r)})`, cell("annualDebit"))],
  ];
  for (let b = 1; b <= bands; b++) {
    kpis.push([`arrears_band_${b}_count`, count(`bandCount${b}`)]);
    kpis.push([`arrears_band_${b}_amount`, money(`bandPence${b}`)]);
  }
  const ageing: [string, number, (r: number) => string][] = [];
  for (let b = 1; b <= bands; b++) {
    ageing.push(["accounts", b, count(`bandCount${b}`)]);
    ageing.push(["arrears", b, money(`bandPence${b}`)]);
    ageing.push(["pctOfAccountsInArrears", b, ratio(cell(`bandCount${b}`), cell("accountsInArrears"))]);
    ageing.push(["pctOfArrears", b, ratio(cell(`bandPence${b}`), cell("currentArrears"))]);
    ageing.push(["ucAccounts", b, count(`bandUcCount${b}`)]);
    ageing.push(["ucArrears", b, money(`bandUcPence${b}`)]);
  }

  const kpiColumns = new Map<string, number>();
  kpis.forEach(([id], i) => kpiColumns.set(id, totals.length + 1 + i));
  const ageingColumns = new Map<string, number[]>();
  ageing.forEach(([field, b], i) => {
    const cols = ageingColumns.get(field) ?? [];
    cols[b - 1] = totals.length + 1 + kpis.length + i;
    ageingColumns.set(field, cols);
  });

  const summary: Cell[][] = [["officer", ...totals.map((t) => t.key), ...kpis.map(([id]) => id), ...ageing.map(([field, b]) => `band ${b} ${field}`)]];
  const officerRows = officers.length;
  groups.forEach((g, i) => {
    const r = i + 2;
    const isTeam = i === officerRows;
    // The team line sums the officer lines, as a team leader's sheet would; officer lines filter by the name in column A.
    const crit = (range: (c: string) => string, col: string) => `,${range(col)},$A${r}`;
    const totalCells = totals.map((t, k) => (isTeam ? `=SUM(${colName(k + 1)}2:${colName(k + 1)}${officerRows + 1})` : `=${t.f(crit)}`));
    summary.push([g, ...totalCells, ...kpis.map(([, f]) => f(r)), ...ageing.map(([, , f]) => f(r))]);
  });

  return {
    sheets: { Params: params, Accounts: accountRows, Transactions: txRows, Voids: voidRows, History: historyRows, Summary: summary },
    summaryGroups: groups,
    kpiColumns,
    ageingColumns,
    bands,
    trendFirstColumn: weeks + 2,
    stageColumn: colIndex(A.stage),
    dueColumn: colIndex(A.due),
  };
}

/** 0-based index of a one-letter column. */
const colIndex = (letter: string) => letter.charCodeAt(0) - 65;
