/**
 * A breakdown: every element, reduction and deduction of an estimate as a named
 * line, so an officer can read out how the figure was reached.
 */

/** What a line is: an amount added, an amount taken away, a running total, the award, or a fact with no money. */
export type LineKind = "add" | "deduct" | "subtotal" | "total" | "info";

export interface BreakdownLine {
  /** Stable key for programs (e.g. "standardAllowance", "underOccupancy"). */
  key: string;
  kind: LineKind;
  /** What the officer reads: what the line is and how it was worked out. */
  label: string;
  /** £ (a month for UC, a week for HB). Deductions are negative. Info lines carry a count or 0. */
  amount: number;
  /** The rate's legal or published source, when the line uses one. */
  source?: string;
}

/** Collects lines in pence and turns them into £ once, at the end. */
export class Breakdown {
  readonly lines: BreakdownLine[] = [];
  readonly notes: string[] = [];

  /** Adds a line; `pence` is signed (negative for deductions). */
  line(key: string, kind: LineKind, label: string, pence: number, source?: string): void {
    // One object shape for every line (no conditional spread): a caseload makes hundreds of thousands.
    this.lines.push({ key, kind, label, amount: pence / 100, source });
  }

  /** A fact with no money (bedrooms, exemptions). */
  info(key: string, label: string, count = 0): void {
    this.lines.push({ key, kind: "info", label, amount: count, source: undefined });
  }

  /** An assumption made or a rule left out, said once. */
  note(text: string): void {
    if (!this.notes.includes(text)) this.notes.push(text);
  }
}

/** £ with pence and thousands separators, for labels: 1234.5 → "£1,234.50". */
export function gbp(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  // Plain arithmetic, not a regex: a caseload formats hundreds of thousands of amounts.
  let rest = Math.floor(abs / 100);
  let pounds = "";
  while (rest >= 1000) {
    pounds = `,${String(rest % 1000).padStart(3, "0")}${pounds}`;
    rest = Math.floor(rest / 1000);
  }
  const p = abs % 100;
  return `${sign}£${rest}${pounds}.${p < 10 ? "0" : ""}${p}`;
}
