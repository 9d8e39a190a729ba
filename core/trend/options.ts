import { z } from "zod";
import type { ArrearsInputError } from "../errors";

/**
 * Arrears trend for one rent account: a least-squares line through its periodic
 * balances (positive = owed by the tenant, negative = in credit), read the way an
 * income officer reads a rent statement: is it getting worse, where will it be,
 * and how many weeks of rent does it already represent.
 */

/** Which way the balance is moving. Worsening means arrears are rising. */
export type TrendDirection = "worsening" | "improving" | "stable";

/** Default band, in £ per period, within which a slope counts as stable. */
export const DEFAULT_STABLE_TOLERANCE = 1;
/** Default projection horizon in periods (4 weekly periods is about a month). */
export const DEFAULT_HORIZON = 4;
/** Longest horizon we will project: ten years of weekly periods. Beyond that a straight line means nothing. */
export const MAX_HORIZON = 520;

/** The columns of a trend result, in the order the add-in spills them and the CLI prints them. */
export const TREND_COLUMNS = ["slope_per_period", "direction", "projected_balance", "weeks_owed", "periods_in_arrears"] as const;

export interface TrendOptions {
  /**
   * The x value of each balance: dates as Excel serials or period numbers, same
   * length as the balances. Omitted: balances are taken as equally spaced periods.
   * A null pairs with its balance being ignored.
   */
  periods?: readonly (number | null)[] | null;
  /** Weekly rent in £; when given, the latest balance is also stated in weeks of rent. */
  weeklyRent?: number | null;
  /** How many periods ahead to project; default {@link DEFAULT_HORIZON}. */
  horizon?: number | null;
  /** Slope (in £ per period) at or below which the account is "stable"; default £1. */
  tolerance?: number | null;
}

export interface TrendResult {
  /** Least-squares slope in £ per period, rounded to the penny. Positive = arrears rising. */
  slopePerPeriod: number;
  direction: TrendDirection;
  /** Balance the line projects `horizon` periods after the latest balance, to the penny. */
  projectedBalance: number;
  /** Latest balance divided by weekly rent (2 dp); null when no weekly rent was given. */
  weeksOwed: number | null;
  /** How many of the balances used were in arrears (owed at least 1p). */
  periodsInArrears: number;
  /** The latest balance used (the one with the largest x). */
  latestBalance: number;
  /** How many balances were used (blanks and unpaired values left out). */
  pointsUsed: number;
  /** Length of one period in x units: the median spacing of the x values (1 when none were given; 7 for weekly dates). */
  periodLength: number;
}

const finiteNumber = (what: string) =>
  z.number({ error: `${what} must be a number` }).refine(Number.isFinite, { message: `${what} must be a finite number` });

/** Options schema: messages are user-facing, the field names are the ones in the function signature. */
export const TrendOptionsSchema = z.object({
  weeklyRent: finiteNumber("weekly rent")
    .refine((v) => v > 0, { message: "weekly rent must be a positive number" })
    .nullish(),
  horizon: finiteNumber("horizon")
    .refine((v) => v >= 0 && v <= MAX_HORIZON, { message: `horizon must be between 0 and ${MAX_HORIZON} periods` })
    .nullish(),
  tolerance: finiteNumber("tolerance").refine((v) => v >= 0, { message: "tolerance must be zero or more" }).nullish(),
  periods: z.array(finiteNumber("each date or period").nullable()).nullish(),
});

/** Batch options: the same for every account, except weekly rent, which may differ per account. */
export interface TrendBatchOptions extends Omit<TrendOptions, "weeklyRent"> {
  /** One weekly rent for all accounts, or one per account (null where unknown). */
  weeklyRent?: number | readonly (number | null)[] | null;
  /** Fit each row from this column on (0-based), e.g. the last 13 of 52 weeks; `periods` then covers those columns only. Default 0. */
  fromIndex?: number;
  /** Treat NaN as a blank: a balance history marks a missing snapshot that way. Default false (NaN is an error). */
  nanAsBlank?: boolean;
}

/** One account's outcome in a batch: its trend, its own error, or null when the row had no balances at all. */
export type TrendRowOutcome = TrendResult | ArrearsInputError | null;
