import { z } from "zod";
import { LAST_SERIAL } from "../dates/excelSerial";
import { ArrearsInputError, describeValue } from "../errors";
import { cellText, isBlankCell, parseAmount, type CellValue } from "../export/cellValues";
import { normaliseName } from "../export/profile";
import { TENANCY_TYPES } from "../export/schema";
import { parseOrThrow } from "../zodIssues";

/**
 * Escalation policies as data: the recovery stages in order, and rules saying which
 * tenancy types reach which stage at what arrears (weeks of rent and £), and what to
 * do next. A team edits this as a JSON file or a sheet table; nothing about a stage
 * is a code branch. Holds (vulnerable tenant, benefit claim pending, Breathing Space)
 * are listed per rule, so a policy decides what each one stops.
 */

export const HOLDS = ["vulnerable", "benefitPending", "breathingSpace"] as const;
export type Hold = (typeof HOLDS)[number];

const TENANCY_OR_ANY = [...TENANCY_TYPES, "any"] as const;

const nonNegative = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine((v) => Number.isFinite(v) && v >= 0, { message: `${what} must be zero or more` });

export const StageSchema = z.object({
  id: z.string({ error: "stage id must be text" }).regex(/^[a-z][a-z0-9_]*$/, { message: "stage id must be lower-case letters, digits and _" }),
  label: z.string({ error: "stage label must be text" }).min(1, { message: "stage label must not be empty" }),
  /** How the housing system records this stage as a last action ("NOSP served", "SPO"…). */
  actionCodes: z.array(z.string()).default([]),
});

export const RuleSchema = z.object({
  stage: z.string({ error: "rule stage must be a stage id" }),
  tenancyTypes: z.array(z.enum(TENANCY_OR_ANY, { error: `tenancy type must be one of ${TENANCY_OR_ANY.join(", ")}` })).min(1).default(["any"]),
  minWeeks: nonNegative("minimum weeks").nullish(),
  minPounds: nonNegative("minimum £").nullish(),
  /** The account's last action must be at this stage or later (e.g. court only after a notice). */
  afterStage: z.string().nullish(),
  /** Days since the last action before this rule applies (e.g. 28 for a notice to run). */
  minDaysAfter: nonNegative("minimum days after the last action")
    .refine((v) => v <= LAST_SERIAL, { message: `minimum days after the last action must be at most ${LAST_SERIAL} (the dates Excel can hold)` })
    .nullish(),
  action: z.string({ error: "next action must be text" }).min(1, { message: "next action must not be empty" }),
  steps: z.array(z.string()).default([]),
  holds: z.array(z.enum(HOLDS, { error: `holds must be among ${HOLDS.join(", ")}` })).default([]),
});

export const EscalationPolicySchema = z
  .object({
    id: z.string({ error: "policy id must be text" }).min(1),
    version: z.number({ error: "policy version must be a number" }).int().min(1),
    effectiveFrom: z.string({ error: "effective from must be an ISO date" }).regex(/^\d{4}-\d{2}-\d{2}$/, { message: "effective from must be an ISO date (yyyy-mm-dd)" }),
    description: z.string().default(""),
    stages: z.array(StageSchema).min(2, { message: "a policy needs at least two stages (none and one more)" }),
    rules: z.array(RuleSchema).min(1, { message: "a policy needs at least one rule" }),
  })
  .superRefine((p, ctx) => {
    const ids = new Set(p.stages.map((s) => s.id));
    p.rules.forEach((r, i) => {
      if (!ids.has(r.stage)) ctx.addIssue({ code: "custom", path: ["rules", i, "stage"], message: `rule ${i + 1}: stage "${r.stage}" is not one of ${[...ids].join(", ")}` });
      if (r.afterStage && !ids.has(r.afterStage))
        ctx.addIssue({ code: "custom", path: ["rules", i, "afterStage"], message: `rule ${i + 1}: after stage "${r.afterStage}" is not one of ${[...ids].join(", ")}` });
      if (r.minWeeks == null && r.minPounds == null && !r.afterStage)
        ctx.addIssue({ code: "custom", path: ["rules", i], message: `rule ${i + 1} (${r.stage}) needs minimum weeks, minimum £ or an after stage` });
    });
  });

