/**
 * A stand-in for the `CustomFunctions` global that Excel provides to a custom
 * functions runtime: the Error class, the ErrorCode values Excel uses, and an
 * `associate` that records every id it is given (so a test can see double or
 * missing registrations, the cause of #NAME? and #N/A after load).
 */

export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** Same shape as Excel's CustomFunctions.Error: a code and an optional message. */
export class StubCustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? code);
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

/** Functions by id as `associate` received them, with how many times each id was associated. */
export interface AssociationLog {
  functions: Map<string, (...args: unknown[]) => unknown>;
  counts: Map<string, number>;
}

/** Makes a fresh stub and the log its `associate` writes to. */
export function makeCustomFunctionsStub(): { stub: Record<string, unknown>; log: AssociationLog } {
  const log: AssociationLog = { functions: new Map(), counts: new Map() };
  const record = (id: string, fn: (...args: unknown[]) => unknown) => {
    const key = id.toUpperCase();
    log.functions.set(key, fn);
    log.counts.set(key, (log.counts.get(key) ?? 0) + 1);
  };
  const stub = {
    Error: StubCustomFunctionsError,
    ErrorCode,
    associate(idOrMap: string | Record<string, (...args: unknown[]) => unknown>, fn?: (...args: unknown[]) => unknown) {
      if (typeof idOrMap === "string" && fn) record(idOrMap, fn);
      else if (typeof idOrMap === "object") for (const [id, f] of Object.entries(idOrMap)) record(id, f);
    },
  };
  return { stub, log };
}

/** True when a custom function returned (or placed in an array) an Excel error. */
export function isCfError(value: unknown): value is StubCustomFunctionsError {
  return value instanceof StubCustomFunctionsError;
}
