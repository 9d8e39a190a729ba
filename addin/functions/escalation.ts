import { ArrearsInputError, describeValue } from "../../core/errors";
import { ESCALATION_COLUMNS, escalationOf, escalationsOf } from "../../core/escalation/escalate";
import { DEFAULT_PROFILE, normaliseName } from "../../core/export/profile";
import { TENANCY_TYPES, type TenancyType } from "../../core/export/schema";
import { cellToAmount, cellToSerial, isBlank } from "../excel/cells";
import { excelError, runCustomFunction, toCell, type CellOut } from "../excel/results";
import { accountsFromRange, policyFromRange } from "../excel/tables";

/** Tenancy type text (as exports write it: "Secure", "AST", "Intro") to the policy's tenancy types. */
function tenancyTypeOf(text: unknown): TenancyType {
  const t = normaliseName(String(text ?? ""));
  for (const [type, codes] of Object.entries(DEFAULT_PROFILE.codes.tenancyType ?? {})) {
    if (t === type || codes.some((c) => normaliseName(c) === t)) return type as TenancyType;
  }
  throw new ArrearsInputError("tenancyType", `tenancy type must be one of ${TENANCY_TYPES.join(", ")}, got ${isBlank(text) ? "blank" : `"${String(text)}"`}`);
}

/**
 * The recovery stage an account's arrears point to under the escalation policy: No action, Reminder, Pre-action protocol contact, Warning or Notice (court and eviction need a last action: use ARREARS.ESCALATIONS).
 * @customfunction STAGE
 * @helpurl https://localhost:3000/support.html#STAGE
 * @param balance Balance in £ at period end, positive = owed.
 * @param weeklyRent Weekly rent in £ (arrears are judged in weeks of rent and in £).
 * @param tenancyType Tenancy type: secure, assured, introductory, starter or other (export codes such as AST or Intro are recognised).
 * @param [policy] Escalation policy: a table with header row (stage, tenancy type, min weeks, min £, after stage, min days after, next action, holds) or one cell of policy JSON, or "scotland" / "england". Omitted: the England policy.
 * @returns The stage's name.
 */
export function stage(balance: any, weeklyRent: any, tenancyType: any, policy?: any[][]): any {
  const NAME = "ARREARS.STAGE";
  return runCustomFunction(NAME, () => {
    const bal = isBlank(balance) ? 0 : cellToAmount(balance);
    if (bal === null) throw new ArrearsInputError("balance", `balance must be an amount in £, got ${describeValue(balance)}`);
    const rent = isBlank(weeklyRent) ? 0 : cellToAmount(weeklyRent);
    if (rent === null) throw new ArrearsInputError("weeklyRent", `weekly rent must be an amount in £, got ${describeValue(weeklyRent)}`);
    return escalationOf({ account: "this account", balance: bal, weeklyRent: rent, tenancyType: tenancyTypeOf(tenancyType) }, policyFromRange(policy ?? null)).stageLabel;
  });
}

/**
 * The escalation list, spilled: one row per account (same order as the table) with weeks owed, balance, stage, whether it is due to escalate this period, why (including any vulnerability, benefit-claim or Breathing Space hold), and the next action.
 * @customfunction ESCALATIONS
 * @helpurl https://localhost:3000/support.html#ESCALATIONS
 * @param accounts The accounts table with its header row (e.g. Accounts[#All]); optional columns vulnerable, benefit claim pending, breathing space until, last action and last action date are used when present.
 * @param [policy] Escalation policy: a table with header row (stage, tenancy type, min weeks, min £, after stage, min days after, next action, holds) or one cell of policy JSON, or "scotland" / "england". Omitted: the England policy.
 * @param [asOf] Date of the check (e.g. the period end): needed for rules counted in days since the last action, and for Breathing Space end dates.
 * @returns A header row, then Account, Officer, Weeks owed, Balance £, Stage, Due to escalate, Reason, Next action per account.
 */
export function escalations(accounts: any[][], policy?: any[][], asOf?: any): any[][] {
  const NAME = "ARREARS.ESCALATIONS";
  return runCustomFunction(NAME, () => {
    const when = isBlank(asOf ?? null) ? null : cellToSerial(asOf);
    if (!isBlank(asOf ?? null) && when === null) throw new ArrearsInputError("asOf", `as-of date must be a date, got ${describeValue(asOf)}`);
    const list = accountsFromRange(accounts);
    const rows: CellOut[][] = [[...ESCALATION_COLUMNS]];
    escalationsOf(list, policyFromRange(policy ?? null), when === null ? null : Math.floor(when)).forEach((r, i) => {
      if (r instanceof ArrearsInputError) rows.push([list[i].account, ...Array(ESCALATION_COLUMNS.length - 1).fill(excelError(NAME, r.message))]);
      else rows.push([r.account, r.officer ?? "", toCell(NAME, r.weeksOwed), toCell(NAME, r.balance), r.stageLabel, r.dueToEscalate, r.reason, r.nextAction]);
    });
    return rows;
  }) as any[][];
}