export type EscalationPolicy = z.output<typeof EscalationPolicySchema>;
export type EscalationRule = z.output<typeof RuleSchema>;

/** The pre-action protocol steps an officer must be able to show before a notice (CPR PAP for possession claims by social landlords, Part 2; paragraph numbers to be checked against the CPR text). */
export const PROTOCOL_STEPS: readonly string[] = [
  "Contact the tenant as soon as reasonably possible to discuss the cause of the arrears, their financial circumstances, benefit entitlement and repayment; write separately to each named tenant (para 2.1)",
  "Try to agree an affordable sum towards the arrears, based on the tenant's income and expenditure; put time limits in writing (para 2.2)",
  "Give a rent statement for the past 13 weeks, and from when arrears first arose on request (para 2.3)",
  "Offer help with any HB, DHP or UC housing-costs claim; arrange payment from benefit (UC managed payment / deduction) where the tenant qualifies (para 2.4)",
  "Postpone: do not start proceedings while a benefit claim is pending with the evidence supplied, eligibility likely and other sums paid (para 2.5)",
  "With consent, liaise with the HB department / DWP before enforcement (para 2.6)",
  "Advise the tenant to seek free independent debt advice (para 2.7)",
];

/**
 * Default policy for England (general needs), from published council and
 * association procedures (Sheffield, Powys, Welwyn Hatfield; see the reference
 * notes) and the pre-action protocol. Thresholds are typical, not statutory: edit them.
 */
