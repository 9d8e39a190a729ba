import * as fs from "node:fs";
import * as path from "node:path";
import { readXlsx, writeXlsx } from "../../cli/io/xlsx";
import { generateTeamExport, teamExportTables } from "../../samples/generator/teamExport";
import { runCli, tempFiles } from "../support/runCli";

const run = runCli;

const { dir, file } = tempFiles("arrears-report-arr-");

// Three weekly £10 arrangements from Tuesday 1 April 2025, judged at 30 April (due 1, 8, 15, 22 and 29 April: 5 instalments).
// B1 paid 1, 8 and 15 April: behind £10 after the 22nd (at risk), £20 after the 29th: broken on 30 April, at risk a week before.
// B2 paid 1 and 8 April: £20 behind after the 22nd, so broken since 23 April, already broken a week before 30 April.
// K1 paid every week: kept. C1's account is vulnerable: on hold though nothing was paid.
const ACCOUNTS = file(
  "accounts.csv",
  ["Tenancy Ref,Tenure,Account Status,Weekly Charge,Patch,Closing Balance,Vulnerable", "B1,SEC,Live,100,North,50,no", "B2,SEC,Live,100,South,60,no", "K1,SEC,Live,100,North,70,no", "C1,SEC,Live,100,South,80,yes"].join("\n"),
);
const pays = (account: string, days: string[]) => days.map((d) => `${d}/04/2025,${account},DD,-10.00,Direct Debit`);
const TRANSACTIONS = file(
  "transactions.csv",
  ["Transaction Date,Tenancy Ref,Trans Type,Amount,Payment Method", ...pays("B1", ["01", "08", "15"]), ...pays("B2", ["01", "08"]), ...pays("K1", ["01", "08", "15", "22", "29"])].join("\n"),
);
const ARRANGEMENTS = file(
  "arrangements.csv",
  [
    "Account Ref,Start Date,Instalment,Basis,Frequency,Type,Status,Officer",
    "K1,01/04/2025,10,Total including rent,Weekly,Tenant arrangement,Live,North",
    "B2,01/04/2025,10,Total including rent,Weekly,SPO,Live,South",
    "B1,01/04/2025,10,Total including rent,Weekly,Tenant arrangement,Live,North",
    "C1,01/04/2025,10,Total including rent,Weekly,Tenant arrangement,Live,South",
  ].join("\n"),
);
const BASE = ["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, "--from", "2025-04-01", "--to", "2025-04-30"];

describe("arrears report with an arrangements table", () => {
  it("adds each arrangement judged, broken first, the per-officer summary and those broken this week to the JSON", async () => {
    const { code, out, err } = await run([...BASE, "--arrangements", ARRANGEMENTS, "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const a = JSON.parse(out).arrangements;
    expect(a.asOf).toBe("2025-04-30");
    expect(a.graces).toEqual({ paymentGraceDays: 0, ucGraceDays: 30, hbGraceDays: 28 });
    expect(a.judged.map((j: { account: string; outcome: string }) => `${j.account} ${j.outcome}`)).toEqual(["B1 broken", "B2 broken", "C1 on hold", "K1 kept"]);
    expect(a.judged[0]).toMatchObject({ instalmentsDue: 5, paid: 30, shortfall: 20, missed: 2, firstMissed: "2025-04-22" });
    expect(a.brokenThisWeek.map((j: { account: string }) => j.account)).toEqual(["B1"]);
    // Since 1 April both broke; active = kept, at risk or on hold; arrears covered = the balances of those accounts (K1 £70; C1 £80).
    expect(a.byOfficer).toEqual([
      { officer: "North", active: 1, arrearsCovered: 70, brokenSince: 1, ranThreeMonths: 0, keptAtThreeMonths: 0, ranSixMonths: 0, keptAtSixMonths: 0 },
      { officer: "South", active: 1, arrearsCovered: 80, brokenSince: 1, ranThreeMonths: 0, keptAtThreeMonths: 0, ranSixMonths: 0, keptAtSixMonths: 0 },
      { officer: "Team", active: 2, arrearsCovered: 150, brokenSince: 2, ranThreeMonths: 0, keptAtThreeMonths: 0, ranSixMonths: 0, keptAtSixMonths: 0 },
    ]);
    // A longer UC grace changes nothing here (no UC credits), but is read and reported.
    expect(JSON.parse((await run([...BASE, "--arrangements", ARRANGEMENTS, "--uc-grace-days", "35", "--json"])).out).arrangements.graces.ucGraceDays).toBe(35);
  });

  it("writes the Arrangements and Broken this week sheets, titled, before About", async () => {
    const out = path.join(dir, "return.xlsx");
    const res = await run([...BASE, "--arrangements", ARRANGEMENTS, "--out", out, "--organisation", "Test Homes"]);
    expect(res.err).toBe("");
    expect(res.out).toMatch(/4 arrangements \(1 broken this week\)/);
    const book = readXlsx(fs.readFileSync(out));
    expect(book.sheets.map((s) => s.name)).toEqual(["Return", "By officer", "Ageing", "Escalations", "Arrangements", "Broken this week", "Worklist", "About"]);
    const [arr, week] = [book.sheets[4].rows, book.sheets[5].rows];
    expect(arr[0][0]).toBe("Arrangements at 30 April 2025: 2 broken, 0 at risk, 1 on hold, 1 kept, 0 completed");
    expect(arr[1][0]).toBe("Organisation: Test Homes");
    const header = arr.findIndex((r) => r[0] === "Account");
    expect(arr.slice(header + 1, header + 5).map((r) => [r[0], r[2]])).toEqual([
      ["B1", "broken"],
      ["B2", "broken"],
      ["C1", "on hold"],
      ["K1", "kept"],
    ]);
    const summary = arr.findIndex((r) => r[0] === "Officer");
    expect(arr[summary][3]).toBe("Broken since 1 April 2025");
    expect(arr.slice(summary + 1, summary + 4).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ["North", 1, 70, 1],
      ["South", 1, 80, 1],
      ["Team", 2, 150, 2],
    ]);
    expect(week[0][0]).toBe("Broken this week: 1 arrangement broken in the 7 days to 30 April 2025");
    const wh = week.findIndex((r) => r[0] === "Account");
    expect(week[wh + 1].slice(0, 3)).toEqual(["B1", "North", "broken"]);
    expect(week[wh + 2]?.[0] ?? null).toBeNull();
    expect(String(book.sheets[7].rows.find((r) => String(r[0]).startsWith("Arrangements:"))?.[0])).toMatch(/up to 0 days after its due date, a UC credit up to 30 days after and an HB credit up to 28 days/);
  });

  it("carries the day's worklist, the same list `arrears worklist` gives for the same tables", async () => {
    const out = path.join(dir, "return-worklist.xlsx");
    expect((await run([...BASE, "--arrangements", ARRANGEMENTS, "--out", out])).code).toBe(0);
    const sheet = readXlsx(fs.readFileSync(out)).sheets.find((s) => s.name === "Worklist")!.rows;
    const header = sheet.findIndex((r) => r[0] === "Rank");
    const body = sheet.slice(header + 1).filter((r) => typeof r[0] === "number");
    // By hand: B1 and B2 broke (+40 each) and owe half a week (no weeks-owed band, no escalation due, last paid
    // 15 and 22 days before: under 28). K1 kept with nothing else: no reason, not listed. C1 is held (vulnerable).
    // Equal scores: the larger balance first, B2 (£60) then B1 (£50).
    expect(body.map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      [1, "B2", "South", 40, "broken arrangement (+40)"],
      [2, "B1", "North", 40, "broken arrangement (+40)"],
    ]);
    const listed = JSON.parse((await run(["worklist", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, "--arrangements", ARRANGEMENTS, "--as-of", "2025-04-30", "--json"])).out);
    expect(listed.rows.map((r: { rank: number; account: string; score: number; reasonText: string }) => [r.rank, r.account, r.score, r.reasonText])).toEqual(body.map((r) => [r[0], r[1], r[3], r[4]]));
  });

  it("finds an .xlsx export's arrangements sheet by its headers, and refuses a blank status naming the file and row", async () => {
    const exp = generateTeamExport({ accounts: 300, officers: 3, seed: 5, periodStart: "2025-04-01", periodEnd: "2025-04-30", arrangements: 50 });
    const t = teamExportTables(exp);
    const xlsx = path.join(dir, "export.xlsx");
    fs.writeFileSync(xlsx, writeXlsx([{ name: "Plans", rows: t.arrangements! }, { name: "Txns", rows: t.transactions }, { name: "Rent accounts", rows: t.accounts }]));
    const json = JSON.parse((await run(["report", "--in", xlsx, "--from", "2025-04-01", "--to", "2025-04-30", "--json"])).out);
    expect(json.arrangements.judged).toHaveLength(50);
    // Every planted outcome comes out of the command as planted.
    const planted = new Map(exp.arrangementLabels!.map((l) => [l.account, l.outcome]));
    expect(json.arrangements.judged.every((j: { account: string; outcome: string }) => planted.get(j.account) === j.outcome)).toBe(true);
    const blank = file("blank.csv", ["Account Ref,Start Date,Instalment,Basis,Frequency,Type,Status", "K1,01/04/2025,10,Total,Weekly,Tenant,"].join("\n"));
    const r = await run([...BASE, "--arrangements", blank]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^arrears report: \S*blank\.csv: arrangements row 2: status \(column "Status"\) is blank; it must be one of active/);
    expect(await run(["report", "--in", xlsx, "--arrangements", blank, "--from", "2025-04-01", "--to", "2025-04-30"])).toMatchObject({ code: 1, err: expect.stringContaining("give --arrangements only with --accounts and --transactions") });
  });
});
