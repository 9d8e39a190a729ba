import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { decodeText, TextDecodingError } from "./textDecoding";

/**
 * Largest CSV or JSON input the CLI reads. A 170,000-account export's accounts CSV is
 * about 12 MB and a month of its transactions about 40 MB; the cap keeps the reading
 * itself (bytes, text and parsed fields) well inside half a gigabyte.
 */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads an input file's bytes under the size cap, refusing a directory, a device or a missing file in one line. */
export async function readInputFile(file: string, maxBytes = MAX_INPUT_BYTES): Promise<Buffer> {
  const info = await stat(file).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(e.code === "ENOENT" ? `cannot find the file ${file}` : `cannot read ${file}: ${e.code ?? e.message}`);
  });
  if (info.isDirectory()) throw new CliError(`${file} is a folder, not a file`);
  // A pipe (`--in <(zcat export.csv.gz)`) is read under the same cap; a device such as /dev/zero is refused.
  if (info.isFIFO()) return readCapped(createReadStream(file), file, maxBytes);
  if (!info.isFile()) throw new CliError(`${file} is not a regular file (a device?); give a file`);
  if (info.size > maxBytes) throw new CliError(`${file} is ${mb(info.size)}, larger than the ${mb(maxBytes)} the command reads`);
  const buf = await readFile(file).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(`cannot read ${file}: ${e.code ?? e.message}`);
  });
  if (buf.length > maxBytes) throw new CliError(`${file} is larger than the ${mb(maxBytes)} the command reads`);
  return buf;
}

/** Reads a whole input's bytes from a file path, or from stdin for "-" or no path. */
export async function readInputBytes(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<Buffer> {
  if (file && file !== "-") return readInputFile(file);
  return readCapped(stdin, "standard input", MAX_INPUT_BYTES);
}

/** A stream read to its end, refused as soon as it passes the cap (so an endless pipe stops early). */
async function readCapped(stream: NodeJS.ReadableStream, name: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += b.length;
    if (size > maxBytes) {
      (stream as { destroy?: () => void }).destroy?.();
      throw new CliError(`${name} is larger than the ${mb(maxBytes)} the command reads`);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a whole text input (file, or stdin for "-" or no path) and decodes it by the
 * rule in textDecoding.ts: UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252.
 */
export async function readTextInput(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<string> {
  const name = file && file !== "-" ? file : "standard input";
  try {
    return decodeText(await readInputBytes(file, stdin), name).text;
  } catch (e) {
    if (e instanceof TextDecodingError) throw new CliError(e.message);
    throw e;
  }
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;
}

/**
 * A number given as an option (`--horizon 8`, `--annual-debit "£1,234,567"`): decimal
 * digits with an optional sign, £ sign, thousands commas in threes and decimal point.
 * Hex (0x10), exponents (1e3), Infinity, NaN and misplaced commas are refused: Number()
 * alone would read "0x10" as 16.
 */
export function numberOption(text: string, name: string): number {
  const t = text.trim();
  const m = /^([-+]?)£?([-+]?)((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)$/.exec(t);
  if (!m || (m[1] && m[2])) throw new CliError(`${name} must be a number, got "${text}" (decimal digits, like 8 or £1,234,567.50)`);
  const n = Number(m[3].replace(/,/g, ""));
  if (!Number.isFinite(n)) throw new CliError(`${name} must be a number, got "${text}"`);
  return m[1] === "-" || m[2] === "-" ? -n : n;
}

/** Parses JSON input, naming what it was for when it is not valid JSON. The text is already decoded (any byte-order mark gone). */
export function parseJsonInput(text: string, what: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
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

/**
 * A validation problem in a JSON input as one line that names the key: a key the JSON
 * lacks is "has no "accounts.account" (a required key)"; any other problem is prefixed
 * with its key unless the message already names it.
 */
export function keyProblem(json: unknown, field: string, message: string): string {
  const path = field.split(".").filter(Boolean);
  let at: unknown = json;
  for (const key of path) {
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, key)) {
      return `has no "${path.slice(0, path.indexOf(key) + 1).join(".")}" (a required key)`;
    }
    at = (at as Record<string, unknown>)[key];
  }
  return field && !message.startsWith(field) ? `${field}: ${message}` : message;
}
