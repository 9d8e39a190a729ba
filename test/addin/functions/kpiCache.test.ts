import fc from "fast-check";
import { kpi, monthlyReturnTable, returnCache } from "../../../addin/functions/monthlyReturn";
import { KPI_DEFINITIONS } from "../../../core/kpi/definitions";
import { isCfError, StubCustomFunctionsError } from "../../support/customFunctionsStub";
import { excelCell, sampleTable } from "../../support/excelSampleTables";

// The cache behind ARREARS.KPI must never answer with a figure for inputs other than the
// ones given. The property: warm the cache, change ONE cell anywhere (accounts, transactions,
// voids, options, period), and every KPI then equals what a cold computation of the changed
// inputs gives. The tables are changed in place, the way a test (or a host reusing arrays)
// could, so that identity-based keys would be caught too.

const ACCOUNTS = [
  ["Account Ref", "Tenancy Type", "Status", "Weekly Rent", "Officer", "Benefit", "Balance", "Tenancy End"],
  ["A1", "Secure", "Current", 100, "Ann", "none", 250, ""],
  ["A2", "Assured", "Current", 100, "Ann", "UC", 400, ""],
  ["A3", "Secure", "Current", 50, "Bob", "HB", 700, null],
  ["A4", "Starter", "Former", 80, "Bob", "none", 500, 45760],
  ["A5", "Secure", "Void", 90, "Bob", "none", 0, 45750],
];
const TRANSACTIONS = [
  ["Date", "Account Ref", "Type", "Amount"],
  [45748, "A1", "Rent", 433.33],
  [45757, "A1", "Payment", -300],
  [45748, "A2", "Rent", 433.33],
  [45767, "A2", "UC", -400],
  [45748, "A3", "Rent", 216.67],
  [45755, "A3", "HB", -200],
  [45760, "A4", "Write off", -20],
];
const VOIDS = [
  ["Property", "Void Start", "Void End", "Weekly Rent"],
  ["P9", 45740, 45770, 70],
  ["P8", 45760, "", 120],
];
const OPTIONS = [
  ["Void treatment", "net"],
  ["Age bands", "4,8,13"],
];
const START = 45748; // 1 April 2025
const END = 45777; // 30 April 2025

const IDS = [...KPI_DEFINITIONS.map((d) => d.id), "arrears_band_1_count", "arrears_band_4_count"];

type Inputs = { accounts: unknown[][]; transactions: unknown[][]; voids: unknown[][]; options: unknown[][]; period: unknown[] };
const fresh = (): Inputs => structuredClone({ accounts: ACCOUNTS, transactions: TRANSACTIONS, voids: VOIDS, options: OPTIONS, period: [START, END] });

/** A cell as text, errors by code and message, so results compare with toEqual. */
const shown = (v: unknown): unknown => (isCfError(v) ? `${v.code} ${v.message}` : v);
const allKpis = (x: Inputs): unknown[] =>
  IDS.map((id) => shown(kpi(id, x.accounts as any[][], x.transactions as any[][], x.period[0], x.period[1], x.options as any[][], x.voids as any[][])));

/** A new value for a cell given its old one: a replacement of any type, or a nudge of a number by a penny or less (the change a cache would most easily miss). */
const NEW_VALUE: fc.Arbitrary<(old: unknown) => unknown> = fc.oneof(
  fc
    .oneof(
      fc.integer({ min: -1000, max: 100000 }),
      fc.double({ min: -1000, max: 1000, noNaN: true }),
      fc.constantFrom("", " ", "x", "A1", "A2", "Former", "Current", "UC", "gross", "3,13", "2025-04-15", "Rent", "Payment", "-0"),
      fc.constant(null),
      fc.boolean(),
    )
    .map((v) => () => v),
  fc.constantFrom(0.01, -0.01, 0.001, 1, -1).map((d) => (old: unknown) => (typeof old === "number" ? old + d : old)),
);

