import { arrangementsByOfficer, keptPercent } from "../../../core/arrangements/byOfficer";
import type { Arrangement } from "../../../core/arrangements/schema";
import type { Transaction } from "../../../core/export/schema";
import { arrangement, S } from "./fixtures";

const arr = (account: string, officer: string, over: Partial<Arrangement> = {}): Arrangement => arrangement({ account, officer, ...over });
const pay = (account: string, date: number, amount: number): Transaction => ({ date, account, type: "payment", amount: -amount, method: null });
const holds = (account: string, balance: number, vulnerable = false) => ({ account, balance, vulnerable, benefitPending: false, breathingSpaceUntil: null });

describe("arrangements per officer", () => {
  const list = [arr("A1", "Jo"), arr("A2", "Jo"), arr("A3", "Sam")];
  // A1 pays every week (kept); A2 pays only the first week; A3 pays nothing but its account is flagged vulnerable (on hold).
  const ts = [...[0, 7, 14, 21].map((d) => pay("A1", S + d, 10)), pay("A2", S, 10)];
  const accounts = [holds("A1", 0), holds("A2", 30), holds("A3", 40, true)];

  it("counts active arrangements, the arrears they cover, and breaks since a date", () => {
    // A2 at S+22: behind 0, 10, 20, 30 → broken. The day before S+15 (S+14): S+14 not yet judged, behind 0, 10 → at risk,
    // so it broke since S+15. Active: Jo A1; Sam A3 (on hold). Covered: A1 £0 + A3 £40; A2 is broken, not covered.
    const out = arrangementsByOfficer(list, ts, S + 22, S + 15, {}, accounts);
    expect(out.map((l) => [l.officer, l.active, l.arrearsCovered, l.brokenSince])).toEqual([
      ["Jo", 1, 0, 1],
      ["Sam", 1, 40, 0],
      ["Team", 2, 40, 1],
    ]);
    // The day before S+16 (S+15): due S, S+7, S+14 all judged, behind £20 = 2 instalments → already broken: not a new break.
    expect(arrangementsByOfficer(list, ts, S + 22, S + 16, {}, accounts).at(-1)!.brokenSince).toBe(0);
    // Without an accounts table the arrears covered are unknown (blank), not £0.
    expect(arrangementsByOfficer(list, ts, S + 22, S + 15).at(-1)!.arrearsCovered).toBeNull();
  });

  it("counts arrangements kept at 3 months among those that ran that long", () => {
    // Monthly £50 from S: due S, S+30 (6 May), S+61 (6 June), S+91 (6 July, the 3-month point). M1 pays the first three
    // on time (judged at S+91: S+91 itself not yet judged, behind 0) → kept; M2 pays only the first → broken then.
    // M3 starts S+60 and has not run 3 months by S+100. Six months (6 Oct = S+183) is past S+100 for all.
    const monthly = { frequency: "monthly" as const, instalment: 50 };
    const list3 = [arr("M1", "Jo", monthly), arr("M2", "Jo", monthly), arr("M3", "Jo", { ...monthly, startDate: S + 60 })];
    const ts3 = [pay("M1", S, 50), pay("M1", S + 30, 50), pay("M1", S + 61, 50), pay("M2", S, 50)];
    const [jo] = arrangementsByOfficer(list3, ts3, S + 100, S);
    expect(jo).toMatchObject({ ranThreeMonths: 2, keptAtThreeMonths: 1, ranSixMonths: 0, keptAtSixMonths: 0 });
    expect([keptPercent(1, 2), keptPercent(0, 0), keptPercent(2, 3)]).toEqual([50, null, 66.67]);
  });
});
