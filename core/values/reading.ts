/**
 * What every cell reader returns: the value, or the reason it was refused, in words
 * a team leader understands ("uses a decimal comma", "is not a real date"). The
 * caller adds where the cell came from (table, row, column), so each refusal is one
 * line that names the place and the value.
 */
export type Reading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** A successful reading. */
export function accept<T>(value: T): Reading<T> {
  return { ok: true, value };
}

/** A refusal with its reason (a phrase that follows the value, e.g. `is not a date`). */
export function refuse<T = never>(reason: string): Reading<T> {
  return { ok: false, reason };
}

/** The value of a reading, or null when refused: for callers that report the reason elsewhere. */
export function valueOr<T>(reading: Reading<T>, fallback: T): T {
  return reading.ok ? reading.value : fallback;
}
