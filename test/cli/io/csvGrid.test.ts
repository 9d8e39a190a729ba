import fc from "fast-check";
import { parseCsv } from "../../../cli/io/csv";
import { csvGrid, plainDecimal } from "../../../cli/io/csvGrid";
import { isBlankCell } from "../../../core/export/cellValues";
import { readBalanceHistory } from "../../../core/export/balanceHistory";
import { readExport } from "../../../core/export/readTables";
import { plainAmount } from "../../../core/values/amount";
import { plainDate } from "../../../core/values/date";

/**
 * The CSV grid (cli/io/csvGrid.ts) is what `arrears report` reads its CSV inputs
 * through; parseCsv's rows are the plain reading. For any text the grid must refuse
 * exactly when parseCsv refuses, with the same message, and otherwise answer every
 * question (cell, blank, plain amount) as the parsed row's cell would. The readers
 * then give the same export, history and refusals from either.
 */

const outcome = <T>(f: () => T): { ok: true; value: T } | { ok: false; message: string } => {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return { ok: false, message: `${(e as Error).name}: ${(e as Error).message}` };
  }
};

/** Text made of what CSV structure and amounts are made of, so quotes, breaks, blanks and numbers all meet. */
const csvText = fc
  .array(fc.constantFrom(",", ";", "\t", '"', '""', "\r", "\n", "\r\n", " ", "\u00a0", "a", "#N/A", "-", ".", "1", "12", "95.50", "-0.00", "123456789", "£", "x y", "", "\ufeff", "2026-10-01", "2024-02-29", "2023-02-29", "1900-02-28", "2026-1-5"), { maxLength: 40 })
  .map((parts) => parts.join(""));

/** Every question the readers ask of a grid, answered by the grid and by the parsed row. */
function agreesWithRows(text: string): void {
  const rows = outcome(() => parseCsv(text));
  const grid = outcome(() => csvGrid(text));
  expect(grid.ok).toBe(rows.ok);
  if (!rows.ok || !grid.ok) {
    expect(grid).toEqual(rows);
    return;
  }
  const g = grid.value;
  expect(g.rowCount).toBe(rows.value.length);
  rows.value.forEach((row, r) => {
    // The row's plain amounts in one call: each slot is the cell's plainAmount, NaN where it is undefined.
    const cols = Array.from({ length: row.length + 3 }, (_, k) => k - 1);
    for (const options of [{}, { decimalSeparator: "," as const }, { max: 50 }]) {
      const out = new Float64Array(cols.length + 2).fill(7);
      const misses = g.plainAmountRow(r, cols, options, out, 2);
      const expected = cols.map((c) => plainAmount(c < 0 ? undefined : row[c], options) ?? Number.NaN);
      expect([...out.subarray(2)]).toEqual(expected);
      expect([...out.subarray(0, 2)]).toEqual([7, 7]);
      expect(misses).toBe(expected.filter((v) => Number.isNaN(v)).length);
    }
    expect(g.width(r)).toBe(row.length);
    expect(g.row(r)).toEqual(row);
    for (let c = -1; c <= row.length + 1; c++) {
      const cell = c < 0 ? undefined : row[c];
      expect(g.cell(r, c)).toBe(cell);
      expect(g.isBlank(r, c)).toBe(isBlankCell(cell));
      expect(g.plainAmount(r, c, {})).toBe(plainAmount(cell, {}));
      expect(g.plainAmount(r, c, { decimalSeparator: "," })).toBe(plainAmount(cell, { decimalSeparator: "," }));
      expect(g.plainAmount(r, c, { max: 50 })).toBe(plainAmount(cell, { max: 50 }));
      expect(g.plainDate(r, c)).toBe(plainDate(cell));
    }
  });
}

describe("the CSV grid agrees with parseCsv", () => {
  it("on generated text: same refusal, or the same cells, blanks, plain amounts and plain dates", () => {
    fc.assert(fc.property(csvText, (text) => agreesWithRows(text)), { numRuns: 3000 });
  });

  it.each([
    ["an empty file", ""],
    ["blank lines before, between and after", "\n\r\na,b\n\n1,2\r\n\r\n"],
    ["a quoted empty field alone on a line (a blank line)", 'a\n""\nb'],
    ["quoted delimiters, quotes and line breaks", 'a,b\n"x,""y""\r\nz",2\n'],
    ["a short row and a long row", "a,b,c\n1\n1,2,3,4\n"],
    ["a lone CR as line end", "a;b\r1;2\r"],
    ["text after a closing quote (refused)", 'a,b\n"x"y,2\n'],
    ["a quote never closed (refused)", 'a,b\n"x,2\n'],
    ["two delimiters in the header (refused)", "a;b,c\n1;2,3\n"],
    ["a byte-order mark", "\ufeffaccount,balance\nA1,95.50\n"],
    ["more fields than a quarter of the characters (the columns grow)", `${",".repeat(999)}\n${"1,".repeat(500)}\n`],
  ])("%s", (_what, text) => agreesWithRows(text));

  it("refuses a file of more fields than the cap where parseCsv does, blank lines counted", () => {
    // 6,000,001 fields, all on blank lines: parseCsv counts them toward its cap, so must the grid.
    const text = "\n".repeat(6_000_001);
    expect(outcome(() => csvGrid(text))).toEqual(outcome(() => parseCsv(text)));
    expect(outcome(() => csvGrid(text)).ok).toBe(false);
  });
});

