import { dateToSerial, serialToDate } from "../dates/excelSerial";

/**
 * The reporting year of the ARC and of English sector KPIs runs 1 April to 31 March
 * (SHR Charter FAQ: a different year is allowed only if stated).
 */

/** Serial of 1 April starting the reporting year a date falls in: 15 Jan 2026 → 1 Apr 2025; 1 Apr 2026 → 1 Apr 2026. */
export function reportingYearStart(serial: number): number {
  const d = serialToDate(serial);
  const year = d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
  return dateToSerial(new Date(Date.UTC(year, 3, 1)));
}
