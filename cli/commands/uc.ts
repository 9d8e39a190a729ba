import { parseArgs } from "node:util";
import type { EstimateOptions } from "../../core/benefits";
import { estimateUniversalCredit } from "../../core/benefits";
import { ArrearsInputError, isArrearsInputError } from "../../core/errors";
import type { Command, CommandIo } from "../command";
import { chooseRates, type ChosenRates } from "../../core/benefits";
import { CliError, keyProblem, parseJsonInput, readTextInput } from "../io/input";

/** The usage text for `arrears uc` and `arrears hb`, which share their input. */
const usage = (name: "uc" | "hb", what: string, unit: string) => `Usage: arrears ${name} [--in household.json] [--tax-year 2026-27 | --date 2026-11-23] [--summary]

Estimates ${what} (${unit}) for one household, or for each household in a JSON
array (a caseload), and prints the award with its full breakdown as JSON.

Input (a file, or standard input when --in is omitted or is -): one household
object or an array of them. Fields (see README "Benefit estimates"):
  adults [{age, earnings, hoursWorked, lcwra, lcwraProtected, carer, disability,
          severeDisability, pensionAge, pensionAgeBefore2021, pensionCredit, legacyBenefit}]
  children [{age, sex, bornBefore2017, disability, cannotShare, twoChildException}]
  rent {amount, period: week (default)|fortnight|4 weeks|month, serviceCharges, otherCharges,
          rentFreeWeeks}
  bedrooms, nonDependants [{age, grossWeeklyIncome, works16Hours, pensionCredit, disability,
          carersAllowance, childUnder5, outOfWorkBenefit, esaMainPhase, exempt, couple}]
  capital, unearnedIncome, incomePeriod (default month for uc, week for hb), otherCappedBenefits,
  childBenefit, london, overnightCarer, fosterCarer, coupleCannotShare,
  sharedOwnership, taxYear, date, id
disability is none, lower, middle or higher. Two non-dependants with the same couple
label are a couple. bornBefore2017 is needed when a child's age leaves it open and it
changes the award (the error names the child).

Options
  --in FILE        JSON to read (default: standard input)
  --tax-year YEAR  rates for this tax year (default: the rates in force today)
  --date DATE      the rates in force on this date (yyyy-mm-dd or dd/mm/yyyy): for UC the
                   first day of the assessment period, for HB a day in the benefit week
  --summary        leave out the breakdown lines and notes (smaller output for big batches)
A household's own taxYear or date is used for it; --tax-year and --date must then agree
with it (same tax year; same day for --date), or that household is refused.

A household that cannot be estimated gives {"index", "id", "field", "error"} in
its place; exit code 1 when the single household given is invalid.
`;

/**
 * Shared by `arrears uc` and `arrears hb`: reads one household or an array (file or stdin),
 * estimates each, prints JSON. A bad single household is an input error (exit 1, field named);
 * in an array each bad household gets {index, id, field, error} in its place.
 */
