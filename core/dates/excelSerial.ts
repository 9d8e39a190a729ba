/**
 * Excel serial dates (1900 date system, the default in Windows and web Excel).
 * Serial 1 is 1900-01-01; Excel also counts a fictitious 1900-02-29 as serial 60,
 * so from serial 61 on, day 0 is effectively 1899-12-30. 2024-01-01 = 45292.
 */

const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Lowest serial we accept as a real date: 1900-03-01, after Excel's phantom leap day. */
export const FIRST_SAFE_SERIAL = 61;
/** Serial of 9999-12-31, the last date Excel can show. */
export const LAST_SERIAL = 2_958_465;

/** Converts an Excel serial (whole days; any time fraction is dropped) to a UTC date at midnight. */
export function serialToDate(serial: number): Date {
  return new Date(EPOCH_UTC + Math.floor(serial) * MS_PER_DAY);
}

/** Converts a date to its Excel serial, counting whole UTC days. */
export function dateToSerial(date: Date): number {
  return Math.floor((date.getTime() - EPOCH_UTC) / MS_PER_DAY);
}

/** Formats a serial as ISO yyyy-mm-dd. */
export function serialToIso(serial: number): string {
  return serialToDate(serial).toISOString().slice(0, 10);
}

/**
 * Parses an ISO date (yyyy-mm-dd) or a UK date (dd/mm/yyyy, as Northgate and
 * Capita exports write them) into a serial. Returns null when the text is not a
 * real calendar date, so 31/02/2025 is rejected rather than rolled into March.
 */
export function parseDateToSerial(text: string): number | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(t);
  if (match) {
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  } else {
    match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const ms = Date.UTC(y, m - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return dateToSerial(check);
}
