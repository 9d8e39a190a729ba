import { judgeArrangements } from "../../../core/arrangements/judge";
import { isoToSerial, generateTeamExport } from "../../../samples/generator/teamExport";

// The synthetic team export at team scale with 3,000 planted arrangements. Each label was
// worked out by the generator from its scenario and the README's rules (not by the judge):
// samples/generator/plantedArrangements.ts says how each one holds against the month's own lines.
const OPTIONS = { accounts: 17_000, officers: 12, seed: 2026, periodStart: "2026-10-01", periodEnd: "2026-10-31", arrangements: 3000 } as const;
const AS_OF = isoToSerial(OPTIONS.periodEnd);

describe("planted arrangements on the synthetic export", () => {
  const exp = generateTeamExport(OPTIONS);
  const labels = exp.arrangementLabels!;
  // Default graces (UC 30 days, HB 28, payments 0) and the accounts table's holds: what the labels assume.
  const judged = judgeArrangements(exp.arrangements!, exp.transactions, AS_OF, {}, exp.accounts);

  it("plants 3,000 arrangements over every scenario", () => {
    expect(exp.arrangements).toHaveLength(3000);
    const scenarios = new Set(labels.map((l) => l.scenario));
    expect([...scenarios].sort()).toEqual(
      ["accountHold", "broken", "hbLateBeyondWindow", "hbLateWithinWindow", "kept", "missedOnceCaughtUp", "onHold", "overpaidThenRanOut", "overpaidThenStopped", "ucLateBeyondWindow", "ucLateWithinWindow"],
    );
    // Enough of the rarer ones for the scores below to mean something.
    for (const s of scenarios) expect(labels.filter((l) => l.scenario === s).length).toBeGreaterThanOrEqual(40);
  });

  it("finds every planted break and calls nothing else broken (precision and recall 1.0)", () => {
    let truePositive = 0;
    let falsePositive = 0;
    let falseNegative = 0;
    judged.forEach((j, i) => {
      const planted = labels[i].outcome === "broken";
      const found = j.outcome === "broken";
      if (planted && found) truePositive++;
      else if (found) falsePositive++;
      else if (planted) falseNegative++;
    });
    expect(truePositive).toBeGreaterThan(300);
    expect({ precision: truePositive / (truePositive + falsePositive), recall: truePositive / (truePositive + falseNegative) }).toEqual({ precision: 1, recall: 1 });
  });

  it("gives every arrangement its planted status, and the planted misses with their first date", () => {
    const wrong = judged.flatMap((j, i) => {
      const l = labels[i];
      const ok = j.account === l.account && j.outcome === l.outcome && (l.missed === null || (j.missed === l.missed && j.firstMissed === l.firstMissed));
      return ok ? [] : [`${l.account} (${l.scenario}): planted ${l.outcome}, ${l.missed} missed from ${l.firstMissed}; judged ${j.outcome}, ${j.missed} missed from ${j.firstMissed}: ${j.reason}`];
    });
    expect(wrong).toEqual([]);
  });

  it("tells a late benefit credit within its window from one beyond it", () => {
    const missedOf = (s: string) => new Set(judged.filter((_, i) => labels[i].scenario === s).map((j) => j.missed));
    expect(missedOf("ucLateWithinWindow")).toEqual(new Set([0]));
    expect(missedOf("hbLateWithinWindow")).toEqual(new Set([0]));
    expect(missedOf("ucLateBeyondWindow")).toEqual(new Set([1]));
    expect(missedOf("hbLateBeyondWindow")).toEqual(new Set([1]));
  });
});
