/**
 * The add-in's clock. Core never reads the clock (a hidden clock inside a non-volatile
 * Excel function keeps last year's figures until a full recalculation, without saying
 * so): the add-in layer reads it here and passes today's date in. An omitted tax year
 * therefore follows today's date, and every breakdown says which rates that gave.
 */

/** Today's local calendar date as a UTC midnight Date (the form core's dates take). */
export function excelToday(now: Date = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** Options for the benefit estimators: today from the add-in's clock. */
export const TODAY_FROM_CLOCK = { today: () => excelToday() } as const;
