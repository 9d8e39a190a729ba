import fc from "fast-check";
import { dueDate, dueDates, judgeArrangements, reasonDate, reasonPounds, type ArrangementJudgement } from "../../../core/arrangements/judge";
import { FREQUENCIES, type Arrangement } from "../../../core/arrangements/schema";
import { LAST_SERIAL, serialToIso } from "../../../core/dates/excelSerial";
import { formatPounds } from "../../../core/money";
import type { Transaction, TransactionType } from "../../../core/export/schema";
import { errorOf } from "../../support/inputErrors";
import { arrangement, S } from "./fixtures";

/** A credit of £amount (a negative line, as the canonical export holds credits). */
const credit = (date: number, amount: number, type: TransactionType = "payment", account = "A1"): Transaction => ({ date, account, type, amount: -amount, method: null });
const rent = (date: number, amount: number): Transaction => ({ date, account: "A1", type: "rent", amount, method: null });
const judge = (a: Arrangement, ts: Transaction[], asOf: number, options = {}, accounts = []): ArrangementJudgement => judgeArrangements([a], ts, asOf, options, accounts)[0];

describe("due dates", () => {
  it("steps weekly, fortnightly and 4-weekly by 7, 14 and 28 days", () => {
    expect([dueDate(S, "weekly", 2), dueDate(S, "fortnightly", 2), dueDate(S, "fourWeekly", 2)]).toEqual([S + 14, S + 28, S + 56]);
  });
  it("keeps the day of the month, or the month's last day when it is shorter", () => {
    // 31 Jan 2026 = 46023 + 30 = 46053; 28 Feb = 46053 + 28 = 46081; 31 Mar = 46081 + 31 = 46112.
    expect([0, 1, 2].map((k) => dueDate(46053, "monthly", k))).toEqual([46053, 46081, 46112]);
    expect(dueDate(46053, "ucPeriod", 1)).toBe(46081);
  });
});

