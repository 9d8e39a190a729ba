import { HyperFormula } from "hyperformula";
import type { Figures } from "./figures";
import { layoutFigures } from "./nativeFigures";
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

/** Reads the workbook's figures under the same keys as the core's. */
export function workbookFigures(hf: HyperFormula, layout: NativeLayout): Figures {
  return layoutFigures(layout, (name) => hf.getSheetValues(hf.getSheetId(name)!));
}
