import { ArrearsInputError } from "../../core/errors";
import { parseMonth } from "../../core/qa/month";
import { readReviewTable } from "../../core/qa/reviewTable";
import { averageScore, reviewsInMonth } from "../../core/qa/summary";
import { readDate } from "../../core/values/date";
import { excelErrorOf } from "../../core/values/errorCell";
import { gridOf, isBlank, refuseErrorCells } from "../excel/cells";
import { runCustomFunction } from "../excel/results";

const NAME = "ARREARS.QASCORE";

/**
 * An officer's average call-review score for a month, from the QAReviews table the call-review pane saves to. Uses each review's saved score, so editing a template never changes it; a review id repeated with the same answers counts once. Recalculates when reviews are added because the table is an argument.
 * @customfunction QASCORE
 * @helpurl https://localhost:3000/support.html#QASCORE
 * @param reviews The QAReviews table including its header row: QAReviews[#All].
 * @param officer The officer's name as it appears in the table (case and surrounding spaces are ignored).
 * @param month The month: any date in it, or text such as 2026-11, 11/2026 or Nov 2026.
 * @returns Average score 0-100 (one decimal place); #N/A when the officer has no scored review that month.
 */
export function qascore(reviews: any[][], officer: string, month: any): number {
  return runCustomFunction(NAME, () => {
    const grid = gridOf(reviews);
    const headers = (grid[0] ?? []).map((h) => String(h ?? "").trim().toLowerCase());
    for (const needed of ["review id", "officer", "call date", "score"]) {
      if (!headers.includes(needed)) {
        throw new ArrearsInputError("reviews", `reviews must be the QAReviews table with its header row, e.g. QAReviews[#All]: no "${needed}" column found`);
      }
    }
    refuseErrorCells(grid, "reviews");
    // A call date the one date grammar refuses (text, or a serial past 9999-12-31) would drop the review from every month unseen.
    const dateCol = headers.indexOf("call date");
    for (let r = 1; r < grid.length; r++) {
      const cell = grid[r][dateCol];
      if (isBlank(cell) || isBlank(grid[r][headers.indexOf("review id")])) continue;
      const d = readDate(cell);
      if (!d.ok) throw new ArrearsInputError("reviews", `reviews row ${r + 1}, call date ${JSON.stringify(cell)} ${d.reason}`);
    }
    if (isBlank(officer)) throw new ArrearsInputError("officer", "officer must be a name, got blank");
    if (excelErrorOf(officer) !== null || typeof officer === "object") throw new ArrearsInputError("officer", `officer ${excelErrorOf(officer) === null || excelErrorOf(officer) === "an error" ? "is not text" : `holds the error ${excelErrorOf(officer)}`}: it must be a name`);
    const m = parseMonth(Array.isArray(month) ? gridOf(month)[0]?.[0] : month);
    const avg = averageScore(reviewsInMonth(readReviewTable(grid, "the reviews range"), m, String(officer)));
    if (avg === null) return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `${NAME}: no scored reviews of ${String(officer).trim()} in ${m}`);
    return avg;
  }) as number;
}
