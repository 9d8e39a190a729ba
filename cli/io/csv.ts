import { CliError, readTextInput } from "./input";

/**
 * RFC 4180 CSV, as Northgate, Capita and Tallyman exports and Excel's "Save as CSV"
 * write it: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF;
 * an optional UTF-8 byte-order mark. Parsing is one linear pass (no regular
 * expressions), so a hostile file cannot make it slow.
 */

/** Longest field accepted: Excel's own limit for one cell. */
export const MAX_CSV_FIELD_CHARS = 32_767;

/**
 * Parses CSV text into rows of fields. Blank lines are dropped.
 * @throws Error for a quote never closed, or a field longer than Excel allows (such a
 * field could not be written to a report cell, and is usually a runaway quote).
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let quoteAt = 0;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
    field = "";
  };
  for (; i < text.length; i++) {
    if (field.length > MAX_CSV_FIELD_CHARS) {
      throw new Error(
        quoted
          ? `a quoted field starting on line ${lineOf(text, quoteAt)} runs on for more than ${MAX_CSV_FIELD_CHARS} characters: its " is probably never closed`
          : `a field on line ${lineOf(text, i)} is longer than ${MAX_CSV_FIELD_CHARS} characters, more than Excel allows in a cell`,
      );
    }
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") {
      quoted = true;
      quoteAt = i;
    } else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") endRow();
    else if (c === "\r") {
      if (text[i + 1] !== "\n") endRow();
    } else field += c;
  }
  if (quoted) throw new Error(`the CSV ends inside a quoted field (the " opened on line ${lineOf(text, quoteAt)} is never closed)`);
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Reads and parses a CSV input (a file, or stdin for "-" or none); a parse problem becomes a one-line CliError naming the input. */
export async function readCsvInput(file: string | undefined, stdin: NodeJS.ReadableStream): Promise<string[][]> {
  const text = await readTextInput(file, stdin);
  try {
    return parseCsv(text);
  } catch (e) {
    throw new CliError(`${file && file !== "-" ? file : "standard input"}: ${(e as Error).message}`);
  }
}

/** 1-based line number of index `at`, counted only when an error needs it. */
function lineOf(text: string, at: number): number {
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
