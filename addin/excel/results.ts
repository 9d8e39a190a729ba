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

function sanitise(functionName: string, value: unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return excelError(functionName, "there was nothing to return");
    return sameUnlessChanged(value, (row) => (Array.isArray(row) ? sameUnlessChanged(row, (c) => sanitiseCell(functionName, c)) : sanitiseCell(functionName, row)));
  }
  return sanitiseCell(functionName, value);
}

function sanitiseCell(functionName: string, value: unknown): unknown {
  if (typeof value === "number") return Number.isFinite(value) ? value : excelError(functionName, "the result was not a finite number");
  if (value === null || value === undefined) return "";
  return value;
}

/**
 * `items.map(fix)`, but the same array when nothing changes: a 17,000-row spill
 * is almost always clean, and copying it cell by cell cost more than computing it.
 */
function sameUnlessChanged(items: readonly unknown[], fix: (item: unknown) => unknown): unknown[] {
  let out: unknown[] | null = null;
  for (let i = 0; i < items.length; i++) {
    const fixed = fix(items[i]);
    if (fixed !== items[i] && out === null) out = items.slice(0, i);
    if (out !== null) out.push(fixed);
  }
  return out ?? (items as unknown[]);
}
