/** Safe .xlsx reading and deterministic writing for the CLI and the sample builders. */
export { readXlsx, usableRows, cellRef, XlsxError, DEFAULT_XLSX_LIMITS, type CellValue, type SheetData, type XlsxLimits } from "./read";
export { columnLetter } from "../../../core/export/columnLetter";
export { writeXlsx, type OutCell, type OutSheet, type CellFormat, type PrintSetup } from "./write";
export { fitColumnWidths, groupedNumber, textWidth, wrappedLines, displayText } from "./layout";
export { writeFileAtomically } from "../atomicWrite";
