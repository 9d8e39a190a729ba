/**
 * Excel's column letters for a zero-based column index: 0 → "A", 25 → "Z", 26 → "AA".
 * One function for every place that names a cell or a range (workbook writer and reader,
 * the review table in the add-in, the bench's native formulas).
 */
export function columnLetter(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
