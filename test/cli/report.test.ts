import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Readable } from "node:stream";
import { unzipSync, strFromU8 } from "fflate";
import { main } from "../../cli/main";
import { parseCsv } from "../../cli/io/csv";
import { readXlsx, writeXlsx } from "../../cli/io/xlsx";
import { generateTeamExport, teamExportCsv, teamExportTables } from "../../samples/generator/teamExport";

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(args, { stdin: Readable.from([""]), stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } });
  return { code, out, err };
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-report-"));
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
};

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
    expect(json.kpis[2].definition).toMatch(/Rent collected/);
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
    const rate = ret.find((r) => r[0] === "collection_rate_arc")!;
    expect(rate[2]).toBe(83.08);
    expect(String(rate[4])).toMatch(/Rent collected/);
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

  it("processes a team-sized export (17,000 accounts) end to end as the installed bin", () => {
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
    const gross = book.sheets[0].rows.find((r) => r[0] === "gross_arrears")![2] as number;
    expect(gross).toBeGreaterThan(3_500_000);
    expect(gross).toBeLessThan(5_000_000);
    expect(book.sheets[1].rows.length).toBe(14); // header, 12 officers, team total
    expect(exp.transactions.length).toBeGreaterThan(30_000);
  });
});
