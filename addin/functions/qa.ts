import { ArrearsInputError } from "../../core/errors";
import { parseMonth } from "../../core/qa/month";
import { readReviewTable } from "../../core/qa/reviewTable";
import { averageScore, reviewsInMonth } from "../../core/qa/summary";
import { gridOf, isBlank } from "../excel/cells";
import { runCustomFunction } from "../excel/results";

const NAME = "ARREARS.QASCORE";

/**
 * An officer's average call-review score for a month, from the QAReviews table the call-review pane saves to. Uses each review's saved score, so editing a template never changes it. Recalculates when reviews are added because the table is an argument.
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
    if (isBlank(officer)) throw new ArrearsInputError("officer", "officer must be a name, got blank");
    const m = parseMonth(Array.isArray(month) ? gridOf(month)[0]?.[0] : month);
    const avg = averageScore(reviewsInMonth(readReviewTable(grid), m, String(officer)));
    if (avg === null) return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, `${NAME}: no scored reviews of ${String(officer).trim()} in ${m}`);
    return avg;
  }) as number;
}
