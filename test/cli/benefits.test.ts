import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { hbAward as excelHb, ucAward as excelUc } from "../../addin/functions/benefits";
import { estimateHousingBenefit, estimateUniversalCredit } from "../../core/benefits";
import { runCli } from "../support/runCli";

const run = runCli;

const household = { id: "T-1001", adults: [{ age: 40 }], rent: { amount: 120, period: "week" }, bedrooms: 2, taxYear: "2025-26" };

describe("arrears uc / arrears hb", () => {
  it("prints one household's UC estimate with its breakdown as JSON", async () => {
    const { code, out } = await run(["uc"], JSON.stringify(household));
    expect(code).toBe(0);
    const result = JSON.parse(out);
    expect(result).toEqual(JSON.parse(JSON.stringify(estimateUniversalCredit(household))));
    expect(result).toMatchObject({ id: "T-1001", award: 847.34, underOccupancyReduction: 72.8 });
    expect(result.lines.length).toBeGreaterThan(3);
  });

  it("estimates a JSON array in batch, giving a bad household its own error", async () => {
    const batch = [household, { ...household, id: "T-1002", rent: { amount: -5, period: "week" } }, { ...household, id: "T-1003", adults: [{ age: 72 }] }];
    const { code, out, err } = await run(["hb", "--summary"], JSON.stringify(batch));
    expect(code).toBe(0);
    const results = JSON.parse(out);
    expect(results).toHaveLength(3);
    expect(results[0].award).toBe(estimateHousingBenefit(household).award);
    expect(results[0].lines).toBeUndefined();
    expect(results[1]).toEqual({ index: 2, id: "T-1002", field: "rent.amount", error: "rent must be zero or more, got -5" });
    expect(results[2].ageGroup).toBe("pension age");
    expect(err).toMatch(/1 of 3 households could not be estimated/);
  });

  it("takes the tax year or date from options when the household has none", async () => {
    const { taxYear: _t, ...noYear } = household;
    const a = JSON.parse((await run(["uc", "--tax-year", "2024-25", "--summary"], JSON.stringify(noYear))).out);
    const b = JSON.parse((await run(["uc", "--date", "23/11/2026", "--summary"], JSON.stringify(noYear))).out);
    expect(a.taxYear).toBe("2024-25");
    expect(b.taxYear).toBe("2026-27");
  });

  it("exits 1 with the field named for a bad household, bad JSON, or a year without rates", async () => {
    const bad = await run(["uc"], JSON.stringify({ ...household, adults: [{ age: 150 }] }));
    expect(bad.code).toBe(1);
    expect(bad.err).toBe("arrears uc: adults.0.age: adult age must be between 16 and 120, got 150\n");
    const period = await run(["hb"], JSON.stringify({ ...household, rent: { amount: 90, period: "quarterly" } }));
    expect(period.err).toBe('arrears hb: rent.period: rent period must be week, fortnight, 4 weeks or month, got "quarterly"\n');
    const json = await run(["uc"], "{not json");
    expect(json.code).toBe(1);
    expect(json.err).toMatch(/^arrears uc: the input is not valid JSON/);
    const year = await run(["uc", "--tax-year", "2019-20"], JSON.stringify({ ...household, taxYear: undefined }));
    expect(year.code).toBe(1);
    expect(year.err).toMatch(/taxYear: no benefit rates for tax year 2019-20/);
  });

  it("reads HB earnings as £ a week and UC earnings as £ a month by default, as Excel does", async () => {
    // 2026-27 HB: 200 − 5 = 195.00 − 95.55 = 99.45 × 65% = 64.6425 → 64.64; 98.50 − 64.64 = 33.86 (as ARREARS.HBAWARD gives).
    // UC: 424.90 + 98.50 × 52/12 = 426.83 − 55% × 200.00 = 110.00 → 741.73.
    const h = { adults: [{ age: 40, earnings: 200 }], rent: { amount: 98.5, period: "week" }, bedrooms: 1, taxYear: "2026-27" };
    expect(JSON.parse((await run(["hb", "--summary"], JSON.stringify(h))).out).award).toBe(33.86);
    expect(JSON.parse((await run(["uc", "--summary"], JSON.stringify(h))).out).award).toBe(741.73);
    // The same household typed into the worksheet functions.
    const none = null as never;
    expect(excelHb([[40]], none, 98.5, "week", 1, [[200]], none, none, "2026-27")).toEqual([[33.86]]);
    expect(excelUc([[40]], none, 98.5, "week", 1, [[200]], none, none, "2026-27")).toEqual([[741.73]]);
  });

  it("takes a rent without a period as weekly", async () => {
    // 2025-26: 400.14 + 90 × 52/12 = 390.00 → 790.14.
    const { code, out } = await run(["uc", "--summary"], JSON.stringify({ adults: [{ age: 30 }], rent: { amount: 90 }, bedrooms: 1, taxYear: "2025-26" }));
    expect(code).toBe(0);
    expect(JSON.parse(out).award).toBe(790.14);
  });

  it("takes a non-dependant couple: one bedroom, and for HB one deduction on joint income", async () => {
    // 2025-26: joint 200 + 150 = 350.00 → band £348-462.99, 101.35; 150 − 101.35 = 48.65 (as ARREARS.HBAWARD gives).
    const h = { adults: [{ age: 50 }], nonDependants: [{ age: 30, grossWeeklyIncome: 200, couple: "A" }, { age: 28, grossWeeklyIncome: 150, couple: "A" }], rent: { amount: 150 }, bedrooms: 2, taxYear: "2025-26" };
    const result = JSON.parse((await run(["hb", "--summary"], JSON.stringify(h))).out);
    expect(result).toMatchObject({ award: 48.65, nonDependantDeductions: 101.35, bedroomsNeeded: 2 });
  });

  it("estimates a caseload of 10,000 households with the built CLI (prints the time taken)", () => {
    const bin = path.resolve(__dirname, "../../bin/arrears.js");
    const caseload = Array.from({ length: 10_000 }, (_, i) => ({
      id: `R${i}`,
      adults: i % 3 === 0 ? [{ age: 25 + (i % 40), earnings: (i % 7) * 150 }, { age: 30 }] : [{ age: 20 + (i % 60), earnings: (i % 5) * 200 }],
      children: Array.from({ length: i % 4 }, (_, k) => ({ age: (i + 3 * k) % 18, sex: k % 2 ? "F" : "M" })),
      nonDependants: i % 6 === 0 ? [{ age: 22, grossWeeklyIncome: 300 }] : [],
      rent: { amount: 80 + (i % 90), period: i % 2 ? "week" : "month" },
      bedrooms: 1 + (i % 4),
      capital: (i % 11) * 1500,
      london: i % 5 === 0,
      taxYear: ["2024-25", "2025-26", "2026-27"][i % 3],
    }));
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "arrears-benefits-")), "caseload.json");
    fs.writeFileSync(file, JSON.stringify(caseload));
    const started = process.hrtime.bigint();
    const res = spawnSync(process.execPath, [bin, "uc", "--in", file, "--summary"], { encoding: "utf8", maxBuffer: 200 * 1024 * 1024 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    expect(res.status).toBe(0);
    const results = JSON.parse(res.stdout);
    expect(results).toHaveLength(10_000);
    for (const i of [0, 1, 4321, 9999]) expect(results[i].award).toBe(estimateUniversalCredit(caseload[i]).award);
    expect(results.every((r: { award?: number }) => typeof r.award === "number" && r.award >= 0)).toBe(true);
    console.log(`arrears uc: 10,000 households in ${ms.toFixed(0)} ms (whole process, including Node start-up and JSON)`);
  });
});
