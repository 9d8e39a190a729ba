/**
 * How an ARREARS custom function is written into an .xlsx file.
 *
 * Excel saves JavaScript custom functions as `_xldudf_` + the name with the
 * namespace dot made an underscore (`ARREARS.TREND` → `_xldudf_ARREARS_TREND`),
 * and on open it binds those names to the add-in once the add-in's metadata
 * loads. A file holding the display name `ARREARS.TREND` instead is parsed as an
 * unknown function and stays #NAME? even after the add-in loads (office-js
 * issues #108, #3558, #6611), so the sample workbooks use Excel's own form.
 */
export const SAVED_FUNCTION_PREFIX = "_xldudf_";

/** The file form of `ARREARS.<name>(<args>)`, e.g. `arrearsCall("TREND", "A1:B2")`. */
export function arrearsCall(name: string, ...args: string[]): string {
  return `${SAVED_FUNCTION_PREFIX}ARREARS_${name}(${args.join(",")})`;
}
