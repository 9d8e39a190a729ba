/**
 * The monthly-return KPIs as one typed table: each one's published name, what it
 * divides by what, which figures it uses (transactions in the period, balances at
 * period end, or the year to date), where the definition comes from, how sure we are
 * of it, AND its calculation: the numerator read from the group's sums and the kind of
 * denominator it divides by. Text and arithmetic sit side by side (as a spreadsheet
 * engine keeps each function's metadata beside its implementation), so a definition
 * without a calculation does not compile, and the return prints the definition beside
 * every figure so it cannot drift month to month.
 *
 * Provenance ("confidence"):
 * - "published": the source states the measure as we compute it.
 * - "published shape": the source names the measure; calculation detail (e.g. void
 *   treatment) is our documented reading, switchable by an option.
 * - "local": a management figure, not a regulator definition.
 */

import type { ReturnTotals } from "./totals";

export type KpiUnit = "percent" | "money" | "count";
export type KpiConfidence = "published" | "published shape" | "local";

/**
 * What a percentage divides by. The return works each one out once per group
 * (monthlyReturn's denominatorOf), with the reason it may be undefined.
 * - "rent due in period": rent debits dated in the period, plus rent lost on empty homes when voidTreatment is gross.
 * - "rent due year to date": the same from 1 April (the ARC reporting year) to period end.
 * - "annual rent debit": weekly rents × weeks per year of current tenancies, plus empty homes when voidTreatment is gross;
 *   a given annual rent debit replaces it for the team (never for an officer's line).
 * - "gross rent due in period": rent due + rent lost on empty homes, whatever voidTreatment says (SHR Indicator 18).
 * - "current tenancies", "current tenant arrears": the count and the £ of the same group.
 */
export type DenominatorKind =
  | "rent due in period"
  | "rent due year to date"
  | "annual rent debit"
  | "gross rent due in period"
  | "current tenancies"
  | "current tenant arrears";

interface KpiText {
  id: string;
  /** Name as published, or as the team would say it. */
  name: string;
  /** Numerator ÷ denominator, in words, with inclusions. */
  definition: string;
  /** "transactions in period", "balances at period end", "transactions from 1 April to period end", or both. */
  basis: string;
  /** Body and document the definition comes from. */
  source: string;
  confidence: KpiConfidence;
  /** Reads transactions from 1 April to period end, so it needs an export that starts by the first week of April. */
  yearToDate?: boolean;
}

/**
 * One KPI: its text and its calculation. `numerator` gives pence for money, a count
 * for counts, and the numerator (pence or count) of a percentage; a percentage names
 * its denominator kind, money and counts have none.
 */
export type KpiDefinition = KpiText & { numerator: (t: ReturnTotals) => number } & (
    | { unit: "money" | "count"; denominator: null }
    | { unit: "percent"; denominator: DenominatorKind }
  );

const SHR_ARC = "Scottish Housing Regulator, Annual Return on the Charter (ARC) technical guidance, indicator numbering 2019/20–2024/25";
const ENGLAND = "England/Wales sector practice (Housemark-style; Sector Scorecard 'Rent collected as % of rent due'; Gateshead Council arrears policy s8.2)";
const STATSWALES = "Welsh Government / StatsWales social housing rent arrears (current tenants, excluding payments in advance); weeks = arrears ÷ weekly rent";
const GATESHEAD_MI = "Gateshead Council arrears policy s8.3 (management information)";

/** Annual rent debit used by the "% of annual rent debit" KPIs, stated once. */
export const ANNUAL_DEBIT_NOTE =
  "annual rent debit = weekly rent × weeks per year (52 unless set) of every current tenancy, plus every empty home in the accounts table (status void) when voidTreatment is 'gross' (the setting that also decides the collection rate's rent due); a given annual rent debit replaces it in the team figure, while each officer's line divides by the debit of that officer's own homes";

