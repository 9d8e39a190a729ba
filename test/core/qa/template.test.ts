import { isArrearsInputError } from "../../../core/errors";
import { parseTemplate, parseTemplateJson } from "../../../core/qa/template";
import { rentArrearsCallV1 } from "../../../core/qa/templates/rentArrearsCall.v1";
import { smallTemplateData } from "./fixtures";

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isArrearsInputError(e)) return e.message;
    throw e;
  }
  throw new Error("expected an input error");
}

const clone = () => JSON.parse(JSON.stringify(smallTemplateData));

describe("template validation", () => {
  it("accepts the shipped default and fills defaults (credits, critical effect)", () => {
    const t = parseTemplate(rentArrearsCallV1);
    expect(t.credits).toEqual({ met: 1, partly: 0.5, notMet: 0 });
    expect(t.criticalEffect).toEqual({ mode: "zero" });
    const small = parseTemplate(smallTemplateData);
    expect(small.sections[0].criteria[0].critical).toBeNull();
    expect(small.sections[0].criteria[0].guidance).toBe("");
  });

  it("round-trips through JSON export and import unchanged", () => {
    const t = parseTemplate(rentArrearsCallV1);
    expect(parseTemplateJson(JSON.stringify(t))).toEqual(t);
  });

  it("names the field when a weight is not positive", () => {
    const bad = clone();
    bad.sections[1].criteria[0].weight = 0;
    expect(messageOf(() => parseTemplate(bad))).toBe("template sections.1.criteria.0.weight: criterion weight must be more than 0, got 0");
  });

  it("rejects duplicate criterion ids", () => {
    const bad = clone();
    bad.sections[1].criteria[0].id = "C1";
    expect(messageOf(() => parseTemplate(bad))).toMatch(/criterion id C1 is used twice/);
  });

  it("requires a band starting at 0 so every score has a grade", () => {
    const bad = clone();
    bad.bands = [{ min: 50, label: "Pass" }];
    expect(messageOf(() => parseTemplate(bad))).toMatch(/must include one starting at 0/);
  });

  it("rejects a critical-on-Not-met criterion that does not allow Not met", () => {
    const bad = clone();
    bad.sections[0].criteria[1].answers = ["met", "na"];
    expect(messageOf(() => parseTemplate(bad))).toMatch(/critical on Not met but does not allow notMet/);
  });

  it("rejects a criterion id that would clash with a review column", () => {
    const bad = clone();
    bad.sections[0].criteria[0].id = "Score";
    expect(messageOf(() => parseTemplate(bad))).toMatch(/must not be the name of a review column/);
  });

  it("explains bad answer names, a cap outside 0-100 and a missing version", () => {
    const answers = clone();
    answers.sections[0].criteria[0].answers = ["met", "yes"];
    expect(messageOf(() => parseTemplate(answers))).toMatch(/^template sections.0.criteria.0.answers.1: answers may only be met, partly, notMet or na/);
    expect(messageOf(() => parseTemplate({ ...clone(), criticalEffect: { mode: "cap", cap: 120 } }))).toMatch(/critical cap must be between 0 and 100/);
    const noVersion = clone();
    delete noVersion.version;
    expect(messageOf(() => parseTemplate(noVersion))).toMatch(/^template version: template version must be a whole number/);
  });

  it("reports JSON syntax errors as input errors", () => {
    expect(messageOf(() => parseTemplateJson("{ not json"))).toMatch(/^the template is not valid JSON/);
  });
});
