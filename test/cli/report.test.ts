import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { parseCsv } from "../../cli/io/csv";
import { readXlsx, writeXlsx } from "../../cli/io/xlsx";
import { generateTeamExport, teamExportCsv, teamExportTables } from "../../samples/generator/teamExport";
import { runCli, tempFiles } from "../support/runCli";

const run = runCli;

const { dir, file } = tempFiles("arrears-report-");

// A Northgate-style export: its own header names, a tenant name and an officer that would run as formulas.
const ACCOUNTS = file(
  "accounts.csv",
  [
    "Tenancy Ref,Tenure,Account Status,Weekly Charge,Patch,Benefit Type,Closing Balance,Tenant Name",
    "A1,SEC,Live,100.00,North,,250.00,Jo Bloggs",
    '"=HYPERLINK(""http://x"",""y"")",ASS,Live,100.00,"+North",UC,400.00,"@SUM(1)"',
    "A3,SEC,Live,50.00,South,HB,700.00,-Minus",
    "A4,AST,Terminated,80.00,South,,500.00,Former Person",
  ].join("\n"),
);
const TRANSACTIONS = file(
  "transactions.csv",
  [
    "Transaction Date,Tenancy Ref,Trans Type,Amount,Payment Method",
    "01/04/2025,A1,RNT,433.33,",
    "10/04/2025,A1,DD,-300.00,Direct Debit",
    '01/04/2025,"=HYPERLINK(""http://x"",""y"")",RNT,433.33,',
    '20/04/2025,"=HYPERLINK(""http://x"",""y"")",UC,-400.00,DWP',
    "01/04/2025,A3,RNT,216.67,",
    "10/04/2025,A3,HB,-200.00,",
    "31/03/2025,A3,DD,-999.00,Direct Debit",
  ].join("\n"),
);
const PERIOD = ["--from", "2025-04-01", "--to", "30/04/2025"];