describe("ARREARS.KPI's cache of computed returns", () => {
  beforeEach(() => returnCache.clear());

  it("answers every KPI over the same tables from one computation, fresh arrays or not", () => {
    const a = allKpis(fresh());
    const b = allKpis(fresh());
    expect(b).toEqual(a);
    // One computation for 2 × IDS.length calls: the first call computed, the rest were hits.
    expect(returnCache.misses).toBe(1);
    expect(returnCache.hits).toBe(2 * IDS.length - 1);
  });

  it("sees a change to any single cell of any argument", () => {
    let changedFigures = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.constantFrom<keyof Inputs>("accounts", "transactions", "voids", "options", "period"), fc.nat(), fc.nat(), NEW_VALUE, (arg, r, c, change) => {
        returnCache.clear();
        const inputs = fresh();
        const before = allKpis(inputs);
        // Change one cell in place.
        if (arg === "period") {
          const i = r % 2;
          const value = change(inputs.period[i]);
          fc.pre(!Object.is(inputs.period[i], value));
          inputs.period[i] = value;
        } else {
          const grid = inputs[arg];
          const row = grid[r % grid.length];
          const col = c % row.length;
          const value = change(row[col]);
          fc.pre(!Object.is(row[col], value));
          row[col] = value;
        }
        const cachedAnswer = allKpis(inputs);
        returnCache.clear();
        const coldAnswer = allKpis(structuredClone(inputs));
        expect(cachedAnswer).toEqual(coldAnswer);
        runs++;
        if (JSON.stringify(coldAnswer) !== JSON.stringify(before)) changedFigures++;
      }),
      { numRuns: 150 },
    );
    // Not vacuous: most single-cell changes move some figure or turn it into an error.
    expect(changedFigures).toBeGreaterThan(runs / 2);
  });

  it("shows a changed balance in the next KPI call, to the penny", () => {
    const x = fresh();
    // Current arrears: A1 250 + A2 400 + A3 700 = 1,350 (A4 is former, A5 void).
    expect(kpi("current_arrears", x.accounts as any[][], x.transactions as any[][], START, END)).toBe(1350);
    x.accounts[2][6] = 400.01; // A2's balance, one penny more
    expect(kpi("current_arrears", x.accounts as any[][], x.transactions as any[][], START, END)).toBe(1350.01);
  });

  it("shares the cache with MONTHLYRETURN without letting either change the other's figures", () => {
    const x = fresh();
    const table = monthlyReturnTable(x.accounts as any[][], x.transactions as any[][], START, END);
    const gross = table.find((row) => row[0] === "gross_arrears")![2];
    expect(kpi("gross_arrears", x.accounts as any[][], x.transactions as any[][], START, END)).toBe(gross);
    expect(returnCache.hits).toBe(1);
  });
});

// The same, over the 400-account sample export as Excel passes it (numbers, dates as serials,
// blanks as ""), each call given its own fresh copy: one cell changed in the first, a middle
// or the last row, to another number, other text, a blank or an error, and the next KPI
// calls answer what a cold computation of the changed tables gives.
describe("ARREARS.KPI's cache over the sample export", () => {
  const SAMPLE: Record<"accounts" | "transactions" | "voids", unknown[][]> = { accounts: sampleTable("accounts.csv"), transactions: sampleTable("transactions.csv"), voids: sampleTable("voids.csv") };
  const S_START = excelCell("2026-10-01");
  const S_END = excelCell("2026-10-31");
  type Sample = typeof SAMPLE;
  const sampleKpis = (x: Sample): unknown[] => IDS.map((id) => shown(kpi(id, x.accounts as any[][], x.transactions as any[][], S_START, S_END, undefined, x.voids as any[][])));
  const col = (table: unknown[][], name: string): number => {
    const c = (table[0] as string[]).indexOf(name);
    if (c < 0) throw new Error(`no column ${name}`);
    return c;
  };
  const NA = new StubCustomFunctionsError("#N/A");
  const CHANGES: { table: "accounts" | "transactions"; column: string; kind: string; to: (old: unknown) => unknown }[] = [
    { table: "accounts", column: "balance", kind: "number", to: (old) => (old as number) + 0.01 },
    { table: "accounts", column: "status", kind: "text", to: (old) => (old === "former" ? "current" : "former") },
    { table: "accounts", column: "status", kind: "blank", to: () => "" },
    { table: "accounts", column: "weekly rent", kind: "error", to: () => NA },
    { table: "transactions", column: "amount", kind: "number", to: (old) => (old as number) - 0.01 },
    { table: "transactions", column: "type", kind: "text", to: (old) => (old === "rent" ? "payment" : "rent") },
    { table: "transactions", column: "amount", kind: "blank", to: () => "" },
    { table: "transactions", column: "amount", kind: "error", to: () => NA },
  ];

  beforeEach(() => returnCache.clear());

  for (const change of CHANGES) {
    for (const where of ["first", "middle", "last"] as const) {
      it(`answers the new figures after a ${change.kind} cell in the ${where} row of ${change.table} (${change.column})`, () => {
        const before = sampleKpis(structuredClone(SAMPLE));
        expect(returnCache.misses).toBe(1);
        const changed = structuredClone(SAMPLE);
        const table = changed[change.table];
        const r = where === "first" ? 1 : where === "last" ? table.length - 1 : Math.floor(table.length / 2);
        const c = col(table, change.column);
        table[r][c] = change.to(table[r][c]);
        const cachedAnswer = sampleKpis(changed);
        returnCache.clear();
        const coldAnswer = sampleKpis(changed);
        expect(cachedAnswer).toEqual(coldAnswer);
        // Not vacuous: the change moves a figure or turns the KPIs into errors.
        expect(cachedAnswer).not.toEqual(before);
        // And the first tables, asked again, get their own figures back.
        expect(sampleKpis(structuredClone(SAMPLE))).toEqual(before);
      });
    }
  }
});
