import { HyperFormula } from "hyperformula";
import { AGEING_FIELDS, TEAM, TREND_FIELDS, type Figure, type Figures } from "./figures";
import type { NativeLayout } from "./nativeSheet";

/**
 * The native-formula case: HyperFormula (GPL-3.0, so benchmark and tests only, never
 * shipped) builds the workbook from the sheets and calculates every formula. The
 * time measured is build + full calculation, what Excel does when the workbook opens
 * or the export is pasted in. Lookups use HyperFormula's column index, its own
 * setting for fast exact VLOOKUP, so the native side is not handicapped.
 */

export function buildWorkbook(layout: NativeLayout): HyperFormula {
  return HyperFormula.buildFromSheets(layout.sheets as never, {
    licenseKey: "gpl-v3",
    useColumnIndex: true,
    // Excel's own sheet limits; HyperFormula's default of 40,000 rows is smaller than one export.
    maxRows: 1_048_576,
    maxColumns: 16_384,
  });
}

/** A calculated cell as a figure: numbers and text as they are, an error as its text (it can never agree). */
function figureOf(value: unknown): Figure {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return `#ERROR ${String((value as { value?: unknown }).value ?? value)}`;
}

/** Reads the workbook's figures under the same keys as the core's. */
export function workbookFigures(hf: HyperFormula, layout: NativeLayout): Figures {
  const f: Figures = new Map();
  const sheet = (name: string) => hf.getSheetValues(hf.getSheetId(name)!);
  const summary = sheet("Summary");
  layout.summaryGroups.forEach((group, i) => {
    const row = summary[i + 1];
    for (const [id, col] of layout.kpiColumns) f.set(`kpi:${group}:${id}`, figureOf(row[col]));
    if (group === TEAM) {
      for (const field of AGEING_FIELDS) {
        (layout.ageingColumns.get(field) ?? []).forEach((col, b) => f.set(`ageing:${b + 1}:${field}`, figureOf(row[col])));
      }
    }
  });
  const accounts = sheet("Accounts");
  for (let i = 1; i < accounts.length; i++) {
    f.set(`esc:${i - 1}:stage`, figureOf(accounts[i][layout.stageColumn]));
    f.set(`esc:${i - 1}:due`, figureOf(accounts[i][layout.dueColumn]));
  }
  const history = sheet("History");
  for (let i = 1; i < history.length; i++) {
    // Trend columns: slope per day (not reported), then the reported fields in order.
    TREND_FIELDS.forEach((field, k) => f.set(`trend:${i - 1}:${field}`, figureOf(history[i][layout.trendFirstColumn + 1 + k])));
  }
  return f;
}
