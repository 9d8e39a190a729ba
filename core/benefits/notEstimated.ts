/**
 * The rules the estimators leave out, as data: every breakdown says them in a note, and the
 * README's "Not estimated" list must name each one (test/core/benefits/notEstimated.test.ts).
 */
export const NOT_ESTIMATED = {
  /** Left out of both estimates. */
  common: [
    "transitional protection",
    "the self-employed minimum income floor",
    "student income",
    "sanctions and deductions for debts or advances",
    "the two-child order of adopted children and children in kinship care (every child is ordered by age)",
    "Scottish or Northern Irish variations",
  ],
  /** Left out of Universal Credit only. */
  uc: ["the childcare costs element", "surplus earnings", "the benefit cap grace period", "the LCW element for pre-2017 claims"],
  /** Left out of Housing Benefit only. */
  hb: [
    "the family premium (claims from before May 2016 only)",
    "the childcare costs disregard",
    "ESA components",
    "Local Housing Allowance",
    "supported or temporary accommodation rent rules",
  ],
} as const satisfies Record<string, readonly string[]>;

/** "a, b and c". */
function list(items: readonly string[]): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/**
 * The note each breakdown ends with: what is not estimated for everyone, then for this benefit.
 * @param benefit "uc" or "hb".
 */
export function notEstimatedNote(benefit: "uc" | "hb"): string {
  return NOTES[benefit];
}

// Built once: every estimate in a caseload ends with the same note.
const NOTES = {
  uc: `Not estimated: ${list(NOT_ESTIMATED.common)}. Also not estimated for UC: ${list(NOT_ESTIMATED.uc)}.`,
  hb: `Not estimated: ${list(NOT_ESTIMATED.common)}. Also not estimated for HB: ${list(NOT_ESTIMATED.hb)}.`,
};
