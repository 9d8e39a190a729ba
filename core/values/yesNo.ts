import { errorCellReason, excelErrorOf } from "./errorCell";
import { accept, refuse, type Reading } from "./reading";

/**
 * The one yes/no grammar: TRUE/FALSE, 1/0, and the words exports use (yes/no, y/n,
 * true/false, x for a ticked box), in any case. A blank cell is "no": an export leaves
 * a flag column empty when the flag is not set. Anything else is refused, never guessed.
 */

const YES = new Set(["yes", "y", "true", "1", "x"]);
const NO = new Set(["no", "n", "false", "0"]);

/** Reads a cell as yes (true) or no (false). */
export function readYesNo(cell: unknown): Reading<boolean> {
  const error = excelErrorOf(cell);
  if (error !== null) return refuse(errorCellReason(error));
  if (cell === null || cell === undefined) return accept(false);
  if (typeof cell === "boolean") return accept(cell);
  if (typeof cell === "number") return cell === 1 ? accept(true) : cell === 0 ? accept(false) : refuse("is not yes or no (use yes/no, y/n, TRUE/FALSE or 1/0)");
  if (typeof cell !== "string") return refuse("is not yes or no");
  const t = cell.trim().toLowerCase();
  if (t === "" || NO.has(t)) return accept(false);
  if (YES.has(t)) return accept(true);
  return refuse("is not yes or no (use yes/no, y/n, TRUE/FALSE or 1/0)");
}
