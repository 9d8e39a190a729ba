/**
 * Excel serial dates (1900 date system, the default in Windows and web Excel).
 * Serial 1 is 1900-01-01. Excel also counts a fictitious 1900-02-29 as serial 60
 * (a leap-year bug kept for Lotus 1-2-3), so from serial 61 on, day 0 is effectively
 * 1899-12-30. 2024-01-01 = 45292. Serials run from 1 to 2,958,465 (9999-12-31), the
 * dates Excel can show; readers refuse anything outside that range (see core/values/date).
 */

const MS_PER_DAY = 86_400_000;
const EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Lowest serial we accept as a real date: 1900-03-01, after Excel's phantom leap day. */
export const FIRST_SAFE_SERIAL = 61;
/** The first serial Excel shows as a date: 1900-01-01. */
export const FIRST_SERIAL = 1;
/** Serial of 9999-12-31, the last date Excel can show. */
export const LAST_SERIAL = 2_958_465;
/** Excel's phantom 1900-02-29. */
export const PHANTOM_LEAP_DAY = 60;

/** True when a number is a serial Excel can show as a date (whole or not; the time of day is ignored). */
export function isSerialInRange(serial: number): boolean {
  return Number.isFinite(serial) && serial >= FIRST_SERIAL && serial < LAST_SERIAL + 1;
}

/**
 * Converts an Excel serial (whole days; any time fraction is dropped) to a UTC date at midnight.
 * Serials 1 to 59 are January and February 1900, before the phantom leap day.
 */
export function serialToDate(serial: number): Date {
  const whole = Math.floor(serial);
  return new Date(EPOCH_UTC + (whole > 0 && whole < PHANTOM_LEAP_DAY ? whole + 1 : whole) * MS_PER_DAY);
}

/** Converts a date to its Excel serial, counting whole UTC days. */
export function dateToSerial(date: Date): number {
  const days = Math.floor((date.getTime() - EPOCH_UTC) / MS_PER_DAY);
  // Before 1900-03-01 Excel's count is one less: it has no 1899-12-31, and adds 1900-02-29 later.
  return days > 0 && days <= PHANTOM_LEAP_DAY ? days - 1 : days;
}

/**
 * Formats a serial as ISO yyyy-mm-dd. A serial past 9999-12-31 (a date plus a waiting
 * period) is written as "after 9999-12-31" rather than thrown on.
 */
export function serialToIso(serial: number): string {
  if (!Number.isFinite(serial) || serial > LAST_SERIAL) return "after 9999-12-31";
  if (serial < FIRST_SERIAL) return "before 1900-01-01";
  return serialToDate(serial).toISOString().slice(0, 10);
}

// The date grammar lives with the other value readers; re-exported so existing callers keep one import.
export { parseDateToSerial } from "../values/date";
