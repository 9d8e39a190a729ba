import { parseDateToSerial } from "../../core/dates/excelSerial";
import { ArrearsInputError, describeValue } from "../../core/errors";
import { parseAmount } from "../../core/export/cellValues";

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
 * Reads a cell as an amount in £. Numbers pass through; text that a housing
 * system exported as an amount ("£1,234.50", "(12.00)", "45.10 CR") is read as one;
 * blanks, other text and booleans give null so they are left out, never counted as 0.
 */
export function cellToAmount(cell: Cell): number | null {
  return typeof cell === "string" || typeof cell === "number" ? parseAmount(cell) : null;
}

/** Reads a cell as an Excel date serial or period number: a number, or ISO / dd/mm/yyyy text. */
export function cellToSerial(cell: Cell): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell === "string" && cell.trim() !== "") return parseDateToSerial(cell);
  return null;
}

/** A range's rows, tolerating a bare scalar (Excel passes one for a single-cell argument in some hosts). */
export function gridOf(range: unknown): Grid {
  if (range === null || range === undefined) return [];
  if (!Array.isArray(range)) return [[range]];
  return range.map((row) => (Array.isArray(row) ? row : [row]));
}

/**
 * Flattens a one-row or one-column range into a list.
 * @throws ArrearsInputError when the range has more than one row and more than one column.
 */
export function vectorOf(range: unknown, field: string): Cell[] {
  const grid = gridOf(range);
  if (grid.length === 0) return [];
  if (grid.length === 1) return [...grid[0]];
  if (grid.every((row) => row.length === 1)) return grid.map((row) => row[0]);
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
  const parsed = typeof v === "string" ? cellToAmount(v) : null;
  if (parsed === null) throw new ArrearsInputError(field, `${field} must be a number, got ${describeValue(v)}`);
  return parsed;
}

/**
 * Reads an argument that is either one number for every account or a row or
 * column with one per account. Blanks become null (unknown for that account).
 */
export function numberPerAccount(value: unknown, accounts: number, field: string): number | null | (number | null)[] {
  const grid = gridOf(value);
  const cells = grid.length === 0 ? [] : vectorOf(grid, field);
  if (cells.length <= 1) return optionalNumber(cells[0] ?? null, field);
  if (cells.length !== accounts) {
    throw new ArrearsInputError(field, `${field} must be one figure or one per account: got ${cells.length} for ${accounts} accounts`);
  }
  // A plain number needs no label; building "weekly rent (account 9123)" for every account only to discard it was most of this loop.
  return cells.map((c, i) => (typeof c === "number" && Number.isFinite(c) ? c : isBlank(c) ? null : optionalNumber(c, `${field} (account ${i + 1})`)));
}
