import * as fs from "node:fs";
import * as path from "node:path";
import { parseCsv, toCsv } from "../../cli/io/csv";
import { readXlsx, writeXlsx } from "../../cli/io/xlsx";
import { generateTeamExport, isoToSerial, teamExportCsv, teamExportTables } from "../../samples/generator/teamExport";
import { worklistOf } from "../../core/worklist/worklist";
import { runCli, tempFiles } from "../support/runCli";

const run = runCli;

const { dir, file } = tempFiles("arrears-worklist-");

// A small generated export (600 accounts, one month) as the CSVs arrears report reads, plus an
// arrangements CSV: a weekly £15 arrangement from 1 April on every 5th account in arrears.
const exp = generateTeamExport({ accounts: 600, officers: 4, seed: 3, periodStart: "2025-04-01", periodEnd: "2025-04-30" });
const csv = teamExportCsv(exp);
const arrangementRows = [["Account", "Start date", "Instalment", "Basis", "Frequency", "Type", "Status", "Officer"]];
exp.accounts.forEach((a, i) => {
  if (a.balance > 0 && i % 5 === 0) arrangementRows.push([a.account, "2025-04-01", "15", "arrears", "weekly", "tenant", "active", a.officer]);
});
const ACCOUNTS = file("accounts.csv", csv.accounts);
const TRANSACTIONS = file("transactions.csv", csv.transactions);
const HISTORY = file("history.csv", csv.balanceHistory);
const ARRANGEMENTS = file("arrangements.csv", toCsv(arrangementRows));
const BASE = ["worklist", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, "--arrangements", ARRANGEMENTS, "--history", HISTORY, "--as-of", "2025-04-30"];

describe("arrears worklist", () => {
  it("prints the ranked list as CSV, each score the sum of the points its reasons show", async () => {
    const { code, out, err } = await run([...BASE, "--cap", "10"]);
    expect(err).toBe(
      "arrears worklist: the transactions do not reach back before 2025-04-01: the UC old-rent reason was not judged\n" +
        "arrears worklist: the accounts table has no awaiting authorisation column (yes/no): the team leader's authorisation reason was not judged\n",
    );
    expect(code).toBe(0);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual(["Rank", "Account", "Officer", "Score", "Reasons", "Next action", "Balance £", "Weeks owed", "Due by"]);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.length - 1).toBeLessThanOrEqual(4 * 10);
    for (const r of rows.slice(1)) {
      const shown = [...r[4].matchAll(/\(\+(\d+)\)/g)].reduce((s, m) => s + Number(m[1]), 0);
      expect(Number(r[3])).toBe(shown);
    }
  });

  it("agrees with worklistOf over the same tables, row for row", async () => {
    const { out } = await run(BASE);
    const direct = worklistOf({
      accounts: exp.accounts,
      transactions: exp.transactions,
      asOf: isoToSerial("2025-04-30"),
      arrangements: arrangementRows.slice(1).map(([account, , , , , , , officer]) => ({ account, startDate: isoToSerial("2025-04-01"), instalment: 15, basis: "arrears" as const, frequency: "weekly" as const, type: "tenant" as const, startBalance: null, endDate: null, status: "active" as const, officer })),
      history: exp.balanceHistory,
    });
    const rows = parseCsv(out).slice(1);
    expect(rows.map((r) => [r[1], Number(r[3]), r[4]])).toEqual(direct.rows.map((r) => [r.account, r.score, r.reasonText]));
  });

  it("writes the held cases and per-officer counts as CSV shapes, and a workbook with four sheets", async () => {
    const held = parseCsv((await run([...BASE, "--shape", "held"])).out);
    expect(held[0]).toEqual(["Account", "Officer", "Hold", "Balance £", "Weeks owed", "Reasons without the hold"]);
    expect(held.length).toBeGreaterThan(1);
    const officers = parseCsv((await run([...BASE, "--shape", "by-officer"])).out);
    expect(officers.at(-1)![0]).toBe("Team");
    const out = path.join(dir, "worklist.xlsx");
    const res = await run([...BASE, "--out", out]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^wrote .*worklist\.xlsx: \d+ cases on the worklist, \d+ held\n$/);
    const sheets = readXlsx(fs.readFileSync(out)).sheets;
    expect(sheets.map((s) => s.name)).toEqual(["Worklist", "Held", "Worklist by officer", "Points"]);
    const worklist = sheets[0].rows;
    const header = worklist.findIndex((r) => r[0] === "Rank");
    expect(worklist[header + 1][0]).toBe(1);
  });

  it("finds the accounts, transactions, arrangements and history sheets of a workbook by their headers, as from CSV", async () => {
    const t = teamExportTables(exp);
    const xlsx = path.join(dir, "export.xlsx");
    fs.writeFileSync(xlsx, writeXlsx([{ name: "Notes", rows: [["exported 1 May"]] }, { name: "Plans", rows: arrangementRows }, { name: "Txns", rows: t.transactions }, { name: "Rent accounts", rows: t.accounts }, { name: "Weekly balances", rows: t.balanceHistory }]));
    const fromXlsx = JSON.parse((await run(["worklist", "--in", xlsx, "--as-of", "2025-04-30", "--json"])).out);
    const fromCsv = JSON.parse((await run([...BASE, "--json"])).out);
    expect(fromXlsx.rows.length).toBeGreaterThan(20);
    expect(fromXlsx.rows.some((r: { reasonText: string }) => r.reasonText.includes("broken arrangement"))).toBe(true);
    expect(fromXlsx.rows.some((r: { reasonText: string }) => r.reasonText.includes("worsening"))).toBe(true);
    expect(fromXlsx).toEqual(fromCsv);
  });

  it("prints the points table, and scores with a team's edited one", async () => {
    const { out } = await run(["worklist", "--shape", "points", "--as-of", "2025-04-30"]);
    const table = parseCsv(out);
    expect(table[0]).toEqual(["Reason", "From", "Points", "Words", "Next action", "Why"]);
    // Only weeks owed, at 1 point a band: every listed case scores 1.
    const points = file("points.csv", toCsv([table[0], ["weeks owed", "4", "1", "4+ weeks owed", "Review", ""]]));
    const rows = parseCsv((await run([...BASE, "--points", points])).out).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(["1"]));
  });

  it("refuses a bad points file, a missing as-of date and a bad shape in one line", async () => {
    const bad = file("bad-points.csv", "Reason,From,Points,Words,Next action\nweeks owed,4,1.5,x,y\n");
    const res = await run([...BASE, "--points", bad]);
    expect(res.code).toBe(1);
    expect(res.err).toBe(`arrears worklist: ${bad}: points row 2: Points "1.5" is not a whole number (points are whole numbers from 0 to 1000)\n`);
    expect((await run(BASE.filter((a, i) => a !== "--as-of" && BASE[i - 1] !== "--as-of"))).err).toMatch(/--as-of is required/);
    expect((await run([...BASE, "--shape", "wide"])).err).toMatch(/--shape must be one of list, held, by-officer, points, got "wide"/);
    expect((await run(["worklist", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, "--as-of", "31/02/2025"])).err).toBe('arrears worklist: --as-of must be a date (2026-05-06 or 06/05/2026), got "31/02/2025"\n');
  });
});
