import { estimateHousingBenefit, estimateUniversalCredit } from "../../../core/benefits";
import { HB_CASES, TODAY, UC_CASES, type WorkedCase } from "./cases";

// Every worked case in cases.ts, with its arithmetic there. A dotted key reads a nested figure.
function pick(result: object, path: string): unknown {
  return path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], result);
}

function check(c: WorkedCase, estimate: (h: unknown, o: object) => object) {
  const result = estimate(c.household, { taxYear: c.taxYear, today: TODAY });
  expect((result as { taxYear: string }).taxYear).toBe(c.taxYear);
  for (const [path, value] of Object.entries(c.expect)) expect([path, pick(result, path)]).toEqual([path, value]);
  // The breakdown's total line is the award.
  const lines = (result as { lines: { kind: string; amount: number }[] }).lines;
  expect(lines.filter((l) => l.kind === "total").map((l) => l.amount)).toEqual([(result as { award: number }).award]);
}

describe("worked Universal Credit cases (£ a month)", () => {
  it.each(UC_CASES.map((c) => [`${c.taxYear}: ${c.name}`, c] as const))("%s", (_, c) => check(c, estimateUniversalCredit));
});

describe("worked Housing Benefit cases (£ a week)", () => {
  it.each(HB_CASES.map((c) => [`${c.taxYear}: ${c.name}`, c] as const))("%s", (_, c) => check(c, estimateHousingBenefit));
});

describe("worked cases cover the ground", () => {
  it("has at least 40 cases across all three tax years", () => {
    const all = [...UC_CASES, ...HB_CASES];
    expect(all.length).toBeGreaterThanOrEqual(40);
    expect(new Set(all.map((c) => c.taxYear))).toEqual(new Set(["2024-25", "2025-26", "2026-27"]));
  });
});
