import fc from "fast-check";
import { gridOfRows, type CellGrid } from "../../../core/export/cellGrid";
import { readSheetPart, sheetGrid } from "../../../cli/io/xlsx/read";
import { SheetCells } from "../../../cli/io/xlsx/sheetGrid";
import { columnLetter } from "../../../core/export/columnLetter";

// The xlsx reader keeps a sheet's cells in typed columns (SheetCells) while they come in
// reading order, and carries on with rows of values when one does not. Either way the
// sheet must hold what placing each cell into rows gives (a small reference below), be
// refused the same way (a cell twice, the cell budget), and its grid must answer every
// question as the grid over those rows does.

type Value = string | number | boolean | null;
interface Cell {
  r: number;
  c: number;
  v: Exclude<Value, null> | "blank";
}


function cellXml({ r, c, v }: Cell): string {
  const ref = `${columnLetter(c)}${r + 1}`;
  if (v === "blank") return `<c r="${ref}" s="1"/>`;
  if (typeof v === "number") return `<c r="${ref}"><v>${Object.is(v, -0) ? "-0" : v}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}" t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
}

/** Rows as the reader made them before: each value placed into its row (blanks before it null), refused when a cell comes twice or the budget runs out. */
function referenceRows(cells: Cell[], maxCells: number): Value[][] | string {
  const held = new Map<number, Value[]>();
  let budget = maxCells;
  let last = -1;
  for (const { r, c, v } of cells) {
    if (v === "blank") continue;
    const row = held.get(r) ?? [];
    held.set(r, row);
    if (c < row.length && row[c] !== null) return "twice";
    if (c >= row.length) {
      budget -= c + 1 - row.length;
      if (budget < 0) return "budget";
      while (row.length < c) row.push(null);
      row.push(v);
    } else row[c] = v;
    last = Math.max(last, r);
  }
  budget -= last + 1;
  if (budget < 0) return "budget";
  return Array.from({ length: last + 1 }, (_, r) => held.get(r) ?? []);
}

function readCells(cells: Cell[], maxCells: number) {
  const xml = `<worksheet><sheetData>${cells.map(cellXml).join("")}</sheetData></worksheet>`;
  return readSheetPart(new TextEncoder().encode(xml), "auto", [], { maxCells });
}

/** Every question a reader asks of a grid, asked of both, over every cell and a little past each row. */
function expectSameGrid(mine: CellGrid, reference: CellGrid): void {
  const money = { decimalSeparator: "." as const };
  const answers = (g: CellGrid) => {
    const out: unknown[] = [g.rowCount];
    for (let r = 0; r < reference.rowCount; r++) {
      const cols = Array.from({ length: reference.width(r) + 3 }, (_, c) => c - 1);
      const into = new Float64Array(cols.length + 2);
      out.push(g.width(r), g.row(r), ...cols.map((c) => [g.cell(r, c), g.isBlank(r, c), g.plainAmount(r, c, money), g.plainDate(r, c)]));
      out.push(g.plainAmountRow(r, cols, money, into, 1), [...into]);
    }
    return out;
  };
  expect(answers(mine)).toEqual(answers(reference));
}

const value = fc.oneof(
  fc.constantFrom<Cell["v"]>("blank", 0, -12.5, 95.5, 1e-7, 46000, 123456789.25, true, false, "", " ", "Smith", "2026-10-01", "95.50", "#N/A"),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
);
const cell = fc.record({ r: fc.integer({ min: 0, max: 12 }), c: fc.integer({ min: 0, max: 9 }), v: value });

describe("a sheet's cells in columns", () => {
  it("hold what placing each cell into rows gives, in reading order or not, and refuse alike", () => {
    const inOrder = fc.array(cell, { maxLength: 60 }).map((cs) => [...cs].sort((x, y) => x.r - y.r || x.c - y.c));
    // Mostly in order, with a cell or two moved: the columns give way to rows part-way through.
    const nearlyInOrder = fc.tuple(inOrder, fc.array(fc.nat(), { maxLength: 2 })).map(([cs, moves]) => {
      const out = [...cs];
      for (const m of moves) if (out.length > 1) out.splice(m % out.length, 0, out.splice((m * 7) % out.length, 1)[0]);
      return out;
    });
    fc.assert(
      fc.property(fc.oneof(inOrder, nearlyInOrder, fc.array(cell, { maxLength: 60 })), fc.constantFrom(10, 40, 1000), (cells, maxCells) => {
        const expected = referenceRows(cells, maxCells);
        let sheet;
        try {
          sheet = readCells(cells, maxCells);
        } catch (e) {
          const message = (e as Error).message;
          expect(expected).toBe(message.includes("appears twice") ? "twice" : message.includes("cell positions") ? "budget" : message);
          return;
        }
        expect(sheet.rows).toEqual(expected);
        expectSameGrid(sheetGrid(sheet), gridOfRows(expected as Value[][]));
      }),
      { numRuns: 1500 },
    );
  });

  it("keep a sheet in reading order in columns, and a grid over rows otherwise", () => {
    const inOrder = readCells([{ r: 0, c: 0, v: "a" }, { r: 2, c: 3, v: 5 }], 100);
    expect(sheetGrid(inOrder)).toBeInstanceOf(SheetCells);
    expect(inOrder.rows).toEqual([["a"], [], [null, null, null, 5]]);
    const outOfOrder = readCells([{ r: 2, c: 3, v: 5 }, { r: 0, c: 0, v: "a" }], 100);
    expect(sheetGrid(outOfOrder)).not.toBeInstanceOf(SheetCells);
    expect(outOfOrder.rows).toEqual(inOrder.rows);
  });

  it.each([undefined, 1, 100, 1 << 16])("appends across rows far apart and past the first capacity (%s slots at first)", (slots) => {
    const grid = new SheetCells(slots);
    const rows: Value[][] = [];
    for (let r = 0; r < 3000; r += 7) {
      const row: Value[] = [];
      for (let c = 0; c < 5; c += 2) {
        const v = r % 3 === 0 ? `t${r}.${c}` : r * 10 + c + 0.25;
        if (grid.widthAdded(r, c) < 0) throw new Error("refused a cell in reading order");
        grid.append(r, c, v);
        while (row.length < c) row.push(null);
        row.push(v);
      }
      while (rows.length < r) rows.push([]);
      rows.push(row);
    }
    expect(grid.rows([])).toEqual(rows);
    expectSameGrid(grid, gridOfRows(rows));
    expect(grid.widthAdded(0, 9)).toBe(-1);
  });
});
