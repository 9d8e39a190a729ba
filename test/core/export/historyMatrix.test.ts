import fc from "fast-check";
import { historyColumnsOf } from "../../../core/columns/historyColumns";
import { refIndex } from "../../../core/columns/refIndex";
import { readBalanceHistory, readBalanceHistoryColumns } from "../../../core/export/balanceHistory";
import { DEFAULT_PROFILE } from "../../../core/export/profile";
import type { CellValue } from "../../../core/export/cellValues";
import { csvGrid } from "../../../cli/io/csvGrid";

/**
 * `arrears report` reads its balance history straight into the matrix aligned to the
 * account rows (readBalanceHistoryColumns). The plain reading is the row reader followed
 * by historyColumnsOf: for any table and any accounts the two must refuse alike (same
 * message) or give the same matrix, slot for slot (NaN where no snapshot).
 */

type Outcome = { ok: true; value: ReturnType<typeof historyColumnsOf> } | { ok: false; message: string };

const outcome = (f: () => ReturnType<typeof historyColumnsOf>): Outcome => {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return { ok: false, message: `${(e as Error).name}: ${(e as Error).message}` };
  }
};

const plain = (table: CellValue[][], accounts: string[]) => outcome(() => historyColumnsOf(readBalanceHistory(table, DEFAULT_PROFILE), accounts, refIndex(accounts)));
const direct = (table: CellValue[][], accounts: string[]) => outcome(() => readBalanceHistoryColumns(table, DEFAULT_PROFILE, accounts, refIndex(accounts)));

/** The matrix as plain data (typed arrays to arrays, NaN kept as NaN by toEqual), so a difference shows where it is. */
function shape(o: Outcome) {
  if (!o.ok) return o;
  const m = o.value;
  return { rows: m.rows, weeks: m.weeks, dates: [...m.dates], axis: m.axis, balances: [...m.balances], hasHistory: [...m.hasHistory], finite: [...m.finite], irregular: [...m.irregular.keys()] };
}

const refs = fc.constantFrom("A1", "A2", "A3", "A4", "B9");
const cell = fc.oneof(
  fc.constantFrom<CellValue>("", null, "12,50", "(110.00)", "1010 CR", "abc", "#N/A", -0, 0),
  fc.integer({ min: -500, max: 5000 }),
  fc.double({ min: -1000, max: 1000, noNaN: true }).map((x) => Math.round(x * 100) / 100),
);
const wideHeader = fc.constantFrom<CellValue[]>(["Account", "2025-04-07", "2025-04-14", "2025-04-21"], ["Account", 1, 2, 3], ["Account", "2025-04-07", "2025-04-07", "x"], ["Account", "Weekly rent", "2025-04-07", "2025-04-14"]);
const longHeader = fc.constant<CellValue[]>(["account", "date", "balance"]);

describe("balance history read straight into the matrix", () => {
  it("agrees with the row reader then historyColumnsOf: the same refusal or the same matrix (wide, long, repeated and missing accounts)", () => {
    fc.assert(
      fc.property(
        fc.oneof(wideHeader, longHeader),
        fc.array(fc.tuple(refs, fc.array(cell, { minLength: 3, maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        fc.array(refs, { maxLength: 6 }),
        (header, rows, accounts) => {
          const table: CellValue[][] = [header, ...rows.map(([ref, cells]) => [ref, ...cells])];
          expect(shape(direct(table, accounts))).toEqual(shape(plain(table, accounts)));
        },
      ),
      { numRuns: 600 },
    );
  });

  it("fills each account's row from its history row, in the accounts' order, and leaves accounts with no history as NaN (never £0)", () => {
    // Accounts in another order than the history, one with no history row, one history row for no account.
    const table: CellValue[][] = [
      ["Account", "2025-04-07", "2025-04-14"],
      ["A1", 10, ""],
      ["ZZ", 1, 2],
      ["A2", "(5.00)", 7.5],
    ];
    const m = readBalanceHistoryColumns(table, DEFAULT_PROFILE, ["A2", "A3", "A1"], refIndex(["A2", "A3", "A1"]));
    // Worked by hand: row 0 = A2's (5.00) = -5 and 7.5; row 1 = A3, no history; row 2 = A1's 10 and a blank.
    expect([...m.balances]).toEqual([-5, 7.5, NaN, NaN, 10, NaN]);
    expect([...m.hasHistory]).toEqual([1, 0, 1]);
    expect([...m.finite]).toEqual([1, 0, 0]);
    expect(m.dates).toEqual([45754, 45761]); // 7 and 14 April 2025 as Excel serials
  });

  it("refuses a bad balance of a history row that is no account's, as the row reader does", () => {
    const table: CellValue[][] = [["Account", "2025-04-07"], ["ZZ", "12,50"]];
    expect(() => readBalanceHistoryColumns(table, DEFAULT_PROFILE, ["A1"], refIndex(["A1"]))).toThrow('history row 2, column "2025-04-07": balance "12,50" uses a decimal comma');
  });

  it("agrees with the plain reading over a CSV grid (what the report passes)", () => {
    const text = "Account,2025-04-07,2025-04-14\r\nA1,10.50,\r\nA2,(3.00),4\r\n";
    const grid = csvGrid(text);
    const rows: CellValue[][] = [["Account", "2025-04-07", "2025-04-14"], ["A1", "10.50", ""], ["A2", "(3.00)", "4"]];
    const accounts = ["A1", "A2"];
    const direct = readBalanceHistoryColumns(grid, DEFAULT_PROFILE, accounts, refIndex(accounts));
    expect([...direct.balances]).toEqual([10.5, NaN, -3, 4]);
    expect(shape({ ok: true, value: direct })).toEqual(shape(plain(rows, accounts)));
  });
});
