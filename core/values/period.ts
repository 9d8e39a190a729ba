import { describeValue } from "../errors";
import { LAST_SERIAL } from "../dates/excelSerial";
import { readDate, type DateFormat } from "./date";
import { errorCellReason, excelErrorOf } from "./errorCell";
import { accept, refuse, type Reading } from "./reading";

/**
 * What marks one snapshot of a balance history: a date or a period (week) number. The
 * rule, the same for a history's column headers, its long-form date column and
 * ARREARS.TREND's periods argument:
 * - a whole number from 0 to {@link MAX_PERIOD_NUMBER} is a period number (week 1, 2, 3 …);
 * - a number from {@link FIRST_HISTORY_SERIAL} (1980-01-01) to 9999-12-31, or date text, is a date;
 * - any other number is refused as ambiguous: 5000 could be a week count or a date in 1913,
 *   and reading week numbers 1–52 as January 1900 makes every trend seven times too steep;
 * - other text is a label (a history's columns headed "Wk 1", "Wk 2" are periods in column order).
 * One history may not mix dates, period numbers and labels.
 */

/** Largest period number: ten years of weeks and more. */
export const MAX_PERIOD_NUMBER = 1000;
/** Earliest date a balance history may hold: 1980-01-01 (serial 29221); rent systems hold nothing older. */
export const FIRST_HISTORY_SERIAL = 29_221;

export type PeriodMark = { kind: "date"; value: number } | { kind: "period"; value: number } | { kind: "label"; text: string };

/** Reads one history header or period cell (a blank cell is refused: callers decide what blank means). */
export function readPeriodMark(cell: unknown, dateFormat: DateFormat = "dmy"): Reading<PeriodMark> {
  const error = excelErrorOf(cell);
  if (error !== null) return refuse(errorCellReason(error));
  let n: number | null = null;
  if (typeof cell === "number") n = cell;
  else if (typeof cell === "string" && /^\s*\d+\s*$/.test(cell)) n = Number(cell);
  if (n !== null) {
    if (Number.isInteger(n) && n >= 0 && n <= MAX_PERIOD_NUMBER) return accept({ kind: "period", value: n });
    if (Number.isFinite(n) && n >= FIRST_HISTORY_SERIAL && n < LAST_SERIAL + 1) return accept({ kind: "date", value: Math.floor(n) });
    return refuse(`is neither a period number (0 to ${MAX_PERIOD_NUMBER}) nor a date from 1980 on, so it could be read two ways`);
  }
  if (typeof cell === "boolean") return refuse("is TRUE/FALSE, not a date or period number");
  if (typeof cell !== "string" || cell.trim() === "") return refuse("is blank");
  const date = readDate(cell, dateFormat);
  if (date.ok) return date.value >= FIRST_HISTORY_SERIAL ? accept({ kind: "date", value: date.value }) : refuse("is a date before 1980, earlier than any rent history");
  // Text that starts like a date but is not one (31/02/2026, 2026-10-05 or …) is a mistake, not a label.
  if (/^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}/.test(cell.trim())) return refuse(date.reason);
  return accept({ kind: "label", text: cell.trim() });
}

/** The x axis of a history: dates (serials) or period numbers (labels become 1, 2, 3 … in order). */
export interface PeriodAxis {
  axis: "dates" | "periods";
  /** One value per cell; null for a blank cell where blanks are allowed. */
  values: (number | null)[];
}

export interface PeriodAxisOptions {
  dateFormat?: DateFormat;
  /** Whether text labels are allowed (a history's headers) or refused (TREND's periods). */
  labels?: boolean;
  /** Whether a blank cell is allowed (null) or refused. */
  blanks?: boolean;
  /** Where cell i is, for the refusal: e.g. `column 3 header`. */
  where: (i: number) => string;
}

/**
 * Reads a row or column of history marks as one axis: all dates, all period numbers,
 * or all labels; a mix, a repeat, or an unreadable cell is refused naming its place.
 */
export function readPeriodAxis(cells: readonly unknown[], options: PeriodAxisOptions): Reading<PeriodAxis> {
  const marks: (PeriodMark | null)[] = [];
  let kind: PeriodMark["kind"] | null = null;
  let firstAt = -1;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c === null || c === undefined || (typeof c === "string" && c.trim() === "")) {
      if (!options.blanks) return refuse(`${options.where(i)} is blank`);
      marks.push(null);
      continue;
    }
    const m = readPeriodMark(c, options.dateFormat);
    if (!m.ok) return refuse(`${options.where(i)} ${excelErrorOf(c) === null ? `${describeValue(c)} ` : ""}${m.reason}`);
    if (m.value.kind === "label" && !options.labels) return refuse(`${options.where(i)} "${m.value.text}" is not a date or a period number`);
    if (kind === null) {
      kind = m.value.kind;
      firstAt = i;
    } else if (m.value.kind !== kind) {
      const words = { date: "a date", period: "a period number", label: "a label" };
      return refuse(`${options.where(i)} is ${words[m.value.kind]} but ${options.where(firstAt)} is ${words[kind]}: use dates or period numbers throughout`);
    }
    marks.push(m.value);
  }
  const values = marks.map((m, i) => (m === null ? null : m.kind === "label" ? i + 1 : m.value));
  const seen = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) continue;
    if (seen.has(v)) return refuse(`${options.where(i)} repeats ${options.where(seen.get(v)!)}: each snapshot needs its own date or period`);
    seen.set(v, i);
  }
  return accept({ axis: kind === "date" ? "dates" : "periods", values });
}
