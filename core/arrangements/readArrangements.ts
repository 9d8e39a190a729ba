import { isBlankCell } from "../export/cellValues";
import { DEFAULT_PROFILE, REQUIRED_ARRANGEMENT_FIELDS, type ArrangementField, type MappingProfile } from "../export/profile";
import { acceptedCodes, amountOptions, cachedDates, cachedLookup, codeLookup, locateColumns, readRecords, type TableRows } from "../export/readTables";
import { UNASSIGNED_OFFICER } from "../export/schema";
import { readAmount } from "../values/amount";
import { readText } from "../values/text";
import { type Arrangement, type ArrangementType, type Frequency, type InstalmentBasis, type RecordedStatus } from "./schema";

/** Words for each arrangements field in error messages. */
export const ARRANGEMENT_FIELD_LABELS: Record<ArrangementField, string> = {
  account: "account reference",
  startDate: "start date",
  instalment: "instalment",
  basis: "instalment basis (arrears part or total including rent)",
  frequency: "frequency",
  type: "arrangement type",
  startBalance: "start balance",
  endDate: "end date",
  status: "status",
  officer: "officer",
};

/** What each code column holds, for reading and for the profile's code lists. */
const CODE_COLUMNS = {
  frequency: "arrangementFrequency",
  type: "arrangementType",
  basis: "arrangementBasis",
  status: "arrangementStatus",
} as const satisfies Partial<Record<ArrangementField, keyof MappingProfile["codes"]>>;
type CodeColumn = keyof typeof CODE_COLUMNS;

/**
 * Reads the Arrangements table (a header row, then one row per arrangement) through the
 * mapping profile, with core's one reader per kind of value. Codes are matched against
 * the profile's arrangement code lists (the built-in Northgate / Capita / Tallyman words
 * by default). A blank basis, frequency, instalment or start date is refused, since each
 * changes what is due; a blank type or status is refused too, unless the profile's
 * `arrangementBlanks` states what a blank means in this export. A blank start balance or
 * end date stays unknown (null), never 0.
 * @throws ArrearsInputError naming the table, row, column and value of the first problem.
 */
export function readArrangements(table: TableRows, profile: MappingProfile = DEFAULT_PROFILE): Arrangement[] {
  if (table.length === 0) return [];
  const accepted = profile.arrangements ?? DEFAULT_PROFILE.arrangements!;
  const col = locateColumns<ArrangementField>("arrangements", table[0], accepted, REQUIRED_ARRANGEMENT_FIELDS, ARRANGEMENT_FIELD_LABELS);
  const maps = {
    frequency: codeLookup<Frequency>(codesOf(profile, "frequency")),
    type: codeLookup<ArrangementType>(codesOf(profile, "type")),
    basis: codeLookup<InstalmentBasis>(codesOf(profile, "basis")),
    status: codeLookup<RecordedStatus>(codesOf(profile, "status")),
  };
  const lookups = { frequency: cachedLookup(maps.frequency), type: cachedLookup(maps.type), basis: cachedLookup(maps.basis), status: cachedLookup(maps.status) };
  // Only what the profile states: a blank is never given a meaning here.
  const blanks: Partial<Record<CodeColumn, string>> = { type: profile.arrangementBlanks?.type, status: profile.arrangementBlanks?.status };
  const dateOf = cachedDates(profile.dateFormat);
  const money = amountOptions(profile);
  const seen = new Map<string, number>();

  return readRecords<ArrangementField, Arrangement>(table, "arrangements", col, ARRANGEMENT_FIELD_LABELS, (at, bad, rowNo) => {
    const code = (f: CodeColumn): string | null => {
      const v = at(f);
      if (isBlankCell(v)) {
        const meant = blanks[f];
        if (meant === undefined) bad(f, `is blank; it must be one of ${acceptedCodes(maps[f])}${f === "type" || f === "status" ? ` (or set arrangementBlanks.${f} in the mapping profile, if the export documents what a blank means)` : ""}`);
        return meant ?? null;
      }
      const t = readText(v);
      if (!t.ok) return bad(f, t.reason), null;
      const found = lookups[f](t.value);
      if (found === undefined) bad(f, `is not one of ${acceptedCodes(maps[f])} (add the code to the mapping profile)`);
      return found ?? null;
    };
    const date = (f: ArrangementField, required: boolean): number | null => {
      const v = at(f);
      // Excel desktop passes 0 for an empty cell in a range: no real date is serial 0.
      if (isBlankCell(v) || v === 0) {
        if (required) bad(f, "is blank; it must be a date");
        return null;
      }
      const s = dateOf(v);
      if (!s.ok) bad(f, s.reason);
      return s.ok ? s.value : null;
    };

    const account = readText(at("account"));
    if (!account.ok) bad("account", account.reason);
    const start = date("startDate", true);
    const end = date("endDate", false);
    if (start !== null && end !== null && end < start) bad("endDate", "is before the start date");
    const inst = readAmount(at("instalment"), money);
    if (!inst.ok) bad("instalment", inst.reason);
    else if (inst.value <= 0) bad("instalment", "must be more than £0");
    const balCell = at("startBalance");
    const bal = isBlankCell(balCell) ? null : readAmount(balCell, money);
    if (bal !== null && !bal.ok) bad("startBalance", bal.reason);
    const basis = code("basis") as InstalmentBasis | null;
    const frequency = code("frequency") as Frequency | null;
    const type = code("type") as ArrangementType | null;
    const status = code("status") as RecordedStatus | null;
    const officerCell = at("officer");
    const officer = isBlankCell(officerCell) ? null : readText(officerCell);
    if (officer !== null && !officer.ok) bad("officer", officer.reason);
    if (account.ok && start !== null) {
      const key = `${account.value}\u0000${start}`;
      const prev = seen.get(key);
      if (prev !== undefined) bad("startDate", `repeats the arrangement on row ${prev} (same account and start date)`);
      seen.set(key, rowNo);
    }
    if (!account.ok || start === null || !inst.ok || !basis || !frequency || !type || !status) return null;
    return {
      account: account.value,
      startDate: start,
      instalment: inst.value,
      basis,
      frequency,
      type,
      startBalance: bal?.ok ? bal.value : null,
      endDate: end,
      status,
      officer: officer?.ok ? officer.value : UNASSIGNED_OFFICER,
    };
  });
}

/** The profile's code list for one column; a profile built in code rather than parsed may leave it out, then the built-in words apply. */
function codesOf(profile: MappingProfile, f: CodeColumn): Partial<Record<string, string[]>> {
  return profile.codes[CODE_COLUMNS[f]] ?? DEFAULT_PROFILE.codes[CODE_COLUMNS[f]]!;
}
