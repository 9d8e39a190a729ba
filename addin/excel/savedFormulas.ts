/**
 * How Excel stores ARREARS formulas in a file. Excel saves JavaScript custom
 * functions as `_xldudf_` + the name with the namespace dot made an underscore
 * (`ARREARS.TREND(` → `_xldudf_ARREARS_TREND(`) and binds them again when the
 * add-in's metadata loads; a file holding the display name instead is parsed as
 * an unknown function and stays #NAME? (office-js #108, #3558). Excel may also
 * qualify the saved name with another file (`[2]!_xldudf_…`, `Book.xla!_xldudf_…`,
 * #2568, #3872). The sample workbooks write this form; the pane's re-entry pass reads it.
 */

/** Prefix of a saved ARREARS call, before the function's id. */
export const SAVED_PREFIX = "_xldudf_ARREARS_";

// The saved form, with any workbook/add-in qualifier Excel put in front of it.
const SAVED_FORM = new RegExp(`(?:'[^']*'!|\\[\\d+\\]!|[A-Za-z0-9_.-]+\\.xla[m]?!)?${SAVED_PREFIX}([A-Za-z0-9]+)\\s*\\(`, "gi");

/** The saved (file) form of `ARREARS.<id>(<args>)`, e.g. `savedCall("TREND", "A1:B2")`. */
export function savedCall(id: string, ...args: string[]): string {
  return `${SAVED_PREFIX}${id}(${args.join(",")})`;
}

/**
 * Ids renamed since earlier builds, old to new: Excel may refuse two-character names
 * (UC, HB) and RETURN is an Excel 4.0 macro function. A workbook written with an old
 * id is re-entered under the new one instead of staying #NAME?.
 */
export const RENAMED_IDS: Readonly<Record<string, string>> = { UC: "UCAWARD", HB: "HBAWARD", RETURN: "MONTHLYRETURN" };

const currentId = (id: string): string => RENAMED_IDS[id.toUpperCase()] ?? id.toUpperCase();

// A display-form call to a renamed id (the name must end there: ARREARS.UCHOUSING is not ARREARS.UC).
const OLD_DISPLAY_FORM = new RegExp(`\\bARREARS\\.(${Object.keys(RENAMED_IDS).join("|")})\\s*\\(`, "gi");

/**
 * The display form of a formula: `_xldudf_ARREARS_X(` (however qualified) becomes
 * `ARREARS.X(`, and a renamed id (RENAMED_IDS) becomes its new name in either form.
 */
export function displayForm(formula: string): string {
  return formula.replace(SAVED_FORM, (_, name: string) => `ARREARS.${currentId(name)}(`).replace(OLD_DISPLAY_FORM, (_, name: string) => `ARREARS.${currentId(name)}(`);
}