describe("judging one arrangement by hand", () => {
  it("keeps an arrangement paid on every due date", () => {
    // Due S, S+7, S+14, S+21, S+28 (5 × £10 = £50); paid £10 on each.
    const r = judge(arrangement(), [0, 7, 14, 21, 28].map((d) => credit(S + d, 10)), S + 28);
    expect(r).toMatchObject({ outcome: "kept", instalmentsDue: 5, paid: 50, shortfall: 0, missed: 0, firstMissed: null, daysSinceLastPayment: 0 });
  });

  it("counts a missed week made good later as one miss, and keeps the arrangement", () => {
    // Behind after each instalment: S 0; S+7 £10 (missed); S+14 £30 paid of £30 → 0; S+21 0.
    const r = judge(arrangement(), [credit(S, 10), credit(S + 14, 20), credit(S + 21, 10)], S + 25);
    expect(r).toMatchObject({ outcome: "kept", instalmentsDue: 4, paid: 40, shortfall: 0, missed: 1, firstMissed: S + 7, daysSinceLastPayment: 4 });
    expect(r.reason).toMatch(/^Kept: missed instalments since made good/);
  });

  it("calls one missed instalment not made good at risk", () => {
    // Due S, S+7, S+14 (£30); paid £20; behind after S+14 is £10 → 1 miss, £10 owed = 1 instalment.
    const r = judge(arrangement(), [credit(S, 10), credit(S + 7, 10)], S + 15);
    expect(r).toMatchObject({ outcome: "at risk", instalmentsDue: 3, paid: 20, shortfall: 10, missed: 1, firstMissed: S + 14 });
  });

  it("calls an arrangement two instalments behind broken", () => {
    // Due S..S+21 (4 × £10 = £40); paid £10; behind 0, 10, 20, 30 → 3 misses, first S+7; £30 owed ≥ 2 instalments.
    const r = judge(arrangement(), [credit(S, 10)], S + 22);
    expect(r).toMatchObject({ outcome: "broken", instalmentsDue: 4, paid: 10, shortfall: 30, missed: 3, firstMissed: S + 7, daysSinceLastPayment: 22 });
    expect(r.reason).toMatch(/two or more instalments behind/);
  });

  it("a short payment of a few pence is a miss but only at risk", () => {
    // Due S, S+7 (£20); paid £19.99; behind after S+7: 1p → 1 miss, 1p owed < 1 instalment.
    const r = judge(arrangement(), [credit(S, 10), credit(S + 7, 9.99)], S + 8);
    expect(r).toMatchObject({ outcome: "at risk", paid: 19.99, shortfall: 0.01, missed: 1 });
  });

  it("does not call a UC credit arriving within its window a miss, but the same credit as a tenant payment is late", () => {
    // Monthly £50 from S: due S, S+30 (6 May), S+61 (6 June). UC credits of £50 on S+20 and S+50; asOf S+65.
    const ts = [credit(S + 20, 50, "uc"), credit(S + 50, 50, "uc")];
    const a = arrangement({ instalment: 50, frequency: "monthly" });
    // Window 30 days (UC): S+61 is not judged yet (S+91 > asOf); S by S+30: £50 → 0 behind; S+30 by S+60: £100 → 0.
    expect(judge(a, ts, S + 65)).toMatchObject({ outcome: "kept", instalmentsDue: 3, paid: 100, shortfall: 50, missed: 0 });
    // A 10-day UC grace: S judged on £0 → £50 behind (miss, first S); S+30 by S+40: £50 of £100 → still £50 → no new miss.
    // Judged 2 × £50 = £100, paid £100 → nothing overdue: kept, the miss made good.
    expect(judge(a, ts, S + 65, { ucGraceDays: 10 })).toMatchObject({ outcome: "kept", missed: 1, firstMissed: S });
    // As tenant payments (no grace, window 0): all 3 judged; behind £50 after each → 1 miss; £150 − £100 = £50 = 1 instalment owed.
    const asPayments = [credit(S + 20, 50), credit(S + 50, 50)];
    expect(judge(a, asPayments, S + 65)).toMatchObject({ outcome: "at risk", missed: 1, firstMissed: S, shortfall: 50 });
  });

  it("takes rent off when the instalment is the arrears part only", () => {
    // Rent £100 on S and S+7; instalment £5 on top. Paying £105 twice: £210 − £200 = £10 towards arrears = 2 × £5.
    const ts = [rent(S, 100), rent(S + 7, 100)];
    const a = arrangement({ basis: "arrears", instalment: 5 });
    expect(judge(a, [...ts, credit(S, 105), credit(S + 7, 105)], S + 8)).toMatchObject({ outcome: "kept", paid: 10, shortfall: 0, missed: 0 });
    // Paying only the rent: £0 towards arrears; behind £5 then £10 → 2 misses, £10 owed = 2 instalments.
    expect(judge(a, [...ts, credit(S, 100), credit(S + 7, 100)], S + 8)).toMatchObject({ outcome: "broken", paid: 0, shortfall: 10, missed: 2 });
    // The same £200 on a total-including-rent basis would be far ahead.
    expect(judge({ ...a, basis: "total" }, [...ts, credit(S, 100), credit(S + 7, 100)], S + 8)).toMatchObject({ outcome: "kept", paid: 200 });
  });

  it("shows holds as on hold, never broken", () => {
    const unpaid = arrangement();
    expect(judge(unpaid, [], S + 40).outcome).toBe("broken");
    // Due S, S+7 … S+35 (6 × £10), all judged by S+40 and none paid: 6 misses, £60 short, yet on hold.
    expect(judge({ ...unpaid, status: "breathingSpace" }, [], S + 40)).toMatchObject({ outcome: "on hold", missed: 6, shortfall: 60 });
    const account = { account: "A1", vulnerable: false, benefitPending: false, breathingSpaceUntil: S + 60 };
    expect(judge(unpaid, [], S + 40, {}, [account] as never).reason).toMatch(/^On hold: the account is in Breathing Space until 2026-06-05/);
    // A Breathing Space that ended before the as-of date holds nothing.
    expect(judge(unpaid, [], S + 40, {}, [{ ...account, breathingSpaceUntil: S + 30 }] as never).outcome).toBe("broken");
    expect(judge(unpaid, [], S + 40, {}, [{ ...account, breathingSpaceUntil: null, vulnerable: true }] as never).outcome).toBe("on hold");
  });

  it("completes on the recorded status, a cleared start balance, or an end date passed with nothing overdue", () => {
    expect(judge(arrangement({ status: "completed" }), [], S + 40).outcome).toBe("completed");
    expect(judge(arrangement({ startBalance: 30 }), [credit(S, 30)], S + 40).outcome).toBe("completed");
    // End S+14: due S, S+7, S+14 only (3, not 6), £30 paid.
    expect(judge(arrangement({ endDate: S + 14 }), [credit(S, 10), credit(S + 7, 10), credit(S + 14, 10)], S + 40)).toMatchObject({ outcome: "completed", instalmentsDue: 3 });
  });

  it("counts a reversed payment against, and ignores credits before the start or after the as-of date", () => {
    const bounced = { ...credit(S, 10), amount: 10 };
    expect(judge(arrangement(), [credit(S, 10), bounced], S + 1)).toMatchObject({ paid: 0, shortfall: 10 });
    expect(judge(arrangement(), [credit(S - 1, 10), credit(S + 2, 10)], S + 1)).toMatchObject({ paid: 0, daysSinceLastPayment: 2 });
  });

  it("refuses an option out of range", () => {
    expect(errorOf(() => judgeArrangements([], [], S, { ucGraceDays: -1 })).message).toMatch(/UC grace must be zero or more/);
  });
});

