import { ArrearsInputError } from "../errors";
import { isBlankCell, type CellValue } from "../export/cellValues";
import { DEFAULT_PROFILE, headerKey, type MappingProfile } from "../export/profile";
import { refusal, RowProblems } from "../export/readTables";
import { readText } from "../values/text";
import { readYesNo } from "../values/yesNo";

/**
 * Which accounts are waiting for the team leader's authorisation (a notice, a court
 * referral or a warrant the officer has asked to take, not yet signed off). Neither the
 * canonical export nor the escalation policy records this (the policy's actions say
 * "manager sign-off" in words only), so it is read from an optional yes/no column of the
 * accounts table, found by one of {@link AUTHORISATION_HEADERS}. Without that column the
 * reason is never given, and the worklist says so in a note.
 */

/** Accepted headers of the accounts table's "awaiting authorisation" column (matched ignoring case, spaces and punctuation). */
export const AUTHORISATION_HEADERS = [
  "awaiting authorisation",
  "awaiting authorization",
  "awaiting team leader",
  "awaiting sign off",
  "authorisation pending",
  "pending authorisation",
  "sign off pending",
  "tl authorisation",
] as const;

/** The accounts flagged, or null when the table has no such column. */
export interface Authorisations {
  /** The header of the column read, as the table spells it. */
  column: string;
  accounts: ReadonlySet<string>;
}

/**
 * Reads the "awaiting authorisation" column of the accounts table (header row first),
 * with core's yes/no reader (blank is no). The account column is found through the
 * mapping profile, as the accounts reader finds it.
 * @returns null when the table has no such column.
 * @throws ArrearsInputError naming the row, column and value of the first cell that is not yes or no.
 */
export function readAuthorisations(table: readonly (readonly CellValue[])[], profile: MappingProfile = DEFAULT_PROFILE): Authorisations | null {
  if (table.length === 0) return null;
  const header = table[0];
  const keys = header.map((h) => (isBlankCell(h) || typeof h !== "string" ? "" : headerKey(h)));
  const flag = keys.findIndex((k) => k !== "" && AUTHORISATION_HEADERS.some((n) => headerKey(n) === k));
  if (flag < 0) return null;
  const accountNames = profile.accounts.account ?? DEFAULT_PROFILE.accounts.account ?? [];
  let acc = -1;
  for (const n of accountNames) {
    acc = keys.findIndex((k) => k === headerKey(n));
    if (acc >= 0) break;
  }
  if (acc < 0) throw new ArrearsInputError("accounts.account", "the accounts table has no account reference column to match its awaiting authorisation column to");
  const problems = new RowProblems("accounts");
  const out = new Set<string>();
  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (row.every(isBlankCell)) continue;
    const yes = readYesNo(row[flag] ?? null);
    if (!yes.ok) {
      problems.add(r + 1, "awaitingAuthorisation", refusal("awaiting authorisation", header[flag], row[flag] ?? null, yes.reason));
      continue;
    }
    if (!yes.value) continue;
    const account = readText(row[acc] ?? null);
    if (!account.ok) problems.add(r + 1, "account", refusal("account reference", header[acc], row[acc] ?? null, account.reason));
    else out.add(account.value);
  }
  problems.throwIfAny();
  return { column: String(header[flag]).trim(), accounts: out };
}
