import { ArrearsInputError } from "../errors";
import type { Child, Household } from "./household";

/**
 * The order of the children for the two-child limit and the UC higher first-child rate.
 *
 * Children are ordered by date of birth, eldest first (UC Regs 2013 reg 24B, inserted with
 * reg 24A by SI 2017/376; the same SI orders HB's child allowances the same way). The
 * household gives each child's age in whole years on the estimate date, and may say whether
 * they were born before 6 April 2017. So: an older child comes first; of two children the
 * same age, one born before 6 April 2017 is older than one born on or after it; of two the
 * same age and the same side of that date, a child with a two-child exception comes after
 * one without (the multiple-birth exception is for a child who is not the first of the
 * birth, Sch 12 para 2(d)). Children still tied are interchangeable for every amount, so the
 * award never depends on the order the children are listed in.
 */

const APRIL_6_2017 = Date.UTC(2017, 3, 6);

/** A child in birth order, with where they were listed (1-based) and whether born before 6 April 2017. */
export interface ChildInOrder {
  child: Child;
  /** Position in the household as given, for labels ("child 2"). */
  n: number;
  bornBefore2017: boolean;
  /** Born before 6 April 2017 could not be told from the age and was not given; it makes no difference to the award. */
  assumed: boolean;
}

/** The rules in force that make the order matter. */
export interface ChildOrderRules {
  /** No amount for a third or later child born on or after 6 April 2017 without an exception (UC reg 24A; HB). */
  twoChildLimit: boolean;
  /** The eldest child gets a higher rate when born before 6 April 2017 (UC only). */
  firstChildHigher: boolean;
}

/**
 * Whether a child was born before 6 April 2017 as far as the age on `date` settles it:
 * true or false when every birthday that gives that age falls one side, null when it straddles.
 */
export function bornBefore2017ByAge(age: number, date: Date): boolean | null {
  const y = date.getUTCFullYear(), m = date.getUTCMonth(), d = date.getUTCDate();
  const latestBirth = Date.UTC(y - age, m, d);
  const earliestBirth = Date.UTC(y - age - 1, m, d + 1);
  if (latestBirth < APRIL_6_2017) return true;
  if (earliestBirth >= APRIL_6_2017) return false;
  return null;
}

/**
 * Whether a child was born before 6 April 2017: the flag if given; otherwise from age on
 * the estimate date when that settles it; otherwise null (cannot tell).
 */
export function bornBefore2017(c: Child, date: Date): boolean | null {
  return c.bornBefore2017 ?? bornBefore2017ByAge(c.age, date);
}

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Whether a child in this position gets the child element (UC) or child allowance (HB). */
export function childAmountPayable(order: number, born: boolean, child: Pick<Child, "twoChildException">, rules: ChildOrderRules): boolean {
  return !(rules.twoChildLimit && order >= 2 && !born && !child.twoChildException);
}

interface Keyed {
  child: Child;
  n: number;
  born: boolean | null;
}

const byBirth = (a: { child: Child; n: number; born: boolean }, b: { child: Child; n: number; born: boolean }) =>
  b.child.age - a.child.age || Number(b.born) - Number(a.born) || Number(!!a.child.twoChildException) - Number(!!b.child.twoChildException) || a.n - b.n;

/** What the order decides: whether the eldest was born before 6 April 2017 (when that pays more) and how many amounts are paid. */
function outcome(ordered: { child: Child; born: boolean }[], rules: ChildOrderRules): string {
  const eldestHigher = rules.firstChildHigher && ordered.length > 0 && ordered[0].born;
  const paid = ordered.filter((c, i) => childAmountPayable(i, c.born, c.child, rules)).length;
  return `${eldestHigher}|${paid}`;
}

/**
 * The household's children in birth order (see the module comment).
 * @param h the validated household.
 * @param date the estimate date: ages are read on it.
 * @param rules the rules in force, which decide whether an unknown birth date matters.
 * @throws ArrearsInputError naming the child when "born before 2017" contradicts the age, or when
 *   it is not given, the age does not settle it, and the answer changes the award.
 */
export function childrenByBirth(h: Pick<Household, "children">, date: Date, rules: ChildOrderRules): ChildInOrder[] {
  const keyed: Keyed[] = (h.children ?? []).map((child, i) => {
    const byAge = bornBefore2017ByAge(child.age, date);
    if (child.bornBefore2017 !== undefined && byAge !== null && child.bornBefore2017 !== byAge) {
      throw new ArrearsInputError(
        `children.${i}.bornBefore2017`,
        `child ${i + 1} is ${child.age} on ${isoDay(date)}, so was born ${byAge ? "before" : "on or after"} 6 April 2017, but "born before 2017" says ${child.bornBefore2017 ? "yes" : "no"}`,
      );
    }
    return { child, n: i + 1, born: child.bornBefore2017 ?? byAge };
  });
  const unknown = keyed.filter((k) => k.born === null);
  const resolve = (bornOf: (k: Keyed) => boolean) => keyed.map((k) => ({ child: k.child, n: k.n, born: bornOf(k) })).sort(byBirth);
  if (unknown.length > 0) {
    // Children of the one age that straddles 6 April 2017 differ, for the amounts, only in
    // whether they have an exception: try every count of each kind born before, and refuse if the outcome moves.
    const withException = unknown.filter((k) => k.child.twoChildException);
    const without = unknown.filter((k) => !k.child.twoChildException);
    let first: string | null = null;
    for (let e = 0; e <= withException.length; e++) {
      for (let w = 0; w <= without.length; w++) {
        const before = new Set([...withException.slice(0, e), ...without.slice(0, w)]);
        const o = outcome(resolve((k) => k.born ?? before.has(k)), rules);
        first ??= o;
        if (o !== first) {
          const c = unknown[0];
          throw new ArrearsInputError(
            `children.${c.n - 1}.bornBefore2017`,
            `child ${c.n} is ${c.child.age} on ${isoDay(date)}, so may have been born either side of 6 April 2017, and that changes the award: say which (e.g. ${c.child.age} pre2017 or ${c.child.age} post2017, or "born before 2017" yes or no)`,
          );
        }
      }
    }
  }
  return resolve((k) => k.born ?? false).map((k) => ({ child: k.child, n: k.n, bornBefore2017: k.born, assumed: keyed[k.n - 1].born === null }));
}