export const DEFAULT_ESCALATION_POLICY: EscalationPolicy = {
  id: "england-general-needs",
  version: 1,
  effectiveFrom: "2026-05-01",
  description:
    "Typical English social-landlord recovery path: reminder at 1 week, protocol contact at 2, warning at 3, notice review at 4 weeks' rent, court 28 days after notice. From 1 May 2026 (Renters' Rights Act 2025) starter ASTs end and Ground 8 thresholds change: check before relying on assured/starter actions.",
  stages: [
    { id: "none", label: "No action", actionCodes: ["none", "no action", "clear"] },
    { id: "reminder", label: "Reminder", actionCodes: ["reminder", "sms", "reminder sent", "r1", "automated call"] },
    { id: "early_contact", label: "Pre-action protocol contact", actionCodes: ["early contact", "pap contact", "letter 1", "first letter", "protocol contact", "l1"] },
    { id: "warning", label: "Warning", actionCodes: ["warning", "letter 2", "final warning", "warning letter", "l2"] },
    {
      id: "notice",
      label: "Notice",
      actionCodes: ["notice", "notice served", "nosp", "nosp served", "s8", "section 8", "s8 served", "s128", "notice of proceedings", "ntq", "notice to quit", "nopp"],
    },
    { id: "court", label: "Court", actionCodes: ["court", "court referral", "claim issued", "proceedings issued", "hearing", "court hearing"] },
    { id: "order", label: "Possession order", actionCodes: ["order", "spo", "suspended possession order", "possession order", "outright order", "postponed possession order", "ppo"] },
    { id: "eviction", label: "Warrant / eviction", actionCodes: ["warrant", "warrant applied", "eviction", "eviction booked"] },
  ],
  rules: [
    { stage: "reminder", tenancyTypes: ["any"], minWeeks: 1, minPounds: null, action: "Send a reminder (SMS, automated call or letter) and check for a missed payment", steps: [], holds: [] },
    {
      stage: "early_contact",
      tenancyTypes: ["any"],
      minWeeks: 2,
      minPounds: null,
      action: "Pre-action protocol contact: letter 1 and a call; offer an income and expenditure check and a benefit check",
      steps: [...PROTOCOL_STEPS],
      holds: ["breathingSpace"],
    },
    {
      stage: "warning",
      tenancyTypes: ["any"],
      minWeeks: 3,
      minPounds: null,
      action: "Warning letter 2 and a visit or call; send a 13-week rent statement; warn that a notice may follow at 4 weeks",
      steps: [...PROTOCOL_STEPS],
      holds: ["breathingSpace", "benefitPending"],
    },
    ...(
      [
        ["secure", "Pre-notice review (protocol checklist, vulnerability check, manager sign-off), then serve a Notice of Seeking Possession (Housing Act 1985, Sch 2 Ground 1)"],
        ["assured", "Pre-notice review (protocol checklist, vulnerability check, manager sign-off), then serve a section 8 notice (Housing Act 1988, Sch 2 Grounds 8, 10, 11; Ground 8 thresholds change from 1 May 2026)"],
        ["introductory", "Pre-notice review, then serve a notice of proceedings (Housing Act 1996 s128) stating reasons and the tenant's right to ask for a review within 14 days"],
        ["starter", "Pre-notice review of the starter tenancy; serve notice as the tenancy allows (in England starter ASTs end on 1 May 2026: do not default to section 21)"],
        ["other", "Pre-notice review, then a Notice to Quit (non-secure tenancy or licence): proportionate, at least 4 weeks"],
      ] as const
    ).map(([type, action]) => ({
      stage: "notice",
      tenancyTypes: [type],
      minWeeks: 4,
      minPounds: null,
      action,
      steps: ["Every protocol step done and recorded:", ...PROTOCOL_STEPS, "Vulnerability check and manager sign-off before serving"],
      holds: ["vulnerable", "benefitPending", "breathingSpace"] as ("vulnerable" | "benefitPending" | "breathingSpace")[],
    })),
    {
      stage: "court",
      tenancyTypes: ["any"],
      minWeeks: 4,
      minPounds: null,
      afterStage: "notice",
      minDaysAfter: 28,
      action: "Refer for possession proceedings: pre-court interview; 10 days before the hearing give up-to-date rent statements and the HB/UC position; tell the tenant the hearing date and to attend",
      steps: ["Contact after notice about the amount, cause and repayment (para 2.8)", "Postpone while an agreement to pay rent plus arrears is kept (para 2.9)", "Consider alternative dispute resolution (para 2.10)"],
      holds: ["vulnerable", "benefitPending", "breathingSpace"],
    },
    {
      stage: "eviction",
      tenancyTypes: ["any"],
      minWeeks: 4,
      minPounds: null,
      afterStage: "order",
      action: "Check the order's terms; only if breached, apply for a warrant (senior sign-off; eviction is the last resort)",
      steps: ["Confirm the breach against the order's terms", "Safeguarding and vulnerability review", "Senior manager sign-off"],
      holds: ["vulnerable", "benefitPending", "breathingSpace"],
    },
  ],
};

/** Validates a policy (e.g. a team's JSON file). @throws ArrearsInputError naming the first problem. */
export function parseEscalationPolicy(input: unknown): EscalationPolicy {
  return parseOrThrow(EscalationPolicySchema, input);
}

const RULE_COLUMNS: Record<string, string[]> = {
  stage: ["stage"],
  tenancyTypes: ["tenancy type", "tenancy types", "tenure"],
  minWeeks: ["min weeks", "minimum weeks", "weeks"],
  minPounds: ["min £", "min pounds", "minimum £", "minimum pounds", "£", "pounds", "min amount"],
  afterStage: ["after stage", "after"],
  minDaysAfter: ["min days after", "days after", "days"],
  action: ["next action", "action"],
  holds: ["holds", "held by"],
};

/**
 * Reads a policy from a sheet table (header row, one rule per row): stage, tenancy
 * type(s) (comma-separated, or "any"), min weeks, min £, after stage, min days after,
 * next action, holds. Stages come from the default policy, matched by id or label.
 * @throws ArrearsInputError naming the row and column at fault.
 */
