import { errorCellReason, excelErrorOf } from "./errorCell";
import { accept, refuse, type Reading } from "./reading";

/**
 * The one grammar for a count (bedrooms, weeks, a number of periods): a whole number,
 * zero or more, at most a stated maximum. `3`, `3.0` and the number 3 are read; `2.5`,
 * `-1`, `1e3`, `three` and anything over the maximum are refused.
 */

/** Reads a cell as a whole number from 0 to `max` (a blank cell is refused: callers decide what blank means). */
export function readCount(cell: unknown, max: number): Reading<number> {
  const error = excelErrorOf(cell);
  if (error !== null) return refuse(errorCellReason(error));
  let n: number;
  if (typeof cell === "number") n = cell;
  else if (typeof cell === "string" && /^\s*\d+(?:\.0*)?\s*$/.test(cell)) n = Number(cell);
  else if (typeof cell === "string" && cell.trim() === "") return refuse("is blank");
  else if (cell === null || cell === undefined) return refuse("is blank");
  else return refuse("is not a whole number");
  if (!Number.isFinite(n) || !Number.isInteger(n)) return refuse("is not a whole number");
  if (n < 0) return refuse("is negative; it must be zero or more");
  if (n > max) return refuse(`is more than ${max}, the most this can be`);
  return accept(n);
}
