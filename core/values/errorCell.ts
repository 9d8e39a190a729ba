/**
 * Excel error values (#N/A, #REF!, …) reaching a reader.
 *
 * What Microsoft documents ("Handle and return errors from your custom function",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors, and the
 * functions.json reference for `allowErrorForDataTypeAny`): by default Excel does not
 * call a custom function when an argument is an error value; it shows that error in
 * the formula's cell (the call is skipped). A parameter of type `any` may be marked to
 * accept errors, and then the error arrives as a CustomFunctions.Error-like object
 * (`code` "#N/A", "#REF!", …), also as one cell inside a 2-D range. The ErrorCode
 * table notes #NAME? and #REF! as input-only errors. So a reader must expect both:
 * no call at all (nothing to do), or an object where a value was expected. Files add
 * a third route: an error saved as text ("#N/A" in a CSV, `t="e"` in xlsx).
 * Every reader here refuses all of them, naming the error, never reading it as a value.
 */

/** The error literals Excel shows in a cell. */
export const EXCEL_ERROR_TEXTS: ReadonlySet<string> = new Set([
  "#N/A",
  "#REF!",
  "#VALUE!",
  "#DIV/0!",
  "#NAME?",
  "#NULL!",
  "#NUM!",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#GETTING_DATA",
]);

/**
 * The Excel error a cell holds ("#N/A"), or null when it holds none: an error object
 * from Excel (anything with a `code` beginning "#"), or text that is exactly an error literal.
 */
export function excelErrorOf(cell: unknown): string | null {
  if (typeof cell === "string") {
    // Every text cell passes here: most have no "#" at all, so that is checked first.
    if (!cell.includes("#")) return null;
    const t = cell.trim().toUpperCase();
    return EXCEL_ERROR_TEXTS.has(t) ? t : null;
  }
  if (typeof cell === "object" && cell !== null && !Array.isArray(cell)) {
    const code = (cell as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("#")) return code;
    return "an error";
  }
  return null;
}

/** The refusal reason for an error cell. */
export function errorCellReason(code: string): string {
  return code === "an error" ? "is not a value Excel can pass (an error or object)" : `holds the Excel error ${code}: fix the cell it comes from`;
}
