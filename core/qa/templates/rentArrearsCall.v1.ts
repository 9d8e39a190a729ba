import type { Answer } from "../template";

/**
 * Default checklist: "Rent arrears call review (UK social housing)", version 1.
 * Grounded in the Pre-Action Protocol for Possession Claims by Social Landlords
 * (PAP), the Standard Financial Statement, FCA FG21/1 vulnerability guidance
 * (TEXAS, BRUCE), CONC 7.3 forbearance norms and the Debt Respite (Breathing
 * Space) Regulations 2020. Weights sum to 100 when every criterion applies.
 * Compliance items are binary (Met / Not met); quality items are on a scale.
 * Plain data, validated by templateSchema when loaded like any other template.
 */

const SCALE: Answer[] = ["met", "partly", "notMet"];
const SCALE_NA: Answer[] = ["met", "partly", "notMet", "na"];
const BINARY: Answer[] = ["met", "notMet"];
const BINARY_NA: Answer[] = ["met", "notMet", "na"];

/** The default template as plain data (pass it through parseTemplate before use). */
export const rentArrearsCallV1 = {
  id: "uk-rent-arrears-call",
  version: 1,
  title: "Rent arrears call review (UK social housing)",
  credits: { met: 1, partly: 0.5, notMet: 0 },
  criticalEffect: { mode: "zero" },
  bands: [
    { min: 90, label: "Excellent" },
    { min: 80, label: "Good" },
    { min: 65, label: "Requires improvement" },
    { min: 0, label: "Unsatisfactory" },
  ],
  sections: [
    {
      id: "A",
      title: "Opening, identity & data protection",
      criteria: [
        { id: "A1", weight: 3, answers: SCALE, text: "Introduces self and organisation, states the purpose of the call, checks it is a convenient and private time", guidance: "Met: name, landlord, reason for calling, and asks whether the tenant can talk privately now." },
        { id: "A2", weight: 5, answers: BINARY, text: "Verifies identity to the landlord's data-protection standard before discussing or disclosing any account detail", guidance: "Met: the agreed identity checks are completed before the balance or any account detail is mentioned.", critical: { code: "CF1", trigger: "notMet", description: "Account details disclosed without verifying identity (UK GDPR)" } },
        { id: "A3", weight: 2, answers: BINARY_NA, text: "If a third party is present or calling, confirms their authority or consent before disclosure", guidance: "Appointee, power of attorney, advocate or recorded consent. N/A when no third party is involved.", critical: { code: "CF1", trigger: "notMet", description: "Details disclosed to a third party without authority or consent" } },
      ],
    },
    {
      id: "B",
      title: "Account accuracy",
      criteria: [
        { id: "B1", weight: 5, answers: SCALE, text: "States the correct balance, what it is made of, and the current weekly or monthly charge", guidance: "Rent and service charges separated from other charges (PAP 2.1)." },
        { id: "B2", weight: 3, answers: SCALE, text: "Checks recent payments and Housing Benefit / Universal Credit credits; tells real arrears from technical arrears", guidance: "Does not chase payment-cycle (technical) arrears as debt." },
        { id: "B3", weight: 2, answers: SCALE_NA, text: "Offers or sends a rent statement", guidance: "The last 13 weeks, or from when the arrears began on request (PAP 2.3). N/A if one was sent in the last month." },
      ],
    },
    {
      id: "C",
      title: "Cause & circumstances",
      criteria: [
        { id: "C1", weight: 6, answers: SCALE, text: "Establishes why the arrears arose, using open questions", guidance: "PAP 2.1: the cause of the arrears." },
        { id: "C2", weight: 4, answers: SCALE, text: "Checks for changes in household, income, work, health and other priority debts", guidance: "PAP 2.1: the tenant's financial circumstances." },
      ],
    },
    {
      id: "D",
      title: "Vulnerability",
      criteria: [
        { id: "D1", weight: 6, answers: SCALE, text: "Notices and explores vulnerability cues (health, life events, resilience, capability)", guidance: "FCA FG21/1 drivers; BRUCE signs of difficulty remembering, understanding, communicating or evaluating." },
        { id: "D2", weight: 6, answers: SCALE_NA, text: "Handles any disclosure using TEXAS and acts on any risk to life, safeguarding or capacity concern", guidance: "Thanks, Explains use, gets eXplicit consent to record, Asks about impact, Signposts or refers. N/A when nothing is disclosed.", critical: { code: "CF2", trigger: "flag", description: "A serious-risk disclosure (risk to life, safeguarding, capacity) was not acted on" } },
        { id: "D3", weight: 3, answers: SCALE_NA, text: "Adapts the approach: pace, plain words, trusted third party or advocate, pauses collection where appropriate", guidance: "PAP: reasonable steps to ensure the tenant understands. N/A when no adjustment is needed." },
      ],
    },
    {
      id: "E",
      title: "Income maximisation & benefits",
      criteria: [
        { id: "E1", weight: 4, answers: SCALE, text: "Checks the Housing Benefit / Universal Credit position", guidance: "Claim made, housing costs declared, payment date, deductions, under-occupation, benefit cap, non-dependants (PAP 2.1)." },
        { id: "E2", weight: 4, answers: SCALE, text: "Offers a benefit check, Discretionary Housing Payment or help to claim, or refers to the welfare-benefits team", guidance: "PAP 2.4(b)." },
        { id: "E3", weight: 2, answers: SCALE_NA, text: "Considers and explains a UC Managed Payment to Landlord / third-party deduction, or HB direct payment", guidance: "PAP 2.4(a). N/A where the tenant is not eligible." },
      ],
    },
    {
      id: "F",
      title: "Affordability & arrangement",
      criteria: [
        { id: "F1", weight: 6, answers: SCALE_NA, text: "Completes or updates an income and expenditure (Standard Financial Statement), or uses the tenant's existing SFS from an adviser", guidance: "PAP 2.2. N/A when the balance is cleared on the call." },
        { id: "F2", weight: 5, answers: SCALE_NA, text: "Agrees current rent plus an affordable, sustainable amount towards arrears, evidenced by the I&E, with no pressure", guidance: "No pressure to pay unaffordable sums, borrow or sell (PAP 2.2, 2.9; CONC 7.3). N/A when no arrangement is needed.", critical: { code: "CF3", trigger: "flag", description: "Pressure or a threat was used to obtain payment" } },
        { id: "F3", weight: 2, answers: SCALE_NA, text: "Aligns the payment date and method with income; offers Direct Debit or standing order", guidance: "e.g. the day after the Universal Credit payment date." },
        { id: "F4", weight: 2, answers: SCALE_NA, text: "Confirms the terms, that they will be confirmed in writing, and what happens if a payment is missed", guidance: "PAP 2.2: time limits in writing." },
      ],
    },
    {
      id: "G",
      title: "Advice & signposting",
      criteria: [
        { id: "G1", weight: 5, answers: SCALE, text: "Signposts free independent debt advice and makes a referral where agreed; mentions Breathing Space for multiple debts", guidance: "PAP 2.7; CONC 7.3." },
      ],
    },
    {
      id: "H",
      title: "Process, escalation & legal accuracy",
      criteria: [
        { id: "H1", weight: 4, answers: BINARY, text: "Checks holds before any escalation or demand: Breathing Space, benefit claim pending with evidence, vulnerability hold, open complaint", guidance: "Debt Respite Scheme Regulations 2020; PAP 2.5.", critical: { code: "CF4", trigger: "notMet", description: "Breathing Space arrears demanded, or a step taken despite a hold" } },
        { id: "H2", weight: 4, answers: BINARY, text: "Explains next steps and consequences accurately and proportionately, with no threats or misleading legal statements", guidance: "Possession is a last resort (PAP Part 1).", critical: { code: "CF5", trigger: "notMet", description: "Wrong or misleading legal advice, or a threat" } },
        { id: "H3", weight: 2, answers: SCALE_NA, text: "After notice or at court stage: explains what the notice means, the hearing date and that the tenant should attend", guidance: "PAP 2.8-2.12. N/A before notice." },
      ],
    },
    {
      id: "I",
      title: "Communication & conduct",
      criteria: [
        { id: "I1", weight: 4, answers: SCALE, text: "Courteous, empathetic and non-judgemental; listens actively; does not talk over the tenant", guidance: "Equality Act 2010.", critical: { code: "CF6", trigger: "flag", description: "Abusive, discriminatory or harassing language" } },
        { id: "I2", weight: 3, answers: SCALE, text: "Uses plain language and checks understanding", guidance: "Asks the tenant to summarise back what was agreed." },
        { id: "I3", weight: 3, answers: SCALE_NA, text: "Recognises dissatisfaction and offers the complaints route", guidance: "N/A when the tenant expresses no dissatisfaction." },
      ],
    },
    {
      id: "J",
      title: "Wrap-up & records",
      criteria: [
        { id: "J1", weight: 2, answers: SCALE, text: "Summarises the agreed actions, who does what by when, and the next contact", guidance: "" },
        { id: "J2", weight: 3, answers: SCALE, text: "Accurate, contemporaneous case notes; arrangement and diary set on the housing system; vulnerability and consent recorded", guidance: "Checked on the housing system after the call." },
      ],
    },
  ],
};
