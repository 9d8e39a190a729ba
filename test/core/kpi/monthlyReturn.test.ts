import { ArrearsInputError } from "../../../core/errors";
import type { Account, CanonicalExport, Transaction } from "../../../core/export/schema";
import { readTransactions } from "../../../core/export/readTables";
import { KPI_DEFINITIONS } from "../../../core/kpi/definitions";
import { reportingYearStart } from "../../../core/kpi/reportingYear";
import { arrearsAgeing, bandIndex, kpiById, monthlyReturn, UNMATCHED_OFFICER, type MonthlyReturn } from "../../../core/kpi/monthlyReturn";
import { testAccount } from "../../support/accounts";

// April 2025: serial 45748 (1 April) to 45777 (30 April), inclusive.
const START = 45748;
const END = 45777;

const account = testAccount;

const tx = (date: number, acc: string, type: Transaction["type"], amount: number): Transaction => ({ date, account: acc, type, amount, method: null });

/**
 * The hand-worked fixture. Every figure asserted below is worked out in the comments
 * from these rows alone.
 */
const ACCOUNTS: Account[] = [
  account("A1", { balance: 250 }), // 2.5 weeks of £100: band "under 4"
  account("A2", { tenancyType: "assured", benefit: "UC", balance: 400 }), // exactly 4 weeks: band "4 to under 8"; UC
  account("A3", { weeklyRent: 50, officer: "Bob", benefit: "HB", balance: 700 }), // 14 weeks: "13 and over"; HB
  account("A4", { tenancyType: "starter", weeklyRent: 80, officer: "Bob", balance: -30 }), // in credit
  account("A5", { status: "former", tenancyEnd: 45760, balance: 500 }), // ended mid-April, owes £500, paid £25 after leaving
  account("A6", { status: "former", officer: "Bob", tenancyEnd: 45000, balance: -10 }), // former, in credit: not arrears
  account("A7", { status: "void", weeklyRent: 70, officer: "Bob", tenancyEnd: 45762 }), // empty from 16 April: 15 days
  account("A8", { tenancyType: "assured", weeklyRent: 120 }), // no transactions at all, balance 0
  account("A9", { tenancyType: "other", weeklyRent: 0, officer: "(unassigned)", balance: 60 }), // no weekly rent recorded
];

const TRANSACTIONS: Transaction[] = [
  tx(45748, "A1", "rent", 433.33),
  tx(45757, "A1", "payment", -300),
  tx(45752, "A1", "adjustment", 5), // adjustments are neither due nor collected
  tx(45747, "A1", "payment", -999), // 31 March: outside the period
  tx(45748, "A2", "rent", 433.33),
  tx(45767, "A2", "uc", -400),
  tx(45778, "A2", "rent", 433.33), // 1 May: outside the period
  tx(45748, "A3", "rent", 216.67),
  tx(45760, "A3", "hb", -200),
  tx(45748, "A4", "rent", 346.67),
  tx(45750, "A4", "payment", -400),
  tx(45770, "A4", "refund", 50), // refund paid out: reduces collected
  tx(45765, "A5", "payment", -25), // former tenant payment counts as collected
  tx(45777, "A5", "writeoff", -100), // former tenant write-off
  tx(45760, "ZZ9", "payment", -10), // account not in the table
];

const DATA: CanonicalExport = { accounts: ACCOUNTS, transactions: TRANSACTIONS, voids: null };

const value = (ret: MonthlyReturn, id: string) => kpiById(ret, id).value;

