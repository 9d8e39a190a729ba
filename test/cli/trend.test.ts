import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseCsv } from "../../cli/io/csv";
import { runCli } from "../support/runCli";

/** Runs the CLI in-process with captured streams. */
const run = runCli;

const WIDE = [
  "Account Ref,2025-04-07,2025-04-14,2025-04-21,2025-04-28,Weekly Rent",
  "A001,100,110,120,130,100",
  '"=HYPERLINK(""x"")",50,40,30,20,',
  "A003,5,,,,90",
].join("\n");

describe("arrears trend", () => {
  it("prints one CSV row per account from a wide balance history with dated columns", async () => {
    const { code, out, err } = await run(["trend"], WIDE);
    expect(code).toBe(0);
    const rows = parseCsv(out);
    expect(rows[0]).toEqual(["account", "slope_per_period", "direction", "projected_balance", "weeks_owed", "periods_in_arrears", "error"]);
    // A001 rises £10 a week: projection 4 weeks on 130 + 40 = 170; 1.3 weeks of £100 rent.
    expect(rows[1]).toEqual(["A001", "10", "worsening", "170", "1.3", "4", ""]);
    expect(rows[2].slice(1, 4)).toEqual(["-10", "improving", "-20"]);
    expect(rows[3][6]).toBe("account 3: needs at least 2 balances to fit a trend, found 1");
    expect(err).toMatch(/1 of 3 accounts could not be fitted/);
  });

  it("neutralises an account reference that would run as a formula", async () => {
    const { out } = await run(["trend"], WIDE);
    expect(parseCsv(out)[2][0]).toBe(`'=HYPERLINK("x")`);
  });

  it("reads a long history (account, date, balance) the same as the wide one", async () => {
    const long = ["account,date,balance,weekly rent", "A001,07/04/2025,100,100", "A001,14/04/2025,110,100", "A001,21/04/2025,120,", "A001,28/04/2025,130,"].join("\n");
    const { out } = await run(["trend", "--json"], long);
    const [a] = JSON.parse(out);
    expect(a).toMatchObject({ account: "A001", slopePerPeriod: 10, projectedBalance: 170, weeksOwed: 1.3, periodLength: 7 });
  });

  it("applies --horizon and --weekly-rent", async () => {
    const { out } = await run(["trend", "--json", "--horizon", "1", "--weekly-rent", "50"], "acc,p1,p2\nX,10,20\n");
    expect(JSON.parse(out)[0]).toMatchObject({ projectedBalance: 30, weeksOwed: 0.4 });
  });

  it("exits 1 with a clear message on bad input", async () => {
    expect(await run(["trend", "--horizon=-3"], WIDE)).toMatchObject({ code: 1, err: expect.stringContaining("horizon must be between 0 and 520") });
    expect(await run(["trend", "--horizon", "-3"], WIDE)).toMatchObject({ code: 1, err: expect.stringContaining("--horizon") });
    expect(await run(["trend", "--in", "/no/such/file.csv"])).toMatchObject({ code: 1, err: expect.stringContaining("cannot find the file /no/such/file.csv") });
    expect(await run(["trend"], "account\n")).toMatchObject({ code: 1, err: expect.stringContaining("no accounts") });
    expect(await run(["trend", "--bogus"], WIDE)).toMatchObject({ code: 1 });
    expect(await run(["trend"], "account,date,balance\nA,not a date,5\n")).toMatchObject({ code: 1, err: expect.stringContaining('"not a date" is not a date') });
  });

  it("exits 2 for an unknown command", async () => {
    expect(await run(["frobnicate"])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command "frobnicate"') });
  });

  it("works as the installed bin on a file", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-"));
    const file = path.join(dir, "balances.csv");
    fs.writeFileSync(file, WIDE);
    const bin = path.resolve(__dirname, "../../bin/arrears.js");
    const out = execFileSync(process.execPath, [bin, "trend", "--in", file, "--json"], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(JSON.parse(out)[0].slopePerPeriod).toBe(10);
    const bad = spawnSync(process.execPath, [bin, "trend", "--in", file, "--tolerance", "x"], { encoding: "utf8" });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--tolerance must be a number, got "x"');
  });
});
