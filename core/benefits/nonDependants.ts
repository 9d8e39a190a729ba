import { ArrearsInputError, describeValue } from "../errors";
import type { Household, NonDependant } from "./household";

/**
 * Non-dependants as the rules count them: each person on their own, except that two marked
 * with the same `couple` label are a couple. A couple shares one bedroom (UC Regs Sch 4
 * paras 8-12; HB Regs reg B13(5)(a)) and, in HB, has one deduction on their joint gross income
 * (reg 74(3)-(4)). In UC each member still makes a housing cost contribution (Sch 4 para 13:
 * "in respect of each non-dependant").
 */

/** One non-dependant with their position in the household (1-based), for labels. */
export interface NumberedNonDependant {
  person: NonDependant;
  n: number;
}

/** A single non-dependant, or a couple (two members). */
export interface NonDependantUnit {
  members: NumberedNonDependant[];
}

/** "non-dependant 2 (aged 30)" or "non-dependants 1 and 2 (a couple, aged 30 and 28)". */
export function unitLabel(unit: NonDependantUnit): string {
  const [a, b] = unit.members;
  return b ? `non-dependants ${a.n} and ${b.n} (a couple, aged ${a.person.age} and ${b.person.age})` : `non-dependant ${a.n} (aged ${a.person.age})`;
}

/**
 * Groups the household's non-dependants into people and couples, in the order given.
 * @throws ArrearsInputError naming the non-dependant when a couple label is on one person or on more than two.
 */
export function nonDependantUnits(h: Pick<Household, "nonDependants">): NonDependantUnit[] {
  const people = h.nonDependants ?? [];
  const units: NonDependantUnit[] = [];
  const byLabel = new Map<string, NonDependantUnit>();
  people.forEach((person, i) => {
    const member = { person, n: i + 1 };
    if (person.esaMainPhase && person.outOfWorkBenefit === false) {
      throw new ArrearsInputError(`nonDependants.${i}.outOfWorkBenefit`, `non-dependant ${i + 1} is on main-phase ESA, an out-of-work benefit, but "out of work benefit" says no`);
    }
    if (person.couple === undefined) {
      units.push({ members: [member] });
      return;
    }
    const label = String(person.couple).trim().toLowerCase();
    const unit = byLabel.get(label);
    if (!unit) {
      const created = { members: [member] };
      byLabel.set(label, created);
      units.push(created);
    } else if (unit.members.length === 1) {
      unit.members.push(member);
    } else {
      throw new ArrearsInputError(`nonDependants.${i}.couple`, `non-dependant ${i + 1}: couple ${describeValue(person.couple)} already has two people (non-dependants ${unit.members[0].n} and ${unit.members[1].n}); a couple is two`);
    }
  });
  for (const unit of byLabel.values()) {
    if (unit.members.length === 1) {
      const { person, n } = unit.members[0];
      throw new ArrearsInputError(`nonDependants.${n - 1}.couple`, `non-dependant ${n}: couple ${describeValue(person.couple)} has no partner: give the same label to both members of the couple`);
    }
  }
  return units;
}
