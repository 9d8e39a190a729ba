import { arrangement } from "../arrangements/fixtures";
import { ArrearsInputError } from "../../../core/errors";
import type { BalanceHistory, Transaction } from "../../../core/export/schema";
import { DEFAULT_POINTS, type PointsTable } from "../../../core/worklist/points";
import { worklistOf, type WorklistInput } from "../../../core/worklist/worklist";
import { account, AS_OF, payment, S } from "./fixtures";

// The cases, all £100 a week secure tenancies unless said (weeks owed = balance ÷ 100).
// Worked by hand from the default points (broken 40, at risk 15, worsening ≥£1 10 / ≥£10 20,
// weeks owed ≥4 10 / ≥8 20 / ≥13 30, due to escalate 25, no payment ≥28 days 15 / ≥56 25,
// awaiting authorisation 20) and the default England policy.
const ACCOUNTS = [
  // A1 (Jo): owes £1,400 = 14 weeks; notice served 40 days ago, so court (28 days after a notice) fell due
  // 12 days ago: 13+ weeks owed 30 + due to escalate to Court 25 = 55. Paid 10 days ago: no no-payment reason.
  account({ account: "A1", balance: 1400, lastAction: "NOSP served", lastActionDate: AS_OF - 40 }),
  // A2 (Jo): owes £500 = 5 weeks, no action yet, so a notice is due today (4 weeks for secure); a weekly £10
  // arrangement from S with nothing paid is 5 instalments behind at S+30 (broken); no payment in the 31 days the
  // transactions cover (S to S+30): broken 40 + 4+ weeks 10 + notice 25 + no payment 31+ days 15 = 90.
  account({ account: "A2", balance: 500 }),
  // A3 (Jo): UC, owes £250; one UC cycle is £100 × 52/12 = £433.33, so wholly technical: never listed.
  account({ account: "A3", balance: 250, benefit: "UC" }),
  // A4 (Jo): owes £900 (9 weeks) with a vulnerability flag: held, so listed apart. Its reasons without the hold:
  // 8+ weeks 20, no payment 31+ days 15 (the notice is held back by the flag, so not due).
  account({ account: "A4", balance: 900, vulnerable: true }),
  // A5 (Sam): owes £300 (3 weeks), last action a warning (so not due); paid 2 days ago; the history rises £20 a
  // week over 13 weeks: worsening ≥£10 = 20.
  account({ account: "A5", balance: 300, officer: "Sam", lastAction: "warning", lastActionDate: AS_OF - 5 }),
  // A6 (Sam): owes £450 (4.5 weeks), notice 3 days ago (court not yet due), paid yesterday, awaiting the team
  // leader: 4+ weeks 10 + awaiting authorisation 20 = 30; the top reason (20) gives the next action.
  account({ account: "A6", balance: 450, officer: "Sam", lastAction: "notice", lastActionDate: AS_OF - 3 }),
  // A7: a former tenancy owing £2,000: not a case. A8: owes nothing.
  account({ account: "A7", balance: 2000, status: "former" }),
  account({ account: "A8", balance: 0 }),
];
const TRANSACTIONS: Transaction[] = [
  { date: S, account: "A1", type: "rent", amount: 433.33, method: null }, // the transactions cover S to the as-of date
  payment("A1", AS_OF - 10, 50),
  payment("A5", AS_OF - 2, 20),
  payment("A6", AS_OF - 1, 20),
  payment("A2", AS_OF + 1, 500), // after the as-of date: not read
];
const HISTORY: BalanceHistory = {
  dates: Array.from({ length: 13 }, (_, k) => AS_OF - 7 * (12 - k)),
  accounts: ["A5"],
  balances: [Array.from({ length: 13 }, (_, k) => 60 + 20 * k)], // £60 … £300, +£20 a week
};
const INPUT: WorklistInput = {
  accounts: ACCOUNTS,
  transactions: TRANSACTIONS,
  asOf: AS_OF,
  arrangements: [arrangement({ account: "A2" }), arrangement({ account: "Z9" })],
  history: HISTORY,
  authorisations: { column: "Awaiting authorisation", accounts: new Set(["A6"]) },
};

