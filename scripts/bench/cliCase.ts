import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeXlsx } from "../../cli/io/xlsx";
import { balanceHistorySheet, exportTableSheets } from "../../samples/build/exportSheets";
import { teamExportCsv } from "../../samples/generator/teamExport";
import type { CaseOutcome, CaseSpec } from "./cases";
import { PERIOD_END_ISO, PERIOD_START_ISO, type BenchData } from "./data";
import { median } from "./timing";

/**
 * `arrears report` end to end: the built command (bin/arrears.js over lib/, what a user
 * runs) in a fresh Node process per run, reading the team export from CSV files or from
 * one .xlsx (written to a temp folder by the project's own writers, as `npm run samples`
 * writes them), writing the return workbook (`--out return.xlsx`: Return, By officer,
 * Ageing, Escalations with each case's trend, About). The figure is the process's CPU
 * time, user + system (start-up, reading, the core, writing), so a busy machine's waits
 * do not count; wall time is kept beside it.
 */

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin", "arrears.js");
const CPU_PRELOAD = path.join(__dirname, "cpuAtExit.cjs");
/** One report's limit; the case's own (spec.timeoutS) covers all its runs. */
const RUN_TIMEOUT_S = 180;

export type CliInput = "csv" | "xlsx";

/** Writes the export's files into `dir` and returns the report's input arguments. */
export function writeCliInput(data: BenchData, input: CliInput, dir: string): string[] {
  if (input === "xlsx") {
    const file = path.join(dir, "team-export.xlsx");
    fs.writeFileSync(file, writeXlsx([...exportTableSheets(data.export), balanceHistorySheet(data.export)]));
    return ["--in", file];
  }
  const csv = teamExportCsv(data.export);
  const file = (name: "accounts" | "transactions" | "voids" | "balanceHistory") => {
    const p = path.join(dir, `${name}.csv`);
    fs.writeFileSync(p, csv[name]);
    return p;
  };
  return ["--accounts", file("accounts"), "--transactions", file("transactions"), "--voids", file("voids"), "--history", file("balanceHistory")];
}

interface CliRun {
  cpuMs: number;
  wallMs: number;
  maxRssMb: number;
}

function runOnce(args: string[], dir: string, timeoutS: number): CliRun {
  const cpuFile = path.join(dir, "cpu.json");
  const out = path.join(dir, "return.xlsx");
  fs.rmSync(cpuFile, { force: true });
  fs.rmSync(out, { force: true });
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ["-r", CPU_PRELOAD, BIN, "report", "--from", PERIOD_START_ISO, "--to", PERIOD_END_ISO, ...args, "--out", out], {
    encoding: "utf8",
    timeout: timeoutS * 1000,
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, BENCH_CPU_OUT: cpuFile },
  });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.error || res.signal) throw new Error(`arrears report did not finish within ${timeoutS} s`);
  if (res.status !== 0) throw new Error(`arrears report exited with ${res.status}: ${res.stderr.trim().split("\n").pop()}`);
  // A run that wrote no workbook did not do the work, however fast it was.
  if (!fs.existsSync(out) || fs.statSync(out).size < 10_000) throw new Error("arrears report wrote no return workbook");
  const cpu = JSON.parse(fs.readFileSync(cpuFile, "utf8")) as { userUs: number; systemUs: number; maxRssKb: number };
  return { cpuMs: (cpu.userUs + cpu.systemUs) / 1000, wallMs, maxRssMb: Math.round(cpu.maxRssKb / 1024) };
}

export function cliCase(spec: CaseSpec, data: BenchData, input: CliInput): CaseOutcome {
  if (!fs.existsSync(path.join(ROOT, "lib", "cli", "main.js"))) return { id: spec.id, scale: spec.scale, failed: "lib/cli is missing: run `npm run build:cli`" };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-cli-"));
  try {
    const args = writeCliInput(data, input, dir);
    const bytes = fs.readdirSync(dir).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    for (let i = 0; i < spec.warmup; i++) runOnce(args, dir, RUN_TIMEOUT_S);
    const runs = Array.from({ length: spec.runs }, () => runOnce(args, dir, RUN_TIMEOUT_S));
    const cpu = runs.map((r) => r.cpuMs);
    return {
      id: spec.id,
      scale: spec.scale,
      accounts: data.export.accounts.length,
      medianMs: median(cpu),
      runsMs: cpu,
      peakRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
      dataRssMb: 0,
      rssNote: `${Math.max(...runs.map((r) => r.maxRssMb))} MB (the arrears process)`,
      note: `CPU time (user + system) of \`arrears report ${input === "xlsx" ? "--in team-export.xlsx" : "--accounts … --transactions … --voids … --history …"} --out return.xlsx\`, ${(bytes / 2 ** 20).toFixed(1)} MB of input; wall time ${median(runs.map((r) => r.wallMs)).toFixed(0)} ms`,
    };
  } catch (e) {
    return { id: spec.id, scale: spec.scale, failed: (e as Error).message };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
