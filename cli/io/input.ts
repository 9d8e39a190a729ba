import { readFile } from "node:fs/promises";

/** Largest input file the CLI reads (a 170,000-account export is well under this). */
export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Reads a whole text input from a file path, or from stdin for "-" or no path. */
export async function readTextInput(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<string> {
  if (file && file !== "-") {
    const buf = await readFile(file).catch((e: NodeJS.ErrnoException) => {
      throw new CliError(e.code === "ENOENT" ? `cannot find the file ${file}` : `cannot read ${file}: ${e.message}`);
    });
    if (buf.length > MAX_INPUT_BYTES) throw new CliError(`${file} is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    return buf.toString("utf8");
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new CliError(`standard input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** A problem the user can fix (bad input, bad option): printed as one line, exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}
