import fc from "fast-check";
import { toColumnar } from "../../../core/columns/columnarExport";
import { ArrearsInputError } from "../../../core/errors";
import { TRANSACTION_TYPES, type Account, type CanonicalExport, type Transaction, type VoidPeriod } from "../../../core/export/schema";
import { monthlyReturn, monthlyReturnOfColumns, MonthlyReturnOptionsSchema, returnFromSums, UNMATCHED_OFFICER, type MonthlyReturn, type MonthlyReturnOptionsInput } from "../../../core/kpi/monthlyReturn";
import { reportingYearStart } from "../../../core/kpi/reportingYear";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";
import { rowReturnSums } from "../../support/rowReturnSums";
import { testAccount } from "../../support/accounts";

/**
 * The columnar return (accounts and transactions as typed columns, sums in typed
 * arrays per officer) against the same return summed the plain way, record by
 * record over the row objects (test/support/rowReturnSums.ts): every figure, every
 * officer line, every warning and every refusal must be the same.
 */

/** The return worked row by row: the plain sums, then the same figures step as the columnar path. */
function rowReturn(data: CanonicalExport, options: MonthlyReturnOptionsInput): MonthlyReturn {
  const opts = MonthlyReturnOptionsSchema.parse(options);
  const sums = rowReturnSums(data, {
    periodStart: opts.periodStart,
    periodEnd: opts.periodEnd,
    yearStart: reportingYearStart(opts.periodEnd),
    ageBands: opts.ageBands,
    weeksPerYear: opts.weeksPerYear,
    gross: opts.voidTreatment === "gross",
    technicalWeeks: opts.technicalWeeks,
  });
  return returnFromSums(sums, opts, data.warnings ?? []);
}

/** The refusal a call gives, as text (field and message), or "no refusal". */
function refusalOf(f: () => unknown): string {
  try {
    f();
    return "no refusal";
  } catch (e) {
    if (e instanceof ArrearsInputError) return `${e.field}: ${e.message}`;
    throw e;
  }
}

const START = 45748; // 1 April 2025
const END = 45777; // 30 April 2025

const account = testAccount;
const tx = (date: number, ref: string, type: Transaction["type"], amount: number): Transaction => ({ date, account: ref, type, amount, method: null });

