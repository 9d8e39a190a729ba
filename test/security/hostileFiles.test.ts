import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import { strFromU8, unzipSync } from "fflate";
import { main } from "../../cli/main";
import { readXlsx } from "../../cli/io/xlsx";
import { buildHostileCorpus, type HostileCase } from "../support/hostileCorpus";

// Issue #7: every broken or hostile export, run end to end through `arrears report --out`,
// gives one clear line (or, when merely odd, the right figures), in bounded time, with no
// partial or temporary file left behind and nothing added to any prototype.

const corpusDir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-hostile-"));
const cases = buildHostileCorpus(corpusDir);
const PERIOD = ["--from", "2025-04-01", "--to", "2025-04-30"];

async function report(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["report", ...args], { stdin: Readable.from([""]), stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

const ownKeys = (o: object) => Reflect.ownKeys(o).map(String).sort();
const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype, String: String.prototype };
const before = Object.fromEntries(Object.entries(PROTOTYPES).map(([k, p]) => [k, ownKeys(p)]));

afterAll(() => fs.rmSync(corpusDir, { recursive: true, force: true }));

describe("arrears report on the hostile corpus", () => {
  it("covers every kind of file issue #7 lists", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
    for (const c of cases) expect(Boolean(c.error) !== Boolean(c.officers)).toBe(true);
  });

  // The 20 s timeout is a hang guard, not a performance target: the slowest case takes about a second.
  it.each(cases.map((c) => [c.name, c] as [string, HostileCase]))("%s", async (_name, c) => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-hostile-out-"));
    const outFile = path.join(outDir, "return.xlsx");
    try {
      const res = await report([...c.args, ...PERIOD, "--out", outFile]);
      if (c.error) {
        expect(res).toMatchObject({ code: 1, out: "" });
        // One line, naming the problem; never a stack trace.
        expect(res.err.endsWith("\n")).toBe(true);
        expect(res.err.trimEnd().split("\n")).toHaveLength(1);
        expect(res.err.length).toBeLessThan(1200);
        expect(res.err).toMatch(/^arrears report: /);
        expect(res.err).not.toMatch(/unexpected failure|\n\s+at /);
        expect(res.err.trimEnd()).toMatch(c.error);
        // No output, and no temporary file beside where it would have gone.
        expect(fs.readdirSync(outDir)).toEqual([]);
      } else {
        expect(res.err).toBe("");
        expect(res.code).toBe(0);
        expect(fs.readdirSync(outDir)).toEqual(["return.xlsx"]);
        const bytes = fs.readFileSync(outFile);
        const byOfficer = readXlsx(bytes).sheets.find((s) => s.name === "By officer")!.rows;
        // Officer lines run from below the header row (under the sheet's title block) to the team total.
        const header = byOfficer.findIndex((r) => r[0] === "Officer");
        expect(byOfficer.slice(header + 1, -1).map((r) => r[0])).toEqual(c.officers);
        expect(byOfficer.at(-1)![0]).toBe("Team total");
        // Whatever the data held, the report holds no formula.
        for (const [name, part] of Object.entries(unzipSync(new Uint8Array(bytes)))) if (name.startsWith("xl/worksheets/")) expect(strFromU8(part)).not.toContain("<f>");
      }
      for (const [k, p] of Object.entries(PROTOTYPES)) expect(ownKeys(p)).toEqual(before[k]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).x).toBeUndefined();
      expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 20_000);

  it("gives the same one-line error and exit code from the installed bin, with no output file", () => {
    const c = cases.find((x) => x.name === "truncated zip")!;
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-hostile-bin-"));
    try {
      const res = spawnSync(process.execPath, [path.resolve(__dirname, "../../bin/arrears.js"), "report", ...c.args, ...PERIOD, "--out", path.join(outDir, "r.xlsx")], { encoding: "utf8", timeout: 20_000 });
      expect(res.status).toBe(1);
      expect(res.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(res.stderr).toMatch(c.error!);
      expect(fs.readdirSync(outDir)).toEqual([]);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  }, 20_000);
});