export async function runEstimate(args: string[], io: CommandIo, name: "uc" | "hb", estimate: (h: unknown, o: EstimateOptions) => object): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { in: { type: "string" }, "tax-year": { type: "string" }, date: { type: "string" }, summary: { type: "boolean", default: false } },
    strict: true,
  });
  const input = parseJsonInput(await readTextInput(values.in, io.stdin), "the input");
  // The command line reads the clock (core never does): with no tax year or date, today's local date picks the rates.
  const now = new Date();
  const options: EstimateOptions = { taxYear: values["tax-year"] ?? null, date: values.date ?? null, today: () => new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())) };
  // The flags are checked once on their own (an unknown tax year, a date outside it), then against each household's own.
  if (options.taxYear !== null || options.date !== null) flagRates(options);
  const estimateChecked = (h: unknown) => {
    flagsAgree(h, options);
    return estimate(h, options);
  };
  const shape = (result: object) => {
    if (!values.summary) return result;
    const { lines: _lines, notes: _notes, ...rest } = result as { lines?: unknown; notes?: unknown };
    return rest;
  };
  if (!Array.isArray(input)) {
    if (input === null || typeof input !== "object") throw new CliError("the input must be a household object or an array of households");
    try {
      io.stdout.write(JSON.stringify(shape(estimateChecked(input)), null, 2) + "\n");
    } catch (e) {
      if (isArrearsInputError(e)) throw new ArrearsInputError(e.field, keyProblem(input, e.field, e.message));
      throw e;
    }
    return 0;
  }
  let failed = 0;
  const out: string[] = [];
  input.forEach((household, index) => {
    try {
      out.push(JSON.stringify(shape(estimateChecked(household))));
    } catch (e) {
      if (!isArrearsInputError(e)) throw e;
      failed++;
      const id = household !== null && typeof household === "object" ? (household as { id?: unknown }).id : undefined;
      out.push(JSON.stringify({ index: index + 1, ...(id !== undefined ? { id } : {}), field: e.field, error: e.message }));
    }
  });
  io.stdout.write(`[\n${out.join(",\n")}\n]\n`);
  if (failed) io.stderr.write(`arrears ${name}: ${failed} of ${input.length} households could not be estimated (see their "error")\n`);
  return 0;
}

/** The rates the flags choose; a bad flag is an option error (exit 1), not a household's. */
function flagRates(options: EstimateOptions): ChosenRates {
  try {
    return chooseRates(options);
  } catch (e) {
    if (isArrearsInputError(e)) throw new CliError(`${e.field}: ${e.message} (from ${options.date !== null ? `--date ${String(options.date)}` : `--tax-year ${String(options.taxYear)}`})`);
    throw e;
  }
}

const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A household with its own taxYear or date uses those (the core's rule); the flags must
 * then say the same thing, or the household is refused: a flag is never silently ignored.
 * Same tax year, and the same day when both give a date; a --date beside a household
 * that gives only its tax year would not be used, so it is refused too.
 */
function flagsAgree(household: unknown, options: EstimateOptions): void {
  if (options.taxYear === null && options.date === null) return;
  if (household === null || typeof household !== "object") return;
  const own = household as { taxYear?: unknown; date?: unknown };
  const hasDate = own.date !== undefined && own.date !== null && own.date !== "";
  const hasYear = own.taxYear !== undefined && own.taxYear !== null && own.taxYear !== "";
  if (!hasDate && !hasYear) return;
  // The household's own choice, as the core will make it (its own errors are reported by the estimate itself).
  let theirs: ChosenRates;
  try {
    theirs = chooseRates({ date: hasDate ? (own.date as string) : null, taxYear: hasYear ? (own.taxYear as string | number) : null });
  } catch {
    return;
  }
  const ours = flagRates(options);
  const field = hasDate ? "date" : "taxYear";
  const theirText = hasDate ? String(own.date) : String(own.taxYear);
  if (ours.rates.taxYear !== theirs.rates.taxYear) {
    throw new ArrearsInputError(field, `the household's own ${field} ${theirText} (tax year ${theirs.rates.taxYear}) conflicts with ${options.date !== null ? `--date ${String(options.date)}` : `--tax-year ${String(options.taxYear)}`} (tax year ${ours.rates.taxYear}); give one or the other`);
  }
  if (options.date !== null && (!hasDate || dayOf(ours.date) !== dayOf(theirs.date))) {
    throw new ArrearsInputError(field, `--date ${String(options.date)} would not be used: the household gives its own ${field} ${theirText}; give one or the other`);
  }
}

/** `arrears uc`: Universal Credit estimates, £ a month. */
export const ucCommand: Command = {
  summary: "Universal Credit estimate (£ a month) with breakdown, for one household or a JSON array",
  usage: usage("uc", "Universal Credit", "£ a month"),
  run: (args, io) => runEstimate(args, io, "uc", estimateUniversalCredit),
};

export { usage as estimateUsage };
