/**
 * One reader per kind of cell value. Each returns a {@link Reading}: the value, or
 * the reason it was refused, so every caller can say why in one line.
 */
export { accept, refuse, valueOr, type Reading } from "./reading";
export { readAmount, MAX_LINE_AMOUNT, type AmountOptions, type DecimalSeparator } from "./amount";
export { readDate, readSerialNumber, type DateFormat } from "./date";
export { readPeriodMark, readPeriodAxis, MAX_PERIOD_NUMBER, FIRST_HISTORY_SERIAL, type PeriodMark, type PeriodAxis, type PeriodAxisOptions } from "./period";
export { readYesNo } from "./yesNo";
export { readCount } from "./count";
export { readText } from "./text";
export { excelErrorOf, errorCellReason, EXCEL_ERROR_TEXTS } from "./errorCell";
