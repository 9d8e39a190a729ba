import { isBlankCell, type CellValue } from "../export/cellValues";
import { DEFAULT_PROFILE, REQUIRED_ARRANGEMENT_FIELDS, type ArrangementField, type MappingProfile } from "../export/profile";
import { acceptedCodes, amountOptions, cachedDates, cachedLookup, codeLookup, isBlankRow, locateColumns, refusal, RowProblems, type TableRows } from "../export/readTables";
import { UNASSIGNED_OFFICER } from "../export/schema";
import { readAmount } from "../values/amount";
import { readText } from "../values/text";
import { ARRANGEMENT_CODES, type Arrangement, type ArrangementType, type Frequency, type InstalmentBasis, type RecordedStatus } from "./schema";

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

/**
 * Reads the Arrangements table (a header row, then one row per arrangement) through the
 * mapping profile, with core's one reader per kind of value. Blank type reads as a tenant
 * arrangement and blank status as active (the usual case, and neither changes a figure);
 * a blank basis, frequency, instalment or start date is refused, since each changes what
 * is due. A blank start balance or end date stays unknown (null), never 0.
 * @throws ArrearsInputError naming the table, row, column and value of the first problem.
 */
export function readArrangements(table: TableRows, profile: MappingProfile = DEFAULT_PROFILE): Arrangement[] {
  if (table.length === 0) return [];
  const header = table[0];
  const accepted = profile.arrangements ?? DEFAULT_PROFILE.arrangements!;
  const col = locateColumns<ArrangementField>("arrangements", header, accepted, REQUIRED_ARRANGEMENT_FIELDS, ARRANGEMENT_FIELD_LABELS);
  const frequencies = codeLookup<Frequency>(copy(ARRANGEMENT_CODES.frequency));
  const types = codeLookup<ArrangementType>(copy(ARRANGEMENT_CODES.type));
  const bases = codeLookup<InstalmentBasis>(copy(ARRANGEMENT_CODES.basis));
  const statuses = codeLookup<RecordedStatus>(copy(ARRANGEMENT_CODES.status));
  const lookups = { frequency: cachedLookup(frequencies), type: cachedLookup(types), basis: cachedLookup(bases), status: cachedLookup(statuses) };
  const maps = { frequency: frequencies, type: types, basis: bases, status: statuses };
  const dateOf = cachedDates(profile.dateFormat);
  const money = amountOptions(profile);
  const problems = new RowProblems("arrangements");
  const seen = new Map<string, number>();
  const out: Arrangement[] = [];
  const at = (row: readonly CellValue[], f: ArrangementField): CellValue => (col[f] === undefined ? null : row[col[f]!]);

  for (let r = 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row)) continue;
    const rowNo = r + 1;
    let ok = true;
    const bad = (f: ArrangementField, reason: string) => {
      ok = false;
      problems.add(rowNo, f, refusal(ARRANGEMENT_FIELD_LABELS[f], col[f] === undefined ? null : header[col[f]!], at(row, f), reason));
    };
    const code = <K extends keyof typeof lookups>(f: K, blank: string | null) => {
      const v = at(row, f);
      if (isBlankCell(v)) {
        if (blank === null) bad(f, `is blank; it must be one of ${acceptedCodes(maps[f])}`);
        return blank;
      }
      const t = readText(v);
      if (!t.ok) return bad(f, t.reason), null;
      const found = lookups[f](t.value);
      if (found === undefined) bad(f, `is not one of ${acceptedCodes(maps[f])}`);
      return found ?? null;
    };
    const date = (f: ArrangementField, required: boolean): number | null => {
      const v = at(row, f);
      // Excel desktop passes 0 for an empty cell in a range: no real date is serial 0.
      if (isBlankCell(v) || v === 0) {
        if (required) bad(f, "is blank; it must be a date");
        return null;
      }
      const s = dateOf(v);
      if (!s.ok) bad(f, s.reason);
      return s.ok ? s.value : null;
    };

    const account = readText(at(row, "account"));
    if (!account.ok) bad("account", account.reason);
    const start = date("startDate", true);
    const end = date("endDate", false);
    if (start !== null && end !== null && end < start) bad("endDate", "is before the start date");
    const inst = readAmount(at(row, "instalment"), money);
    if (!inst.ok) bad("instalment", inst.reason);
    else if (inst.value <= 0) bad("instalment", "must be more than £0");
    const balCell = at(row, "startBalance");
    const bal = isBlankCell(balCell) ? null : readAmount(balCell, money);
    if (bal !== null && !bal.ok) bad("startBalance", bal.reason);
    const basis = code("basis", null) as InstalmentBasis | null;
    const frequency = code("frequency", null) as Frequency | null;
    const type = code("type", "tenant") as ArrangementType | null;
    const status = code("status", "active") as RecordedStatus | null;
    const officerCell = at(row, "officer");
    const officer = isBlankCell(officerCell) ? null : readText(officerCell);
    if (officer !== null && !officer.ok) bad("officer", officer.reason);
    if (account.ok && start !== null) {
      const key = `${account.value}\u0000${start}`;
      const prev = seen.get(key);
      if (prev !== undefined) bad("startDate", `repeats the arrangement on row ${prev} (same account and start date)`);
      seen.set(key, rowNo);
    }
    if (!ok || !account.ok || start === null || !inst.ok || !basis || !frequency || !type || !status) continue;
    out.push({
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
    });
  }
  problems.throwIfAny();
  return out;
}

/** The code lists as the mutable shape codeLookup takes. */
function copy<T extends string>(codes: Record<T, readonly string[]>): Partial<Record<T, string[]>> {
  return Object.fromEntries(Object.entries(codes).map(([k, v]) => [k, [...(v as readonly string[])]])) as Partial<Record<T, string[]>>;
}

