import { CliError, readTextInput } from "./input";

/**
 * RFC 4180 CSV, as Northgate, Capita and Tallyman exports and Excel's "Save as" write
 * it: quoted fields may hold delimiters, quotes ("") and line breaks; CRLF, LF or CR;
 * the text already decoded (see textDecoding.ts). The delimiter is a comma, a semicolon
 * (Excel's CSV where the list separator is ";") or a tab (Excel's "Unicode Text"), read
 * from the header line (see {@link detectDelimiter}). Parsing is one linear pass with
 * no regular expressions, and every field, line and row width is capped, so a hostile
 * file is refused early instead of taking minutes and gigabytes.
 */

/** Longest field accepted: Excel's own limit for one cell. */
export const MAX_CSV_FIELD_CHARS = 32_767;
/** Most fields in one line: Excel's column count. */
export const MAX_CSV_FIELDS = 16_384;
/** Longest line (one record, quoted line breaks included). Real export lines are a few hundred characters. */
export const MAX_CSV_LINE_CHARS = 1_048_576;
/**
 * Most fields in one file (rows × columns). A month's transactions for 170,000 accounts
 * is about 4 million; the cap bounds what the parsed file holds in memory (a file of
 * millions of two-letter fields would otherwise cost gigabytes for a few tens of MB).
 */
export const MAX_CSV_FIELDS_TOTAL = 6_000_000;

/** The refusals both CSV readers (parseCsv and the grid) give for a field over Excel's limits, word for word. */
export const QUOTED_FIELD_RUNS_ON = `a quoted field runs on for more than ${MAX_CSV_FIELD_CHARS} characters: its " is probably never closed`;
export const FIELD_TOO_LONG = `a field is longer than ${MAX_CSV_FIELD_CHARS} characters, more than Excel allows in a cell`;

/**
 * The refusal for a record once a field is added to it, or null while it is within the limits:
 * fields in the whole file, fields on the line, characters on the line. One check for both readers.
 */
export function recordLimitBreach(totalFields: number, lineFields: number, lineChars: number): string | null {
  if (totalFields > MAX_CSV_FIELDS_TOTAL) return `the file has more than ${MAX_CSV_FIELDS_TOTAL.toLocaleString("en-GB")} fields (rows × columns), more than one export should hold; split it`;
  if (lineFields > MAX_CSV_FIELDS) return `the line has more than ${MAX_CSV_FIELDS} fields, more columns than Excel has`;
  if (lineChars > MAX_CSV_LINE_CHARS) return `the line is longer than ${MAX_CSV_LINE_CHARS} characters`;
  return null;
}

export type CsvDelimiter = "," | ";" | "\t";

const DELIMITER_NAMES: Record<CsvDelimiter, string> = { ",": "commas", ";": "semicolons", "\t": "tabs" };

/** A CSV that cannot be read unambiguously; the message says where (line) and what. */
export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsvError";
  }
}

/**
 * The delimiter, read from the header line: the one of comma, semicolon and tab that
 * appears there outside quotes. None of them means a one-column file (comma). More than
 * one is refused: "Account;Balance,Officer" cannot be split without a guess.
 * @throws CsvError when the header line holds more than one kind.
 */
export function detectDelimiter(text: string, from = 0): CsvDelimiter {
  const seen = new Set<CsvDelimiter>();
  let quoted = false;
  let i = from;
  // Skip blank lines before the header, as the parser does.
  while (i < text.length && (text[i] === "\n" || text[i] === "\r")) i++;
  const limit = Math.min(text.length, i + MAX_CSV_LINE_CHARS);
  for (; i < limit; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) break;
    else if (!quoted && (c === "," || c === ";" || c === "\t")) seen.add(c);
  }
  if (seen.size > 1) {
    const kinds = [...seen].map((d) => DELIMITER_NAMES[d]);
    throw new CsvError(`the header line has both ${kinds.slice(0, -1).join(", ")} and ${kinds.at(-1)} between its names, so the column delimiter is ambiguous; save it as "CSV UTF-8 (Comma delimited)"`);
  }
  return seen.size === 1 ? [...seen][0] : ",";
}

/**
 * Parses CSV text into rows of fields. Blank lines are dropped. The delimiter is
 * detected from the header line unless given.
 * @throws CsvError for a quote never closed, text after a closing quote, or a field,
 * line or row wider than the caps above.
 */
export function parseCsv(text: string, delimiter?: CsvDelimiter): string[][] {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const delim = (delimiter ?? detectDelimiter(text, start)).charCodeAt(0);
  const QUOTE = 34;
  const CR = 13;
  const LF = 10;
  const n = text.length;
  const rows: string[][] = [];
  let row: string[] = [];
  let recordStart = start;
  let total = 0;
  let i = start;
  const fail = (message: string, at: number): never => {
    throw new CsvError(`line ${lineOf(text, at)}: ${message}`);
  };
  for (;;) {
    // One field starts at i.
    let value: string;
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const open = i;
      let seg = i + 1;
      value = "";
      for (;;) {
        const q = text.indexOf('"', seg);
        if (value.length + ((q < 0 ? n : q) - seg) > MAX_CSV_FIELD_CHARS) fail(QUOTED_FIELD_RUNS_ON, open);
        if (q < 0) fail(`the CSV ends inside a quoted field (this " is never closed)`, open);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(seg, q + 1);
          seg = q + 2;
          continue;
        }
        value += text.slice(seg, q);
        i = q + 1;
        break;
      }
      const c = i < n ? text.charCodeAt(i) : -1;
      if (c !== -1 && c !== delim && c !== CR && c !== LF) fail(`text follows the closing quote of a field ("${value.slice(0, 20)}"${text.slice(i, i + 10)}…); quote the whole field`, i);
    } else {
      const s = i;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c === delim || c === CR || c === LF) break;
        i++;
      }
      if (i - s > MAX_CSV_FIELD_CHARS) fail(FIELD_TOO_LONG, s);
      value = text.slice(s, i);
    }
    row.push(value);
    const breach = recordLimitBreach(++total, row.length, i - recordStart);
    if (breach !== null) fail(breach, recordStart);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    i++;
    if (c === delim) continue;
    // End of a record: CRLF, LF or a lone CR.
    if (c === CR && i < n && text.charCodeAt(i) === LF) i++;
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
    recordStart = i;
    if (i >= n) return rows;
  }
  if (!(row.length === 1 && row[0] === "")) rows.push(row);
  return rows;
}

/** Reads and parses a CSV input (a file, or stdin for "-" or none); a problem becomes a one-line CliError naming the input and line. */
export async function readCsvInput(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<string[][]> {
  const text = await readTextInput(file, stdin);
  try {
    return parseCsv(text);
  } catch (e) {
    if (e instanceof CsvError) throw new CliError(`${file && file !== "-" ? file : "standard input"}: ${e.message}`);
    throw e;
  }
}

/** 1-based line number of index `at`, counted only when an error needs it. */
export function lineOf(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Quotes a field when it needs it. Text from data should already be neutralised against formula injection. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as CSV with CRLF line ends (what Excel expects). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
