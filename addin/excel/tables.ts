import { ArrearsInputError, describeValue } from "../../core/errors";
import { BUILT_IN_POLICIES, DEFAULT_ESCALATION_POLICY, parseEscalationPolicy, policyFromTable, type EscalationPolicy } from "../../core/escalation/policy";
import type { CellValue } from "../../core/export/cellValues";
import { DEFAULT_PROFILE, normaliseName, parseMappingProfile, type MappingProfile } from "../../core/export/profile";
import { readAccounts, readExport } from "../../core/export/readTables";
import type { Account, CanonicalExport } from "../../core/export/schema";
import type { MonthlyReturnOptionsInput } from "../../core/kpi/monthlyReturn";
import { cellToAmount, cellToSerial, gridOf, isBlank, optionalNumber } from "./cells";

/**
 * Excel tables passed with their header row (e.g. `Accounts[#All]`), read into the
 * canonical export through the default mapping profile, so columns are found by name
 * and may be in any order. Shared by the monthly-return and escalation functions.
 */

/** A range's cells as core reads them: Excel's numbers, text, booleans and blanks. */
export function tableOf(range: unknown): CellValue[][] {
  // Rows without an undefined cell (all of them, as Excel passes ranges) are used as they are: copying 17,000 rows cell by cell cost more than reading them.
  return gridOf(range).map((row) => (row.includes(undefined) ? row.map((c) => (c === undefined ? null : (c as CellValue))) : (row as CellValue[])));
}

/** Reads the accounts, transactions and optional voids tables (each with its header row) through a mapping profile. */
export function exportFromRanges(accounts: unknown, transactions: unknown, voids?: unknown, profile: MappingProfile = DEFAULT_PROFILE): CanonicalExport {
  const v = voids === null || voids === undefined || isBlank(voids) ? null : tableOf(voids);
  return readExport({ accounts: tableOf(accounts), transactions: tableOf(transactions), voids: v }, profile);
}

const PROFILE_KEYS = new Set(["profile", "mapping profile"]);

/**
 * The mapping profile named in an options range: a row `profile | {JSON}` (the same JSON
 * the command line's --profile file holds). Without one, the default profile.
 */
export function profileFromOptions(range: unknown): MappingProfile {
  for (const row of gridOf(range)) {
    if (row.length < 2 || !PROFILE_KEYS.has(normaliseName(String(row[0] ?? "")))) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(String(row[1] ?? ""));
    } catch {
      throw new ArrearsInputError("options", "the profile option must be the mapping profile as JSON text");
    }
    return parseMappingProfile(parsed);
  }
  return DEFAULT_PROFILE;
}

/** Reads the accounts table alone (header row first). */
export function accountsFromRange(accounts: unknown): Account[] {
  return readAccounts(tableOf(accounts));
}

/** Reads a period start or end: a serial date or date text. */
export function periodDate(value: unknown, field: string): number {
  const v = Array.isArray(value) ? gridOf(value)[0]?.[0] : value;
  const s = isBlank(v) ? null : cellToSerial(v);
  if (s === null) throw new ArrearsInputError(field, `${field} must be a date, got ${describeValue(v)}`);
  return Math.floor(s);
}

const OPTION_KEYS: Record<string, keyof MonthlyReturnOptionsInput | "ucTechnicalWeeks" | "hbTechnicalWeeks"> = {
  "age bands": "ageBands",
  bands: "ageBands",
  "weeks per year": "weeksPerYear",
  "annual rent debit": "annualRentDebit",
  "void treatment": "voidTreatment",
  voids: "voidTreatment",
  "uc technical weeks": "ucTechnicalWeeks",
  "hb technical weeks": "hbTechnicalWeeks",
};

/**
 * Reads an options range: two columns, option name and value, e.g.
 * `void treatment | gross`, `age bands | 4,8,13`, `annual rent debit | 5200000`.
 * Names are matched ignoring case and spaces; an unknown name is an error that lists the known ones.
 */
export function returnOptionsFromRange(range: unknown): Omit<MonthlyReturnOptionsInput, "periodStart" | "periodEnd"> {
  const out: Omit<MonthlyReturnOptionsInput, "periodStart" | "periodEnd"> = {};
  const technical: { UC?: number; HB?: number } = {};
  for (const row of gridOf(range)) {
    if (row.every(isBlank)) continue;
    if (row.length < 2) throw new ArrearsInputError("options", "options must be two columns: option name and value");
    const name = normaliseName(String(row[0] ?? ""));
    if (PROFILE_KEYS.has(name)) continue;
    const key = Object.hasOwn(OPTION_KEYS, name) ? OPTION_KEYS[name] : undefined;
    if (!key) throw new ArrearsInputError("options", `"${String(row[0])}" is not an option; use ${Object.keys(OPTION_KEYS).join(", ")}, profile`);
    const value = row[1];
    if (key === "ageBands") {
      const parts = typeof value === "number" ? [value] : String(value ?? "").split(/[,;\s]+/).filter(Boolean).map((p) => cellToAmount(p));
      if (parts.some((p) => p === null)) throw new ArrearsInputError("options", `age bands must be week thresholds such as 4,8,13, got "${String(value)}"`);
      out.ageBands = parts as number[];
    } else if (key === "voidTreatment") out.voidTreatment = String(value ?? "").trim().toLowerCase() as "net" | "gross";
    else if (key === "weeksPerYear") out.weeksPerYear = optionalNumber(value, "weeks per year") as 52 | 53;
    else if (key === "annualRentDebit") out.annualRentDebit = optionalNumber(value, "annual rent debit");
    else if (key === "ucTechnicalWeeks") technical.UC = optionalNumber(value, "UC technical weeks") ?? undefined;
    else if (key === "hbTechnicalWeeks") technical.HB = optionalNumber(value, "HB technical weeks") ?? undefined;
  }
  if (technical.UC !== undefined || technical.HB !== undefined) out.technicalWeeks = technical;
  return out;
}

/**
 * Reads an escalation policy argument: omitted gives the default policy; a table with
 * a header row (stage, tenancy type, min weeks, min £, after stage, min days after,
 * next action, holds) replaces the rules; one cell of JSON gives a whole policy; one cell
 * naming a built-in policy ("england", "scotland") picks it.
 */
export function policyFromRange(range: unknown): EscalationPolicy {
  if (range === null || range === undefined || isBlank(range)) return DEFAULT_ESCALATION_POLICY;
  const grid = gridOf(range);
  if (grid.length === 1 && grid[0].length === 1) {
    const text = grid[0][0];
    if (isBlank(text)) return DEFAULT_ESCALATION_POLICY;
    const named = typeof text === "string" ? text.trim().toLowerCase() : "";
    if (Object.hasOwn(BUILT_IN_POLICIES, named)) return BUILT_IN_POLICIES[named];
    if (typeof text === "string" && text.trim().startsWith("{")) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new ArrearsInputError("policy", "the policy cell is not valid JSON");
      }
      return parseEscalationPolicy(parsed);
    }
  }
  return policyFromTable(tableOf(grid));
}
