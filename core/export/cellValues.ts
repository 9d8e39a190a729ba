import { readAmount, type AmountOptions } from "../values/amount";
import { readDate, type DateFormat } from "../values/date";
import { readText } from "../values/text";
import { readYesNo } from "../values/yesNo";

/**
 * A cell as core accepts it, and null-returning shorthands over the value readers in
 * core/values (amount, date, yes/no, text) for callers that give their own message.
 * Readers that must say why a value was refused use core/values directly: each returns
 * the value or the reason.
 */

/** A cell as core accepts it: what Excel, CSV and our xlsx reader all produce. */
export type CellValue = string | number | boolean | null | undefined;

/** True for an empty cell: null, undefined or whitespace-only text. */
export function isBlankCell(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Reads an amount in £ by the one amount grammar ({@link readAmount}); null when refused or blank. */
export function parseAmount(v: unknown, options: AmountOptions = {}): number | null {
  const r = readAmount(v, options);
  return r.ok ? r.value : null;
}

/** Reads a date as an Excel serial by the one date grammar ({@link readDate}); null when refused or blank. */
export function parseSerial(v: unknown, dateFormat: DateFormat = "dmy"): number | null {
  const r = readDate(v, dateFormat);
  return r.ok ? r.value : null;
}

/** Reads a yes/no flag ({@link readYesNo}); blank is no. Null when refused. */
export function parseYesNo(v: unknown): boolean | null {
  const r = readYesNo(v);
  return r.ok ? r.value : null;
}

/** Text of a cell ({@link readText}): trimmed, line breaks as \n. Null for blank or refused (an error cell). */
export function cellText(v: unknown): string | null {
  const r = readText(v);
  return r.ok ? r.value : null;
}
