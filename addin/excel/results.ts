import { isArrearsInputError } from "../../core/errors";

/**
 * Turning core results and failures into what Excel shows. Custom messages only
 * appear for #VALUE! and #N/A (office-js #2885), so every failure is #VALUE! with
 * a message that starts with the function's name.
 */

/** What a cell can show: a number, text, TRUE/FALSE, or an error. "" is a visibly blank cell (null would show 0). */
export type CellOut = number | string | boolean | CustomFunctions.Error;

/** Builds the #VALUE! error a function returns, with the function's name in front of the message. */
export function excelError(functionName: string, message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `${functionName}: ${message}`);
}

/** Converts one core value to a cell: null becomes a blank cell, a non-finite number an error. */
export function toCell(functionName: string, value: number | string | boolean | null | CustomFunctions.Error): CellOut {
  if (value === null) return "";
  if (typeof value === "number" && !Number.isFinite(value)) return excelError(functionName, "the result was not a finite number");
  return value;
}

/**
 * Runs a custom function's body so that nothing escapes to Excel uncaught: input
 * errors become #VALUE! with core's message, anything unexpected becomes #VALUE!
 * saying so, and a NaN or Infinity anywhere in the result becomes an error cell.
 */
export function runCustomFunction<T>(functionName: string, body: () => T): T | CustomFunctions.Error {
  try {
    return sanitise(functionName, body()) as T;
  } catch (e) {
    if (isArrearsInputError(e)) return excelError(functionName, e.message);
    const detail = e instanceof Error ? e.message : String(e);
    return excelError(functionName, `unexpected problem, please report it: ${detail}`);
  }
}

/**
 * Spilled results a function built with every cell already made safe, cell by cell as it
 * wrote them (see trend.ts's spilledRows): sanitise returns them as they are instead of
 * reading 17,000 rows a second time. Only a function that checks every cell it writes marks its result.
 */
const checkedResults = new WeakSet<object>();

/** Marks a freshly built result whose every cell is a finite number, text, a boolean or an error cell: runCustomFunction returns it unchecked. */
export function checkedResult<T extends object>(rows: T): T {
  checkedResults.add(rows);
  return rows;
}

function sanitise(functionName: string, value: unknown): unknown {
  if (!Array.isArray(value)) return sanitiseCell(functionName, value);
  if (value.length === 0) return excelError(functionName, "there was nothing to return");
  if (checkedResults.has(value)) return value;
  // Plain loops, no callback per row or cell: a 17,000-row spill is almost always clean,
  // and is then returned as it is, not copied.
  let out: unknown[] | null = null;
  for (let r = 0; r < value.length; r++) {
    const row: unknown = value[r];
    const fixed = Array.isArray(row) ? sanitiseRow(functionName, row) : sanitiseCell(functionName, row);
    if (fixed !== row && out === null) out = value.slice(0, r);
    if (out !== null) out.push(fixed);
  }
  return out ?? value;
}

/** A row with every cell made safe; the same array when nothing needed changing. */
function sanitiseRow(functionName: string, row: readonly unknown[]): readonly unknown[] {
  for (let c = 0; c < row.length; c++) {
    const v = row[c];
    if (typeof v === "number" ? v - v === 0 : v !== null && v !== undefined) continue;
    // The first cell that needs fixing: copy the row from here on.
    const out = row.slice(0, c);
    for (let k = c; k < row.length; k++) out.push(sanitiseCell(functionName, row[k]));
    return out;
  }
  return row;
}

function sanitiseCell(functionName: string, value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : excelError(functionName, "the result was not a finite number");
  if (value === null || value === undefined) return "";
  return value;
}
