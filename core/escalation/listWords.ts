import { TREND_DIRECTIONS } from "../trend/trendColumns";
import { alreadyTailOf, heldHeadOf, holdsIn, lastStageIndex, type Compiled, type NumericRule } from "./compiled";
import type { EscalationInput } from "./escalate";

/**
 * The reason and next action of a listed account, with the 13-week trend's words,
 * put together from pieces: the text that depends only on the policy, the stage, the
 * rule and the tenancy type is worked out once (see {@link Compiled}), and only the
 * figures (the balance, the weeks owed, the £ a week) are written per account, from
 * digit tables, into one reused list of pieces joined once. So a list of 250,000
 * accounts makes 250,000 strings and next to no garbage besides: building each
 * reason from templates, money() and toFixed made several short-lived strings and
 * arrays per account, and at a million accounts the collections they caused were most
 * of the list's time.
 *
 * The words are exactly judge's (escalate.ts) then {@link reasonWithTrend}'s, for the
 * accounts this path words: in arrears, with a weekly rent, and with no note to add (no
 * unknown last action, no rule waiting on days since the last action). Any other account
 * is left to judge (`word` answers false). test/core/escalation/listWords.test.ts checks
 * the two agree on generated, hand-made and random accounts.
 */

/** The reason as the list shows it: the judged reason, and for an account owing money, where its arrears are heading. */
export function reasonWithTrend(reason: string, balance: number, direction: number, perWeek: number, weeks: number): string {
  if (!(balance > 0)) return reason;
  // Joined into one flat string rather than concatenated: `+` and templates build a tree of pieces, and the
  // list keeps every reason alive, so at a million accounts copying those trees made each young-generation
  // collection slow. Joined, the pieces die young and only the text survives.
  const parts = direction === 0 ? [reason, "; arrears static over the last ", weeks, " weeks"] : [reason, "; arrears ", TREND_DIRECTIONS[direction], " by £", Math.abs(perWeek).toFixed(2), " a week over the last ", weeks, " weeks"];
  return parts.join("");
}

/** "0" … "999": the figures' digits without making a string per figure. */
const PLAIN: string[] = Array.from({ length: 1000 }, (_, i) => String(i));
/** ".00" … ".99" and ",000" … ",999": whole pieces, so a figure is one addition of table strings or two. */
const PENCE: string[] = PLAIN.slice(0, 100).map((s) => "." + s.padStart(2, "0"));
const COMMA3: string[] = PLAIN.map((s) => "," + s.padStart(3, "0"));
/** " (0.0" … " (100.0": the weeks owed to a tenth with what comes before them in a reason, by tenths (just under 100 rounds to 100.0). */
const OPEN_TENTHS: string[] = Array.from({ length: 1001 }, (_, n) => ` (${Math.floor(n / 10)}.${n % 10}`);
/** The thousands pass formatPounds makes. */
const THOUSANDS = /\B(?=(\d{3})+\.)/g;

export class ListWording {
  /** The last worded account's reason (with the trend) and next action. */
  reason = "";
  nextAction = "";

  /**
   * @param c the compiled policy.
   * @param asOf the date the accounts were judged at (serial), as for judge.
   * @param seen each last-action text's stage index, shared with the judging of the same call.
   */
  constructor(
    private readonly c: Compiled,
    private readonly asOf: number | null,
    private readonly seen: Map<unknown, number>,
  ) {}