describe("arrears report", () => {
  it("prints the return as JSON with every figure, definition, officer line, ageing and escalation", async () => {
    const { code, out, err } = await run(["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, ...PERIOD, "--json"]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.period).toEqual({ from: "2025-04-01", to: "2025-04-30" });
    const k = Object.fromEntries(json.kpis.map((f: { id: string; value: number }) => [f.id, f.value]));
    // Rent due 433.33 × 2 + 216.67 = 1,083.33; collected 300 + 400 + 200 = 900 (the March payment is outside) → 83.08 %.
    expect(k.rent_due).toBe(1083.33);
    expect(k.rent_collected).toBe(900);
    expect(k.collection_rate_arc).toBe(83.08);
    expect(k.current_arrears).toBe(1350);
    expect(k.former_arrears).toBe(500);
    expect(json.kpis.find((f: { id: string }) => f.id === "collection_rate_arc").definition).toMatch(/^Rent collected/);
    expect(json.byOfficer.map((o: { officer: string }) => o.officer)).toEqual(["+North", "North", "South"]);
    expect(json.ageing[0]).toMatchObject({ label: "under 4 weeks", accounts: 1, arrears: 250 });
    expect(json.escalations.map((e: { account: string; stage: string }) => [e.account, e.stage])).toEqual([
      ["A3", "notice"],
      ['=HYPERLINK("http://x","y")', "notice"],
      ["A1", "early_contact"],
    ]);
  });

  it("prints the return as CSV by default, with the rounding stated in the JSON", async () => {
    const { code, out } = await run(["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, ...PERIOD, "--void-treatment", "gross", "--bands", "4,13"]);
    expect(code).toBe(0);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual(["id", "kpi", "value", "unit", "definition", "source", "note"]);
    expect(rows.find((r) => r[0] === "collection_rate_arc")![2]).toBe("83.08");
    expect(rows.filter((r) => r[0].startsWith("arrears_band_")).length).toBe(6); // 3 bands × count and amount
  });

  it("writes the return workbook: numbers as numbers, text from the data never a formula", async () => {
    const out = path.join(dir, "return.xlsx");
    const res = await run(["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, ...PERIOD, "--out", out]);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/wrote .*return.xlsx: \d+ figures, 3 officer lines, 3 accounts on the escalation list \(3 due to escalate\)/);
    const bytes = fs.readFileSync(out);
    const book = readXlsx(bytes);
    expect(book.sheets.map((s) => s.name)).toEqual(["Return", "By officer", "Ageing", "Escalations", "About"]);
    const ret = book.sheets[0].rows;
    const header = ret.find((r) => r[0] === "KPI")!;
    const [idCol, valueCol, definitionCol] = ["Id", "Value", "Definition"].map((h) => header.indexOf(h));
    expect(idCol).toBe(header.length - 1);
    const rate = ret.find((r) => r[idCol] === "collection_rate_arc")!;
    expect(rate[valueCol]).toBe(0.8308); // 83.08 % stored as the fraction a % format shows as 83.08%
    expect(String(rate[definitionCol])).toMatch(/Rent collected/);
    const esc = book.sheets[3].rows;
    expect(esc.map((r) => r[0])).toContain('=HYPERLINK("http://x","y")');
    expect(book.sheets[1].rows.map((r) => r[0])).toContain("+North");
    // No cell in any sheet is a formula, and the formula-looking text is quote-prefixed text.
    const files = unzipSync(new Uint8Array(bytes));
    for (const [name, content] of Object.entries(files)) {
      if (name.startsWith("xl/worksheets/")) expect(strFromU8(content)).not.toContain("<f>");
    }
    expect(strFromU8(files["xl/styles.xml"])).toContain('quotePrefix="1"');
  });

  it("applies --annual-debit to the team only: each officer line divides by that officer's own homes", async () => {
    const out = path.join(dir, "debit.xlsx");
    const res = await run(["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, ...PERIOD, "--annual-debit", "100000", "--out", out, "--json"]);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out.slice(res.out.indexOf("{")));
    // North: A1 £100 a week × 52 = 5,200; 250 → 4.8077… → 4.81. "+North": 400 ÷ 5,200 → 7.69.
    // South: A3 £50 × 52 = 2,600 (A4 has ended); 700 → 26.923… → 26.92. Team: 1,350 ÷ 100,000 (given) = 1.35.
    const pct = Object.fromEntries(json.byOfficer.map((o: { officer: string; kpis: Record<string, number> }) => [o.officer, o.kpis.current_arrears_pct]));
    expect(pct).toEqual({ "+North": 7.69, North: 4.81, South: 26.92 });
    expect(json.kpis.find((k: { id: string }) => k.id === "current_arrears_pct").value).toBe(1.35);
    // The By officer sheet shows the same figures.
    const sheet = readXlsx(fs.readFileSync(out)).sheets[1].rows;
    const headerAt = sheet.findIndex((r) => r[0] === "Officer");
    const col = sheet[headerAt].indexOf("Current tenant arrears as % of annual rent debit");
    // Percentages are stored as the fractions a % format shows (7.69 % → 0.0769).
    expect(sheet.slice(headerAt + 1, headerAt + 5).map((r) => [r[0], r[col]])).toEqual([
      ["+North", 0.0769],
      ["North", 0.0481],
      ["South", 0.2692],
      ["Team total", 0.0135],
    ]);
    expect(sheet[sheet.length - 1][0]).toMatch(/team total divides by the £100,000.00 given; each officer's line by the annual rent debit of that officer's own homes/);
  });

  it("gives the year to date from 1 April beside the month on the Return sheet", async () => {
    // May 2025: no transactions in May, so the month has no rent due; the year to date is April's
    // 1,083.33 due and 900 collected (31 March's £999 is last year's) → 83.077… → 83.08.
    const out = path.join(dir, "may.xlsx");
    const res = await run(["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, "--from", "2025-05-01", "--to", "2025-05-31", "--out", out]);
    expect(res.code).toBe(0);
    const rows = readXlsx(fs.readFileSync(out)).sheets[0].rows;
    const header = rows.find((r) => r[0] === "KPI")!;
    const [idCol, valueCol, noteCol] = ["Id", "Value", "Note"].map((h) => header.indexOf(h));
    const row = (id: string) => rows.find((r) => r[idCol] === id)!;
    expect(row("collection_rate_arc")[valueCol]).toBeNull();
    expect(row("collection_rate_arc")[noteCol]).toMatch(/^not defined: no rent fell due in the period/);
    // 83.08 % is stored as the fraction 0.8308 under a % format.
    expect([row("ytd_rent_due")[valueCol], row("ytd_rent_collected")[valueCol], row("ytd_collection_rate_arc")[valueCol]]).toEqual([1083.33, 900, 0.8308]);
    expect(rows.some((r) => r[0] === "Year to date (ytd_ rows): 2025-04-01 to 2025-05-31.")).toBe(true);
  });

  it("counts DHP, read from its export code, as rent collected on its own line", async () => {
    const withDhp = file("dhp.csv", fs.readFileSync(TRANSACTIONS, "utf8") + "\n15/04/2025,A3,DHP,-25.00,Council\n");
    const json = JSON.parse((await run(["report", "--accounts", ACCOUNTS, "--transactions", withDhp, ...PERIOD, "--json"])).out);
    const k = Object.fromEntries(json.kpis.map((f: { id: string; value: number }) => [f.id, f.value]));
    // Collected 900 + 25 = 925 of 1,083.33 due → 85.3848… → 85.38.
    expect([k.dhp_collected, k.rent_collected, k.collection_rate_arc]).toEqual([25, 925, 85.38]);
  });

  it("says in --help what the options and the year to date do", async () => {
    const { out } = await run(["report", "--help"]);
    expect(out).toContain("one setting for the\n                           collection rates' rent due and the arrears percentages' annual debit");
    expect(out).toMatch(/--annual-debit N\s+the team's annual rent debit/);
    expect(out).toMatch(/officer lines always use\s+their own homes' weekly rents/);
    expect(out).toMatch(/year to date\s+from 1 April/);
  });

  it("reads an .xlsx export, finding the sheets by their headers", async () => {
    const exp = generateTeamExport({ accounts: 300, officers: 4, seed: 3, periodStart: "2025-04-01", periodEnd: "2025-04-30" });
    const t = teamExportTables(exp);
    const csv = teamExportCsv(exp);
    const xlsx = path.join(dir, "export.xlsx");
    fs.writeFileSync(xlsx, writeXlsx([{ name: "Notes", rows: [["exported 1 May"]] }, { name: "Txns", rows: t.transactions }, { name: "Rent accounts", rows: t.accounts }, { name: "Empty homes", rows: t.voids }, { name: "Weekly balances", rows: t.balanceHistory }]));
    const fromXlsx = JSON.parse((await run(["report", "--in", xlsx, ...PERIOD, "--json"])).out);
    const fromCsv = JSON.parse((await run(["report", "--accounts", file("g-a.csv", csv.accounts), "--transactions", file("g-t.csv", csv.transactions), "--voids", file("g-v.csv", csv.voids), "--history", file("g-h.csv", csv.balanceHistory), ...PERIOD, "--json"])).out);
    expect(fromXlsx.kpis).toEqual(fromCsv.kpis);
    // The history gives every case on the list its 13-week trend, from the CSV and from the workbook's history sheet alike.
    expect(fromCsv.escalations.every((e: { trend: unknown }) => e.trend !== null)).toBe(true);
    expect(fromXlsx.escalations).toEqual(fromCsv.escalations);
    expect(fromCsv.escalations.some((e: { trend: { direction: string } }) => e.trend.direction === "worsening")).toBe(true);
    expect(fromXlsx.kpis.find((k: { id: string }) => k.id === "void_loss").value).toBeGreaterThan(0);
    expect(fromXlsx.escalations.length).toBeGreaterThan(10);
  });

  it("takes a mapping profile and a policy from JSON files", async () => {
    const profile = file("profile.json", JSON.stringify({ name: "ours", accounts: { balance: ["Closing Balance"] }, transactions: {}, codes: { transactionType: { payment: ["DD"] } } }));
    const policy = file(
      "policy.json",
      JSON.stringify({ id: "strict", version: 2, effectiveFrom: "2025-04-01", stages: [{ id: "none", label: "Nothing" }, { id: "notice", label: "Notice now" }], rules: [{ stage: "notice", minPounds: 300, action: "Serve it" }] }),
    );
    const json = JSON.parse((await run(["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, ...PERIOD, "--profile", profile, "--policy", policy, "--json"])).out);
    expect(json.profile).toBe("ours");
    expect(json.policy).toEqual({ id: "strict", version: 2 });
    expect(json.escalations.map((e: { account: string }) => e.account).sort()).toEqual(["=HYPERLINK(\"http://x\",\"y\")", "A3"]);
    const scot = JSON.parse((await run(["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, ...PERIOD, "--policy", "scotland", "--json"])).out);
    expect(scot.policy.id).toBe("scotland-social-landlord");
    expect(scot.escalations[0].nextAction).toMatch(/s14A/);
  });

  it("exits 1 with a clear message on bad input", async () => {
    const base = ["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS];
    expect(await run([...base, "--to", "2025-04-30"])).toMatchObject({ code: 1, err: expect.stringContaining("--from is required") });
    expect(await run([...base, "--from", "2025-04-31", "--to", "2025-04-30"])).toMatchObject({ code: 1, err: expect.stringContaining('--from must be a date (2025-04-01 or 01/04/2025), got "2025-04-31"') });
    expect(await run([...base, "--from", "2025-04-30", "--to", "2025-04-01"])).toMatchObject({ code: 1, err: expect.stringContaining("period end must be on or after period start") });
    expect(await run(["report", ...PERIOD, "--accounts", ACCOUNTS])).toMatchObject({ code: 1, err: expect.stringContaining("give --in export.xlsx, or both --accounts a.csv and --transactions t.csv") });
    const noBalance = file("nobalance.csv", "account,tenancy type,status,weekly rent\nA1,secure,current,100\n");
    const r = await run(["report", "--accounts", noBalance, "--transactions", TRANSACTIONS, ...PERIOD]);
    expect(r).toMatchObject({ code: 1 });
    expect(r.err).toMatch(/^arrears report: \S*nobalance\.csv: the accounts table has no balance column \(looked for "balance"/);
    expect(r.err).toContain('headers found: "account", "tenancy type", "status", "weekly rent"');
    expect(await run(["report", "--in", ACCOUNTS, ...PERIOD])).toMatchObject({ code: 1, err: expect.stringContaining("not an .xlsx workbook") });
    expect(await run([...base, ...PERIOD, "--profile", file("bad.json", "{nope")])).toMatchObject({ code: 1, err: expect.stringContaining("is not valid JSON") });
    expect(await run([...base, ...PERIOD, "--void-treatment", "half"])).toMatchObject({ code: 1, err: expect.stringContaining("void treatment must be net or gross") });
  });

  it("loads the .xlsx reader only for a workbook (the built command line: a report from CSV is spared loading it)", () => {
    const main = path.resolve(__dirname, "../../lib/cli/main.js");
    const reader = path.resolve(__dirname, "../../lib/cli/io/xlsx/read.js");
    const probe = (args: string[]) => {
      const script = `require(${JSON.stringify(main)}).main(${JSON.stringify(args)}, { stdin: process.stdin, stdout: { write() {} }, stderr: process.stderr })
        .then((code) => process.stdout.write(JSON.stringify({ code, reader: ${JSON.stringify(reader)} in require.cache })));`;
      const res = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
      expect(res.stderr).toBe("");
      return JSON.parse(res.stdout) as { code: number; reader: boolean };
    };
    const book = path.join(dir, "lazy.xlsx");
    fs.writeFileSync(book, writeXlsx([{ name: "Accounts", rows: parseCsv(fs.readFileSync(ACCOUNTS, "utf8")) }, { name: "Transactions", rows: parseCsv(fs.readFileSync(TRANSACTIONS, "utf8")) }]));
    expect(probe(["report", "--accounts", ACCOUNTS, "--transactions", TRANSACTIONS, ...PERIOD, "--out", path.join(dir, "lazy-csv.xlsx")])).toEqual({ code: 0, reader: false });
    expect(probe(["report", "--in", book, ...PERIOD, "--json"])).toEqual({ code: 0, reader: true });
  });

  it("processes a team-sized export (17,000 accounts) end to end as the installed bin", async () => {
    const exp = generateTeamExport({ accounts: 17_000, officers: 12, seed: 17, periodStart: "2025-04-01", periodEnd: "2025-04-30" });
    const csv = teamExportCsv(exp);
    const out = path.join(dir, "team-return.xlsx");
    const bin = path.resolve(__dirname, "../../bin/arrears.js");
    const res = spawnSync(
      process.execPath,
      [bin, "report", "--accounts", file("team-a.csv", csv.accounts), "--transactions", file("team-t.csv", csv.transactions), "--voids", file("team-v.csv", csv.voids), ...PERIOD, "--out", out],
      { encoding: "utf8" },
    );
    expect(res.stderr).toBe("");
    expect(res.status).toBe(0);
    const book = readXlsx(fs.readFileSync(out));
    const idCol = book.sheets[0].rows.find((r) => r[0] === "KPI")!.indexOf("Id");
    const gross = book.sheets[0].rows.find((r) => r[idCol] === "gross_arrears")![1] as number;
    expect(gross).toBeGreaterThan(3_500_000);
    expect(gross).toBeLessThan(5_000_000);
    const officers = book.sheets[1].rows;
    expect(officers.length - officers.findIndex((r) => r[0] === "Officer")).toBe(14); // header, 12 officers, team total
    expect(exp.transactions.length).toBeGreaterThan(30_000);
    // The bin sets V8 flags for a short process (bin/arrears.js): its JSON is what the command line gives in this process, with V8's defaults.
    const inputs = ["--accounts", path.join(dir, "team-a.csv"), "--transactions", path.join(dir, "team-t.csv"), "--voids", path.join(dir, "team-v.csv"), ...PERIOD, "--json"];
    const json = spawnSync(process.execPath, [bin, "report", ...inputs], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
    expect(json.status).toBe(0);
    expect(json.stdout).toBe((await run(["report", ...inputs])).out);
  });
});
