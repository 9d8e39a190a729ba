import * as fs from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { FIXED_HEADERS } from "../../../core/qa/reviewTable";
import { DIST, loadBuiltFunctions, type FunctionMetadata } from "../../support/builtAddin";
import { ErrorCode, isCfError } from "../../support/customFunctionsStub";

// Fuzzes every custom function the BUILD registered (dist/functions.json, read at run
// time, so renamed or added functions are covered without editing this list) with cells
// as Excel can pass them: numbers of every size (huge, negative, fractional, past what a
// date can be), text (amounts, dates, junk), booleans, blanks and Excel error objects
// (#N/A, #REF!… arriving inside ranges), in tables with the right headers so the values
// reach the deep readers (yes/no columns, last-action dates, QA call dates). No result
// may be "unexpected problem", NaN or Infinity, and no call may throw.

if (!fs.existsSync(path.join(DIST, "functions.json"))) {
  throw new Error("This suite fuzzes the BUILT add-in: dist/functions.json is missing. Run `npm run build` first (npm test does).");
}

const { metadata, log, CustomFunctions } = loadBuiltFunctions();
const ErrorClass = CustomFunctions.Error as new (code: string, message?: string) => object;
const errorCell = fc.constantFrom(...Object.values(ErrorCode)).map((code) => new ErrorClass(code));

const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -1, 1, 60, 45292, 2_958_465, 2_958_466, 1e12, 1e20, -1e20, 1e308, 12.499999999999998),
);
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " ", "12,50", "1.234,56", "(110.00)", "1010 CR", "£-5", "0x14", "NaN", "Infinity", "1e309", "31/02/2026", "2026-10-05 or 2026-11-05", "9999-12-31", "#N/A", "yes", "no", "x", "secure", "current", "UC", "HB/UC", "\r\n"),
);
const cell = fc.oneof({ weight: 3, arbitrary: number }, { weight: 3, arbitrary: text }, { weight: 1, arbitrary: fc.boolean() }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 2, arbitrary: errorCell });

/** A table with its header row and rows mixing plausible values with arbitrary cells. */
function table(header: readonly string[], plausible: readonly fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown[][]> {
  const row = fc.tuple(...plausible.map((p) => fc.oneof({ weight: 3, arbitrary: p }, { weight: 1, arbitrary: cell })));
  return fc.array(row, { minLength: 1, maxLength: 5 }).map((rows) => [[...header], ...rows]);
}

const dateCell = fc.oneof(fc.integer({ min: 40000, max: 50000 }), fc.constantFrom("2025-04-07", "07/04/2025", 2_958_465, 2_958_466, 1e15, -5));
const amountCell = fc.oneof(fc.integer({ min: -500, max: 5000 }), fc.constantFrom("£1,234.50", "(12.00)", "45.10 CR", "12,50", 1e300));
const yesNo = fc.constantFrom("yes", "no", "", true, false, 1, 0);

const accounts = table(
  ["Account", "Tenancy Type", "Status", "Weekly Rent", "Balance", "Officer", "Benefit", "Vulnerable", "Benefit Claim Pending", "Breathing Space Until", "Last Action", "Last Action Date", "UC Direct", "Bedrooms"],
  [
    fc.constantFrom("A1", "A2", "A3", 1001),
    fc.constantFrom("secure", "assured", "starter"),
    fc.constantFrom("current", "former", "void"),
    amountCell,
    amountCell,
    fc.constantFrom("North", "South"),
    fc.constantFrom("UC", "HB", ""),
    yesNo,
    yesNo,
    dateCell,
    fc.constantFrom("reminder", "notice", ""),
    dateCell,
    yesNo,
    fc.constantFrom(1, 2, "3", ""),
  ],
);
const transactions = table(["Date", "Account", "Type", "Amount"], [dateCell, fc.constantFrom("A1", "A2"), fc.constantFrom("rent", "payment", "hb"), amountCell]);
const voids = table(["Property", "Void Start", "Void End", "Weekly Rent"], [fc.constantFrom("P1", "P2"), dateCell, dateCell, amountCell]);
const reviews = table([...FIXED_HEADERS], FIXED_HEADERS.map((h) => (/date/i.test(h) ? dateCell : /score/i.test(h) ? fc.integer({ min: 0, max: 100 }) : /officer/i.test(h) ? fc.constant("Sam") : fc.constantFrom("R1", "R2", "x"))));
const grid = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 6 }))
  .chain(([rows, cols]) => fc.array(fc.array(fc.oneof({ weight: 4, arbitrary: amountCell }, { weight: 1, arbitrary: cell }), { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
const anyGrid = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });

/** An argument for a parameter, by its name where the name says what table it is, else by its type. */
function argument(p: FunctionMetadata["parameters"][number]): fc.Arbitrary<unknown> {
  const byName: Record<string, fc.Arbitrary<unknown>> = { accounts, transactions, voids, reviews, balances: grid };
  const value =
    byName[p.name] ??
    (p.dimensionality === "matrix"
      ? fc.oneof(anyGrid, grid)
      : /date|asof|period|month/i.test(p.name)
        ? fc.oneof(dateCell, cell)
        : cell);
  return p.optional ? fc.oneof(fc.constant(null), value) : value;
}

function problems(value: unknown, id: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => problems(v, id));
  if (isCfError(value)) return /unexpected problem/i.test(value.message) ? [`${id}: ${value.message}`] : [];
  if (typeof value === "number" && !Number.isFinite(value)) return [`${id}: returned ${value}`];
  return [];
}

describe("every built custom function, fuzzed with Excel's cells, error objects and out-of-range dates", () => {
  it("lists the functions from the generated functions.json", () => {
    expect(metadata.functions.length).toBeGreaterThan(10);
    for (const f of metadata.functions) expect(log.functions.has(f.id.toUpperCase())).toBe(true);
  });

  it.each(metadata.functions.map((f) => [f.id, f] as const))("ARREARS.%s never ends in an unexpected problem, NaN or Infinity", (id, fn) => {
    const impl = log.functions.get(id.toUpperCase())!;
    fc.assert(
      fc.property(fc.tuple(...fn.parameters.map(argument)), (args) => {
        let out: unknown;
        expect(() => (out = impl(...args))).not.toThrow();
        expect(problems(out, id)).toEqual([]);
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });
});