  /**
   * Words one account into `reason` and `nextAction`, the trend's words added when `fitted`.
   * @returns false, with nothing written, when judge must word this account (see the module's note).
   */
  word(a: EscalationInput, fitted: boolean, direction: number, perWeek: number, weeks: number): boolean {
    if (a.status === "void" || a.status === "former") return false;
    const balP = Math.round(a.balance * 100);
    const rentP = Math.round(a.weeklyRent * 100);
    // Nothing owed, or no weekly rent (judge notes that the weeks could not be judged): judge words them.
    if (!(balP > 0) || !(rentP > 0)) return false;
    const c = this.c;
    let lastIdx = -1;
    if (a.lastAction) {
      lastIdx = lastStageIndex(c, this.seen, a.lastAction);
      // A last action the policy does not know gets a note: judge words it.
      if (lastIdx < 0) return false;
    }
    const type = c.numericByType.get(a.tenancyType);
    if (type === undefined) return false;
    const owedWeeks = balP / rentP;
    const asOf = this.asOf;
    const days = asOf !== null && a.lastActionDate != null ? asOf - a.lastActionDate : null;
    let met: NumericRule | null = null;
    // The rules in judge's order, with judge's tests.
    for (const r of type.rules) {
      if (r.minWeeks !== null && owedWeeks < r.minWeeks) continue;
      if (r.minPounds !== null && a.balance < r.minPounds) continue;
      if (r.afterIdx >= 0 && lastIdx < r.afterIdx) continue;
      // A rule waiting on the days since the last action gets a note: judge words it.
      if (r.minDaysAfter !== null && (days === null || days < r.minDaysAfter)) return false;
      met = r;
      break;
    }

    let head: string;
    let tail: string;
    const metIdx = met ? met.stageIdx : 0;
    if (met === null || metIdx <= lastIdx) {
      // Staying where the last action put the account.
      const idx = Math.max(metIdx, lastIdx, 0);
      head = "owes £";
      tail = met ? alreadyTailOf(c, idx, metIdx) : type.belowTail;
      this.nextAction = c.keepMonitoring[idx];
    } else {
      const heldBits = met.holds & holdsIn(a, asOf);
      tail = met.metTail;
      if (heldBits !== 0) {
        head = heldHeadOf(met, heldBits);
        this.nextAction = met.heldAction[lastIdx + 1];
      } else {
        head = "due: owes £";
        this.nextAction = met.rule.action;
      }
    }

    // Joined from one of three reused lists of pieces: the only new strings are the two figures and the reason
    // itself (adding the pieces up made a node per addition, garbage that set off young collections at a million accounts).
    const pounds = poundsText(a.balance);
    const open = openWeeksText(owedWeeks);
    const pieces = !fitted ? PIECES4 : direction === 0 ? PIECES5 : PIECES7;
    pieces[0] = head;
    pieces[1] = pounds;
    pieces[2] = open;
    pieces[3] = tail;
    if (fitted && direction === 0) pieces[4] = staticTail(weeks);
    else if (fitted) {
      pieces[4] = MOVING[direction];
      pieces[5] = perWeekText(Math.abs(perWeek));
      pieces[6] = movingTail(weeks);
    }
    const reason = pieces.join("");
    this.reason = reason;
    return true;
  }
}

/** reasonWithTrend's fixed words, by direction code and by the weeks fitted (a count, so a small table covers it). */
const MOVING: readonly string[] = TREND_DIRECTIONS.map((d) => `; arrears ${d} by £`);
const STATIC_TAILS: string[] = [];
const MOVING_TAILS: string[] = [];
const staticTail = (weeks: number): string => (Number.isInteger(weeks) && weeks >= 0 && weeks < 1000 ? (STATIC_TAILS[weeks] ??= `; arrears static over the last ${weeks} weeks`) : `; arrears static over the last ${weeks} weeks`);
const movingTail = (weeks: number): string => (Number.isInteger(weeks) && weeks >= 0 && weeks < 1000 ? (MOVING_TAILS[weeks] ??= ` a week over the last ${weeks} weeks`) : ` a week over the last ${weeks} weeks`);

/** Scratch lists of pieces, one per count, so a join reads exactly the pieces put in. */
const PIECES4: string[] = ["", "", "", ""];
const PIECES5: string[] = ["", "", "", "", ""];
const PIECES7: string[] = ["", "", "", "", "", "", ""];

/** Digits of a balance above nought as money() writes them after the "£": to the penny, thousands separated. */
function poundsText(v: number): string {
  const k = Math.round(v * 100);
  // v is exactly the penny figure k / 100 (a balance exported to the penny): toFixed(2) would give k's digits.
  if (k / 100 === v && k < 1e11) {
    const whole = Math.floor(k / 100);
    const pence = PENCE[k % 100];
    if (whole < 1000) return PLAIN[whole] + pence;
    if (whole < 1e6) return PLAIN[Math.floor(whole / 1000)] + COMMA3[whole % 1000] + pence;
    return PLAIN[Math.floor(whole / 1e6)] + COMMA3[Math.floor(whole / 1000) % 1000] + COMMA3[whole % 1000] + pence;
  }
  return v.toFixed(2).replace(THOUSANDS, ",");
}

/** " (" then toFixed(1) of weeks owed (above nought). */
function openWeeksText(w: number): string {
  const tenths = w * 10;
  // Away from a half (where the product's rounding could decide it), the nearest tenth is toFixed's.
  if (w < 100 && Math.abs(tenths - Math.floor(tenths) - 0.5) > 1e-6) return OPEN_TENTHS[Math.round(tenths)];
  return " (" + w.toFixed(1);
}

/** toFixed(2) of a £-a-week figure (nought or more), with no thousands separator, as reasonWithTrend writes it. */
function perWeekText(v: number): string {
  const k = Math.round(v * 100);
  if (k / 100 === v && k < 100_000) return PLAIN[Math.floor(k / 100)] + PENCE[k % 100];
  return v.toFixed(2);
}
