import { z } from "zod";
import { ArrearsInputError } from "../errors";
import { parseOrThrow } from "../zodIssues";

/**
 * Checklist templates are data: sections of weighted criteria, the answers each
 * criterion allows, what a critical failure does to the score, and grade bands.
 * A template is identified by id + version; a saved review records both so
 * editing a template later never changes a past score.
 */

/** The four answers a reviewer can give. */
export const ANSWERS = ["met", "partly", "notMet", "na"] as const;
/** One answer to a criterion. */
export type Answer = (typeof ANSWERS)[number];

/** How each answer is written in the QAReviews table and shown in the pane. */
export const ANSWER_LABELS: Record<Answer, string> = { met: "Met", partly: "Partly", notMet: "Not met", na: "N/A" };

/** Column headers the review table uses for its own fields; a criterion id may not reuse one. */
export const RESERVED_IDS = ["review id", "officer", "call date", "reference", "reviewer", "template id", "template version", "score", "raw score", "grade", "critical fail", "critical items", "comments", "notes", "started", "saved"];

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .trim()
    .min(1, { error: `${what} must not be blank` })
    .max(max, { error: `${what} must be at most ${max} characters` });

const criterionSchema = z.object({
  id: z
    .string({ error: "criterion id must be text" })
    .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,15}$/, { error: "criterion id must start with a letter and be at most 16 letters, digits, _ . or -" })
    .refine((id) => !RESERVED_IDS.includes(id.toLowerCase()), { error: "criterion id must not be the name of a review column such as Officer or Score" }),
  text: text("criterion text", 500),
  guidance: z.string({ error: "criterion guidance must be text" }).max(2000).default(""),
  weight: z.number({ error: "criterion weight must be a number" }).positive({ error: "criterion weight must be more than 0" }).max(1000),
  answers: z.array(z.enum(ANSWERS, { error: "answers may only be met, partly, notMet or na" })).min(2, { error: "a criterion must allow at least two answers" }),
  critical: z
    .object({
      code: text("critical code", 20),
      // notMet: answering Not met is the critical failure (compliance items).
      // flag: a separate tick, for a scale item whose critical failure is a specific event (e.g. a risk disclosure not acted on).
      trigger: z.enum(["notMet", "flag"], { error: "critical trigger must be notMet or flag" }),
      description: text("critical description", 300),
    })
    .nullable()
    .default(null),
});

const sectionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,16}$/, { error: "section id must be 1 to 16 letters, digits, _ . or -" }),
  title: text("section title", 120),
  criteria: z.array(criterionSchema).min(1, { error: "a section needs at least one criterion" }),
});

const criticalEffectSchema = z.discriminatedUnion(
  "mode",
  [
    z.object({ mode: z.literal("zero") }),
    z.object({ mode: z.literal("cap"), cap: z.number({ error: "critical cap must be a number" }).min(0, { error: "critical cap must be between 0 and 100" }).max(100, { error: "critical cap must be between 0 and 100" }) }),
    z.object({ mode: z.literal("flagOnly") }),
  ],
  { error: "critical effect mode must be zero, cap or flagOnly" },
);

const bandSchema = z.object({
  min: z.number({ error: "band minimum must be a number" }).min(0, { error: "band minimum must be between 0 and 100" }).max(100, { error: "band minimum must be between 0 and 100" }),
  label: text("band label", 40),
});

/** The zod schema a template must satisfy, with messages written for the team leader editing one. */
export const templateSchema = z
  .object({
    id: z.string({ error: "template id must be text" }).regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { error: "template id must be lower-case letters, digits and hyphens" }),
    version: z.number({ error: "template version must be a whole number" }).int({ error: "template version must be a whole number" }).min(1, { error: "template version must be 1 or more" }),
    title: text("template title", 120),
    credits: z
      .object({
        met: z.number().min(0).max(1),
        partly: z.number().min(0).max(1),
        notMet: z.number().min(0).max(1),
      })
      .default({ met: 1, partly: 0.5, notMet: 0 }),
    criticalEffect: criticalEffectSchema.default({ mode: "zero" }),
    bands: z.array(bandSchema).min(1, { error: "a template needs at least one grade band" }),
    sections: z.array(sectionSchema).min(1, { error: "a template needs at least one section" }),
  })
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.sections.forEach((s, si) =>
      s.criteria.forEach((c, ci) => {
        const key = c.id.toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["sections", si, "criteria", ci, "id"], message: `criterion id ${c.id} is used twice; ids must be unique` });
        seen.add(key);
        if (!c.answers.includes("met")) ctx.addIssue({ code: "custom", path: ["sections", si, "criteria", ci, "answers"], message: `criterion ${c.id} must allow met` });
        if (new Set(c.answers).size !== c.answers.length) ctx.addIssue({ code: "custom", path: ["sections", si, "criteria", ci, "answers"], message: `criterion ${c.id} lists an answer twice` });
        if (c.critical?.trigger === "notMet" && !c.answers.includes("notMet"))
          ctx.addIssue({ code: "custom", path: ["sections", si, "criteria", ci, "critical"], message: `criterion ${c.id} is critical on Not met but does not allow notMet` });
      }),
    );
    const sectionIds = new Set<string>();
    t.sections.forEach((s, si) => {
      if (sectionIds.has(s.id)) ctx.addIssue({ code: "custom", path: ["sections", si, "id"], message: `section id ${s.id} is used twice; ids must be unique` });
      sectionIds.add(s.id);
    });
    const mins = t.bands.map((b) => b.min);
    if (!mins.includes(0)) ctx.addIssue({ code: "custom", path: ["bands"], message: "grade bands must include one starting at 0, so every score gets a grade" });
    if (new Set(mins).size !== mins.length) ctx.addIssue({ code: "custom", path: ["bands"], message: "two grade bands start at the same score" });
  });

/** A validated checklist template. */
export type QaTemplate = z.output<typeof templateSchema>;
/** One criterion of a template. */
export type Criterion = QaTemplate["sections"][number]["criteria"][number];
/** One section of a template. */
export type Section = QaTemplate["sections"][number];

/**
 * Validates untrusted template data (JSON pasted by a user, or read from the workbook).
 * @throws ArrearsInputError naming the first problem, e.g. "sections.0.criteria.2.weight: criterion weight must be more than 0".
 */
export function parseTemplate(value: unknown): QaTemplate {
  try {
    return parseOrThrow(templateSchema, value);
  } catch (e) {
    // Prefix the path so a user can find the field in a long JSON file.
    if (e instanceof ArrearsInputError && e.field !== "input") throw new ArrearsInputError(e.field, `template ${e.field}: ${e.message}`);
    throw e;
  }
}

/** Parses template JSON text, turning a JSON syntax error into a clear input error. */
export function parseTemplateJson(json: string): QaTemplate {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new ArrearsInputError("template", `the template is not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  return parseTemplate(value);
}

/** Every criterion of a template in checklist order. */
export function criteriaOf(template: QaTemplate): Criterion[] {
  return template.sections.flatMap((s) => s.criteria);
}

/** The key a template version is stored and looked up under: "id@version". */
export function templateKey(t: { id: string; version: number }): string {
  return `${t.id}@${t.version}`;
}
