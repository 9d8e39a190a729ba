import { ArrearsInputError, describeValue } from "../../core/errors";
import { readAmount } from "../../core/values/amount";
import { readDate } from "../../core/values/date";
import { excelErrorOf } from "../../core/values/errorCell";
import { readPeriodMark } from "../../core/values/period";

/**
 * Excel's shapes, adapted for core. Excel hands a custom function 2-D arrays for
 * ranges, `null` for an omitted argument, and for a blank cell `null` (web), `""`
 * or `0` (desktop, inside `any` ranges: office-js #4702, #5262). Everything that
 * reads a cell goes through here so every function treats them alike.
 */

/** A value from a cell as Excel passes it. */
export type Cell = unknown;
/** A range as Excel passes it: rows of cells. */
export type Grid = readonly (readonly Cell[])[];

/** True for an omitted argument or an empty cell. */
export function isBlank(cell: Cell): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/**
 * Reads a cell as an amount in £ by core's one amount grammar: numbers pass (rounded to
 * the penny), text a housing system exported as an amount ("£1,234.50", "(12.00)",
 * "45.10 CR") is read as one; blanks, other text, booleans and error cells give null.
 * Use {@link readAmount} where the refusal must be explained.
 */
export function cellToAmount(cell: Cell): number | null {
  const r = readAmount(cell);
  return r.ok ? r.value : null;
}

/** Reads a cell as an Excel date serial by core's one date grammar (1..2,958,465); null when it is not a date. */
export function cellToSerial(cell: Cell): number | null {
  const r = readDate(cell);
  return r.ok ? r.value : null;
}

/**
 * Reads a cell as a balance-history period: a period number (0 to 1000) or a date
 * (1980 on), by core's rule for history axes; null for a blank.
 * @throws ArrearsInputError naming the argument and position when it is neither.
 */
export function cellToPeriod(cell: Cell, field: string, position: number): number | null {
  if (isBlank(cell)) return null;
  const m = readPeriodMark(cell);
  if (m.ok && m.value.kind !== "label") return m.value.value;
  const shown = excelErrorOf(cell) === null ? `${describeValue(cell)} ` : "";
  throw new ArrearsInputError(field, `${field} cell ${position}: ${shown}${m.ok ? "is not a date or a period number" : m.reason}`);
}

/**
 * Throws if any cell of a range holds an Excel error (#N/A, #REF!…), naming the
 * argument, row and column: when a parameter accepts errors, Excel passes them as
 * objects inside the 2-D array (see core/values/errorCell for what the docs say).
 */
export function refuseErrorCells(grid: Grid, field: string): void {
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== null && typeof v === "object") {
        const code = excelErrorOf(v);
        throw new ArrearsInputError(field, `${field} row ${r + 1}, column ${c + 1} ${code === "an error" ? "is not a value" : `holds the error ${code}`}: fix that cell`);
      }
    }
  }
}

/** A range's rows, tolerating a bare scalar (Excel passes one for a single-cell argument in some hosts). */
export function gridOf(range: unknown): Grid {
  if (range === null || range === undefined) return [];
  if (!Array.isArray(range)) return [[range]];
  // A range of rows (what Excel passes) is used as it is; only a bare list is wrapped row by row.
  for (let r = 0; r < range.length; r++) if (!Array.isArray(range[r])) return range.map((row) => (Array.isArray(row) ? row : [row]));
  return range as Grid;
}

/**
 * Flattens a one-row or one-column range into a list.
 * @throws ArrearsInputError when the range has more than one row and more than one column.
 */
export function vectorOf(range: unknown, field: string): Cell[] {
  const grid = gridOf(range);
  if (grid.length === 0) return [];
  if (grid.length === 1) return [...grid[0]];
  // A column: one loop, no callbacks (a column of 17,000 weekly rents is read on every recalculation).
  const column: Cell[] = new Array(grid.length);
  for (let r = 0; r < grid.length; r++) {
    if (grid[r].length !== 1) break;
    column[r] = grid[r][0];
    if (r === grid.length - 1) return column;
  }
  throw new ArrearsInputError(field, `${field} must be a single row or column, got ${grid.length} rows by ${grid[0].length} columns`);
}

/**
 * Reads an optional single number: omitted and blank give null; text that is
 * not a number is an error naming the argument rather than a silent default.
 */
export function optionalNumber(value: unknown, field: string): number | null {
  const v = Array.isArray(value) ? gridOf(value)[0]?.[0] : value;
  if (isBlank(v)) return null;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const error = excelErrorOf(v);
  if (error !== null) throw new ArrearsInputError(field, `${field} ${error === "an error" ? "is not a value" : `holds the error ${error}`}: fix the cell it comes from`);
  // Options (weeks, horizons, an annual rent debit) are not single account lines: no £10M cap here.
  const parsed = typeof v === "string" ? readAmount(v, { max: Number.MAX_SAFE_INTEGER / 100 }) : null;
  if (parsed === null || !parsed.ok) throw new ArrearsInputError(field, `${field} must be a number, got ${describeValue(v)}`);
  return parsed.value;
}

/**
 * Reads an argument that is either one number for every account or a row or
 * column with one per account. Blanks become null (unknown for that account).
 */
export function numberPerAccount(value: unknown, accounts: number, field: string): number | null | (number | null)[] {
  const grid = gridOf(value);
  // A column with one cell per account (the usual shape: one weekly rent per row) is read straight from its rows,
  // without copying it into a list first; anything but a plain number or a blank takes the general path below from the start,
  // so every refusal and its wording are that path's.
  if (grid.length === accounts && accounts > 1) {
    const column = plainColumn(grid);
    if (column !== null) return column;
  }
  const cells = grid.length === 0 ? [] : vectorOf(grid, field);
  if (cells.length <= 1) return optionalNumber(cells[0] ?? null, field);
  if (cells.length !== accounts) {
    throw new ArrearsInputError(field, `${field} must be one figure or one per account: got ${cells.length} for ${accounts} accounts`);
  }
  // A plain number needs no label; building "weekly rent (account 9123)" for every account only to discard it was most of this loop.
  const out: (number | null)[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    out[i] = typeof c === "number" && c - c === 0 ? c : isBlank(c) ? null : optionalNumber(c, `${field} (account ${i + 1})`);
  }
  return out;
}

/**
 * A one-cell-wide range read as numbers in one pass: finite numbers as they are, blanks as null.
 * Null when any row is not one cell wide or any cell is something else (text, an error, NaN),
 * which the caller then reads cell by cell.
 */
function plainColumn(grid: Grid): (number | null)[] | null {
  const out: (number | null)[] = new Array(grid.length);
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r];
    if (row.length !== 1) return null;
    const c = row[0];
    if (typeof c === "number") {
      if (c - c !== 0) return null;
      out[r] = c;
    } else if (isBlank(c)) out[r] = null;
    else return null;
  }
  return out;
}