export function policyFromTable(rows: readonly (readonly CellValue[])[], base: EscalationPolicy = DEFAULT_ESCALATION_POLICY): EscalationPolicy {
  if (rows.length < 2) throw new ArrearsInputError("policy", "the policy table needs a header row and at least one rule row");
  const header = rows[0].map((h) => (isBlankCell(h) ? "" : normaliseName(String(h))));
  const col: Record<string, number> = {};
  for (const [field, names] of Object.entries(RULE_COLUMNS)) {
    const i = header.findIndex((h) => h !== "" && names.some((n) => normaliseName(n) === h));
    if (i >= 0) col[field] = i;
  }
  for (const need of ["stage", "action"]) {
    if (col[need] === undefined) {
      throw new ArrearsInputError("policy", `the policy table has no ${need === "stage" ? "stage" : "next action"} column; headers found: ${rows[0].filter((h) => !isBlankCell(h)).map((h) => `"${String(h)}"`).join(", ")}`);
    }
  }
  const stageId = new Map<string, string>();
  for (const s of base.stages) {
    stageId.set(normaliseName(s.id), s.id);
    stageId.set(normaliseName(s.label), s.id);
  }
  const list = (v: CellValue) => (cellText(v) ?? "").split(/[,;]/).map((s) => s.trim()).filter(Boolean);
  const rules: unknown[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r];
    if (row.every(isBlankCell)) continue;
    const get = (f: string) => (col[f] === undefined ? null : row[col[f]]);
    const stageText = cellText(get("stage")) ?? "";
    const stage = stageId.get(normaliseName(stageText));
    if (!stage) throw new ArrearsInputError("policy", `policy row ${r + 1}: stage "${stageText}" is not one of ${base.stages.map((s) => s.id).join(", ")}`);
    const afterText = cellText(get("afterStage"));
    const num = (f: string, what: string) => {
      const v = get(f);
      if (isBlankCell(v)) return null;
      const n = parseAmount(v);
      if (n === null) throw new ArrearsInputError("policy", `policy row ${r + 1}: ${what} must be a number, got ${describeValue(v)}`);
      return n;
    };
    const types = list(get("tenancyTypes")).map((t) => t.toLowerCase());
    rules.push({
      stage,
      tenancyTypes: types.length ? types : ["any"],
      minWeeks: num("minWeeks", "min weeks"),
      minPounds: num("minPounds", "min £"),
      afterStage: afterText ? (stageId.get(normaliseName(afterText)) ?? afterText) : null,
      minDaysAfter: num("minDaysAfter", "min days after"),
      action: cellText(get("action")) ?? "",
      // The protocol checklist belongs to the stage, so a rule edited on a sheet keeps the base policy's.
      steps: base.rules.find((b) => b.stage === stage)?.steps ?? [],
      holds: list(get("holds")).map((h) => HOLD_NAMES.get(normaliseName(h)) ?? h),
    });
  }
  return parseEscalationPolicy({ ...base, id: `${base.id}-sheet`, rules });
}

/** Header row of the policy table {@link policyToTable} writes and {@link policyFromTable} reads. */
export const POLICY_TABLE_HEADERS = ["Stage", "Tenancy type", "Min weeks", "Min £", "After stage", "Min days after", "Next action", "Holds"] as const;

/**
 * A policy's rules as a sheet table (header row first), the form a team leader
 * edits and passes back as `policy`: stages by label, tenancy types and holds
 * comma-separated, blanks where a rule has no threshold.
 */
export function policyToTable(policy: EscalationPolicy): (string | number | null)[][] {
  const label = new Map(policy.stages.map((s) => [s.id, s.label]));
  return [
    [...POLICY_TABLE_HEADERS],
    ...policy.rules.map((r) => [
      label.get(r.stage) ?? r.stage,
      r.tenancyTypes.join(", "),
      r.minWeeks ?? null,
      r.minPounds ?? null,
      r.afterStage ? (label.get(r.afterStage) ?? r.afterStage) : null,
      r.minDaysAfter ?? null,
      r.action,
      r.holds.join(", ") || null,
    ]),
  ];
}

const HOLD_NAMES = new Map<string, string>([
  ["vulnerable", "vulnerable"],
  ["vulnerability", "vulnerable"],
  ["benefitpending", "benefitPending"],
  ["benefit pending", "benefitPending"],
  ["benefit claim pending", "benefitPending"],
  ["breathingspace", "breathingSpace"],
  ["breathing space", "breathingSpace"],
]);