describe("worklistOf on hand-worked cases", () => {
  const list = worklistOf(INPUT);

  it("ranks by score with the reasons that make it up", () => {
    expect(list.rows.map((r) => [r.rank, r.account, r.officer, r.score])).toEqual([
      [1, "A2", "Jo", 90],
      [2, "A1", "Jo", 55],
      [3, "A6", "Sam", 30],
      [4, "A5", "Sam", 20],
    ]);
    // Most points first: 40, 25, 15, 10.
    expect(list.rows[0].reasonText).toBe("broken arrangement (+40); due to escalate to Notice (+25); no payment for 31+ days (+15); 4+ weeks owed (+10)");
    expect(list.rows[1].reasonText).toBe("13+ weeks owed (+30); due to escalate to Court (+25)");
    expect(list.rows[2].reasonText).toBe("awaiting the team leader's authorisation (+20); 4+ weeks owed (+10)");
    expect(list.rows[3].reasonText).toBe("worsening £20.00 a week over 13 weeks (+20)");
  });

  it("gives the policy's action when an escalation is due, else the top reason's", () => {
    expect(list.rows[0].nextAction).toMatch(/Notice of Seeking Possession/);
    expect(list.rows[1].nextAction).toMatch(/^Refer for possession proceedings/);
    expect(list.rows[2].nextAction).toBe("Team leader: authorise or refuse the next step");
    expect(list.rows[3].nextAction).toBe("Call: arrears are rising fast; check income, benefit and the payment method");
    // Court fell due 28 days after the notice served 40 days before the as-of date: 12 days ago.
    expect(list.rows[1].dueBy).toBe(AS_OF - 12);
    expect(list.rows[0].dueBy).toBeNull();
  });

  it("lists held cases apart with the hold, and leaves out technical, former and clear accounts", () => {
    expect(list.held).toEqual([{ account: "A4", officer: "Jo", hold: "vulnerable-tenant flag", balance: 900, weeksOwed: 9, reasonText: "8+ weeks owed (+20); no payment for 31+ days (+15)" }]);
    const listed = list.rows.map((r) => r.account);
    for (const gone of ["A3", "A4", "A7", "A8"]) expect(listed).not.toContain(gone);
  });

  it("counts per officer: due today, overdue, awaiting the team leader, held, technical", () => {
    expect(list.byOfficer).toEqual([
      // Jo: A2 notice due today (arrears alone), A1 court overdue since AS_OF-12; A4 held; A3 technical.
      { officer: "Jo", needsAction: 2, listed: 2, dueToday: 1, overdue: 1, awaitingTeamLeader: 0, held: 1, technicalOnly: 1 },
      { officer: "Sam", needsAction: 2, listed: 2, dueToday: 0, overdue: 0, awaitingTeamLeader: 1, held: 0, technicalOnly: 0 },
      { officer: "Team", needsAction: 4, listed: 4, dueToday: 1, overdue: 1, awaitingTeamLeader: 1, held: 1, technicalOnly: 1 },
    ]);
  });

  it("notes the arrangement on an account it does not know", () => {
    expect(list.notes).toEqual([
      "1 arrangement is on accounts not in the accounts table: not on the worklist",
      // The transactions start on S, 6 April 2026: none from before the rent year began, so no rent change can be seen.
      "the transactions do not reach back before 2026-04-01: the UC old-rent reason was not judged",
    ]);
  });

  it("notes each reason it could not judge without its table or column", () => {
    const bare = worklistOf({ accounts: ACCOUNTS, transactions: [], asOf: AS_OF });
    expect(bare.notes).toEqual([
      "no balance history given: the worsening-trend reason was not judged",
      "no arrangements table given: the broken and at-risk arrangement reasons were not judged",
      "no transactions dated on or before the as-of date: the no-payment reason was not judged",
      "the transactions do not reach back before 2026-04-01: the UC old-rent reason was not judged",
      "the accounts table has no awaiting authorisation column (yes/no): the team leader's authorisation reason was not judged",
    ]);
    // A1: 13+ weeks 30 + court 25 = 55; A2: notice 25 + 4+ weeks 10 = 35; A6: 4+ weeks 10. A5 (3 weeks, at warning) has no reason.
    expect(bare.rows.map((r) => [r.account, r.score])).toEqual([
      ["A1", 55],
      ["A2", 35],
      ["A6", 10],
    ]);
  });
});

