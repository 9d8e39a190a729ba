import { parseDateToSerial } from "../dates/excelSerial";

/**
 * Reading one exported cell as a typed value. Exports arrive as CSV text, xlsx
 * values or Excel's own cells, so a £ amount may be 12.5, "£12.50", "1,012.50",
 * "(12.50)" or "12.50 CR". These readers return null for "cannot read", never a
 * guessed value; the table reader turns that into an error naming the row.
 */

/** A cell as core accepts it: what Excel, CSV and our xlsx reader all produce. */
export type CellValue = string | number | boolean | null | undefined;

/** True for an empty cell: null, undefined or whitespace-only text. */
export function isBlankCell(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** Reads an amount in £; "(12.50)" and "12.50 CR" are negative, "12.50 DR" positive. Null when unreadable or blank. */
export function parseAmount(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  let t = v.trim().replace(/[£,\s]/g, "");
  if (t === "") return null;
  let sign = 1;
  if (t.startsWith("(") && t.endsWith(")")) {
    sign = -1;
    t = t.slice(1, -1);
  }
  const suffix = t.slice(-2).toUpperCase();
  if (suffix === "CR") {
    sign = -sign;
    t = t.slice(0, -2);
  } else if (suffix === "DR") t = t.slice(0, -2);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  const n = Number(t) * sign;
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads a date as an Excel serial: a serial number, ISO text, or day/month/year text
 * ("mdy" reads month first, for US-configured extracts). Null when not a real date.
 */
export function parseSerial(v: CellValue, dateFormat: "dmy" | "mdy" = "dmy"): number | null {
  if (typeof v === "number") return Number.isFinite(v) && v >= 1 ? Math.floor(v) : null;
  if (typeof v !== "string") return null;
  const t = v.trim();
  if (t === "") return null;
  if (dateFormat === "mdy") {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (m) return parseDateToSerial(`${m[2]}/${m[1]}/${m[3]}`);
  }
  const serial = parseDateToSerial(t);
  if (serial !== null) return serial;
  // Two-digit years, as some Northgate reports print them (03/04/25): read as 20yy.
  const short = /^(\d{1,2})\/(\d{1,2})\/(\d{2})$/.exec(t);
  if (short) {
    const [a, b] = dateFormat === "mdy" ? [short[2], short[1]] : [short[1], short[2]];
    return parseDateToSerial(`${a}/${b}/20${short[3]}`);
  }
  return null;
}

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0", ""]);

/** Reads a yes/no flag: TRUE/FALSE, 1/0, yes/no, y/n, x; blank is no. Null when unreadable. */
export function parseYesNo(v: CellValue): boolean | null {
  if (v === null || v === undefined) return false;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v === 1 ? true : v === 0 ? false : null;
  const t = v.trim().toLowerCase();
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
}

/** Text of a cell, trimmed; numbers as Excel shows them without formatting. Null for blank. */
export function cellText(v: CellValue): string | null {
  if (isBlankCell(v)) return null;
  if (typeof v === "string") return v.trim();
  return String(v);
}
