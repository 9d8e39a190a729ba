import { parseTemplate, type QaTemplate } from "../../../core/qa/template";
import type { Answer } from "../../../core/qa/template";
import type { Responses } from "../../../core/qa/scoring";

/** A small template whose scores are easy to work out by hand. Weights 3, 5, 2, 4 (total 14). */
export const smallTemplateData = {
  id: "small-test",
  version: 2,
  title: "Small test template",
  bands: [
    { min: 90, label: "Excellent" },
    { min: 80, label: "Good" },
    { min: 65, label: "Requires improvement" },
    { min: 0, label: "Unsatisfactory" },
  ],
  sections: [
    {
      id: "S1",
      title: "Opening",
      criteria: [
        { id: "c1", text: "Introduces self", weight: 3, answers: ["met", "partly", "notMet", "na"] },
        { id: "c2", text: "Checks identity", weight: 5, answers: ["met", "notMet"], critical: { code: "CF1", trigger: "notMet", description: "No ID check" } },
      ],
    },
    {
      id: "S2",
      title: "Arrangement",
      criteria: [
        { id: "c3", text: "Explains balance", weight: 2, answers: ["met", "partly", "notMet"] },
        { id: "c4", text: "Affordable arrangement", weight: 4, answers: ["met", "partly", "notMet", "na"], critical: { code: "CF2", trigger: "flag", description: "Pressure used" } },
      ],
    },
  ],
};

/** The small template, validated. */
export function smallTemplate(overrides: Record<string, unknown> = {}): QaTemplate {
  return parseTemplate({ ...smallTemplateData, ...overrides });
}

/** Builds responses from "c1=met" style pairs; a trailing "!" sets the critical tick. */
export function responses(spec: Record<string, string>): Responses {
  const out: Record<string, { answer: Answer | null; comment: string; criticalFlag: boolean }> = {};
  for (const [id, v] of Object.entries(spec)) out[id] = { answer: v.replace("!", "") as Answer, comment: "", criticalFlag: v.endsWith("!") };
  return out;
}
