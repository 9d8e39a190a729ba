/**
 * The raw sums the monthly return builds its figures from, for one group (the whole
 * team, or one officer): money in integer pence, counts as whole numbers. Every KPI
 * in {@link KPI_DEFINITIONS} reads its numerator from these.
 */
export interface ReturnTotals {
  currentAccounts: number;
  formerAccounts: number;
  voidAccounts: number;
  /** Rent debits dated in the period (net of reversals). */
  rentDue: number;
  /** Tenant payments + HB + UC + DHP credits in the period, less refunds paid out. */
  collected: number;
  tenantPayments: number;
  hbCredits: number;
  ucCredits: number;
  /** Discretionary Housing Payments paid to the landlord, in the period. */
  dhpCredits: number;
  refunds: number;
  writeoffs: number;
  /** Write-offs in the period on accounts whose status at period end is former. */
  formerWriteoffs: number;
  adjustments: number;
  /** Rent lost on empty homes in the period. */
  voidLoss: number;
  /** Weekly rent of current tenancies at period end (pence a week): what the homes should raise. */
  currentWeeklyRent: number;
  /** Weekly rent of empty homes (status void) in the accounts table (pence a week). */
  voidWeeklyRent: number;
  /** Annual rent debit from the accounts table: weekly rents × weeks per year, net or gross of empty homes as voidTreatment says. */
  annualDebit: number;
  currentArrears: number;
  currentCredit: number;
  formerArrears: number;
  accountsInArrears: number;
  ucAccounts: number;
  ucAccountsInArrears: number;
  ucArrears: number;
  technicalArrears: number;
  /** Year to date (1 April to period end): rent due, collected (as `collected`) and empty-home loss. */
  ytdRentDue: number;
  ytdCollected: number;
  ytdVoidLoss: number;
  /** Per age band (plus a last slot for "no weekly rent recorded"): count and pence of current accounts in arrears. */
  bandCounts: number[];
  bandPence: number[];
  bandUcCounts: number[];
  bandUcPence: number[];
}

/** Fields summed with one add (every field but the per-band arrays). */
export type SummedField = Exclude<keyof ReturnTotals, "bandCounts" | "bandPence" | "bandUcCounts" | "bandUcPence">;

/** Zero totals with `bands` age-band slots plus the "no weekly rent recorded" slot. */
export function emptyTotals(bands: number): ReturnTotals {
  const slots = () => new Array<number>(bands + 1).fill(0);
  return {
    currentAccounts: 0,
    formerAccounts: 0,
    voidAccounts: 0,
    rentDue: 0,
    collected: 0,
    tenantPayments: 0,
    hbCredits: 0,
    ucCredits: 0,
    dhpCredits: 0,
    refunds: 0,
    writeoffs: 0,
    formerWriteoffs: 0,
    adjustments: 0,
    voidLoss: 0,
    currentWeeklyRent: 0,
    voidWeeklyRent: 0,
    annualDebit: 0,
    currentArrears: 0,
    currentCredit: 0,
    formerArrears: 0,
    accountsInArrears: 0,
    ucAccounts: 0,
    ucAccountsInArrears: 0,
    ucArrears: 0,
    technicalArrears: 0,
    ytdRentDue: 0,
    ytdCollected: 0,
    ytdVoidLoss: 0,
    bandCounts: slots(),
    bandPence: slots(),
    bandUcCounts: slots(),
    bandUcPence: slots(),
  };
}
