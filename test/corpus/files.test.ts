import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import { buildMessyFiles, type MessyCase } from "../support/messyFiles";

// Issue #11, file level: every messy file input in test/support/messyFiles.ts, run through the
// BUILT command line (lib/, from `npm run build:cli`, which `npm test` runs first): 0 crashes
// (no stack trace), 0 hangs, 0 silently wrong results. A case that reads states its exact
// figures; a refusal is exactly one stderr line naming the file/row/column/option, exit 1.
// Big and memory-hungry cases run as child processes of bin/arrears.js under a 512 MB heap.

const ROOT = path.resolve(__dirname, "../..");
const BUILT = path.join(ROOT, "lib", "cli", "main.js");
const BIN = path.join(ROOT, "bin", "arrears.js");
if (!fs.existsSync(BUILT)) {
  throw new Error("test/corpus/files.test.ts runs the BUILT command line, and lib/cli/main.js is missing: run `npm run build:cli` first (npm test does)");
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled CLI, loaded as the bin loads it
const { main, reportFailure } = require(BUILT) as typeof import("../../cli/main");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled CLI's error class
const { CliError } = require(path.join(ROOT, "lib", "cli", "io", "input.js")) as typeof import("../../cli/io/input");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-messy-"));
const cases = buildMessyFiles(dir);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Run {
  code: number | null;
  out: string;
  err: string;
}

async function inProcess(c: MessyCase): Promise<Run> {
  let out = "";
  let err = "";
  const stdin = Readable.from(c.stdin === undefined ? [] : [Buffer.from(c.stdin)]);
  const code = await main(c.args, { stdin, stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

function child(c: MessyCase): Run {
  const res = spawnSync(process.execPath, ["--max-old-space-size=512", BIN, ...c.args], { input: c.stdin, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (res.error) throw new Error(`${c.name}: ${res.error.message} (a hang or a crash under the 512 MB heap)`);
  return { code: res.status, out: res.stdout, err: res.stderr };
}

const snapshot = (files: string[] = []) => files.map((f) => fs.readFileSync(f).toString("base64"));

describe("arrears on the messy file corpus", () => {
  it("has at least 100 cases, each with one stated outcome", () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) expect([c.error, c.figures ?? c.officers, c.stdout].filter(Boolean).length).toBe(1);
  });

  it.each(cases.map((c) => [c.name, c] as [string, MessyCase]))("%s", async (_name, c) => {
    const before = snapshot(c.unchanged);
    const res = c.heavy ? child(c) : await inProcess(c);
    // Never a stack trace, never an internal failure.
    expect(res.err).not.toMatch(/unexpected failure|\n\s+at |Error: .*\n/);
    if (c.error) {
      expect({ code: res.code, out: res.out }).toEqual({ code: 1, out: "" });
      expect(res.err.endsWith("\n")).toBe(true);
      expect(res.err.trimEnd().split("\n")).toHaveLength(1);
      expect(res.err).toMatch(/^arrears (report|uc|hb|trend): /);
      expect(res.err.trimEnd()).toMatch(c.error);
    } else {
      expect(res.code).toBe(0);
      if (c.warning) {
        expect(res.err.trimEnd().split("\n")).toHaveLength(1);
        expect(res.err).toMatch(c.warning);
      } else expect(res.err).toBe("");
      if (c.stdout) expect(res.out).toMatch(c.stdout);
      if (c.figures || c.officers) {
        const json = JSON.parse(res.out) as { kpis: { id: string; value: number | null }[]; byOfficer: { officer: string }[] };
        const got = Object.fromEntries(Object.keys(c.figures ?? {}).map((id) => [id, json.kpis.find((k) => k.id === id)?.value]));
        expect(got).toEqual(c.figures ?? {});
        if (c.officers) expect(json.byOfficer.map((o) => o.officer)).toEqual(c.officers);
      }
    }
    expect(snapshot(c.unchanged)).toEqual(before);
    // No temporary file left beside any output.
    expect(fs.readdirSync(path.join(dir, "out")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  }, 180_000);
});

describe("the top-level failure handler", () => {
  const capture = (e: unknown) => {
    let err = "";
    const code = reportFailure(e, "arrears report", { write: (s: string) => (err += s) });
    return { code, err };
  };

  it("prints an unexpected error as one line, exit 2, without its stack", () => {
    const e = new RangeError("Invalid time value");
    const { code, err } = capture(e);
    expect(code).toBe(2);
    expect(err).toBe("arrears report: unexpected failure, please report it (RangeError: Invalid time value)\n");
    expect(err).not.toContain(e.stack!.split("\n")[1]);
    expect(capture("a thrown string")).toEqual({ code: 2, err: "arrears report: unexpected failure, please report it (a thrown string)\n" });
  });

  it("prints a user error as its message, exit 1, flattened to one line", () => {
    expect(capture(new CliError("bad\nthing\u0007here"))).toEqual({ code: 1, err: "arrears report: bad thing here\n" });
  });
});
