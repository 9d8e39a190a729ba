/**
 * Measures the bench's core case (scripts/bench/coreCase.ts: monthly return, escalation
 * list with its 13-week trend, 52-week trend of every account) piece by piece, on the
 * generated team export, so a profile or a change can be read per part.
 *
 * Bundle and run (esbuild inlines the modules, so no loader sits between calls):
 *   npx esbuild scripts/columnar/measureCore.ts --bundle --platform=node --outfile=/tmp/measureCore.js
 *   node /tmp/measureCore.js [accounts=17000] [runs=9] [--columnar]
 *   node --cpu-prof --cpu-prof-dir=/tmp/prof /tmp/measureCore.js 17000 30
 * Prints medians per part and the whole, the per-account cost, and peak RSS.
 */
import { DEFAULT_ESCALATION_POLICY } from "../../core/escalation/policy";
import { escalationsOf, type EscalationResult } from "../../core/escalation/escalate";
import { withBalanceTrend } from "../../core/escalation/withTrend";
import { monthlyReturn } from "../../core/kpi/monthlyReturn";
import { trendOfAccounts } from "../../core/trend/trend";
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

const parts: Record<string, number[]> = { monthlyReturn: [], escalationsOf: [], withBalanceTrend: [], trendOfAccounts: [], total: [] };
// CPU time of this process, not the wall clock: on a machine shared with other work a
// wall-clock run also counts the time spent waiting for a core. --wall switches back.
const wall = process.argv.includes("--wall");
const now = wall
  ? () => Number(process.hrtime.bigint()) / 1e6
  : () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };

function once(record: boolean): void {
  const { accounts: acc, transactions, voids, balanceHistory } = data;
  const a = now();
  monthlyReturn({ accounts: acc, transactions, voids }, { periodStart, periodEnd });
  const b = now();
  const judged = escalationsOf(acc, DEFAULT_ESCALATION_POLICY, periodEnd).map((r) => {
    if (r instanceof Error) throw r;
    return r as EscalationResult;
  });
  const c = now();
  withBalanceTrend(judged, balanceHistory);
  const d = now();
  trendOfAccounts(balanceHistory.balances, { periods: balanceHistory.dates, weeklyRent: acc.map((x) => x.weeklyRent) });
  const e = now();
  if (!record) return;
  parts.monthlyReturn.push(b - a);
  parts.escalationsOf.push(c - b);
  parts.withBalanceTrend.push(d - c);
  parts.trendOfAccounts.push(e - d);
  parts.total.push(e - a);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

for (let i = 0; i < 3; i++) once(false);
for (let i = 0; i < runs; i++) once(true);
const peak = process.resourceUsage().maxRSS * 1024;
console.log(`${accounts} accounts, ${data.transactions.length} transactions (generated in ${genMs.toFixed(0)} ms); ${runs} runs after 3 warm-up; ${wall ? "wall-clock" : "CPU"} time`);
// The minimum is shown beside the median: on a shared machine it is the run least disturbed by other work.
for (const [k, v] of Object.entries(parts)) console.log(`${k.padEnd(18)} median ${median(v).toFixed(1).padStart(8)} ms   min ${Math.min(...v).toFixed(1).padStart(8)} ms`);
console.log(`per account       ${((median(parts.total) * 1e6) / accounts).toFixed(0)} ns`);
console.log(`peak RSS ${(peak / 2 ** 20).toFixed(0)} MB (${((peak - rssAfterData) / 2 ** 20).toFixed(0)} MB above the data)`);
