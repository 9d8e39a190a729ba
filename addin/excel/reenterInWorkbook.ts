import { formulasToReenter, type FormulaToReenter } from "./reenterFormulas";

/** What a re-entry pass did, for the message shown to the user. */
export interface ReenterOutcome {
  cells: number;
  sheets: number;
  /** Sheets skipped because they are protected (cells cannot be edited there). */
  protectedSheets: string[];
  /** Sheets where Excel refused the write, with its message. */
  failedSheets: { sheet: string; message: string }[];
}

/**
 * Re-enters every ARREARS formula on every sheet (see reenterFormulas.ts for why).
 * Only formula cells are read (a 17,000 × 52 balance sheet is not sent across), and
 * cells are written one at a time, skipping those inside another formula's spill:
 * writing a block back would turn spilled results into constants. Protected sheets
 * are reported, never unprotected.
 */
export async function reenterArrearsFormulas(context: Excel.RequestContext): Promise<ReenterOutcome> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/protection/protected");
  await context.sync();
  const outcome: ReenterOutcome = { cells: 0, sheets: 0, protectedSheets: [], failedSheets: [] };
  for (const sheet of sheets.items) {
    try {
      const written = await reenterOnSheet(context, sheet);
      if (written < 0) outcome.protectedSheets.push(sheet.name);
      else if (written > 0) {
        outcome.cells += written;
        outcome.sheets++;
      }
    } catch (e) {
      outcome.failedSheets.push({ sheet: sheet.name, message: e instanceof Error ? e.message : String(e) });
    }
  }
  return outcome;
}

/** Cells re-entered on one sheet; -1 when it has some but is protected. */
async function reenterOnSheet(context: Excel.RequestContext, sheet: Excel.Worksheet): Promise<number> {
  const used = sheet.getUsedRangeOrNullObject(true);
  await context.sync();
  if (used.isNullObject) return 0;
  const areas = used.getSpecialCellsOrNullObject(Excel.SpecialCellType.formulas);
  areas.load("areas/items/formulas,areas/items/address");
  await context.sync();
  if (areas.isNullObject) return 0;
  const found: { range: Excel.Range; cell: FormulaToReenter }[] = [];
  for (const area of areas.areas.items) for (const cell of formulasToReenter(area.formulas)) found.push({ range: area, cell });
  if (found.length === 0) return 0;
  if (sheet.protection.protected) return -1;
  const targets = found.map(({ range, cell }) => {
    const target = range.getCell(cell.row, cell.col);
    const parent = target.getSpillParentOrNullObject();
    target.load("address");
    parent.load("address");
    return { target, parent, formula: cell.formula };
  });
  await context.sync();
  let written = 0;
  for (const t of targets) {
    if (!t.parent.isNullObject && t.parent.address !== t.target.address) continue; // inside another cell's spill
    t.target.formulas = [[t.formula]];
    written++;
  }
  await context.sync();
  return written;
}

/** What to tell the user: what was done, and what was not (protected or refused sheets), apart so the pane can show the second as an alert. */
export function describeOutcome(o: ReenterOutcome): { done: string; problems: string } {
  const done = o.cells === 0 ? "No ARREARS formulas needed re-entering." : `Re-entered ${o.cells} ARREARS formula${o.cells === 1 ? "" : "s"} on ${o.sheets} sheet${o.sheets === 1 ? "" : "s"}.`;
  const problems: string[] = [];
  if (o.protectedSheets.length) problems.push(`Protected sheets were left alone (unprotect them and run this again): ${o.protectedSheets.join(", ")}.`);
  for (const f of o.failedSheets) problems.push(`Excel would not re-enter the formulas on ${f.sheet}: ${f.message}`);
  return { done, problems: problems.join(" ") };
}
