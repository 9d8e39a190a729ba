/**
 * The one error type core throws for bad input. `field` names the argument or
 * column at fault so every caller (custom function, CLI, API) can say which
 * input to fix, in words a team leader understands.
 */
export class ArrearsInputError extends Error {
  readonly field: string;

  constructor(field: string, message: string) {
    super(message);
    this.name = "ArrearsInputError";
    this.field = field;
  }
}

/** True for an {@link ArrearsInputError}, including ones from another bundle copy. */
export function isArrearsInputError(e: unknown): e is ArrearsInputError {
  return e instanceof Error && e.name === "ArrearsInputError" && typeof (e as ArrearsInputError).field === "string";
}

/** Describes a value for an error message: short, and never dumps a whole range. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "blank";
  if (typeof value === "string") return value.length > 40 ? `"${value.slice(0, 37)}..."` : `"${value}"`;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "a non-finite number";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (Array.isArray(value)) return `a range of ${value.length} row(s)`;
  // An Excel error value passed into a custom function (CustomFunctions.Error-like: { code: "#N/A" }).
  const code = typeof value === "object" ? (value as { code?: unknown }).code : undefined;
  if (typeof code === "string" && code.startsWith("#")) return `the error ${code}`;
  return typeof value;
}