describe("monthly return on the hand-worked fixture", () => {
  const ret = monthlyReturn(DATA, { periodStart: START, periodEnd: END });

  it("sums rent due and collected from transactions dated in the period only", () => {
    // Rent due: 433.33 + 433.33 + 216.67 + 346.67 = 1,430.00 (A2's May debit excluded).
    expect(value(ret, "rent_due")).toBe(1430);
    // Collected: 300 + 400 (UC) + 200 (HB) + 400 − 50 (refund) + 25 (former) + 10 (unmatched) = 1,285.00 (the March payment excluded).
    expect(value(ret, "rent_collected")).toBe(1285);
  });

  it("gives both collection rates, named apart, net of voids by default", () => {
    // 1,285 ÷ 1,430 × 100 = 89.8601… → 89.86.
    expect(value(ret, "collection_rate_arc")).toBe(89.86);
    expect(value(ret, "collection_rate_excl_bf")).toBe(89.86);
    expect(kpiById(ret, "collection_rate_arc").name).toMatch(/ARC Indicator 26/);
    expect(kpiById(ret, "collection_rate_excl_bf").name).toMatch(/Housemark/);
    // Gross: 1,285 ÷ (1,430 + 150 void loss) × 100 = 81.3291… → 81.33.
    const gross = monthlyReturn(DATA, { periodStart: START, periodEnd: END, voidTreatment: "gross" });
    expect(value(gross, "collection_rate_arc")).toBe(81.33);
  });

  it("takes arrears from closing balances, ignoring credits, void and former accounts as the definitions say", () => {
    // Current arrears: A1 250 + A2 400 + A3 700 + A9 60 = 1,410 (A4's credit not netted off).
    expect(value(ret, "current_arrears")).toBe(1410);
    // Former: A5 500 (A6 is in credit).
    expect(value(ret, "former_arrears")).toBe(500);
    expect(value(ret, "gross_arrears")).toBe(1910);
  });

  it("divides arrears by the annual rent debit: weekly rent of current homes × 52, net of empty homes by default", () => {
    // Annual debit (net): current homes A1 100 + A2 100 + A3 50 + A4 80 + A8 120 + A9 0 = 450 a week × 52 = 23,400 (A7, empty, left out).
    expect(ret.totals.annualDebit).toBe(2_340_000);
    // 1,410 ÷ 23,400 = 6.0256… % → 6.03; 500 ÷ 23,400 = 2.1367… → 2.14; 1,910 ÷ 23,400 = 8.1623… → 8.16.
    expect(value(ret, "current_arrears_pct")).toBe(6.03);
    expect(value(ret, "former_arrears_pct")).toBe(2.14);
    expect(value(ret, "gross_arrears_pct")).toBe(8.16);
    // A given annual debit replaces it: 1,410 ÷ 141,000 = 1.00 %.
    const given = monthlyReturn(DATA, { periodStart: START, periodEnd: END, annualRentDebit: 141_000 });
    expect(value(given, "current_arrears_pct")).toBe(1);
    expect(kpiById(given, "current_arrears_pct").note).toMatch(/annual rent debit given as £141000.00/);
  });

  it("uses the one voidTreatment for Indicator 26's rent due and Indicator 27's annual debit", () => {
    // Gross: the empty home A7 (£70 a week) joins both bases.
    // Collection: 1,285 ÷ (1,430 + 150 void loss) = 81.3291… → 81.33.
    // Annual debit: (450 + 70) × 52 = 27,040: 1,410 ÷ 27,040 = 5.2144… → 5.21; 1,910 ÷ 27,040 = 7.0636… → 7.06.
    const gross = monthlyReturn(DATA, { periodStart: START, periodEnd: END, voidTreatment: "gross" });
    expect(gross.totals.annualDebit).toBe(2_704_000);
    expect(value(gross, "collection_rate_arc")).toBe(81.33);
    expect(value(gross, "current_arrears_pct")).toBe(5.21);
    expect(value(gross, "gross_arrears_pct")).toBe(7.06);
    // Net (default): neither base has the empty home: 1,285 ÷ 1,430 = 89.86; 1,910 ÷ 23,400 = 8.16.
    expect([value(ret, "collection_rate_arc"), value(ret, "gross_arrears_pct")]).toEqual([89.86, 8.16]);
    for (const id of ["collection_rate_arc", "gross_arrears_pct"]) expect(kpiById(ret, id).definition).toMatch(/follows the one voidTreatment setting/);
  });

  it("divides each officer's arrears by that officer's own homes when an annual rent debit is given for the team", () => {
    const given = monthlyReturn(DATA, { periodStart: START, periodEnd: END, annualRentDebit: 141_000 });
    const officer = (name: string, id: string) => kpiById({ ...given, kpis: given.byOfficer.find((o) => o.officer === name)!.kpis }, id);
    // Ann's current homes: A1 100 + A2 100 + A8 120 = 320 a week × 52 = 16,640; arrears 250 + 400 = 650 → 3.9062… → 3.91
    // (not 650 ÷ 141,000 = 0.46, the team's debit).
    expect(officer("Ann", "current_arrears_pct").value).toBe(3.91);
    expect(officer("Ann", "current_arrears_pct").note).toMatch(/own homes' annual rent debit \(£16640.00\); the £141000.00 given is the team's/);
    // Bob: A3 50 + A4 80 = 130 × 52 = 6,760; arrears 700 → 10.355… → 10.36; his former arrears are nil (A6 in credit).
    expect(officer("Bob", "current_arrears_pct").value).toBe(10.36);
    expect(officer("Bob", "gross_arrears_pct").value).toBe(10.36);
    // The team line keeps the given figure.
    expect(value(given, "current_arrears_pct")).toBe(1);
  });

  it("counts rent lost on empty homes from the day after the tenancy ended", () => {
    // A7: £70 a week, empty 16–30 April = 15 days: 70 × 15 ÷ 7 = 150.00.
    expect(value(ret, "void_loss")).toBe(150);
    // 150 ÷ (1,430 + 150) = 9.4936… → 9.49.
    expect(value(ret, "void_loss_pct")).toBe(9.49);
  });

  it("uses the voids table instead of void accounts when one is given", () => {
    // One void all April at £70 (30 days): 70 × 30 ÷ 7 = 300.00; one that ended in March: nothing.
    const withTable = monthlyReturn(
      { ...DATA, voids: [
        { property: "P1", voidStart: 45700, voidEnd: null, weeklyRent: 70, officer: "Bob" },
        { property: "P2", voidStart: 45700, voidEnd: 45740, weeklyRent: 90, officer: null },
      ] },
      { periodStart: START, periodEnd: END },
    );
    expect(value(withTable, "void_loss")).toBe(300);
  });

  it("reports former-tenant write-offs against the annual rent debit, and all write-offs against rent due under their own id", () => {
    // One current-tenant write-off added (A1, £50) beside A5's former-tenant £100.
    const more = monthlyReturn({ ...DATA, transactions: [...TRANSACTIONS, tx(45770, "A1", "writeoff", -50)] }, { periodStart: START, periodEnd: END });
    expect(value(more, "writeoffs")).toBe(150);
    expect(value(more, "former_writeoffs")).toBe(100);
    // Cited measure: former-tenant write-offs ÷ annual rent debit = 100 ÷ 23,400 = 0.4273… → 0.43.
    expect(value(more, "former_writeoffs_pct")).toBe(0.43);
    expect(kpiById(more, "former_writeoffs_pct").name).toBe("Former tenant write-offs as % of annual rent debit");
    // Local measure, named apart: all write-offs ÷ rent due = 150 ÷ 1,430 = 10.489… → 10.49.
    expect(value(more, "writeoffs_pct_of_rent_due")).toBe(10.49);
    // The old id, which mixed the two, is gone rather than silently changed.
    expect(() => kpiById(more, "writeoffs_pct")).toThrow(/"writeoffs_pct" is not a KPI/);
  });

  it("counts current tenancies in arrears", () => {
    expect(value(ret, "current_accounts")).toBe(6); // A1 A2 A3 A4 A8 A9
    expect(value(ret, "accounts_in_arrears")).toBe(4); // A1 A2 A3 A9
    expect(value(ret, "accounts_in_arrears_pct")).toBe(66.67); // 4 ÷ 6 = 66.666…
  });

  it("shows UC arrears and technical arrears beside the gross figure, never instead of it", () => {
    expect(value(ret, "uc_accounts")).toBe(1);
    expect(value(ret, "uc_accounts_in_arrears")).toBe(1);
    expect(value(ret, "uc_arrears")).toBe(400);
    expect(value(ret, "uc_arrears_share_pct")).toBe(28.37); // 400 ÷ 1,410 = 28.368…
    // Technical: A2 min(400, 100 × 52 ÷ 12 = 433.33) = 400; A3 (HB) min(700, 50 × 4 = 200) = 200.
    expect(value(ret, "technical_arrears")).toBe(600);
    // (1,410 − 600) ÷ 23,400 = 3.4615… → 3.46; the gross 6.03 stays in the return.
    expect(value(ret, "current_arrears_excl_technical_pct")).toBe(3.46);
    expect(value(ret, "current_arrears_pct")).toBe(6.03);
  });

  it("ages current arrears by weeks of rent, with 4 weeks exactly in the 4–8 band", () => {
    expect(ret.ageing.map((b) => [b.label, b.accounts, b.arrears])).toEqual([
      ["under 4 weeks", 1, 250],
      ["4 to under 8 weeks", 1, 400],
      ["8 to under 13 weeks", 0, 0],
      ["13 weeks and over", 1, 700],
      ["no weekly rent recorded", 1, 60],
    ]);
    expect(ret.ageing[3].pctOfArrears).toBe(49.65); // 700 ÷ 1,410 = 49.645… → 49.65
    expect(ret.ageing[1].ucAccounts).toBe(1);
    expect(value(ret, "arrears_band_4_amount")).toBe(700);
    expect(value(ret, "arrears_band_5_count")).toBe(1);
  });

  it("accepts other age bands", () => {
    const two = arrearsAgeing(ACCOUNTS, [13]);
    expect(two.map((b) => [b.label, b.accounts])).toEqual([
      ["under 13 weeks", 2],
      ["13 weeks and over", 1],
      ["no weekly rent recorded", 1],
    ]);
  });

  it("breaks every figure down by officer, with unmatched transactions on their own line", () => {
    const by = new Map(ret.byOfficer.map((o) => [o.officer, o]));
    expect([...by.keys()]).toEqual(["Ann", "Bob", "(unassigned)", UNMATCHED_OFFICER]);
    const ann = by.get("Ann")!;
    // Ann: A1, A2, A5, A8. Rent due 866.66; collected 300 + 400 + 25 = 725 → 83.6545… → 83.65.
    expect(kpiById({ ...ret, kpis: ann.kpis }, "rent_due").value).toBe(866.66);
    expect(kpiById({ ...ret, kpis: ann.kpis }, "collection_rate_arc").value).toBe(83.65);
    expect(kpiById({ ...ret, kpis: ann.kpis }, "current_arrears").value).toBe(650);
    // Bob: A3, A4, A6, A7. Rent due 563.34; collected 200 + 400 − 50 = 550 → 97.632… → 97.63; void loss 150.
    const bob = by.get("Bob")!;
    expect(kpiById({ ...ret, kpis: bob.kpis }, "collection_rate_arc").value).toBe(97.63);
    expect(kpiById({ ...ret, kpis: bob.kpis }, "void_loss").value).toBe(150);
    // The unmatched line has money collected but no rent due: its collection rate is not defined.
    const un = by.get(UNMATCHED_OFFICER)!;
    expect(kpiById({ ...ret, kpis: un.kpis }, "rent_collected").value).toBe(10);
    expect(kpiById({ ...ret, kpis: un.kpis }, "collection_rate_arc").value).toBeNull();
    expect(ret.unmatchedTransactions).toBe(1);
    expect(ret.warnings[0]).toMatch(/1 transaction\(s\) in the period are on accounts not in the accounts table/);
    // Officer lines add up to the team.
    const sum = (id: string) => ret.byOfficer.reduce((s, o) => s + (kpiById({ ...ret, kpis: o.kpis }, id).value ?? 0), 0);
    expect(Math.round(sum("rent_collected") * 100)).toBe(128500);
    expect(sum("accounts_in_arrears")).toBe(4);
  });

  it("gives every defined KPI a number from its own calculation, with its definition and source", () => {
    // On this fixture every figure is defined (rent fell due, there are current tenancies and arrears,
    // the export covers the year to date), so a KPI without a working calculation shows up as a non-number.
    for (const d of KPI_DEFINITIONS) {
      const f = kpiById(ret, d.id);
      expect([d.id, typeof f.value, Number.isFinite(f.value)]).toEqual([d.id, "number", true]);
      expect([d.id, f.unit === "percent"]).toEqual([d.id, f.denominator !== null]);
      expect(f.definition.length).toBeGreaterThan(20);
      expect(f.source.length).toBeGreaterThan(5);
    }
    expect(ret.kpis.filter((k) => !k.id.startsWith("arrears_band_")).map((k) => k.id)).toEqual(KPI_DEFINITIONS.map((d) => d.id));
  });
});

