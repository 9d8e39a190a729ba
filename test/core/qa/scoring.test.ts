import { DEFAULT_TEMPLATE } from "../../../core/qa/builtInTemplates";
import { CRITICAL_FAIL_GRADE, NOT_SCORED_GRADE, gradeFor, scoreReview } from "../../../core/qa/scoring";
import { criteriaOf } from "../../../core/qa/template";
import { responses, smallTemplate } from "./fixtures";

describe("scoreReview on a hand-worked template (weights c1 3, c2 5, c3 2, c4 4)", () => {
  const t = smallTemplate();

  it("weights credits: Met 1, Partly 0.5, Not met 0", () => {
    // (3×1 + 5×1 + 2×0.5 + 4×0) / 14 = 9/14 = 64.29 → 64.3, below 65.
    const r = scoreReview(t, responses({ c1: "met", c2: "met", c3: "partly", c4: "notMet" }));
    expect(r.rawScore).toBe(64.3);
    expect(r.score).toBe(64.3);
    expect(r.grade).toBe("Unsatisfactory");
    expect(r.criticalFail).toBe(false);
    expect(r.unanswered).toEqual([]);
  });

  it("takes N/A criteria out of the denominator", () => {
    // c1 N/A: (5 + 1 + 4) / (5 + 2 + 4) = 10/11 = 90.9.
    const r = scoreReview(t, responses({ c1: "na", c2: "met", c3: "partly", c4: "met" }));
    expect(r.score).toBe(90.9);
    expect(r.grade).toBe("Excellent");
    expect(r.sections).toEqual([
      { sectionId: "S1", title: "Opening", score: 100 },
      { sectionId: "S2", title: "Arrangement", score: 83.3 }, // (1 + 4) / 6
    ]);
  });

  it("gives a running score over the answered criteria only, and lists the rest", () => {
    const r = scoreReview(t, responses({ c3: "partly" }));
    expect(r.score).toBe(50);
    expect(r.unanswered).toEqual(["c1", "c2", "c4"]);
    expect(r.answeredCount).toBe(1);
    expect(r.totalCount).toBe(4);
  });

  it("is not scored when everything answered is N/A", () => {
    const r = scoreReview(t, responses({ c1: "na", c4: "na" }));
    expect(r.score).toBeNull();
    expect(r.grade).toBe(NOT_SCORED_GRADE);
  });

  it("zeroes the score on a critical Not met by default, keeping the raw score", () => {
    // Raw: (3 + 0 + 2 + 4) / 14 = 64.3.
    const r = scoreReview(t, responses({ c1: "met", c2: "notMet", c3: "met", c4: "met" }));
    expect(r.criticalFail).toBe(true);
    expect(r.score).toBe(0);
    expect(r.rawScore).toBe(64.3);
    expect(r.grade).toBe(CRITICAL_FAIL_GRADE);
    expect(r.criticalFailures).toEqual([{ criterionId: "c2", code: "CF1", description: "No ID check" }]);
  });

  it("caps the score when the template says cap, and only flags with flagOnly", () => {
    const all = responses({ c1: "met", c2: "notMet", c3: "met", c4: "met" });
    const capped = scoreReview(smallTemplate({ criticalEffect: { mode: "cap", cap: 50 } }), all);
    expect([capped.score, capped.rawScore, capped.grade, capped.criticalFail]).toEqual([50, 64.3, "Unsatisfactory", true]);
    // A cap above the raw score leaves it alone.
    expect(scoreReview(smallTemplate({ criticalEffect: { mode: "cap", cap: 70 } }), all).score).toBe(64.3);
    const flagged = scoreReview(smallTemplate({ criticalEffect: { mode: "flagOnly" } }), all);
    expect([flagged.score, flagged.grade, flagged.criticalFail]).toEqual([64.3, "Unsatisfactory", true]);
  });

  it("treats the critical tick as a failure only on criteria whose trigger is the tick", () => {
    const ticked = scoreReview(t, responses({ c1: "met", c2: "met", c3: "met", c4: "met!" }));
    expect(ticked.criticalFail).toBe(true);
    expect(ticked.rawScore).toBe(100);
    expect(ticked.score).toBe(0);
    const tickOnNotMetTrigger = scoreReview(t, responses({ c1: "met", c2: "met!", c3: "met", c4: "met" }));
    expect(tickOnNotMetTrigger.criticalFail).toBe(false);
    expect(tickOnNotMetTrigger.score).toBe(100);
  });

  it("ignores an answer the criterion does not allow", () => {
    // c2 is binary: "partly" is not allowed, so it counts as unanswered.
    const r = scoreReview(t, responses({ c2: "partly", c3: "met" }));
    expect(r.score).toBe(100);
    expect(r.unanswered).toContain("c2");
  });

  it("grades on band boundaries: a band includes its minimum", () => {
    expect(gradeFor(t, 90)).toBe("Excellent");
    expect(gradeFor(t, 89.9)).toBe("Good");
    expect(gradeFor(t, 80)).toBe("Good");
    expect(gradeFor(t, 79.9)).toBe("Requires improvement");
    expect(gradeFor(t, 65)).toBe("Requires improvement");
    expect(gradeFor(t, 0)).toBe("Unsatisfactory");
  });
});

describe("the default rent-arrears template", () => {
  const all = criteriaOf(DEFAULT_TEMPLATE);
  const allMet = () => Object.fromEntries(all.map((c) => [c.id, "met"]));

  it("has weights summing to 100, so each weight is its share of a full score", () => {
    expect(all.reduce((s, c) => s + c.weight, 0)).toBe(100);
    expect(DEFAULT_TEMPLATE.id).toBe("uk-rent-arrears-call");
    expect(DEFAULT_TEMPLATE.version).toBe(1);
  });

  it("marks identity, legal accuracy and holds as critical compliance (Met / Not met only)", () => {
    for (const id of ["A2", "H1", "H2"]) {
      const c = all.find((x) => x.id === id)!;
      expect(c.critical?.trigger).toBe("notMet");
      expect(c.answers).not.toContain("partly");
    }
    expect(all.filter((c) => c.critical?.trigger === "flag").map((c) => c.id)).toEqual(["D2", "F2", "I1"]);
  });

  it("scores 97 when vulnerability cues (weight 6) are only partly explored", () => {
    const r = scoreReview(DEFAULT_TEMPLATE, responses({ ...allMet(), D1: "partly" }));
    expect(r.score).toBe(97);
    expect(r.grade).toBe("Excellent");
  });

  it("scores 0 with a critical fail when identity is not verified", () => {
    const r = scoreReview(DEFAULT_TEMPLATE, responses({ ...allMet(), A2: "notMet" }));
    expect(r.rawScore).toBe(95);
    expect(r.score).toBe(0);
    expect(r.grade).toBe("Critical fail");
  });
});