describe("columnar monthly return against the row-by-row sums", () => {
  it("agrees on the generated team export (17,000 accounts), every option set", () => {
    const periodStart = isoToSerial("2026-10-01");
    const periodEnd = isoToSerial("2026-10-31");
    const exp = generateTeamExport({ accounts: 17_000, officers: 12, seed: 20261, periodStart, periodEnd, weeks: 4 });
    const data: CanonicalExport = { accounts: exp.accounts, transactions: exp.transactions, voids: exp.voids };
    const optionSets: MonthlyReturnOptionsInput[] = [
      { periodStart, periodEnd },
      { periodStart, periodEnd, voidTreatment: "gross", ageBands: [2, 6], weeksPerYear: 53, annualRentDebit: 60_000_000 },
      { periodStart: periodStart + 10, periodEnd: periodEnd - 5, technicalWeeks: { UC: 5, HB: 0 } },
    ];
    for (const options of optionSets) {
      const columnar = monthlyReturn(data, options);
      expect(columnar).toEqual(rowReturn(data, options));
      // The figures are not trivially empty: the fixture has money in every main sum.
      expect(columnar.totals.currentArrears).toBeGreaterThan(0);
      expect(columnar.byOfficer.length).toBeGreaterThanOrEqual(12);
    }
    // Without a voids table the empty homes' own rows give the void loss.
    const noVoids = { ...data, voids: null };
    expect(monthlyReturn(noVoids, optionSets[0])).toEqual(rowReturn(noVoids, optionSets[0]));
  });

  it("one set of columns serves many returns (other periods and options) with the same figures", () => {
    const exp = generateTeamExport({ accounts: 600, officers: 5, seed: 4, periodStart: START, periodEnd: END, weeks: 2 });
    const data: CanonicalExport = { accounts: exp.accounts, transactions: exp.transactions, voids: exp.voids };
    const cols = toColumnar(data);
    for (const options of [{ periodStart: START, periodEnd: END }, { periodStart: START + 7, periodEnd: END, voidTreatment: "gross" as const }]) {
      expect(monthlyReturnOfColumns(cols, options)).toEqual(rowReturn(data, options));
    }
  });

  it("credit balances, unmatched transactions, former write-offs and void periods land on the same lines", () => {
    const data: CanonicalExport = {
      accounts: [
        account("A1", { balance: -120.5 }), // in credit: currentCredit, not arrears
        account("A2", { balance: 0 }),
        account("A3", { status: "former", officer: "Bob", balance: 80 }),
        account("A4", { status: "void", officer: "Cy", weeklyRent: 70, tenancyEnd: START + 9 }),
        account("A5", { officer: "", benefit: "UC", balance: 450, weeklyRent: 90 }), // no officer: "(unassigned)"
      ],
      transactions: [
        tx(START, "A1", "rent", 433.33),
        tx(START + 3, "ZZ9", "payment", -50), // not in the accounts table, in the period
        tx(START - 20, "ZZ9", "payment", -5), // not in the table, before the period but in the year (1 April is the period start here, so none)
        tx(START + 4, "A3", "writeoff", -80),
        tx(START + 5, "A5", "dhp", -25),
        tx(START + 6, "A5", "refund", 10),
      ],
      voids: [
        { property: "P1", voidStart: START + 2, voidEnd: null, weeklyRent: 70, officer: "Dee" }, // an officer with no accounts
        { property: "P2", voidStart: START - 400, voidEnd: START - 300, weeklyRent: 90, officer: "Eve" }, // ended before the year: no line
      ],
    };
    const options = { periodStart: START, periodEnd: END };
    const columnar = monthlyReturn(data, options);
    expect(columnar).toEqual(rowReturn(data, options));
    const officers = columnar.byOfficer.map((o) => o.officer);
    // Dee gets a line for her void; Eve's void cost nothing this year, so no line; the unmatched line is last.
    expect(officers).toEqual(["Ann", "Bob", "Cy", "Dee", "(unassigned)", UNMATCHED_OFFICER]);
    expect(columnar.totals.currentCredit).toBe(-12050);
    expect(columnar.totals.formerWriteoffs).toBe(8000);
    expect(columnar.unmatchedTransactions).toBe(1);
  });

  it("refuses the same record with the same words as the row path", () => {
    const options = { periodStart: START, periodEnd: END };
    const base: CanonicalExport = { accounts: [account("A1", { balance: 10 }), account("A2")], transactions: [tx(START, "A1", "rent", 400)], voids: [] };
    const cases: [string, CanonicalExport][] = [
      ["blank balance (NaN)", { ...base, accounts: [account("A1"), account("A2", { balance: Number.NaN })] }],
      ["negative weekly rent", { ...base, accounts: [account("A1", { weeklyRent: -1 }), account("A2", { balance: Number.NaN })] }],
      ["amount not a number in the period", { ...base, transactions: [tx(START, "A1", "rent", 400), tx(START + 1, "A2", "payment", Number.NaN)] }],
      ["amount not a number outside the period (not read)", { ...base, transactions: [tx(END + 1, "A2", "payment", Number.NaN)] }],
      ["a type the return does not place", { ...base, transactions: [tx(START + 1, "A2", "bonus" as Transaction["type"], 1)] }],
      ["a void's weekly rent below zero", { ...base, voids: [{ property: "P9", voidStart: START, voidEnd: null, weeklyRent: -5, officer: null }] }],
    ];
    for (const [what, data] of cases) {
      const row = refusalOf(() => rowReturn(data, options));
      expect({ what, refusal: refusalOf(() => monthlyReturn(data, options)) }).toEqual({ what, refusal: row });
    }
    // The cases above do refuse (all but the one outside the period), so the comparison is not of two silences.
    expect(refusalOf(() => monthlyReturn(cases[0][1], options))).toBe("accounts.balance: account A2: balance must be a number");
    expect(refusalOf(() => monthlyReturn(cases[3][1], options))).toBe("no refusal");
    // A bad option is the refusal even when a record is bad too.
    expect(refusalOf(() => monthlyReturn(cases[0][1], { periodStart: END, periodEnd: START }))).toMatch(/^periodEnd: period end must be on or after period start/);
  });

  it("agrees on random small exports (fast-check)", () => {
    const refs = ["A1", "A2", "A3", "A4", "A5", "A6", "X1"]; // X1 never has an account row
    const pounds = fc.integer({ min: -50_000, max: 200_000 }).map((p) => p / 100);
    const accountArb = fc.record({
      ref: fc.constantFrom(...refs.slice(0, 6)),
      status: fc.constantFrom("current", "current", "former", "void"),
      benefit: fc.constantFrom("UC", "HB", "none"),
      officer: fc.constantFrom("Ann", "Bob", "", "Cy"),
      balance: pounds,
      weeklyRent: fc.integer({ min: 0, max: 25_000 }).map((p) => p / 100),
      tenancyEnd: fc.option(fc.integer({ min: START - 60, max: END }), { nil: null }),
    });
    const txArb = fc.record({
      date: fc.integer({ min: START - 400, max: END + 10 }),
      ref: fc.constantFrom(...refs),
      type: fc.constantFrom(...TRANSACTION_TYPES),
      amount: pounds,
    });
    const voidArb = fc.record({
      voidStart: fc.integer({ min: START - 400, max: END + 5 }),
      length: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
      weeklyRent: fc.integer({ min: 0, max: 20_000 }).map((p) => p / 100),
      officer: fc.option(fc.constantFrom("Ann", "Dee", UNMATCHED_OFFICER), { nil: null }),
    });
    const optionsArb = fc.record({
      startOffset: fc.integer({ min: -40, max: 20 }),
      days: fc.integer({ min: 0, max: 60 }),
      gross: fc.boolean(),
      bands: fc.constantFrom([4, 8, 13], [1], [2, 3.5, 9, 20]),
    });
    fc.assert(
      fc.property(fc.array(accountArb, { maxLength: 12 }), fc.array(txArb, { maxLength: 30 }), fc.option(fc.array(voidArb, { maxLength: 4 }), { nil: null }), optionsArb, (accs, txs, voids, o) => {
        const data: CanonicalExport = {
          accounts: accs.map((a) => account(a.ref, { status: a.status as Account["status"], benefit: a.benefit as Account["benefit"], officer: a.officer, balance: a.balance, weeklyRent: a.weeklyRent, tenancyEnd: a.tenancyEnd })),
          transactions: txs.map((t) => tx(t.date, t.ref, t.type, t.amount)),
          voids: voids?.map((v, i): VoidPeriod => ({ property: `P${i}`, voidStart: v.voidStart, voidEnd: v.length === null ? null : v.voidStart + v.length, weeklyRent: v.weeklyRent, officer: v.officer })) ?? null,
        };
        const options = { periodStart: START + o.startOffset, periodEnd: START + o.startOffset + o.days, voidTreatment: o.gross ? ("gross" as const) : ("net" as const), ageBands: [...o.bands] };
        expect(monthlyReturn(data, options)).toEqual(rowReturn(data, options));
      }),
      { numRuns: 300 },
    );
  });
});
