import { ArrearsInputError } from "../errors";
import type { Household } from "./household";
import { nonDependantUnits, unitLabel } from "./nonDependants";

/**
 * The social-sector bedroom standard (UC Regs Sch 4 paras 8-12; HB Regs reg B13(5)):
 * one bedroom for the claimant (or couple), one for each other person aged 16 or over (a
 * non-dependant couple shares one),
 * one for two children of the same sex under 16, one for two children under 10, one for
 * any other child; plus one for each additional-room condition (overnight carer, foster
 * carer, couple or child who cannot share because of disability). Children are paired
 * to need the fewest rooms, as the regulations allow.
 */

/** The count, with a line per room saying who it is for. */
export interface BedroomCount {
  /** Bedrooms the household is allowed. */
  needed: number;
  /** One line per room (or shared room): who it is for and why. */
  lines: string[];
  /**
   * When a child of 10-15 has no sex given and it could change the pairing: the count
   * if every unknown child pairs as well as possible. `needed` is then the count if they cannot.
   */
  neededIfUnknownSexesPair: number | null;
}

type Who = Pick<Household, "adults" | "children" | "nonDependants" | "overnightCarer" | "fosterCarer" | "coupleCannotShare">;

// Pairing categories of children under 16: girls 10-15, boys 10-15, girls under 10, boys under 10, unknown sex under 10, unknown sex 10-15.
const GO = 0, BO = 1, GY = 2, BY = 3, UY = 4, UO = 5;
const CATEGORY_NAMES = ["girl", "boy", "girl", "boy", "child", "child"];

function compatible(a: number, b: number, lenient: boolean): boolean {
  const young = (c: number) => c === GY || c === BY || c === UY;
  if (young(a) && young(b)) return true; // two children under 10 share whatever their sex
  const sex = (c: number) => (c === GO || c === GY ? "F" : c === BO || c === BY ? "M" : null);
  if (sex(a) !== null && sex(a) === sex(b)) return true;
  return lenient && (sex(a) === null || sex(b) === null);
}

/** The most pairs among children in `counts` per category: exact, by search over category counts (children in a category are interchangeable). */
function maxPairs(counts: number[], lenient: boolean, memo: Map<number, { pairs: number; plan: [number, number] | null }>): { pairs: number; plan: [number, number] | null } {
  // Counts are at most 20 each: a base-21 number is a unique, cheap key.
  let key = 0;
  for (let c = 0; c < counts.length; c++) key = key * 21 + counts[c];
  const hit = memo.get(key);
  if (hit) return hit;
  const i = counts.findIndex((n) => n > 0);
  let best: { pairs: number; plan: [number, number] | null } = { pairs: 0, plan: null };
  if (i >= 0) {
    counts[i]--;
    best = { pairs: maxPairs(counts, lenient, memo).pairs, plan: [i, -1] };
    for (let j = i; j < counts.length; j++) {
      if (counts[j] === 0 || !compatible(i, j, lenient)) continue;
      counts[j]--;
      const with_ = maxPairs(counts, lenient, memo).pairs + 1;
      counts[j]++;
      if (with_ > best.pairs) best = { pairs: with_, plan: [i, j] };
    }
    counts[i]++;
  }
  memo.set(key, best);
  return best;
}

/**
 * Counts the bedrooms a household is allowed under the bedroom standard.
 * @param h the household (validated).
 * @returns the count, a line per room, and the alternative count when unknown sexes matter.
 */
export function countBedrooms(h: Who): BedroomCount {
  const lines: string[] = [];
  const couple = h.adults.length === 2;
  lines.push(couple ? "1 bedroom for the couple" : "1 bedroom for the claimant");
  let needed = 1;
  for (const unit of nonDependantUnits(h)) {
    needed++;
    lines.push(`1 bedroom for ${unitLabel(unit)}`);
  }
  const children = h.children ?? [];
  const pool: { index: number; category: number; age: number }[] = [];
  children.forEach((c, i) => {
    if (c.age >= 16) {
      needed++;
      lines.push(`1 bedroom for child ${i + 1} (aged ${c.age}: 16 or over)`);
    } else if (c.cannotShare) {
      needed++;
      lines.push(`1 bedroom for child ${i + 1} (aged ${c.age}: cannot share because of disability)`);
    } else {
      const young = c.age < 10;
      const category = c.sex === "F" ? (young ? GY : GO) : c.sex === "M" ? (young ? BY : BO) : young ? UY : UO;
      pool.push({ index: i, category, age: c.age });
    }
  });
  const counts = [0, 0, 0, 0, 0, 0];
  for (const p of pool) counts[p.category]++;
  const memo = new Map<number, { pairs: number; plan: [number, number] | null }>();
  const strictPairs = pool.length < 2 ? 0 : maxPairs([...counts], false, memo).pairs;
  const lenientPairs = pool.length >= 2 && counts[UY] + counts[UO] > 0 ? maxPairs([...counts], true, new Map()).pairs : strictPairs;
  // Rebuild the plan (strict: unknown sexes not assumed to match) to say who shares.
  const byCategory = counts.map((_, c) => pool.filter((p) => p.category === c).sort((a, b) => b.age - a.age));
  const left = [...counts];
  for (;;) {
    const step = maxPairs(left, false, memo).plan;
    if (!step) break;
    const [a, b] = step;
    const first = byCategory[a].shift()!;
    left[a]--;
    needed++;
    if (b < 0) {
      lines.push(`1 bedroom for child ${first.index + 1} (aged ${first.age})`);
    } else {
      const second = byCategory[b].shift()!;
      left[b]--;
      const why = first.age < 10 && second.age < 10 ? "both under 10" : `same sex (${CATEGORY_NAMES[a]}s) under 16`;
      lines.push(`1 bedroom shared by children ${first.index + 1} and ${second.index + 1} (aged ${first.age} and ${second.age}: ${why})`);
    }
  }
  const extras: [boolean | undefined, string][] = [
    [h.overnightCarer, "1 extra bedroom for an overnight carer"],
    [h.fosterCarer, "1 extra bedroom for a foster carer or adopter"],
    [couple && h.coupleCannotShare, "1 extra bedroom: the couple cannot share because of disability"],
  ];
  for (const [applies, line] of extras) {
    if (applies) {
      needed++;
      lines.push(line);
    }
  }
  return { needed, lines, neededIfUnknownSexesPair: lenientPairs > strictPairs ? needed - (lenientPairs - strictPairs) : null };
}

/**
 * The error to give when an unknown sex changes the count: names the first child whose
 * sex is needed (a 10-15-year-old first, else a younger child who could share with one).
 */
export function sexNeededError(h: Pick<Household, "children">, field = "children"): ArrearsInputError {
  const children = h.children ?? [];
  let i = children.findIndex((c) => c.sex === undefined && !c.cannotShare && c.age >= 10 && c.age < 16);
  if (i < 0) i = children.findIndex((c) => c.sex === undefined && !c.cannotShare && c.age < 10);
  const age = children[i].age;
  const why = age >= 10 ? "so bedrooms can be counted" : "it decides whether they can share with an older child";
  return new ArrearsInputError(field === "children" ? `children.${i}.sex` : field, `child ${i + 1} is ${age}: give their sex (e.g. ${age}F or ${age}M), ${why}`);
}
