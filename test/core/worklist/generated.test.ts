import fc from "fast-check";
import type { Arrangement } from "../../../core/arrangements/schema";
import type { Account, Transaction } from "../../../core/export/schema";
import { DEFAULT_POINTS } from "../../../core/worklist/points";
import { toColumnar } from "../../../core/columns/columnarExport";
import { worklistOf, worklistOfColumns, type Worklist, type WorklistInput } from "../../../core/worklist/worklist";
import { generateTeamExport, isoToSerial, mulberry32 } from "../../../samples/generator/teamExport";
import { plainWorklistOf } from "./plainWorklist";

// The worklist over a generated team export, every row checked. The generator has no
// arrangements, last actions or sign-offs, so the test adds them on a fixed pattern of
// accounts: every 5th account in arrears has a weekly £15 arrangement from the period
// start, every 7th a notice served 20 to 79 days before the period end, every 11th awaits
// the team leader.

const END = "2025-04-30";

/** The input's accounts and transactions as columns, as the command line's report holds them. */
const columnsOf = (inp: WorklistInput) => toColumnar({ accounts: [...inp.accounts], transactions: [...inp.transactions], voids: null });

function input(accounts: number, seed: number, capPerOfficer = 25): WorklistInput {
  const exp = generateTeamExport({ accounts, officers: 6, seed, periodStart: "2025-04-01", periodEnd: END });
  const end = isoToSerial(END);
  const start = isoToSerial("2025-04-01");
  const arrangements: Arrangement[] = [];
  const awaiting = new Set<string>();
  const list: Account[] = exp.accounts.map((a, i) => {
    if (!(a.balance > 0)) return a;
    if (i % 5 === 0) arrangements.push({ account: a.account, startDate: start, instalment: 15, basis: "arrears", frequency: "weekly", type: "tenant", startBalance: null, endDate: null, status: "active", officer: a.officer });
    if (i % 11 === 0) awaiting.add(a.account);
    return i % 7 === 0 ? { ...a, lastAction: "NOSP served", lastActionDate: end - 20 - (i % 60) } : a;
  });
  return {
    accounts: list,
    transactions: exp.transactions,
    asOf: end,
    arrangements,
    history: exp.balanceHistory,
    authorisations: { column: "Awaiting authorisation", accounts: awaiting },
    options: { capPerOfficer },
  };
}

/** A reason's words template as a pattern: each placeholder stands for some text. */
const templatePattern = (words: string) => new RegExp(`^${words.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^{}]*\}/g, ".+")}$`);

/**
 * The invariants every worklist must hold, checked from the input, not from the worklist's
 * own working. Each broken one is collected as a line naming the account, and the lot is
 * compared with none in one assertion (thousands of expect calls were most of the time).
 */
function checkEveryRow(inp: WorklistInput, list: Worklist): void {
  const cap = inp.options?.capPerOfficer ?? 25;
  const byId = new Map(inp.accounts.map((a) => [a.account, a]));
  const perOfficer = new Map<string, number>();
  const patterns = new Map(DEFAULT_POINTS.map((p) => [p.words, templatePattern(p.words)]));
  const held = (a: Account) => a.vulnerable || a.benefitPending || (a.breathingSpaceUntil !== null && a.breathingSpaceUntil >= inp.asOf);
  const problems: string[] = [];
  const check = (ok: boolean, account: string, what: string) => {
    if (!ok) problems.push(`${account}: ${what}`);
  };
  list.rows.forEach((row, i) => {
    const id = row.account;
    // Score is exactly the sum of the listed reasons' points, and the text shown names each one's points.
    check(row.score === row.reasons.reduce((s, r) => s + r.points, 0), id, "score is not the sum of the reasons' points");
    check(row.reasonText === row.reasons.map((r) => `${r.words} (+${r.points})`).join("; "), id, "the reasons' text is not their words and points");
    const shown = [...row.reasonText.matchAll(/\(\+(\d+)\)/g)].reduce((s, m) => s + Number(m[1]), 0);
    check(shown === row.score, id, `the points shown add to ${shown}, not the score ${row.score}`);
    check(row.reasons.length > 0, id, "listed with no reason");
    for (const r of row.reasons) {
      // Each reason is a row of the points table: its points, its words with the case's figures filled in.
      const rows = DEFAULT_POINTS.filter((p) => p.reason === r.reason && p.points === r.points);
      check(rows.some((p) => patterns.get(p.words)!.test(r.words)), id, `"${r.words} (+${r.points})" is no row of the points table`);
    }
    check(new Set(row.reasons.map((r) => r.reason)).size === row.reasons.length, id, "a reason listed twice");
    // Ranked 1, 2, 3 … by score, then balance.
    check(row.rank === i + 1, id, `rank ${row.rank} at position ${i + 1}`);
    if (i > 0) {
      const prev = list.rows[i - 1];
      check(prev.score > row.score || (prev.score === row.score && Math.round(prev.balance * 100) >= Math.round(row.balance * 100)), id, "out of order");
    }
    perOfficer.set(row.officer, (perOfficer.get(row.officer) ?? 0) + 1);
    const a = byId.get(id)!;
    // Never technical only: a UC or HB case owing no more than one payment cycle of rent (UC 52/12 weeks, HB 4).
    const cycle = a.benefit === "UC" ? 52 / 12 : a.benefit === "HB" ? 4 : 0;
    check(!(cycle > 0 && Math.round(a.balance * 100) <= Math.round(Math.round(a.weeklyRent * 100) * cycle)), id, "wholly technical arrears listed");
    // Never held, never former or void, always owing.
    check(!held(a), id, "held case ranked");
    check(a.status === "current" && a.balance > 0, id, "not a current tenancy in arrears");
  });
  for (const [officer, n] of perOfficer) check(n <= cap, officer, `${n} cases, over the cap of ${cap}`);
  for (const h of list.held) check(held(byId.get(h.account)!), h.account, "listed as held without a hold");
  expect(problems).toEqual([]);
  const team = list.byOfficer.at(-1)!;
  expect(team).toMatchObject({ officer: "Team", listed: list.rows.length, held: list.held.length });
  expect(team.needsAction).toBeGreaterThanOrEqual(list.rows.length);
}

