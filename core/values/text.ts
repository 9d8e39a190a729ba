import { errorCellReason, excelErrorOf } from "./errorCell";
import { accept, refuse, type Reading } from "./reading";

/**
 * The one text grammar (account references, names, officers, codes): trimmed, with
 * line breaks normalised to `\n` (Windows `\r\n` and old Mac `\r`). Numbers become the
 * text Excel shows without formatting (an account reference 10234 is "10234"); a number
 * too large to be shown exactly (past 2^53, or in exponent form) is refused rather than
 * turned into "1.5e+21". Error cells (#N/A) are refused, so an error is never taken as
 * an account reference.
 */

/**
 * The text a cell plainly holds, without allocating a reading: text with no "#" (so no
 * error literal) and no CR, trimmed, when not blank. Undefined otherwise: the caller then
 * asks {@link readText} (same value for these cells, or the reason).
 */
export function plainText(cell: unknown): string | undefined {
  if (typeof cell !== "string" || cell.includes("#") || cell.includes("\r")) return undefined;
  const t = cell.trim();
  return t === "" ? undefined : t;
}

/** Reads a cell as text; a blank cell is refused with reason "is blank". */
export function readText(cell: unknown): Reading<string> {
  const error = excelErrorOf(cell);
  if (error !== null) return refuse(errorCellReason(error));
  if (cell === null || cell === undefined) return refuse("is blank");
  if (typeof cell === "string") {
    const t = (cell.includes("\r") ? cell.replace(/\r\n?/g, "\n") : cell).trim();
    return t === "" ? refuse("is blank") : accept(t);
  }
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return refuse("is not a finite number");
    const shown = String(cell);
    if (/e/i.test(shown) || (Number.isInteger(cell) && !Number.isSafeInteger(cell))) return refuse("is a number too large to be shown exactly; store it as text");
    return accept(shown);
  }
  if (typeof cell === "boolean") return accept(cell ? "TRUE" : "FALSE");
  return refuse("is not text");
}
