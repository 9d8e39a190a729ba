import { z } from "zod";
import { ArrearsInputError } from "./errors";

/**
 * Parses `value` with `schema`; on failure throws an {@link ArrearsInputError}
 * naming the first offending field, so zod's messages reach the user as
 * "weekly rent must be a positive number, got -5" rather than a JSON dump.
 *
 * @param schema zod schema; each field's message should already be user-facing.
 * @param value the untrusted input.
 * @param labels optional map from schema path to a prefix for that field's message (e.g. which row).
 */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, labels: Record<string, string> = {}): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.map(String).join(".");
  const got = issue.path.reduce<unknown>((v, key) => (v !== null && typeof v === "object" ? (v as Record<string, unknown>)[key as string] : undefined), value);
  const message = issue.message.includes("got ") ? issue.message : `${issue.message}, got ${describeGot(got)}`;
  // Schema messages already name the field in the user's words; a label only adds context, e.g. a row.
  throw new ArrearsInputError(path || "input", labels[path] ? `${labels[path]}: ${message}` : message);
}

function describeGot(v: unknown): string {
  if (v === undefined || v === null) return "blank";
  if (typeof v === "string") return `"${v.slice(0, 40)}"`;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return Array.isArray(v) ? "a list" : typeof v;
}