describe("plainDecimal reads a plain amount's digits as plainAmount reads its text", () => {
  it("on generated decimal-looking text", () => {
    const decimal = fc.stringMatching(/^-?\d{0,10}(\.\d{0,3})?$/);
    fc.assert(
      fc.property(decimal, fc.constantFrom("", " ", "x"), (t, tail) => {
        const text = `,${t}${tail},`;
        expect(plainDecimal(text, 1, 1 + t.length + tail.length)).toBe(plainAmount(t + tail));
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    // Number("0.1") and 1 / 10 are the same double (IEEE division rounds correctly); 0.29 is 29 / 100.
    ["0.1", 0.1],
    ["0.29", 0.29],
    ["-12.5", -12.5],
    ["9999999.99", 9999999.99],
    ["10000000.00", 10_000_000],
  ])("%s is %d", (text, value) => expect(plainDecimal(text, 0, text.length)).toBe(value));

  it.each(["10000000.01", "99999999.99", "123456789", "1.234", "1.", ".5", "-", "", "1,000", "+5", "-0.00x"])("declines %j", (text) => {
    expect(plainDecimal(text, 0, text.length)).toBeUndefined();
  });

  it("reads -0.00 as 0, not -0", () => expect(Object.is(plainDecimal("-0.00", 0, 5), 0)).toBe(true));
});

/** A small export as CSV text, with cells that the generator may spoil. */
const ACCOUNTS_HEADER = "Account,Status,Tenancy type,Weekly rent,Balance,Benefit,Officer,Bedrooms,Tenancy start";
const accountLine = (i: number, rent: string, balance: string, start: string) => `A${i},current,general,${rent},${balance},none,Officer ${i % 3},2,${start}`;

describe("the readers give the same export and the same refusals from a CSV's grid as from its rows", () => {
  const amount = fc.constantFrom("95.50", "-12", "0", "", " ", "1,234.56", "(12.50)", "12,50", "#N/A", "abc", "1e3", "10000000.01", '"95.50"', "95.5 ", "-0.00");
  const date = fc.constantFrom("01/04/2020", "2020-04-01", "", "31/02/2020", "44000");

  it("accounts and transactions", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(amount, amount, date), { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(date, amount), { maxLength: 6 }), (accounts, transactions) => {
        const accountsCsv = [ACCOUNTS_HEADER, ...accounts.map(([r, b, d], i) => accountLine(i, r, b, d))].join("\n");
        const transactionsCsv = ["Date,Account,Type,Amount", ...transactions.map(([d, a], i) => `${d},A${i},payment,${a}`)].join("\n");
        const fromRows = outcome(() => readExport({ accounts: parseCsv(accountsCsv), transactions: parseCsv(transactionsCsv) }));
        const fromGrid = outcome(() => readExport({ accounts: csvGrid(accountsCsv), transactions: csvGrid(transactionsCsv) }));
        expect(fromGrid).toEqual(fromRows);
      }),
      { numRuns: 500 },
    );
  });

  it("a wide balance history", () => {
    fc.assert(
      fc.property(fc.array(fc.array(amount, { minLength: 0, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (lines) => {
        const csv = ["Account,01/04/2026,08/04/2026,15/04/2026,22/04/2026", ...lines.map((cells, i) => [`A${i}`, ...cells].join(","))].join("\n");
        expect(outcome(() => readBalanceHistory(csvGrid(csv)))).toEqual(outcome(() => readBalanceHistory(parseCsv(csv))));
      }),
      { numRuns: 500 },
    );
  });

  it("a long balance history", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(date, amount), { minLength: 1, maxLength: 6 }), (lines) => {
        const csv = ["Account,Date,Balance", ...lines.map(([d, b], i) => `A${i % 2},${d},${b}`)].join("\n");
        expect(outcome(() => readBalanceHistory(csvGrid(csv)))).toEqual(outcome(() => readBalanceHistory(parseCsv(csv))));
      }),
      { numRuns: 500 },
    );
  });
});