describe("monthly return edge cases", () => {
  it("gives null with a reason, not Infinity or 0, when no rent fell due (rent-free weeks)", () => {
    const ret = monthlyReturn({ accounts: ACCOUNTS, transactions: [tx(45757, "A1", "payment", -300)], voids: null }, { periodStart: START, periodEnd: END });
    const rate = kpiById(ret, "collection_rate_arc");
    expect(rate.value).toBeNull();
    expect(rate.note).toMatch(/no rent fell due in the period/);
    expect(kpiById(ret, "writeoffs_pct_of_rent_due").value).toBeNull();
    // Balance-based figures are still defined.
    expect(kpiById(ret, "current_arrears_pct").value).toBe(6.03);
  });

  it("handles an empty export", () => {
    const ret = monthlyReturn({ accounts: [], transactions: [], voids: null }, { periodStart: START, periodEnd: END });
    expect(kpiById(ret, "current_arrears").value).toBe(0);
    expect(kpiById(ret, "current_arrears_pct").value).toBeNull();
    expect(kpiById(ret, "accounts_in_arrears_pct").note).toMatch(/no current tenancies/);
    expect(ret.byOfficer).toEqual([]);
  });

  it("sums in pence, so many small amounts do not drift", () => {
    const many = Array.from({ length: 1000 }, (_, i) => tx(45750, `A${(i % 3) + 1}`, "payment", -0.1));
    const ret = monthlyReturn({ accounts: ACCOUNTS, transactions: many, voids: null }, { periodStart: START, periodEnd: END });
    expect(kpiById(ret, "rent_collected").value).toBe(100);
  });

  it("rejects bad options with the user's words", () => {
    expect(() => monthlyReturn(DATA, { periodStart: END, periodEnd: START })).toThrow("period end must be on or after period start");
    expect(() => monthlyReturn(DATA, { periodStart: START, periodEnd: END, ageBands: [8, 4] })).toThrow(/age band thresholds must rise/);
    expect(() => monthlyReturn(DATA, { periodStart: START, periodEnd: END, voidTreatment: "half" as never })).toThrow(/void treatment must be net or gross/);
    expect(() => monthlyReturn(DATA, { periodStart: 1.5, periodEnd: END })).toThrow(ArrearsInputError);
  });

  it("names an unknown KPI and lists the ids", () => {
    const ret = monthlyReturn(DATA, { periodStart: START, periodEnd: END });
    expect(() => kpiById(ret, "collection")).toThrow(/"collection" is not a KPI; use one of rent_due, rent_collected/);
    expect(kpiById(ret, " Collection_Rate_ARC ").id).toBe("collection_rate_arc");
  });

  it("compares weeks in pence so a balance of exactly N weeks lands in the N-week band", () => {
    expect(bandIndex(38932, 9733, [4, 8, 13])).toBe(1); // £389.32 = 4 × £97.33 exactly
    expect(bandIndex(38931, 9733, [4, 8, 13])).toBe(0);
    expect(bandIndex(100, 0, [4, 8, 13])).toBe(4);
  });
});

