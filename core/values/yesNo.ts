import { errorCellReason, excelErrorOf } from "./errorCell";
import { accept, refuse, type Reading } from "./reading";

/**
 * The one yes/no grammar: TRUE/FALSE, 1/0, and the words exports use (yes/no, y/n,
 * true/false, x for a ticked box), in any case. A blank cell is "no": an export leaves
 * a flag column empty when the flag is not set. Anything else is refused, never guessed.
 */

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

/** The two answers, shared: a flag column is read once per account, and a reading is never changed. */
const YES_READING: Reading<boolean> = Object.freeze(accept(true));
const NO_READING: Reading<boolean> = Object.freeze(accept(false));

/** Reads a cell as yes (true) or no (false). */
export function readYesNo(cell: unknown): Reading<boolean> {
  const error = excelErrorOf(cell);
  if (error !== null) return refuse(errorCellReason(error));
  if (cell === null || cell === undefined) return NO_READING;
  if (typeof cell === "boolean") return cell ? YES_READING : NO_READING;
  if (typeof cell === "number") return cell === 1 ? YES_READING : cell === 0 ? NO_READING : refuse("is not yes or no (use yes/no, y/n, TRUE/FALSE or 1/0)");
  if (typeof cell !== "string") return refuse("is not yes or no");
  const t = cell.trim().toLowerCase();
  if (t === "" || NO.has(t)) return NO_READING;
  if (YES.has(t)) return YES_READING;
  return refuse("is not yes or no (use yes/no, y/n, TRUE/FALSE or 1/0)");
}