/**
 * The Scottish pre-action requirements (Housing (Scotland) Act 2001 s14A, inserted by the
 * Housing (Scotland) Act 2010, for notices served from 1 August 2012). Sub-section numbers
 * follow the reference notes and should be checked against the Act.
 */
export const SCOTTISH_PRE_ACTION_STEPS: readonly string[] = [
  "Give clear information about the tenancy terms and the outstanding rent and other financial obligations, broken down, with the charges expected if unpaid, including an illustration of legal expenses (s14A(2); Pre-Action Requirements Order art 2)",
  "Make reasonable efforts to give advice and help on eligibility for Housing Benefit, UC housing costs and other financial help (s14A(3))",
  "Give information about sources of debt advice (s14A(4))",
  "Make reasonable efforts to agree a reasonable plan for future rent and the arrears (s14A(5))",
  "Do not serve notice while a benefit claim is undetermined, the tenant is taking steps likely to clear the arrears in a reasonable time, or is keeping to an agreed plan (s14A(6)–(7))",
  "The notice must list the steps taken, with brief details and dates; keep records of every arrears contact",
];

/**
 * Default policy for Scotland (Scottish secure and short Scottish secure tenancies):
 * the same early stages, then a notice of proceedings only after the s14A requirements,
 * and the sheriff court once the notice's date has passed (28 days by default).
 */
export const SCOTLAND_ESCALATION_POLICY: EscalationPolicy = {
  id: "scotland-social-landlord",
  version: 1,
  effectiveFrom: "2012-08-01",
  description:
    "Scottish social landlord recovery path: reminder at 1 week, contact at 2, warning at 3, notice of proceedings after the s14A pre-action requirements at 4 weeks' rent, sheriff court 28 days after notice. Thresholds are typical, not statutory.",
  stages: DEFAULT_ESCALATION_POLICY.stages,
  rules: [
    ...DEFAULT_ESCALATION_POLICY.rules
      .filter((r) => r.stage === "reminder" || r.stage === "early_contact" || r.stage === "warning")
      .map((r) => ({ ...r, steps: r.stage === "reminder" ? [] : [...SCOTTISH_PRE_ACTION_STEPS], holds: r.holds.filter((h) => h !== "breathingSpace") })),
    {
      stage: "notice",
      tenancyTypes: ["any"],
      minWeeks: 4,
      minPounds: null,
      action: "Confirm every s14A pre-action requirement is met and recorded, then serve a notice of proceedings (Housing (Scotland) Act 2001 s14, Sch 2 Ground 1) listing the steps taken with dates",
      steps: [...SCOTTISH_PRE_ACTION_STEPS],
      holds: ["vulnerable", "benefitPending"],
    },
    {
      stage: "court",
      tenancyTypes: ["any"],
      minWeeks: 4,
      minPounds: null,
      afterStage: "notice",
      minDaysAfter: 28,
      action: "Raise proceedings in the sheriff court; confirm compliance with the pre-action requirements in the prescribed form; the sheriff must find eviction reasonable",
      steps: [...SCOTTISH_PRE_ACTION_STEPS],
      holds: ["vulnerable", "benefitPending"],
    },
    {
      stage: "eviction",
      tenancyTypes: ["any"],
      minWeeks: 4,
      minPounds: null,
      afterStage: "order",
      action: "Check the decree's terms; only if breached, instruct sheriff officers (senior sign-off; eviction is the last resort)",
      steps: ["Confirm the breach against the decree", "Safeguarding and vulnerability review", "Senior manager sign-off"],
      holds: ["vulnerable", "benefitPending"],
    },
  ],
};

/** Policies shipped with the toolkit, by the name a user types (`--policy scotland`, or "scotland" in a policy cell). */
export const BUILT_IN_POLICIES: Readonly<Record<string, EscalationPolicy>> = {
  england: DEFAULT_ESCALATION_POLICY,
  scotland: SCOTLAND_ESCALATION_POLICY,
};