describe("properties", () => {
  const setup = fc.record({
    frequency: fc.constantFrom(...FREQUENCIES),
    instalmentPence: fc.integer({ min: 1, max: 50_000 }),
    count: fc.integer({ min: 1, max: 30 }),
    offset: fc.integer({ min: 0, max: 27 }),
    basis: fc.constantFrom("arrears" as const, "total" as const),
    rentPence: fc.integer({ min: 0, max: 30_000 }),
  });

  it("paying each instalment on its due date always keeps the arrangement", () => {
    fc.assert(
      fc.property(setup, ({ frequency, instalmentPence, count, offset, basis, rentPence }) => {
        const a = arrangement({ frequency, instalment: instalmentPence / 100, basis });
        const ts: Transaction[] = [];
        for (let k = 0; k < count; k++) {
          const d = dueDate(S, frequency, k);
          // On the arrears-part basis the rent is charged that day and the tenant pays rent plus the instalment.
          if (basis === "arrears") ts.push(rent(d, rentPence / 100));
          ts.push(credit(d, (instalmentPence + (basis === "arrears" ? rentPence : 0)) / 100));
        }
        // The as-of date falls on or after the last payment's due date and before the next one.
        const last = dueDate(S, frequency, count - 1);
        const r = judge(a, ts, last + (offset % (dueDate(S, frequency, count) - last)));
        expect(r).toMatchObject({ outcome: "kept", instalmentsDue: count, missed: 0, shortfall: 0 });
      }),
      { numRuns: 300 },
    );
  });

  it("adding a payment never makes an arrangement broken, nor adds a miss or shortfall", () => {
    const line = fc.record({ day: fc.integer({ min: -10, max: 200 }), pence: fc.integer({ min: 1, max: 40_000 }), type: fc.constantFrom<TransactionType>("payment", "uc", "hb", "dhp", "rent") });
    fc.assert(
      fc.property(setup, fc.array(line, { maxLength: 25 }), line, fc.integer({ min: 0, max: 220 }), ({ frequency, instalmentPence, basis }, lines, extra, asOfDay) => {
        const a = arrangement({ frequency, instalment: instalmentPence / 100, basis });
        const ts = lines.map((l) => (l.type === "rent" ? rent(S + l.day, l.pence / 100) : credit(S + l.day, l.pence / 100, l.type)));
        const added = credit(S + extra.day, extra.pence / 100, extra.type === "rent" ? "payment" : extra.type);
        const before = judge(a, ts, S + asOfDay);
        const after = judge(a, [...ts, added], S + asOfDay);
        if (after.outcome === "broken") expect(before.outcome).toBe("broken");
        expect(after.missed).toBeLessThanOrEqual(before.missed);
        expect(after.shortfall).toBeLessThanOrEqual(before.shortfall);
      }),
      { numRuns: 500 },
    );
  });
});

describe("due dates walked by arithmetic", () => {
  it("give the same dates as dueDate for every start day over leap and common years, month ends included", () => {
    // 1 January 1999 (serial 36161) to 31 December 2030, every day as a start; 40 instalments each.
    const differ: string[] = [];
    for (let start = 36161; start <= 47848; start++) {
      for (const f of ["monthly", "ucPeriod", "weekly"] as const) {
        const next = dueDates(start, f);
        for (let k = 0; k < 40; k++) if (next(k) !== dueDate(start, f, k)) differ.push(`${start} ${f} ${k}: ${next(k)} vs ${dueDate(start, f, k)}`);
      }
    }
    expect(differ.slice(0, 5)).toEqual([]);
    // 31 January 2024 (45322): 29 February 2024 (45351), then 31 March (45382): the month's last day, then the 31st again.
    const from31 = dueDates(45322, "monthly");
    expect([from31(0), from31(1), from31(2)]).toEqual([45322, 45351, 45382]);
    // Before March 1900 Excel's serials carry the phantom 29 February: the walk falls back to dueDate there.
    expect(dueDates(31, "monthly")(1)).toBe(dueDate(31, "monthly", 1));
  });
});

describe("the reason's dates and amounts", () => {
  it("write dates as serialToIso does, from 1900 to 9999, and amounts as formatPounds does", () => {
    const dates: string[] = [];
    // Every 3rd day from serial 1 (1900-01-01) to 9999-12-31, and the edges of the fast path.
    for (let s = 1; s <= LAST_SERIAL; s += 3) if (reasonDate(s) !== serialToIso(s)) dates.push(`${s}: ${reasonDate(s)} vs ${serialToIso(s)}`);
    for (const s of [59, 60, 61, 62, LAST_SERIAL - 1, LAST_SERIAL]) if (reasonDate(s) !== serialToIso(s)) dates.push(`${s}`);
    expect(dates.slice(0, 5)).toEqual([]);
    const amounts = [0, 0.005, 1, 12.5, -12.5, 999.98, 999.99, 999.994, 999.995, 1000, 1234.56, -98765.43, 1e7 + 0.01];
    for (let i = 0; i < 2000; i++) amounts.push(Math.round((i * 7.77 - 3000) * 100) / 100);
    expect(amounts.filter((x) => reasonPounds(x) !== formatPounds(x))).toEqual([]);
  });
});
