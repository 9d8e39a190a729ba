import { HyperFormula } from "hyperformula";
import { judgeArrangements } from "../../../core/arrangements/judge";
import type { Arrangement } from "../../../core/arrangements/schema";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";

/**
 * Instalments due and paid so far, worked by native formulas in the HyperFormula engine
 * (HyperFormula is GPL-3.0: tests and the benchmark only) as a team leader could in Excel:
 * - a Dues sheet with one row per possible instalment: the start date + 7, 14 or 28 days
 *   × k, or EDATE(start, k) for monthly and UC-period arrangements (EDATE keeps the day,
 *   or the month's last day when it is shorter: the README's rule);
 * - instalments due = COUNTIFS(Dues account, account, Dues date, "<=" the as-of date or
 *   the end date, whichever is earlier);
 * - paid = −SUMIFS of the account's payment, DHP, UC and HB lines (in whole pence) from the
 *   start to the as-of date, less SUMIFS of its rent over the same days for an arrears-part
 *   instalment; shortfall = MAX(0, due × instalment − paid).
 */

const OPTIONS = { accounts: 1000, officers: 4, seed: 99, periodStart: "2026-10-01", periodEnd: "2026-10-31", arrangements: 200 } as const;

type Cell = string | number | null;

/** How many rows of possible instalments an arrangement needs to reach the as-of date (a few spare; COUNTIFS drops those after it). */
function rowsFor(a: Arrangement, asOf: number): number {
  const days = asOf - a.startDate;
  const step = a.frequency === "weekly" ? 7 : a.frequency === "fortnightly" ? 14 : a.frequency === "fourWeekly" ? 28 : 28;
  return Math.max(0, Math.floor(days / step)) + 2;
}

function buildSheets(list: readonly Arrangement[], tx: ReturnType<typeof generateTeamExport>["transactions"], asOf: number, last: number): Record<string, Cell[][]> {
  // E: the line in whole pence; F: what it adds to paid (a credit's opposite: payments, DHP, UC, HB); G: rent debited.
  const txRows: Cell[][] = tx.map((t, i) => [
    t.date,
    t.account,
    t.type,
    t.amount,
    `=ROUND(D${i + 1}*100,0)`,
    `=IF(OR(C${i + 1}="payment",C${i + 1}="dhp",C${i + 1}="uc",C${i + 1}="hb"),-E${i + 1},0)`,
    `=IF(C${i + 1}="rent",E${i + 1},0)`,
  ]);
  const dues: Cell[][] = [];
  list.forEach((a, i) => {
    const r = i + 1;
    for (let k = 0; k < rowsFor(a, last); k++) {
      const step = a.frequency === "weekly" ? 7 : a.frequency === "fortnightly" ? 14 : a.frequency === "fourWeekly" ? 28 : null;
      dues.push([a.account, step === null ? `=EDATE(Arr!$B$${r},${k})` : `=Arr!$B$${r}+${step * k}`]);
    }
  });
  const T = (c: string) => `Tx!$${c}$1:$${c}$${txRows.length}`;
  const sumOf = (c: string, r: number) => `SUMIFS(${T(c)},${T("B")},A${r},${T("A")},">="&B${r},${T("A")},"<="&AsOf!$A$1)`;
  const arr: Cell[][] = list.map((a, i) => {
    const r = i + 1;
    return [
      a.account,
      a.startDate,
      a.instalment,
      a.basis,
      a.endDate ?? "",
      // F: instalments due; G: paid in pence; H: shortfall in pence.
      `=COUNTIFS(Dues!$A$1:$A$${dues.length},A${r},Dues!$B$1:$B$${dues.length},"<="&IF(E${r}="",AsOf!$A$1,MIN(AsOf!$A$1,E${r})))`,
      `=${sumOf("F", r)}-IF(D${r}="arrears",${sumOf("G", r)},0)`,
      `=MAX(0,F${r}*ROUND(C${r}*100,0)-G${r})`,
    ];
  });
  return { Tx: txRows, Dues: dues, Arr: arr, AsOf: [[asOf]] };
}

describe("arrangements against native COUNTIFS / SUMIFS in HyperFormula", () => {
  const exp = generateTeamExport(OPTIONS);
  const list = exp.arrangements!;
  // Only the arranged accounts' lines go in the sheet (the formulas pick by account anyway): it keeps the engine quick.
  const arranged = new Set(list.map((a) => a.account));
  const lines = exp.transactions.filter((t) => arranged.has(t.account));
  const end = isoToSerial(OPTIONS.periodEnd);

  it.each([
    ["the period end", end],
    ["mid-period, some instalments and payments still to come", end - 17],
    ["two months before, when the month's lines have not happened", end - 61],
  ])("agrees to the penny at %s on every one of 200 arrangements", (_what, asOf) => {
    expect(list.length).toBe(200);
    // A workbook per date: HyperFormula rebuilds its SUMIFS caches faster than it recalculates them.
    const hf = HyperFormula.buildFromSheets(buildSheets(list, lines, asOf, end) as never, { licenseKey: "gpl-v3", maxRows: 1_048_576 });
    const native = hf.getSheetValues(hf.getSheetId("Arr")!).map((row) => ({ due: row[5], paid: (row[6] as number) / 100, shortfall: (row[7] as number) / 100 }));
    const core = judgeArrangements(list, exp.transactions, asOf).map((j) => ({ due: j.instalmentsDue, paid: j.paid, shortfall: j.shortfall }));
    expect(core).toEqual(native);
    // Not vacuous: something is due, paid and short at each date.
    expect(core.some((c) => c.due > 0) && core.some((c) => c.paid > 0) && core.some((c) => c.shortfall > 0)).toBe(true);
  });
});
