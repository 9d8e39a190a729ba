/**
 * Measures the bench's core case (scripts/bench/coreCase.ts: monthly return, escalation
 * list with its 13-week trend, 52-week trend of every account) piece by piece, on the
 * generated team export, so a profile or a change can be read per part. As the bench's
 * `core` case, it times the computation over the export imported once into columns and the
 * history matrix (the import is printed, untimed per run); --rows times the earlier path from
 * the row objects (the bench's `core-rows` case).
 *
 * Bundle and run (esbuild inlines the modules, so no loader sits between calls):
 *   npx esbuild scripts/columnar/measureCore.ts --bundle --platform=node --outfile=/tmp/measureCore.js
 *   node /tmp/measureCore.js [accounts=17000] [runs=9] [--per-account]
 * With --rows the escalation list is judged by listedEscalationsOf (stages into columns, words
 * only for the listed accounts) then withBalanceTrend; --rows --per-account times the earliest way
 * (escalationsOf for every account, every result annotated with its trend).
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/measureCore.js 17000 30
 * Prints medians per part and the whole, the per-account cost, and peak RSS.
 */
import { DEFAULT_ESCALATION_POLICY } from "../../core/escalation/policy";
import { historyOfColumnar, toColumnar } from "../../core/columns/columnarExport";
import { escalationColumnsOf, escalationsOf, listedEscalationsOf, type EscalationResult } from "../../core/escalation/escalate";
import { escalationListOf, withBalanceTrend } from "../../core/escalation/withTrend";
import { monthlyReturn, monthlyReturnOfColumns } from "../../core/kpi/monthlyReturn";
import { trendColumnsOfHistory } from "../../core/trend/historyTrend";
import { trendOfAccounts, type TrendColumns } from "../../core/trend/trend";
import { generateTeamExport, isoToSerial } from "../../samples/generator/teamExport";

const args = process.argv.slice(2).filter((a) => !a.startsWith("--"));
const accounts = Number(args[0] ?? 17_000);
const runs = Number(args[1] ?? 9);
const periodStart = isoToSerial("2026-10-01");
const periodEnd = isoToSerial("2026-10-31");

const t0 = process.hrtime.bigint();
const data = generateTeamExport({ accounts, officers: 12, seed: 20261, periodStart, periodEnd, weeks: 52 });
const genMs = Number(process.hrtime.bigint() - t0) / 1e6;
const rssAfterData = process.memoryUsage().rss;

const parts: Record<string, number[]> = { monthlyReturn: [], escalationStages: [], escalationList: [], trend52: [], total: [], "floor (typed)": [] };
const rows = process.argv.includes("--rows");
const i0 = process.hrtime.bigint();
const columns = toColumnar({ accounts: data.accounts, transactions: data.transactions, voids: data.voids, balanceHistory: data.balanceHistory });
const history = historyOfColumnar(columns)!;
const importMs = Number(process.hrtime.bigint() - i0) / 1e6;

// The floor: the same sums and fits as one plain pass over typed arrays prepared
// beforehand (no checks, no text, no objects), for the ratio trend + return ÷ floor.
const n = data.accounts.length;
const weeks = data.balanceHistory.dates.length;
const grid = new Float64Array(n * weeks);
data.balanceHistory.balances.forEach((row, i) => grid.set(row, i * weeks));
const balP = Float64Array.from(data.accounts, (a) => Math.round(a.balance * 100));
const rentP = Float64Array.from(data.accounts, (a) => Math.round(a.weeklyRent * 100));
const officerNames = [...new Set(data.accounts.map((a) => a.officer))];
const officerCode = Int32Array.from(data.accounts, (a) => officerNames.indexOf(a.officer));
const statusCode = Uint8Array.from(data.accounts, (a) => (a.status === "current" ? 0 : a.status === "former" ? 1 : 2));
const rowOfRef = new Map(data.accounts.map((a, i) => [a.account, i]));
const txRow = Int32Array.from(data.transactions, (t) => rowOfRef.get(t.account) ?? -1);
const txDate = Float64Array.from(data.transactions, (t) => t.date);
const txP = Float64Array.from(data.transactions, (t) => Math.round(t.amount * 100));
const txRent = Uint8Array.from(data.transactions, (t) => (t.type === "rent" ? 1 : 0));
const xs = Float64Array.from(data.balanceHistory.dates, (d) => d - data.balanceHistory.dates[0]);
const floorOut = new Float64Array(n * 3);
const floorSums = new Float64Array((officerNames.length + 1) * 8);
function floor(): void {
  let sx = 0;
  let sxx = 0;
  for (let k = 0; k < weeks; k++) {
    sx += xs[k];
    sxx += xs[k] * xs[k];
  }
  const mx = sx / weeks;
  const vxx = sxx - weeks * mx * mx;
  for (let i = 0; i < n; i++) {
    const o = i * weeks;
    let sy = 0;
    let sxy = 0;
    let owing = 0;
    for (let k = 0; k < weeks; k++) {
      const y = grid[o + k];
      sy += y;
      sxy += xs[k] * y;
      if (y >= 0.005) owing++;
    }
    const slope = (sxy - weeks * mx * (sy / weeks)) / vxx;
    floorOut[i * 3] = Math.round(slope * 7 * 100) / 100;
    floorOut[i * 3 + 1] = Math.round((sy / weeks + slope * (xs[weeks - 1] + 28 - mx)) * 100) / 100;
    floorOut[i * 3 + 2] = Math.round((grid[o + weeks - 1] / (rentP[i] / 100)) * 100) / 100 + owing;
  }
  floorSums.fill(0);
  for (let i = 0; i < n; i++) {
    const g = officerCode[i] * 8;
    const b = balP[i];
    if (statusCode[i] === 0) {
      floorSums[g] += 1;
      floorSums[g + 1] += rentP[i];
      if (b > 0) {
        floorSums[g + 2] += b;
        floorSums[g + 3] += 1;
      } else floorSums[g + 4] += b;
    } else if (statusCode[i] === 1 && b > 0) floorSums[g + 5] += b;
  }
  for (let i = 0; i < txRow.length; i++) {
    if (!(txDate[i] >= periodStart && txDate[i] <= periodEnd)) continue;
    const g = (txRow[i] < 0 ? officerNames.length : officerCode[txRow[i]]) * 8;
    floorSums[g + (txRent[i] ? 6 : 7)] += txP[i];
  }
}
// CPU time of this process, not the wall clock: on a machine shared with other work a
// wall-clock run also counts the time spent waiting for a core. --wall switches back.
const wall = process.argv.includes("--wall");
const perAccount = process.argv.includes("--per-account");
const now = wall
  ? () => Number(process.hrtime.bigint()) / 1e6
  : () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };

