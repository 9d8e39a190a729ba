import { spawnSync } from "node:child_process";
import * as path from "node:path";
import type { CaseOutcome, CaseSpec } from "./cases";

/**
 * Runs one case in a child Node process (tsx as the loader) and reads its JSON line.
 * A case that runs out of time or memory is reported as failed, with the reason,
 * rather than stopping the benchmark.
 */

const CHILD = path.join(__dirname, "child.ts");

export function runCase(spec: CaseSpec): CaseOutcome {
  // HyperFormula holds every cell as an object; give it room up to most of the machine.
  // A million accounts' export alone is about 1 GB of row objects: room for it and the core above Node's default.
  const heap = spec.kind === "hyperformula" ? ["--max-old-space-size=16384"] : spec.scale === "million" ? ["--max-old-space-size=8192"] : [];
  const res = spawnSync(process.execPath, [...heap, "--import", "tsx", CHILD, JSON.stringify(spec)], {
    encoding: "utf8",
    timeout: spec.timeoutS * 1000,
    maxBuffer: 64 * 1024 * 1024,
    killSignal: "SIGKILL",
  });
  const fail = (why: string): CaseOutcome => ({ id: spec.id, scale: spec.scale, failed: why });
  if (res.error && (res.error as NodeJS.ErrnoException).code === "ETIMEDOUT") return fail(`stopped after ${spec.timeoutS} s without finishing`);
  if (res.signal) return fail(res.signal === "SIGKILL" ? `stopped after ${spec.timeoutS} s without finishing` : `killed by ${res.signal}`);
  if (res.status !== 0) {
    const oom = /heap out of memory|Allocation failed/i.test(res.stderr);
    return fail(oom ? "ran out of memory" : `exited with ${res.status}: ${res.stderr.trim().split("\n").slice(-3).join(" ")}`);
  }
  const line = res.stdout.trim().split("\n").pop() ?? "";
  return JSON.parse(line) as CaseOutcome;
}
