import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import { main } from "../../cli/main";

/** What one `arrears` run printed and its exit code. */
export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the command line in this process, as `arrears <args>` with `stdin` piped in, and collects what it prints. */
export async function runCli(args: string[], stdin = ""): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(args, { stdin: Readable.from([stdin]), stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

/** A fresh temporary folder and a writer of named files in it, for a test's input files. */
export function tempFiles(prefix: string): { dir: string; file: (name: string, text: string) => string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return {
    dir,
    file: (name, text) => {
      const p = path.join(dir, name);
      fs.writeFileSync(p, text);
      return p;
    },
  };
}
