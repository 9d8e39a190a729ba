import { AGEING_FIELDS, TEAM, TREND_FIELDS, type Figure, type Figures } from "./figures";
import type { NativeLayout } from "./nativeSheet";

/**
 * Reads a calculated native-formula workbook's figures under the core's keys, from any
 * engine that can hand back a sheet's values as rows (HyperFormula in this process,
 * LibreOffice through its UNO bridge), so both are checked by the same mapping.
 */

/** A sheet's calculated values, row 1 first, each row from column A. */
export type SheetValues = (name: string) => readonly (readonly unknown[])[];

/** A calculated cell as a figure: numbers and text as they are, an error as its text (it can never agree). */
export function figureOf(value: unknown): Figure {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return `#ERROR ${String((value as { value?: unknown }).value ?? value)}`;
}

/** The workbook's figures: KPIs per summary row, the team's ageing, each account's stage, due flag and trend. */
export function layoutFigures(layout: NativeLayout, sheet: SheetValues): Figures {
  const f: Figures = new Map();
  const summary = sheet("Summary");
  layout.summaryGroups.forEach((group, i) => {
    const row = summary[i + 1] ?? [];
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