describe("a part month that misses the rent-debit day", () => {
  it("withholds the collection rate with a note instead of thousands of percent", () => {
    // 2–30 April misses the 1 April rent run; only a £10 pro-rata debit (A8) falls in it.
    // Collected is still 1,285 (every credit in the fixture is dated 2 April or later), so the rate would be 12,850 %.
    const period = { periodStart: START + 1, periodEnd: END };
    const ret = monthlyReturn({ ...DATA, transactions: [...TRANSACTIONS, tx(45760, "A8", "rent", 10)] }, period);
    expect(kpiById(ret, "rent_due").value).toBe(10);
    expect(kpiById(ret, "rent_collected").value).toBe(1285);
    // Current weekly rents 450 over 29 days: 450 × 29 ÷ 7 = 1,864.29; a quarter of that is 466.07 > 10.
    for (const id of ["collection_rate_arc", "collection_rate_excl_bf", "writeoffs_pct_of_rent_due"]) {
      const f = kpiById(ret, id);
      expect([id, f.value]).toEqual([id, null]);
      expect(f.note).toBe(
        "not meaningful: rent due in the period (£10.00) is under a quarter of the £1864.29 the current tenancies' weekly rents come to over its 29 days, so it misses rent-debit days (a part month?); choose a period that covers whole rent weeks or a whole month",
      );
    }
  });

  it("draws the line at a quarter of the weekly rents over the period's days", () => {
    // One home at £100 a week over 28 days (1–28 April) should raise £400; a quarter is £100.
    const one = [account("H1", { balance: 0 })];
    const pay = tx(45750, "H1", "payment", -100);
    const at = (rent: number) => kpiById(monthlyReturn({ accounts: one, transactions: [tx(45748, "H1", "rent", rent), pay], voids: null }, { periodStart: START, periodEnd: START + 27 }), "collection_rate_arc");
    expect(at(100).value).toBe(100); // 100 ÷ 100: exactly a quarter is given
    expect(at(99.99).value).toBeNull(); // a penny under is not
    expect(at(99.99).note).toMatch(/^not meaningful: rent due in the period \(£99.99\) is under a quarter of the £400.00/);
  });
});