/** How "rent due" treats empty homes, stated once for Indicators 26 and 27 alike. */
export const VOID_TREATMENT_NOTE =
  "Rent due follows the one voidTreatment setting, as the annual rent debit of the arrears percentages does: 'net' (default) leaves empty homes out, 'gross' adds rent lost on empty homes (in the period, or their weekly rent in the annual debit)";

/** When the collection rates are withheld as not meaningful, stated once. */
export const PART_PERIOD_NOTE =
  "Not given (with a note) when rent due is under a quarter of what the current tenancies' weekly rents come to over the same days: the period then misses rent-debit days (a part month), and the rate would run into hundreds or thousands of percent";

/** Every KPI in the order the return lists them. Age-band rows are added after these, one per band. */
export const KPI_DEFINITIONS = [
  {
    id: "rent_due",
    name: "Rent due in the period",
    unit: "money",
    definition: "Sum of rent debit transactions dated in the period (rent and service charges, net of any rent reversals). Empty homes raise no debit.",
    basis: "transactions in period",
    source: "Local figure: the denominator of the collection rates",
    confidence: "local",
    numerator: (t) => t.rentDue,
    denominator: null,
  },
  {
    id: "rent_collected",
    name: "Rent collected in the period",
    unit: "money",
    definition:
      "Tenant payments + Housing Benefit credits + UC payments direct to the landlord + Discretionary Housing Payments paid to the landlord, dated in the period, less refunds paid out; includes money from former tenants and money that clears old arrears.",
    basis: "transactions in period",
    source: "Local figure: the numerator of the collection rates",
    confidence: "local",
    numerator: (t) => t.collected,
    denominator: null,
  },
  {
    id: "dhp_collected",
    name: "Discretionary Housing Payments received in the period",
    unit: "money",
    definition: "Discretionary Housing Payments paid to the landlord, dated in the period. Rental income like HB and UC: counted in rent collected, shown here on its own line.",
    basis: "transactions in period",
    source:
      "Scottish Housing Regulator, letter to landlords on the COVID-19 quarterly returns 2021/22 ('rental income from Universal Credit, Housing Benefit or Discretionary Housing Payments paid directly to the landlord'); England/Wales sector practice counts DHP in rent collected",
    confidence: "published shape",
    numerator: (t) => t.dhpCredits,
    denominator: null,
  },
  {
    id: "collection_rate_arc",
    name: "Rent collected as % of total rent due (SHR ARC Indicator 26)",
    unit: "percent",
    definition: `Rent collected (tenant cash + HB + UC housing costs + DHP received, including arrears and former-tenant money) ÷ rent due in the period × 100. ${VOID_TREATMENT_NOTE}. Can exceed 100% when arrears fall. ${PART_PERIOD_NOTE}.`,
    basis: "transactions in period",
    source: `${SHR_ARC}, Indicator 26 (an annual figure: see the year-to-date rate). Void treatment of the denominator is our reading (not confirmed from the guidance): switch with voidTreatment.`,
    confidence: "published shape",
    numerator: (t) => t.collected,
    denominator: "rent due in period",
  },
  {
    id: "collection_rate_excl_bf",
    name: "Rent collected as % of rent due, excluding arrears brought forward (Housemark-style)",
    unit: "percent",
    definition: `All rent collected in the period (tenant cash + HB + UC + DHP, including money that clears old arrears) ÷ rent falling due in the period × 100. Arrears brought forward are not in the denominator. ${VOID_TREATMENT_NOTE}. For one period and the same options this equals the ARC figure; it is listed separately because it is reported to a different body. ${PART_PERIOD_NOTE}.`,
    basis: "transactions in period",
    source: `${ENGLAND}. Housemark's member definition is not public.`,
    confidence: "published shape",
    numerator: (t) => t.collected,
    denominator: "rent due in period",
  },
  {
    id: "ytd_rent_due",
    name: "Rent due, year to date (1 April to period end)",
    unit: "money",
    definition: "Sum of rent debit transactions dated from 1 April (the start of the reporting year the period ends in) to period end. Not given unless the export holds transactions from the first week of April.",
    basis: "transactions from 1 April to period end",
    source: "Local figure: the denominator of the year-to-date collection rate",
    confidence: "local",
    yearToDate: true,
    numerator: (t) => t.ytdRentDue,
    denominator: null,
  },
  {
    id: "ytd_rent_collected",
    name: "Rent collected, year to date (1 April to period end)",
    unit: "money",
    definition: "Tenant payments + HB + UC + DHP received, less refunds, dated from 1 April to period end. Not given unless the export holds transactions from the first week of April.",
    basis: "transactions from 1 April to period end",
    source: "Local figure: the numerator of the year-to-date collection rate",
    confidence: "local",
    yearToDate: true,
    numerator: (t) => t.ytdCollected,
    denominator: null,
  },
  {
    id: "ytd_collection_rate_arc",
    name: "Rent collected as % of rent due, year to date (SHR ARC Indicator 26 at the March return)",
    unit: "percent",
    definition: `Rent collected from 1 April to period end ÷ rent due over the same days × 100; the March return's figure is the ARC Indicator 26 figure for the year. ${VOID_TREATMENT_NOTE}. Not given unless the export holds transactions from the first week of April. ${PART_PERIOD_NOTE}.`,
    basis: "transactions from 1 April to period end",
    source: `${SHR_ARC}, Indicator 26 (reporting year 1 April to 31 March); Gateshead Council arrears policy s8.2 ('rent collected … as a percentage of rent falling due to date in the financial year')`,
    confidence: "published shape",
    yearToDate: true,
    numerator: (t) => t.ytdCollected,
    denominator: "rent due year to date",
  },
  {
    id: "current_arrears",
    name: "Current tenant arrears",
    unit: "money",
    definition: "Sum of debit balances (owed, at least 1p) of current tenancies at period end. Accounts in credit are not netted off.",
    basis: "balances at period end",
    source: STATSWALES,
    confidence: "published",
    numerator: (t) => t.currentArrears,
    denominator: null,
  },
  {
    id: "current_arrears_pct",
    name: "Current tenant arrears as % of annual rent debit",
    unit: "percent",
    definition: `Current tenant arrears ÷ annual rent debit × 100; ${ANNUAL_DEBIT_NOTE}.`,
    basis: "balances at period end",
    source: `${STATSWALES}; RSH quarterly survey 'current tenant arrears'; Gateshead 'current rent arrears as % of rent roll'`,
    confidence: "published",
    numerator: (t) => t.currentArrears,
    denominator: "annual rent debit",
  },
  {
    id: "former_arrears",
    name: "Former tenant arrears",
    unit: "money",
    definition: "Sum of debit balances of ended tenancies at period end, not yet written off (rent and service charges only).",
    basis: "balances at period end",
    source: GATESHEAD_MI,
    confidence: "published shape",
    numerator: (t) => t.formerArrears,
    denominator: null,
  },
  {
    id: "former_arrears_pct",
    name: "Former tenant arrears as % of annual rent debit",
    unit: "percent",
    definition: `Former tenant arrears ÷ annual rent debit × 100; ${ANNUAL_DEBIT_NOTE}.`,
    basis: "balances at period end",
    source: "Gateshead Council arrears policy s8.3: 'former tenant rent arrears as % of rent roll'",
    confidence: "published shape",
    numerator: (t) => t.formerArrears,
    denominator: "annual rent debit",
  },
  {
    id: "gross_arrears",
    name: "Gross rent arrears (current and former tenants)",
    unit: "money",
    definition: "Current tenant arrears + former tenant arrears; credit balances are not netted off ('gross').",
    basis: "balances at period end",
    source: `${SHR_ARC}, Indicator 27 numerator`,
    confidence: "published shape",
    numerator: (t) => t.currentArrears + t.formerArrears,
    denominator: null,
  },
  {
    id: "gross_arrears_pct",
    name: "Gross rent arrears (all tenants) as % of rent due for the year (SHR ARC Indicator 27)",
    unit: "percent",
    definition: `Gross rent arrears ÷ rent due for the year × 100. For a monthly return the year's rent due is the annual rent debit: ${ANNUAL_DEBIT_NOTE}. ${VOID_TREATMENT_NOTE}.`,
    basis: "balances at period end",
    source: `${SHR_ARC}, Indicator 27 (at 31 March, as a percentage of rent due for the reporting year: the base of Indicator 26); applied at period end`,
    confidence: "published shape",
    numerator: (t) => t.currentArrears + t.formerArrears,
    denominator: "annual rent debit",
  },
  {
    id: "void_loss",
    name: "Rent lost through empty homes",
    unit: "money",
    definition:
      "Weekly rent × days empty within the period ÷ 7, per void: from the voids table when given, otherwise from accounts with status void (empty from the day after tenancy end, or the whole period).",
    basis: "voids in period",
    source: "Local figure: the numerator of the void-loss KPI",
    confidence: "local",
    numerator: (t) => t.voidLoss,
    denominator: null,
  },
  {
    id: "void_loss_pct",
    name: "Rent lost through properties being empty as % of rent due (SHR ARC Indicator 18)",
    unit: "percent",
    definition: "Rent lost through empty homes ÷ gross rent due (rent due + rent lost through empty homes) × 100, whatever voidTreatment says. Apply the HSN2 exclusions (homes for disposal or demolition, decants, major works) in the export.",
    basis: "transactions and voids in period",
    source: `${SHR_ARC}, Indicator 18; exclusions per LGBF HSN2 (Improvement Service)`,
    confidence: "published shape",
    numerator: (t) => t.voidLoss,
    denominator: "gross rent due in period",
  },
  {
    id: "writeoffs",
    name: "Arrears written off in the period",
    unit: "money",
    definition: "Sum of write-off transactions dated in the period (current and former tenancies).",
    basis: "transactions in period",
    source: GATESHEAD_MI,
    confidence: "local",
    numerator: (t) => t.writeoffs,
    denominator: null,
  },
  {
    id: "former_writeoffs",
    name: "Former tenant arrears written off in the period",
    unit: "money",
    definition: "Sum of write-off transactions dated in the period on accounts whose status at period end is former.",
    basis: "transactions in period",
    source: GATESHEAD_MI,
    confidence: "published shape",
    numerator: (t) => t.formerWriteoffs,
    denominator: null,
  },
  {
    id: "former_writeoffs_pct",
    name: "Former tenant write-offs as % of annual rent debit",
    unit: "percent",
    definition: `Former tenant arrears written off in the period ÷ annual rent debit × 100; ${ANNUAL_DEBIT_NOTE}.`,
    basis: "transactions in period",
    source: "Gateshead Council arrears policy s8.3: 'former tenant write offs as % of rent roll'",
    confidence: "published shape",
    numerator: (t) => t.formerWriteoffs,
    denominator: "annual rent debit",
  },
  {
    id: "writeoffs_pct_of_rent_due",
    name: "All write-offs as % of rent due in the period",
    unit: "percent",
    definition: `Arrears written off in the period (current and former tenancies) ÷ rent due in the period × 100. ${VOID_TREATMENT_NOTE}. A local figure, not the published former-tenant write-off measure above.`,
    basis: "transactions in period",
    source: "Local figure",
    confidence: "local",
    numerator: (t) => t.writeoffs,
    denominator: "rent due in period",
  },
  {
    id: "current_accounts",
    name: "Current tenancies",
    unit: "count",
    definition: "Accounts with status current at period end.",
    basis: "accounts at period end",
    source: "Local figure",
    confidence: "local",
    numerator: (t) => t.currentAccounts,
    denominator: null,
  },
  {
    id: "accounts_in_arrears",
    name: "Current tenancies in arrears",
    unit: "count",
    definition: "Current tenancies owing at least 1p at period end.",
    basis: "balances at period end",
    source: STATSWALES,
    confidence: "published",
    numerator: (t) => t.accountsInArrears,
    denominator: null,
  },
  {
    id: "accounts_in_arrears_pct",
    name: "Current tenancies in arrears as % of current tenancies",
    unit: "percent",
    definition: "Current tenancies in arrears ÷ current tenancies × 100.",
    basis: "balances at period end",
    source: STATSWALES,
    confidence: "published",
    numerator: (t) => t.accountsInArrears,
    denominator: "current tenancies",
  },
  {
    id: "uc_accounts",
    name: "Current tenancies claiming Universal Credit",
    unit: "count",
    definition: "Current tenancies with benefit UC.",
    basis: "accounts at period end",
    source: "Gateshead Council arrears policy s8.3 ('number of tenants receiving Universal Credit')",
    confidence: "local",
    numerator: (t) => t.ucAccounts,
    denominator: null,
  },
  {
    id: "uc_accounts_in_arrears",
    name: "UC claimants in arrears",
    unit: "count",
    definition: "Current UC tenancies owing at least 1p at period end.",
    basis: "balances at period end",
    source: "Local figure",
    confidence: "local",
    numerator: (t) => t.ucAccountsInArrears,
    denominator: null,
  },
  {
    id: "uc_arrears",
    name: "UC claimants' current arrears",
    unit: "money",
    definition: "Sum of debit balances of current UC tenancies at period end. Includes technical arrears from the UC payment cycle (shown separately below).",
    basis: "balances at period end",
    source: "Gateshead Council arrears policy s8.3 (UC tenants' arrears)",
    confidence: "local",
    numerator: (t) => t.ucArrears,
    denominator: null,
  },
  {
    id: "uc_arrears_share_pct",
    name: "UC claimants' share of current arrears",
    unit: "percent",
    definition: "UC claimants' current arrears ÷ current tenant arrears × 100.",
    basis: "balances at period end",
    source: "Local figure",
    confidence: "local",
    numerator: (t) => t.ucArrears,
    denominator: "current tenant arrears",
  },
  {
    id: "technical_arrears",
    name: "Technical (payment-cycle) arrears, UC and HB",
    unit: "money",
    definition:
      "Per current UC or HB tenancy in arrears: the smaller of its arrears and one benefit payment cycle of rent (UC: weekly rent × 52 ÷ 12, paid monthly in arrears; HB: weekly rent × 4, paid 4-weekly in arrears). An upper bound on arrears that a tenant paying on time can show.",
    basis: "balances at period end",
    source: "Local adjustment, not a regulator definition. DWP (2024) 'Universal Credit and the patterns of rent balances in the social rented sector' (book arrears)",
    confidence: "local",
    numerator: (t) => t.technicalArrears,
    denominator: null,
  },
  {
    id: "current_arrears_excl_technical_pct",
    name: "Current tenant arrears excluding technical arrears as % of annual rent debit",
    unit: "percent",
    definition: `(Current tenant arrears − technical arrears) ÷ annual rent debit × 100; ${ANNUAL_DEBIT_NOTE}. Shown beside the gross figure, never instead of it.`,
    basis: "balances at period end",
    source: "Local adjustment, not a regulator definition",
    confidence: "local",
    numerator: (t) => t.currentArrears - t.technicalArrears,
    denominator: "annual rent debit",
  },
] as const satisfies readonly KpiDefinition[];

/** Every KPI id with a fixed definition. Age-band ids (arrears_band_N_count / _amount) are added per configured band. */
export type KpiId = (typeof KPI_DEFINITIONS)[number]["id"];

/**
 * The figures the per-officer breakdown shows, in column order, before the age-band
 * counts: one list, so the add-in's BYOFFICER spill and the CLI's By officer sheet agree.
 */
export const OFFICER_KPI_IDS: readonly KpiId[] = [
  "current_accounts",
  "rent_due",
  "rent_collected",
  "collection_rate_arc",
  "current_arrears",
  "current_arrears_pct",
  "accounts_in_arrears",
  "accounts_in_arrears_pct",
  "former_arrears",
  "writeoffs",
  "uc_arrears",
  "technical_arrears",
];

/** Whether a KPI id is an age band's tenancy count (arrears_band_N_count). */
export const isBandCountKpi = (id: string): boolean => id.startsWith("arrears_band_") && id.endsWith("_count");