describe("the worklist over a generated team export (3,000 accounts)", () => {
  const inp = input(3000, 11);
  const list = worklistOf(inp);

  it("holds on every row: score = sum of the reasons, the words name the points, ranked, capped, nothing technical or held", () => {
    expect(list.rows.length).toBeGreaterThan(100);
    checkEveryRow(inp, list);
  });

  it("uses every reason somewhere, so every reason is checked", () => {
    const used = new Set(list.rows.flatMap((r) => r.reasons.map((x) => x.reason)));
    // All but the UC old-rent reason: the generator's one month of transactions has no April rent change (worklist.test.ts works that one by hand).
    expect([...used].sort()).toEqual([...new Set(DEFAULT_POINTS.map((p) => p.reason))].filter((r) => r !== "ucOldRent").sort());
    expect(list.held.length).toBeGreaterThan(0);
    expect(list.byOfficer.at(-1)!.technicalOnly).toBeGreaterThan(0);
    expect(list.byOfficer.at(-1)!.overdue).toBeGreaterThan(0);
  });

  it("gives the same list whatever the order of the accounts, transactions, arrangements and history rows", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const rnd = mulberry32(seed);
        const shuffle = <T>(xs: readonly T[]): T[] => {
          const out = [...xs];
          for (let i = out.length - 1; i > 0; i--) {
            const j = Math.floor(rnd() * (i + 1));
            [out[i], out[j]] = [out[j], out[i]];
          }
          return out;
        };
        const h = inp.history!;
        const order = shuffle(h.accounts.map((_, i) => i));
        const shuffled: WorklistInput = {
          ...inp,
          accounts: shuffle(inp.accounts),
          transactions: shuffle(inp.transactions),
          arrangements: shuffle(inp.arrangements!),
          history: { dates: h.dates, accounts: order.map((i) => h.accounts[i]), balances: order.map((i) => h.balances[i]) },
        };
        expect(worklistOf(shuffled)).toEqual(list);
      }),
      { numRuns: 5 },
    );
  });
});

describe("the worklist over the full-size export (17,000 accounts), uncapped", () => {
  it("holds on every case that needs action, not only the capped list's", () => {
    const inp = input(17_000, 1, 100_000);
    const list = worklistOf(inp);
    // Uncapped, every case needing action is a row.
    expect(list.rows.length).toBe(list.byOfficer.at(-1)!.needsAction);
    expect(list.rows.length).toBeGreaterThan(2000);
    checkEveryRow(inp, list);
  });
});

describe("the worklist's invariants on other exports and caps (fast-check)", () => {
  it("holds for any seed and any cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 12 }), (seed, cap) => {
        const inp = input(400, seed, cap);
        checkEveryRow(inp, worklistOf(inp));
      }),
      { numRuns: 15 },
    );
  });
});

describe("the fast worklist against the plain path (the first implementation, in plainWorklist.ts)", () => {
  // The fast path scores every case from its figures and builds the reasons' words only for
  // the rows listed after the cap and for held cases; the plain path builds every case's
  // reasons in words first. Every field of every row, held case, count and note must agree.
  it("gives exactly the same list on the full-size export, capped at 25 and uncapped", () => {
    for (const cap of [25, 100_000]) {
      const inp = input(17_000, 1, cap);
      const fast = worklistOf(inp);
      expect(fast.rows.length).toBeGreaterThan(cap === 25 ? 100 : 2000);
      const plain = plainWorklistOf(inp);
      expect(fast).toEqual(plain);
      // The same list from the export held as columns (what the command line's report reads).
      expect(worklistOfColumns(columnsOf(inp), inp)).toEqual(plain);
    }
  });

  it("gives exactly the same list for any seed, cap, as-of date and missing table, from rows or columns (fast-check)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: -40, max: 10 }), fc.boolean(), fc.boolean(), fc.integer({ min: -60, max: 5 }), (seed, cap, shift, noHistory, noArrangements, strayDay) => {
        const base = input(400, seed, cap);
        // A line on an account the table lacks (it still counts towards the first date the transactions cover), and one of a type no reason reads.
        const stray: Transaction[] = [
          { date: base.asOf + strayDay, account: "NOT-IN-TABLE", type: "payment", amount: -5, method: null },
          { date: base.asOf - 1, account: base.accounts[0].account, type: "adjustment", amount: -1, method: null },
        ];
        const inp: WorklistInput = {
          ...base,
          transactions: [...base.transactions, ...stray],
          asOf: base.asOf + shift,
          history: noHistory ? null : base.history,
          arrangements: noArrangements ? null : base.arrangements,
        };
        const plain = plainWorklistOf(inp);
        expect(worklistOf(inp)).toEqual(plain);
        expect(worklistOfColumns(columnsOf(inp), inp)).toEqual(plain);
      }),
      { numRuns: 25 },
    );
  });
});
