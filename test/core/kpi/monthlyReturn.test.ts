import { ArrearsInputError } from "../../../core/errors";
import type { Account, CanonicalExport, Transaction } from "../../../core/export/schema";
import { KPI_DEFINITIONS } from "../../../core/kpi/definitions";
import { arrearsAgeing, bandIndex, kpiById, monthlyReturn, UNMATCHED_OFFICER, type MonthlyReturn } from "../../../core/kpi/monthlyReturn";

// April 2025: serial 45748 (1 April) to 45777 (30 April), inclusive.
const START = 45748;
const END = 45777;

function account(account: string, over: Partial<Account>): Account {
  return {
    account,
    tenancyType: "secure",
    status: "current",
    weeklyRent: 100,
    officer: "Ann",
    tenancyStart: 40000,
    tenancyEnd: null,
    benefit: "none",
    ucDirect: false,
    bedrooms: 2,
    balance: 0,
    name: null,
    vulnerable: false,
    benefitPending: false,
    breathingSpaceUntil: null,
    lastAction: null,
    lastActionDate: null,
    ...over,
  };
}

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

  it("divides arrears by the annual rent debit: weekly rent of current and empty homes × 52", () => {
    // Annual debit: (100 + 100 + 50 + 80 + 120 + 0 + 70 void) × 52 = 520 × 52 = 27,040.
    expect(ret.totals.annualDebit).toBe(2_704_000);
    // 1,410 ÷ 27,040 = 5.2144… % → 5.21; 500 ÷ 27,040 = 1.8491… → 1.85; 1,910 ÷ 27,040 = 7.0636… → 7.06.
    expect(value(ret, "current_arrears_pct")).toBe(5.21);
    expect(value(ret, "former_arrears_pct")).toBe(1.85);
    expect(value(ret, "gross_arrears_pct")).toBe(7.06);
    // A given annual debit replaces it: 1,410 ÷ 141,000 = 1.00 %.
    const given = monthlyReturn(DATA, { periodStart: START, periodEnd: END, annualRentDebit: 141_000 });
    expect(value(given, "current_arrears_pct")).toBe(1);
    expect(kpiById(given, "current_arrears_pct").note).toMatch(/annual rent debit given as £141000.00/);
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

  it("reports write-offs against rent due", () => {
    // 100 ÷ 1,430 = 6.9930… → 6.99.
    expect(value(ret, "writeoffs")).toBe(100);
    expect(value(ret, "writeoffs_pct")).toBe(6.99);
    expect(ret.totals.formerWriteoffs).toBe(10000);
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
    // (1,410 − 600) ÷ 27,040 = 2.9955… → 3.00; the gross 5.21 stays in the return.
    expect(value(ret, "current_arrears_excl_technical_pct")).toBe(3);
    expect(value(ret, "current_arrears_pct")).toBe(5.21);
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

  it("lists every defined KPI with its definition and source", () => {
    for (const d of KPI_DEFINITIONS) {
      const f = kpiById(ret, d.id);
      expect(f.definition.length).toBeGreaterThan(20);
      expect(f.source.length).toBeGreaterThan(5);
    }
  });
});

describe("monthly return edge cases", () => {
  it("gives null with a reason, not Infinity or 0, when no rent fell due (rent-free weeks)", () => {
    const ret = monthlyReturn({ accounts: ACCOUNTS, transactions: [tx(45757, "A1", "payment", -300)], voids: null }, { periodStart: START, periodEnd: END });
    const rate = kpiById(ret, "collection_rate_arc");
    expect(rate.value).toBeNull();
    expect(rate.note).toMatch(/no rent fell due in the period/);
    expect(kpiById(ret, "writeoffs_pct").value).toBeNull();
    // Balance-based figures are still defined.
    expect(kpiById(ret, "current_arrears_pct").value).toBe(5.21);
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