describe("year to date (1 April to period end)", () => {
  // May 2025: 1 May (45778) to 31 May (45808). The fixture's April transactions plus May's.
  const MAY = { periodStart: 45778, periodEnd: 45808 };
  const MAY_TX = [...TRANSACTIONS, tx(45778, "A1", "rent", 433.33), tx(45790, "A1", "payment", -500)];

  it("finds the reporting year's 1 April for any date", () => {
    expect(reportingYearStart(45778)).toBe(45748); // 1 May 2025 → 1 April 2025
    expect(reportingYearStart(45748)).toBe(45748); // 1 April 2025 itself
    expect(reportingYearStart(45747)).toBe(45748 - 365); // 31 March 2025 → 1 April 2024 (no 29 February between)
    expect(reportingYearStart(46112)).toBe(45748); // 31 March 2026: the March return closes the 2025/26 year
  });

  it("gives rent due, collected and the collection rate from 1 April beside the month", () => {
    const ret = monthlyReturn({ ...DATA, transactions: MAY_TX }, MAY);
    // May: rent due A1 433.33 + A2 433.33 = 866.66; collected 500 → 57.692… → 57.69.
    expect([value(ret, "rent_due"), value(ret, "rent_collected"), value(ret, "collection_rate_arc")]).toEqual([866.66, 500, 57.69]);
    // Year to date: April 1,430 + May 866.66 = 2,296.66 due; April 1,285 + May 500 = 1,785 collected (31 March's £999 is last year);
    // 1,785 ÷ 2,296.66 = 77.7215… → 77.72.
    expect(value(ret, "ytd_rent_due")).toBe(2296.66);
    expect(value(ret, "ytd_rent_collected")).toBe(1785);
    expect(value(ret, "ytd_collection_rate_arc")).toBe(77.72);
    expect(ret.yearStart).toBe(45748);
    // ZZ9's April payment (not in the accounts table) is in the year to date, and said so.
    expect(ret.warnings).toEqual(["1 transaction(s) from 2025-04-01 to the period start are on accounts not in the accounts table; they count in the year-to-date totals under \"(not in accounts table)\""]);
    // Listed right after the month's collection rates.
    const ids = ret.kpis.map((k) => k.id);
    expect(ids.slice(ids.indexOf("collection_rate_excl_bf") + 1, ids.indexOf("collection_rate_excl_bf") + 4)).toEqual(["ytd_rent_due", "ytd_rent_collected", "ytd_collection_rate_arc"]);
  });

  it("adds empty-home loss since 1 April to the year-to-date rent due when voidTreatment is gross", () => {
    // A7 (£70 a week) empty from 16 April to 31 May = 15 + 31 = 46 days: 70 × 46 ÷ 7 = 460.00.
    // 1,785 ÷ (2,296.66 + 460) = 64.752… → 64.75.
    const ret = monthlyReturn({ ...DATA, transactions: MAY_TX }, { ...MAY, voidTreatment: "gross" });
    expect(ret.totals.ytdVoidLoss).toBe(46000);
    expect(value(ret, "ytd_collection_rate_arc")).toBe(64.75);
  });

  it("refuses the year to date, with a note, when the export starts after the first week of April", () => {
    const onlyMay = monthlyReturn({ ...DATA, transactions: MAY_TX.filter((t) => t.date >= 45778) }, MAY);
    expect(onlyMay.yearToDateCovered).toBe(false);
    for (const id of ["ytd_rent_due", "ytd_rent_collected", "ytd_collection_rate_arc"]) {
      expect([id, kpiById(onlyMay, id).value]).toEqual([id, null]);
      expect(kpiById(onlyMay, id).note).toBe(
        "not given: the export's transactions start on 2025-05-01, after the first week of the reporting year that began 2025-04-01; export transactions from 1 April for year-to-date figures",
      );
    }
    // The month itself is unaffected.
    expect(value(onlyMay, "collection_rate_arc")).toBe(57.69);
  });
});

describe("Discretionary Housing Payments", () => {
  it("count as rent collected and are shown on their own line", () => {
    // £30 DHP on A3 (HB tenant): collected 1,285 + 30 = 1,315; 1,315 ÷ 1,430 = 91.958… → 91.96.
    const ret = monthlyReturn({ ...DATA, transactions: [...TRANSACTIONS, tx(45765, "A3", "dhp", -30)] }, { periodStart: START, periodEnd: END });
    expect(value(ret, "dhp_collected")).toBe(30);
    expect(value(ret, "rent_collected")).toBe(1315);
    expect(value(ret, "collection_rate_arc")).toBe(91.96);
    expect(kpiById(ret, "rent_collected").definition).toMatch(/Discretionary Housing Payments/);
  });

  it("are read from the usual export codes", () => {
    const table = [
      ["Date", "Account Ref", "Type", "Amount"],
      ["01/04/2025", "A3", "DHP", "-30.00"],
      ["02/04/2025", "A3", "Discretionary Housing Payment", -20],
      ["03/04/2025", "A3", "HB", -200],
    ];
    expect(readTransactions(table).map((t) => [t.type, t.amount])).toEqual([
      ["dhp", -30],
      ["dhp", -20],
      ["hb", -200],
    ]);
  });
});
