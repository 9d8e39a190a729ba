import { judgeArrangements } from "../../../core/arrangements/judge";
import type { ArrangementOutcome } from "../../../core/arrangements/rules";
import { serialToIso } from "../../../core/dates/excelSerial";
import { formatPounds } from "../../../core/money";
import { generateTeamExport, isoToSerial } from "../../../samples/generator/teamExport";

// The reason's words are built from pieces written once and reused (counts, dates, instalments)
// and joined in one reused array. Here each reason's figures are written again the plain way,
// from the judgement's own figures (formatPounds, serialToIso, a plural of our own), and the
// judging is repeated in reverse order, so a reused piece that went stale would show.

const WORD: Record<ArrangementOutcome, string> = { kept: "Kept", "at risk": "At risk", broken: "Broken", completed: "Completed", "on hold": "On hold" };
const plural = (n: number, one: string) => `${n} ${n === 1 ? one : `${one}s`}`;

describe("judgeArrangements' reasons in words", () => {
  const exp = generateTeamExport({ accounts: 3000, officers: 4, seed: 91, periodStart: "2026-10-01", periodEnd: "2026-10-31", arrangements: 600 });
  const arrangements = exp.arrangements!;

  // The month's end, and days within it: instalments still inside their window, arrangements not yet started.
  it.each(["2026-10-31", "2026-10-09", "2026-09-15"])("state each judgement's own figures, as plain formatting writes them (as of %s)", (iso) => {
    const asOf = isoToSerial(iso);
    const judged = judgeArrangements(arrangements, exp.transactions, asOf, {}, exp.accounts);
    const wrong: string[] = [];
    const counts = new Set<number>();
    let withinWindow = 0;
    judged.forEach((j, i) => {
      const a = arrangements[i];
      const facts = `${plural(j.instalmentsDue, "instalment")} of ${formatPounds(a.instalment)} due, ${formatPounds(j.paid)} paid; ${j.missed > 0 ? `${plural(j.missed, "missed instalment")} (first due ${serialToIso(j.firstMissed!)})` : "none missed"}`;
      const at = j.reason.lastIndexOf(`; ${facts}`);
      const rest = at < 0 ? "" : j.reason.slice(at + facts.length + 2);
      const ok = j.reason.startsWith(`${WORD[j.outcome]}: `) && at > 0 && /^(; 1 instalment still within the payment window|; ([2-9]|\d\d+) instalments still within the payment window)?\.$/.test(rest);
      if (!ok) wrong.push(`${i}: ${j.reason} (expected …; ${facts}…)`);
      if (rest.length > 1) withinWindow++;
      counts.add(j.instalmentsDue);
    });
    expect(wrong.slice(0, 3)).toEqual([]);
    // Many different counts were written (so the kept count texts were exercised), and the month's end has none within a window only if none is due late in it.
    expect(counts.size).toBeGreaterThan(5);
    if (iso === "2026-10-09") expect(withinWindow).toBeGreaterThan(0);
    // Judged again in reverse order, with every text already kept: the same words.
    const reversed = judgeArrangements([...arrangements].reverse(), exp.transactions, asOf, {}, exp.accounts).reverse();
    expect(reversed.map((j) => j.reason)).toEqual(judged.map((j) => j.reason));
  });
});
