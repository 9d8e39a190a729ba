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
    return utf8Text(buf, file);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > MAX_INPUT_BYTES) throw new CliError(`standard input is larger than ${MAX_INPUT_BYTES / 1024 / 1024} MB`);
    chunks.push(b);
  }
  return utf8Text(Buffer.concat(chunks), "standard input");
}

/**
 * The bytes as UTF-8 text, refusing the two look-alikes users save by mistake, which
 * would otherwise decode to garbage headers: UTF-16 ("Unicode Text") and a workbook.
 */
function utf8Text(buf: Buffer, name: string): string {
  if (buf.length >= 2 && ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff))) {
    throw new CliError(`${name} is UTF-16 text (Excel's "Unicode Text"); save it as "CSV UTF-8 (Comma delimited)" instead`);
  }
  if (buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04) {
    throw new CliError(`${name} is a zip file (an Excel workbook?), not CSV text; save the sheet as "CSV UTF-8" (arrears report also reads .xlsx with --in)`);
  }
  return buf.toString("utf8");
}

/** A number given as an option (`--horizon 8`, `--annual-debit "£1,234,567"`): £ signs and thousands commas allowed. */
export function numberOption(text: string, name: string): number {
  const n = Number(text.replace(/[£,]/g, ""));
  if (text.trim() === "" || !Number.isFinite(n)) throw new CliError(`${name} must be a number, got "${text}"`);
  return n;
}

/** Parses JSON input, naming what it was for when it is not valid JSON. */
export function parseJsonInput(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${what} is not valid JSON: ${(e as Error).message}`);
  }
}

/** A problem the user can fix (bad input, bad option): printed as one line, exit code 1. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliError";
  }
}