function once(record: boolean): void {
  if (rows) onceFromRows(record);
  else onceOverColumns(record);
}

function onceOverColumns(record: boolean): void {
  const a = now();
  monthlyReturnOfColumns(columns, { periodStart, periodEnd });
  const b = now();
  const stages = escalationColumnsOf(data.accounts, DEFAULT_ESCALATION_POLICY, periodEnd);
  const c = now();
  escalationListOf(stages, history);
  const d = now();
  // Into the columns of the run before, as the bench's core case writes them (see coreCase.ts).
  trendsInto = trendColumnsOfHistory(history, { weeklyRent: columns.weeklyRent, into: trendsInto });
  const e = now();
  if (record) recordRun(a, b, c, d, e);
}
let trendsInto: TrendColumns | undefined;

function onceFromRows(record: boolean): void {
  const { accounts: acc, transactions, voids, balanceHistory } = data;
  const a = now();
  monthlyReturn({ accounts: acc, transactions, voids }, { periodStart, periodEnd });
  const b = now();
  const judged = perAccount
    ? escalationsOf(acc, DEFAULT_ESCALATION_POLICY, periodEnd).map((r) => {
        if (r instanceof Error) throw r;
        return r as EscalationResult;
      })
    : listedEscalationsOf(acc, DEFAULT_ESCALATION_POLICY, periodEnd);
  const c = now();
  withBalanceTrend(judged, balanceHistory);
  const d = now();
  trendOfAccounts(balanceHistory.balances, { periods: balanceHistory.dates, weeklyRent: acc.map((x) => x.weeklyRent) });
  const e = now();
  if (record) recordRun(a, b, c, d, e);
}

/** One run's parts from its clock readings: return, escalation stages, escalation list, 52-week trend. */
function recordRun(a: number, b: number, c: number, d: number, e: number): void {
  parts.monthlyReturn.push(b - a);
  parts.escalationStages.push(c - b);
  parts.escalationList.push(d - c);
  parts.trend52.push(e - d);
  parts.total.push(e - a);
  const f = now();
  floor();
  parts["floor (typed)"].push(now() - f);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

for (let i = 0; i < 3; i++) once(false);
for (let i = 0; i < runs; i++) once(true);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(`${accounts} accounts, ${data.transactions.length} transactions (generated in ${genMs.toFixed(0)} ms); ${runs} runs after 3 warm-up; ${wall ? "wall-clock" : "CPU"} time; ${rows ? `from the row objects; escalation ${perAccount ? "per account (escalationsOf)" : "listed only (listedEscalationsOf)"}` : `over the columns imported once (${importMs.toFixed(0)} ms wall, untimed per run)`}`);
// The minimum is shown beside the median: on a shared machine it is the run least disturbed by other work.
for (const [k, v] of Object.entries(parts)) console.log(`${k.padEnd(18)} median ${median(v).toFixed(1).padStart(8)} ms   min ${Math.min(...v).toFixed(1).padStart(8)} ms`);
console.log(`trend + return ÷ floor: ${((median(parts.monthlyReturn) + median(parts.trend52)) / median(parts["floor (typed)"])).toFixed(1)}×`);
console.log(`per account       ${((median(parts.total) * 1e6) / accounts).toFixed(0)} ns`);
console.log(`peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${((peak - rssAfterData) / 2 ** 20).toFixed(0)} MB above the data)`);
