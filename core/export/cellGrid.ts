import { plainAmount, type AmountOptions } from "../values/amount";
import { plainDate } from "../values/date";
import { isBlankCell, type CellValue } from "./cellValues";

/**
 * A table as the readers walk it: cell by cell, so a table need not exist as one
 * array of cells per row. A CSV's grid (cli/io/csvGrid.ts) keeps the file's text and
 * where each field starts and ends, and reads a plain balance straight from its digits:
 * a year's balance history is 900,000 cells, and holding each as a string costs more
 * (mostly garbage collection) than everything else the report does.
 *
 * Every method answers exactly what the same question asked of {@link cell} would:
 * `isBlank(r, c)` is `isBlankCell(cell(r, c))`, `plainAmount(r, c, o)` is
 * `plainAmount(cell(r, c), o)`, `plainDate(r, c)` is
 * `plainDate(cell(r, c))`. The readers then give the same values and the same
 * refusals from either kind of grid (test/cli/io/csvGrid.test.ts holds a CSV's grid
 * to its parsed rows).
 */
export interface CellGrid {
  /** Rows, the header row included (row 0). */
  readonly rowCount: number;
  /** Cells in row r (a short row has fewer than the header). */
  width(r: number): number;
  /** The cell at row r, column c; undefined past the row's end. */
  cell(r: number, c: number): CellValue;
  /** True when the cell is blank ({@link isBlankCell}). */
  isBlank(r: number, c: number): boolean;
  /** The amount the cell plainly holds ({@link plainAmount}), or undefined. */
  plainAmount(r: number, c: number, options: AmountOptions): number | undefined;
  /**
   * The plain amounts of row r's columns `cols`, into `out` from `at` (slot k for cols[k]):
   * each is `plainAmount(r, cols[k], options)`, NaN where that is undefined (a plain amount
   * is never NaN). Returns how many are NaN, so a reader asks its full reader only for those.
   */
  plainAmountRow(r: number, cols: readonly number[], options: AmountOptions, out: Float64Array, at: number): number;
  /** The date serial the cell plainly holds ({@link plainDate}), or undefined. */
  plainDate(r: number, c: number): number | undefined;
  /** All of row r's cells, for a header or a message. */
  row(r: number): readonly CellValue[];
}

/** A table as arrays of cells, the header row first (an Excel range, a parsed sheet). */
export type TableRows = readonly (readonly CellValue[])[];

/** A table either as rows of cells or as a grid. */
export type Table = TableRows | CellGrid;

/** The grid over rows of cells: each answer is the plain function of the cell. */
export function gridOfRows(rows: TableRows): CellGrid {
  return {
    rowCount: rows.length,
    width: (r) => rows[r].length,
    cell: (r, c) => rows[r][c],
    isBlank: (r, c) => isBlankCell(rows[r][c]),
    plainAmount: (r, c, options) => plainAmount(rows[r][c], options),
    plainDate: (r, c) => plainDate(rows[r][c]),
    plainAmountRow(r, cols, options, out, at) {
      let misses = 0;
      for (let k = 0; k < cols.length; k++) {
        const v = plainAmount(rows[r][cols[k]], options);
        if (v === undefined) misses++;
        out[at + k] = v ?? Number.NaN;
      }
      return misses;
    },
    row: (r) => rows[r],
  };
}

/** A table as a grid, whichever form it came in. */
export function asGrid(table: Table): CellGrid {
  return isGrid(table) ? table : gridOfRows(table);
}

function isGrid(table: Table): table is CellGrid {
  return !Array.isArray(table);
}

/** True when every cell of row r is blank. */
export function isBlankGridRow(grid: CellGrid, r: number): boolean {
  const n = grid.width(r);
  for (let c = 0; c < n; c++) if (!grid.isBlank(r, c)) return false;
  return true;
}

/** The rows of a grid as arrays of cells (for a reader that takes rows). */
export function rowsOfGrid(grid: CellGrid): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let r = 0; r < grid.rowCount; r++) rows.push([...grid.row(r)]);
  return rows;
}
