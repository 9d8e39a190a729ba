import fc from "fast-check";
import { ArrearsInputError } from "../../../core/errors";
import { TENANCY_TYPES } from "../../../core/export/schema";
import { compile } from "../../../core/escalation/compiled";
import { escalationColumnsOf, type EscalationInput, type EscalationResult, type TrendForWords } from "../../../core/escalation/escalate";
import { ListWording, reasonWithTrend } from "../../../core/escalation/listWords";
import { DEFAULT_ESCALATION_POLICY, SCOTLAND_ESCALATION_POLICY, type EscalationPolicy } from "../../../core/escalation/policy";
import { escalationAccount, escalationPolicy } from "./arbitraries";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";

/**
 * The list's words put together from pieces (ListWording, through EscalationColumns.listWords)
 * against the words judge gives each account (resultAt) with reasonWithTrend's trend words
 * added: the reference. Every judged account is worded, listed or not, with trends of every
 * kind, so the pieces and the fallback to judge are both checked.
 */

const PERIOD_START = isoToSerial("2026-10-01");
const AS_OF = isoToSerial("2026-10-31");

/** Each judged account's reason and next action both ways; returns how many accounts the pieces worded themselves. */
function expectWordsAgree(accounts: readonly EscalationInput[], policy: EscalationPolicy, asOf: number | null, trendOf: (rows: number) => TrendForWords): number {
  const cols = escalationColumnsOf(accounts, policy, asOf);
  const rows = Int32Array.from(accounts.keys()).filter((i) => cols.errorAt(i) === null);
  const trend = trendOf(rows.length);
  const got = cols.listWords(rows, trend);
  const want = Array.from(rows, (row, j) => {
    const r = cols.resultAt(row) as EscalationResult;
    return { row, reason: trend.fitted[j] ? reasonWithTrend(r.reason, r.balance, trend.direction[j], trend.slopePerWeek[j], trend.weeks[j]) : r.reason, nextAction: r.nextAction };
  });
  expect(Array.from(rows, (row, j) => ({ row, reason: got.reason[j], nextAction: got.nextAction[j] }))).toEqual(want);
  const wording = new ListWording(compile(policy), asOf, new Map());
  return Array.from(rows, (row, j) => wording.word(accounts[row], trend.fitted[j] === 1, trend.direction[j], trend.slopePerWeek[j], trend.weeks[j])).filter(Boolean).length;
}

/** A trend for every slot: fitted or not, each direction, slopes to the penny and not, 13 weeks and others. */
function variedTrend(count: number): TrendForWords {
  const slopes = [0, -0, 1.5, -12.34, 0.005, 999.99, 1234.5, 0.1 + 0.2, -7.125, 100000, 2.675];
  return {
    fitted: Uint8Array.from({ length: count }, (_, j) => (j % 7 === 3 ? 0 : 1)),
    direction: Uint8Array.from({ length: count }, (_, j) => j % 3),
    slopePerWeek: Float64Array.from({ length: count }, (_, j) => slopes[j % slopes.length]),
    weeks: Float64Array.from({ length: count }, (_, j) => (j % 5 === 0 ? 2 + (j % 11) : 13)),
  };
}

