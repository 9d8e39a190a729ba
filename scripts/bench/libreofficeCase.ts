import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { writeXlsx, type OutCell, type OutSheet } from "../../cli/io/xlsx";
import type { CaseOutcome, CaseSpec } from "./cases";
import { runCore } from "./coreCase";
import type { BenchData } from "./data";
import { compareFigures, coreFigures } from "./figures";
import { layoutFigures } from "./nativeFigures";
import { buildNativeSheets, type NativeLayout } from "./nativeSheet";
import { median, timeRuns } from "./timing";

/**
 * The LibreOffice anchor: the native-formula workbook the HyperFormula case calculates
 * (nativeSheet.ts, the same formula text), written as an .xlsx with the project's own
 * writer, opened by LibreOffice Calc headless and recalculated with calculateAll()
 * through its Python UNO bridge (libreoffice_calc.py). Only the recalculation is timed:
 * what a team without the add-in waits for when the month's export is pasted in.
 * The calculated figures are read back and checked against the core's to the penny.
 */

const HELPER = path.join(__dirname, "libreoffice_calc.py");
const PYTHON = fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
const READ_BACK = ["Summary", "Accounts", "History"];

interface HelperResult {
  version: string;
  loadS: number;
  runsMs: number[];
  errors: number;
  sheets: Record<string, unknown[][]>;
  peakRssMb: number;
}

/** Why LibreOffice cannot be measured on this machine, or null when soffice and Python's uno module are both there. */
export function libreOfficeMissing(): string | null {
  const soffice = spawnSync("soffice", ["--version"], { encoding: "utf8", timeout: 60_000 });
  if (soffice.error || soffice.status !== 0) return "soffice is not installed (LibreOffice Calc)";
  const uno = spawnSync(PYTHON, ["-c", "import uno"], { encoding: "utf8", timeout: 60_000 });
  if (uno.error || uno.status !== 0) return `${PYTHON} cannot import uno (install python3-uno)`;
  return null;
}

/** The layout's sheets for the .xlsx writer: text starting "=" is a formula with no cached result, so nothing is read from the file but the inputs. */
export function nativeWorkbookSheets(layout: NativeLayout): OutSheet[] {
  return Object.entries(layout.sheets).map(([name, rows]) => ({
    name,
    rows: rows.map((row) => row.map((cell): OutCell | string | number | boolean | null => (typeof cell === "string" && cell.startsWith("=") ? { value: null, formula: cell.slice(1) } : cell))),
  }));
}

export function libreOfficeCase(spec: CaseSpec, data: BenchData): CaseOutcome {
  const fail = (why: string): CaseOutcome => ({ id: spec.id, scale: spec.scale, failed: why });
  const missing = libreOfficeMissing();
  if (missing) return fail(missing);
  // The core's full case first, in this process, before the native workbook and soffice exist: timed after them, in a
  // heap holding the workbook's layout and the read-back figures, with soffice still shutting down, it measured 2.3x its own case.
  const core = timeRuns(() => runCore(data), 3, 7);
  const layout = buildNativeSheets(data);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-lo-"));
  try {
    const book = path.join(dir, "native.xlsx");
    const out = path.join(dir, "result.json");
    fs.writeFileSync(book, writeXlsx(nativeWorkbookSheets(layout)));
    const res = spawnSync(
      PYTHON,
      [HELPER, "--file", book, "--out", out, "--sheets", READ_BACK.join(","), "--warmup", String(spec.warmup), "--runs", String(spec.runs)],
      { encoding: "utf8", timeout: spec.timeoutS * 1000, killSignal: "SIGTERM" },
    );
    if (res.error || res.signal) return fail(`LibreOffice did not finish within ${spec.timeoutS} s`);
    if (res.status !== 0) return fail(`LibreOffice helper failed: ${res.stderr.trim().split("\n").pop() ?? `exit ${res.status}`}`);
    const lo = JSON.parse(fs.readFileSync(out, "utf8")) as HelperResult;
    const native = layoutFigures(layout, (name) => lo.sheets[name] ?? []);
    const agreement = compareFigures(coreFigures(runCore(data)), native);
    return {
      id: spec.id,
      scale: spec.scale,
      accounts: data.export.accounts.length,
      medianMs: median(lo.runsMs),
      runsMs: lo.runsMs,
      peakRssMb: lo.peakRssMb,
      dataRssMb: 0,
      rssNote: `${lo.peakRssMb} MB (soffice, loading included)`,
      agreement,
      pairedCoreMs: core.medianMs,
      note: `${lo.version}; recalculations ${lo.runsMs.map((r) => `${(r / 1000).toFixed(2)} s`).join(", ")}; loading the .xlsx (${(fs.statSync(book).size / 2 ** 20).toFixed(1)} MB) took ${lo.loadS.toFixed(1)} s, not timed${lo.errors ? `; ${lo.errors} cells calculated to an error` : ""}`,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