describe("the order, the cap and the options", () => {
  it("breaks equal scores by balance, then by account in character-code order", () => {
    // Each owes 4+ weeks (10) and nothing else scores (no transactions, last action notice yesterday).
    const at = (id: string, balance: number) => account({ account: id, balance, lastAction: "notice", lastActionDate: AS_OF - 1 });
    const list = worklistOf({ accounts: [at("B9", 450), at("B10", 450), at("B2", 460)], transactions: [], asOf: AS_OF });
    expect(list.rows.map((r) => [r.account, r.score])).toEqual([
      ["B2", 10], // higher balance first
      ["B10", 10], // "B10" < "B9" in character codes ("1" is 49, "9" is 57)
      ["B9", 10],
    ]);
  });

  it("caps each officer's cases, counting the rest as needing action", () => {
    const accounts = ["C1", "C2", "C3", "C4"].map((id, i) => account({ account: id, balance: 500 + i, officer: i < 3 ? "Jo" : "Sam" }));
    const list = worklistOf({ accounts, transactions: [], asOf: AS_OF, options: { capPerOfficer: 2 } });
    // All score 35 (notice 25 + 4+ weeks 10): Jo's two largest (C3 £502, C2 £501), then Sam's C4 (£503) ranks first overall.
    expect(list.rows.map((r) => [r.rank, r.account])).toEqual([
      [1, "C4"],
      [2, "C3"],
      [3, "C2"],
    ]);
    expect(list.byOfficer.find((l) => l.officer === "Jo")).toMatchObject({ needsAction: 3, listed: 2 });
  });

  it("takes the technical weeks as options: 0 weeks makes every UC case count", () => {
    const uc = [account({ account: "D1", benefit: "UC", balance: 433.33 }), account({ account: "D2", benefit: "HB", balance: 400.01 })];
    // D1 owes exactly one UC cycle (£433.33, technical); D2 owes 1p over 4 weeks of HB (not technical).
    expect(worklistOf({ accounts: uc, transactions: [], asOf: AS_OF }).rows.map((r) => r.account)).toEqual(["D2"]);
    expect(worklistOf({ accounts: uc, transactions: [], asOf: AS_OF, options: { ucTechnicalWeeks: 0 } }).rows.map((r) => r.account)).toEqual(["D1", "D2"]);
  });

  it("scores with an edited points table: a reason left out or at 0 points is not listed", () => {
    const points: PointsTable = DEFAULT_POINTS.filter((r) => r.reason !== "dueToEscalate").map((r) => (r.reason === "brokenArrangement" ? { ...r, points: 0 } : r));
    const list = worklistOf({ ...INPUT, points });
    // A2 is now 4+ weeks 10 + no payment 15 = 25; A1 is 13+ weeks 30.
    expect(list.rows.find((r) => r.account === "A2")).toMatchObject({ score: 25, reasonText: "no payment for 31+ days (+15); 4+ weeks owed (+10)" });
    expect(list.rows.find((r) => r.account === "A1")).toMatchObject({ score: 30, reasonText: "13+ weeks owed (+30)" });
    // The notice is still due (and counted due today), but with its reason not scored the top listed reason gives the action.
    expect(list.rows.find((r) => r.account === "A2")!.nextAction).toBe(DEFAULT_POINTS.find((r) => r.reason === "noPayment" && r.from === 28)!.action);
  });

  it("fills every placeholder of an edited row's words with the case's figures", () => {
    const points: PointsTable = DEFAULT_POINTS.map((r) => (r.reason === "weeksOwed" && r.from === 13 ? { ...r, words: "{weeks} weeks owed, {{weeks}}; was {weeks}" } : r));
    const a1 = worklistOf({ ...INPUT, points }).rows.find((r) => r.account === "A1")!;
    const weeks = a1.reasons.find((r) => r.reason === "weeksOwed")!.words;
    const figure = weeks.split(" ")[0];
    expect(figure).toMatch(/^\d+\.\d$/);
    expect(weeks).toBe(`${figure} weeks owed, {${figure}}; was ${figure}`);
  });

  it("counts days without a payment from the last one, or the tenancy start, or (a lower bound) the first transaction", () => {
    const accounts = [
      account({ account: "F1", balance: 500, lastAction: "notice", lastActionDate: AS_OF - 1 }), // paid 40 days ago
      account({ account: "F2", balance: 500, lastAction: "notice", lastActionDate: AS_OF - 1, tenancyStart: AS_OF - 29 }), // let 29 days ago, never paid
      account({ account: "F3", balance: 500, lastAction: "notice", lastActionDate: AS_OF - 1, tenancyStart: AS_OF - 20 }), // let 20 days ago: under 28
      account({ account: "F4", balance: 500, lastAction: "notice", lastActionDate: AS_OF - 1 }), // never paid in the 61 days covered
    ];
    const tx = [payment("F1", AS_OF - 40, 10), { date: AS_OF - 60, account: "F9", type: "rent" as const, amount: 100, method: null }];
    const words = (id: string) => worklistOf({ accounts, transactions: tx, asOf: AS_OF }).rows.find((r) => r.account === id)?.reasonText;
    expect(words("F1")).toBe("no payment for 40 days (+15); 4+ weeks owed (+10)");
    expect(words("F2")).toBe("no payment for 29 days (+15); 4+ weeks owed (+10)");
    expect(words("F3")).toBe("4+ weeks owed (+10)");
    expect(words("F4")).toBe("no payment for 61+ days (+25); 4+ weeks owed (+10)"); // AS_OF-60 to AS_OF is 61 days
  });

  it("flags a UC tenant whose UC credit has not moved since the April rent rise", () => {
    // Rent £400 a month debited on the 1st (serials: 1 Mar 2026 = S - 36, 1 Apr = S - 5, 1 May = S + 25), rising to £420
    // from 1 April. UC credits of £380 on 5 March (S - 32); after the change (more than 30 days on, the UC grace) the credit on
    // 5 May (S + 29) is still £380 for G1 (flagged: 15), but £400 for G2 (reported). Both owe £500 (5 weeks of £100): 4+ weeks 10;
    // last action notice yesterday so no escalation; each paid £1 yesterday so no no-payment reason.
    const accounts = ["G1", "G2"].map((id) => account({ account: id, balance: 500, benefit: "UC", lastAction: "notice", lastActionDate: AS_OF - 1 }));
    const rent = (id: string, date: number, pounds: number): Transaction => ({ date, account: id, type: "rent", amount: pounds, method: null });
    const uc = (id: string, date: number, pounds: number): Transaction => ({ date, account: id, type: "uc", amount: -pounds, method: "DWP" });
    const tx = ["G1", "G2"].flatMap((id) => [rent(id, S - 36, 400), rent(id, S - 5, 420), rent(id, S + 25, 420), uc(id, S - 32, 380), payment(id, AS_OF - 1, 1)]);
    tx.push(uc("G1", S + 29, 380), uc("G2", S + 29, 400));
    const list = worklistOf({ accounts, transactions: tx, asOf: AS_OF });
    expect(list.rows.map((r) => [r.account, r.score, r.reasonText])).toEqual([
      ["G1", 25, "UC still £380.00 since the rent change on 2026-04-01 (+15); 4+ weeks owed (+10)"],
      ["G2", 10, "4+ weeks owed (+10)"],
    ]);
    expect(list.rows[0].nextAction).toMatch(/^Ask the tenant to report the new rent/);
    // A UC credit within the 30 days after the change may be for an assessment period before it: not judged on its own.
    const early = tx.filter((t) => !(t.type === "uc" && t.date === S + 29)).concat(uc("G1", S + 20, 380));
    expect(worklistOf({ accounts, transactions: early, asOf: AS_OF }).rows[0].reasonText).toBe("4+ weeks owed (+10)");
  });

  it("reads the balance history only up to the as-of date", () => {
    // Snapshots after AS_OF (a list made for an earlier day) fall steeply; cut at AS_OF the 13 weeks rise £20 a week.
    const later = { dates: [...HISTORY.dates, AS_OF + 7, AS_OF + 14, AS_OF + 21], accounts: HISTORY.accounts, balances: [[...HISTORY.balances[0], 0, 0, 0]] };
    const a5 = (h: BalanceHistory) => worklistOf({ ...INPUT, history: h }).rows.find((r) => r.account === "A5")?.reasonText;
    expect(a5(later)).toBe("worsening £20.00 a week over 13 weeks (+20)");
  });

  it("puts Breathing Space and a pending benefit claim apart too, and lifts a moratorium that has ended", () => {
    const accounts = [
      account({ account: "E1", balance: 800, breathingSpaceUntil: AS_OF }),
      account({ account: "E2", balance: 800, breathingSpaceUntil: AS_OF - 1 }),
      account({ account: "E3", balance: 800, benefitPending: true, vulnerable: true }),
    ];
    const list = worklistOf({ accounts, transactions: [], asOf: AS_OF });
    expect(list.held.map((h) => [h.account, h.hold])).toEqual([
      ["E1", "Breathing Space until 2026-05-06"],
      ["E3", "vulnerable-tenant flag; benefit claim pending"],
    ]);
    expect(list.rows.map((r) => r.account)).toEqual(["E2"]);
  });

  it("refuses a bad option, a repeated account and a bad as-of date", () => {
    const refusal = (input: WorklistInput) => {
      try {
        worklistOf(input);
      } catch (e) {
        expect(e).toBeInstanceOf(ArrearsInputError);
        return (e as Error).message;
      }
      return "accepted";
    };
    expect(refusal({ ...INPUT, options: { capPerOfficer: 2.5 } })).toMatch(/cap per officer must be a whole number of cases/);
    expect(refusal({ ...INPUT, options: { capPerOfficer: 0 } })).toMatch(/cap per officer must be 1 or more/);
    expect(refusal({ ...INPUT, accounts: [...ACCOUNTS, ACCOUNTS[0]] })).toBe("account A1 appears twice in the accounts table");
    expect(refusal({ ...INPUT, asOf: 1.5 })).toMatch(/as-of date must be a date/);
    expect(refusal({ ...INPUT, points: [{ ...DEFAULT_POINTS[0], points: 1.5 }] })).toBe("points row 1: points must be a whole number from 0 to 1000, got 1.5");
  });
});