describe("the list's words from pieces agree with judge's words and reasonWithTrend", () => {
  it("on the generated team export, where the pieces word nearly every account", () => {
    const data = generateTeamExport({ accounts: 3000, officers: 6, seed: 20261, periodStart: PERIOD_START, periodEnd: AS_OF, weeks: 52 });
    for (const policy of [DEFAULT_ESCALATION_POLICY, SCOTLAND_ESCALATION_POLICY]) {
      const worded = expectWordsAgree(data.accounts, policy, AS_OF, variedTrend);
      // Every account owing money with a weekly rent is worded by the pieces (the rest are not in arrears).
      const owing = data.accounts.filter((a) => a.status !== "void" && a.status !== "former" && Math.round(a.balance * 100) > 0).length;
      expect(worded).toBe(owing);
      expect(worded).toBeGreaterThan(500);
    }
  });

  it("on hand-made accounts at the edges of the figures' text", () => {
    const base = { account: "A1", weeklyRent: 100, tenancyType: "secure" as const, status: "current" as const };
    const accounts: EscalationInput[] = [
      // Weeks owed on a half tenth: 0.25 is exact (toFixed rounds it up), 0.15 is stored just under (toFixed rounds it down).
      { ...base, balance: 25, weeklyRent: 100 },
      { ...base, balance: 15, weeklyRent: 100 },
      { ...base, balance: 1234.35, weeklyRent: 98.7 },
      // Weeks owed just under 100 and 1,000, rounding up to a new digit.
      { ...base, balance: 9996, weeklyRent: 100 },
      { ...base, balance: 99996, weeklyRent: 100 },
      { ...base, balance: 9994, weeklyRent: 100 },
      // Balances not to the penny, at the thousands, millions and beyond.
      { ...base, balance: 412.345 },
      { ...base, balance: 1000 },
      { ...base, balance: 999999.99 },
      { ...base, balance: 1000000 },
      { ...base, balance: 123456789.12 },
      { ...base, balance: 2e12, weeklyRent: 1 },
      { ...base, balance: 0.005 },
      { ...base, balance: 0.004 },
      { ...base, balance: 500, weeklyRent: 0 },
      { ...base, balance: 500, weeklyRent: 0.004 },
      // Holds, last actions known and not, waiting on days.
      { ...base, balance: 450, vulnerable: true, benefitPending: true },
      { ...base, balance: 450, breathingSpaceUntil: AS_OF },
      { ...base, balance: 450, lastAction: "NOSP served", lastActionDate: AS_OF - 10 },
      { ...base, balance: 450, lastAction: "NOSP served", lastActionDate: AS_OF - 40 },
      { ...base, balance: 450, lastAction: "NOSP served" },
      { ...base, balance: 150, lastAction: "SPO" },
      { ...base, balance: 450, lastAction: "SPO", benefitPending: true },
      { ...base, balance: 50, lastAction: "reminder" },
      { ...base, balance: 450, lastAction: "phoned" },
      { ...base, balance: -20, lastAction: "warning" },
      { ...base, balance: 450, status: "former" },
      { ...base, balance: 450, status: "void" },
      ...TENANCY_TYPES.map((tenancyType) => ({ ...base, balance: 450, tenancyType })),
    ];
    for (const asOf of [AS_OF, null]) {
      for (const policy of [DEFAULT_ESCALATION_POLICY, SCOTLAND_ESCALATION_POLICY]) {
        expect(expectWordsAgree(accounts, policy, asOf, variedTrend)).toBeGreaterThan(10);
      }
    }
  });

  const pence = (min: number, max: number) => fc.integer({ min, max }).map((p) => p / 100);
  // Figures not to the penny too, and ones near a half penny, where the words' rounding is tested.
  const account = escalationAccount(
    AS_OF,
    fc.oneof(pence(-50000, 600000), pence(0, 2e11), fc.double({ min: -1e4, max: 1e9, noNaN: true }), fc.constantFrom(0.005, 0.15, 0.25, 1000, 999999.995, Number.NaN)),
    fc.oneof(pence(0, 30000), fc.double({ min: 0, max: 1000, noNaN: true }), fc.constantFrom(0, 100, 0.004, -5)),
  );
  const policy = escalationPolicy(fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(1234.5, 0.125)), ["Act", "Write a letter"]);
  const slot = fc.record({
    fitted: fc.boolean(),
    direction: fc.integer({ min: 0, max: 2 }),
    slopePerWeek: fc.oneof(pence(-200000, 200000), fc.double({ min: -1e7, max: 1e7, noNaN: true }), fc.constantFrom(0, -0, 0.005, 2.675, 999.995)),
    weeks: fc.oneof(fc.integer({ min: 2, max: 60 }), fc.constantFrom(13, 2.5, 1000, 1e21)),
  });

  it("on random accounts, policies and trends (holds, last actions, figures not to the penny, refused accounts)", () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 25 }), policy, fc.option(fc.constant(AS_OF)), fc.array(slot, { minLength: 25, maxLength: 25 }), (accounts, p, asOf, slots) => {
        expectWordsAgree(accounts, p, asOf, (count) => ({
          fitted: Uint8Array.from(slots.slice(0, count), (s) => (s.fitted ? 1 : 0)),
          direction: Uint8Array.from(slots.slice(0, count), (s) => s.direction),
          slopePerWeek: Float64Array.from(slots.slice(0, count), (s) => s.slopePerWeek),
          weeks: Float64Array.from(slots.slice(0, count), (s) => s.weeks),
        }));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses, as resultAt gives it, an account that could not be judged", () => {
    const cols = escalationColumnsOf([{ account: "A1", balance: Number.NaN, weeklyRent: 100, tenancyType: "secure" }], DEFAULT_ESCALATION_POLICY, AS_OF);
    expect(() => cols.listWords(Int32Array.of(0), variedTrend(1))).toThrow(ArrearsInputError);
  });
});
