/**
 * The monthly-return KPIs as data: each one's published name, what it divides by
 * what, which figures it uses (transactions in the period, or balances at period
 * end), where the definition comes from, and how sure we are of it. The return
 * prints these beside every figure so the definition cannot drift month to month.
 *
 * Provenance ("confidence"):
 * - "published": the source states the measure as we compute it.
 * - "published shape": the source names the measure; calculation detail (e.g. void
 *   treatment) is our documented reading, switchable by an option.
 * - "local": a management figure, not a regulator definition.
 */

export type KpiUnit = "percent" | "money" | "count";
export type KpiConfidence = "published" | "published shape" | "local";

export interface KpiDefinition {
  id: string;
  /** Name as published, or as the team would say it. */
  name: string;
  unit: KpiUnit;
  /** Numerator ÷ denominator, in words, with inclusions. */
  definition: string;
  /** "transactions in period", "balances at period end", or both. */
  basis: string;
  /** Body and document the definition comes from. */
  source: string;
  confidence: KpiConfidence;
}

const SHR_ARC = "Scottish Housing Regulator, Annual Return on the Charter (ARC) technical guidance, indicator numbering 2019/20–2024/25";
const ENGLAND = "England/Wales sector practice (Housemark-style; Sector Scorecard 'Rent collected as % of rent due'; Gateshead Council arrears policy s8.2)";
const STATSWALES = "Welsh Government / StatsWales social housing rent arrears (current tenants, excluding payments in advance); weeks = arrears ÷ weekly rent";

/** Annual rent debit used by the "% of rent debit" KPIs, stated once. */
export const ANNUAL_DEBIT_NOTE =
  "annual rent debit = weekly rent of every home in the accounts table (current tenancies and empty homes) × 52 weeks, unless an annual rent debit is given";

/** Every KPI in the order the return lists them. Age-band rows are added after these, one per band. */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: "rent_due",
    name: "Rent due in the period",
    unit: "money",
    definition: "Sum of rent debit transactions dated in the period (rent and service charges, net of any rent reversals). Empty homes raise no debit.",
    basis: "transactions in period",
    source: "Local figure: the denominator of the collection rates",
    confidence: "local",
  },
  {
    id: "rent_collected",
    name: "Rent collected in the period",
    unit: "money",
    definition: "Tenant payments + Housing Benefit credits + UC payments direct to the landlord dated in the period, less refunds paid out; includes money from former tenants and money that clears old arrears.",
    basis: "transactions in period",
    source: "Local figure: the numerator of the collection rates",
    confidence: "local",
  },
  {
    id: "collection_rate_arc",
    name: "Rent collected as % of total rent due (SHR ARC Indicator 26)",
    unit: "percent",
    definition:
      "Rent collected (tenant cash + HB + UC housing costs received, including arrears and former-tenant money) ÷ rent due in the period × 100. Rent due is net of empty-home loss unless the option voidTreatment is 'gross'. Can exceed 100% when arrears fall.",
    basis: "transactions in period",
    source: `${SHR_ARC}, Indicator 26. Void treatment of the denominator is our reading (not confirmed from the guidance): switch with voidTreatment.`,
    confidence: "published shape",
  },
  {
    id: "collection_rate_excl_bf",
    name: "Rent collected as % of rent due, excluding arrears brought forward (Housemark-style)",
    unit: "percent",
    definition:
      "All rent collected in the period (tenant cash + HB + UC, including money that clears old arrears) ÷ rent falling due in the period × 100. Arrears brought forward are not in the denominator; rent due is net of voids unless voidTreatment is 'gross'. For one period and the same options this equals the ARC figure; it is listed separately because it is reported to a different body.",
    basis: "transactions in period",
    source: `${ENGLAND}. Housemark's member definition is not public.`,
    confidence: "published shape",
  },
  {
    id: "current_arrears",
    name: "Current tenant arrears",
    unit: "money",
    definition: "Sum of debit balances (owed, at least 1p) of current tenancies at period end. Accounts in credit are not netted off.",
    basis: "balances at period end",
    source: STATSWALES,
    confidence: "published",
  },
  {
    id: "current_arrears_pct",
    name: "Current tenant arrears as % of annual rent debit",
    unit: "percent",
    definition: `Current tenant arrears ÷ annual rent debit × 100; ${ANNUAL_DEBIT_NOTE}.`,
    basis: "balances at period end",
    source: `${STATSWALES}; RSH quarterly survey 'current tenant arrears'; Gateshead 'current rent arrears as % of rent roll'`,
    confidence: "published",
  },
  {
    id: "former_arrears",
    name: "Former tenant arrears",
    unit: "money",
    definition: "Sum of debit balances of ended tenancies at period end, not yet written off (rent and service charges only).",
    basis: "balances at period end",
    source: "Gateshead Council arrears policy s8.3 (management information)",
    confidence: "published shape",
  },
  {
    id: "former_arrears_pct",
    name: "Former tenant arrears as % of annual rent debit",
    unit: "percent",
    definition: `Former tenant arrears ÷ annual rent debit × 100; ${ANNUAL_DEBIT_NOTE}.`,
    basis: "balances at period end",
    source: "Gateshead Council arrears policy s8.3: 'former tenant rent arrears as % of rent roll'",
    confidence: "published shape",
  },
  {
    id: "gross_arrears",
    name: "Gross rent arrears (current and former tenants)",
    unit: "money",
    definition: "Current tenant arrears + former tenant arrears; credit balances are not netted off ('gross').",
    basis: "balances at period end",
    source: `${SHR_ARC}, Indicator 27 numerator`,
    confidence: "published shape",
  },
  {
    id: "gross_arrears_pct",
    name: "Gross rent arrears (all tenants) as % of rent due for the year (SHR ARC Indicator 27)",
    unit: "percent",
    definition: `Gross rent arrears ÷ rent due for the year × 100. For a monthly return the year's rent due is the annual rent debit: ${ANNUAL_DEBIT_NOTE}.`,
    basis: "balances at period end",
    source: `${SHR_ARC}, Indicator 27 (at 31 March); applied at period end`,
    confidence: "published shape",
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
  },
  {
    id: "void_loss_pct",
    name: "Rent lost through properties being empty as % of rent due (SHR ARC Indicator 18)",
    unit: "percent",
    definition: "Rent lost through empty homes ÷ gross rent due (rent due + rent lost through empty homes) × 100. Apply the HSN2 exclusions (homes for disposal or demolition, decants, major works) in the export.",
    basis: "transactions and voids in period",
    source: `${SHR_ARC}, Indicator 18; exclusions per LGBF HSN2 (Improvement Service)`,
    confidence: "published shape",
  },
  {
    id: "writeoffs",
    name: "Arrears written off in the period",
    unit: "money",
    definition: "Sum of write-off transactions dated in the period (current and former tenancies).",
    basis: "transactions in period",
    source: "Gateshead Council arrears policy s8.3",
    confidence: "local",
  },
  {
    id: "writeoffs_pct",
    name: "Write-offs as % of rent due",
    unit: "percent",
    definition: "Arrears written off in the period ÷ rent due in the period × 100.",
    basis: "transactions in period",
    source: "Gateshead Council arrears policy s8.3 ('former tenant write offs as % of rent roll'), taken over the period's rent due",
    confidence: "local",
  },
  {
    id: "current_accounts",
    name: "Current tenancies",
    unit: "count",
    definition: "Accounts with status current at period end.",
    basis: "accounts at period end",
    source: "Local figure",
    confidence: "local",
  },
  {
    id: "accounts_in_arrears",
    name: "Current tenancies in arrears",
    unit: "count",
    definition: "Current tenancies owing at least 1p at period end.",
    basis: "balances at period end",
    source: STATSWALES,
    confidence: "published",
  },
  {
    id: "accounts_in_arrears_pct",
    name: "Current tenancies in arrears as % of current tenancies",
    unit: "percent",
    definition: "Current tenancies in arrears ÷ current tenancies × 100.",
    basis: "balances at period end",
    source: STATSWALES,
    confidence: "published",
  },
  {
    id: "uc_accounts",
    name: "Current tenancies claiming Universal Credit",
    unit: "count",
    definition: "Current tenancies with benefit UC.",
    basis: "accounts at period end",
    source: "Gateshead Council arrears policy s8.3 ('number of tenants receiving Universal Credit')",
    confidence: "local",
  },
  {
    id: "uc_accounts_in_arrears",
    name: "UC claimants in arrears",
    unit: "count",
    definition: "Current UC tenancies owing at least 1p at period end.",
    basis: "balances at period end",
    source: "Local figure",
    confidence: "local",
  },
  {
    id: "uc_arrears",
    name: "UC claimants' current arrears",
    unit: "money",
    definition: "Sum of debit balances of current UC tenancies at period end. Includes technical arrears from the UC payment cycle (shown separately below).",
    basis: "balances at period end",
    source: "Gateshead Council arrears policy s8.3 (UC tenants' arrears)",
    confidence: "local",
  },
  {
    id: "uc_arrears_share_pct",
    name: "UC claimants' share of current arrears",
    unit: "percent",
    definition: "UC claimants' current arrears ÷ current tenant arrears × 100.",
    basis: "balances at period end",
    source: "Local figure",
    confidence: "local",
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
  },
  {
    id: "current_arrears_excl_technical_pct",
    name: "Current tenant arrears excluding technical arrears as % of annual rent debit",
    unit: "percent",
    definition: "(Current tenant arrears − technical arrears) ÷ annual rent debit × 100. Shown beside the gross figure, never instead of it.",
    basis: "balances at period end",
    source: "Local adjustment, not a regulator definition",
    confidence: "local",
  },
];

/**
 * The figures the per-officer breakdown shows, in column order, before the age-band
 * counts: one list, so the add-in's BYOFFICER spill and the CLI's By officer sheet agree.
 */
export const OFFICER_KPI_IDS = [
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
] as const;

/** Whether a KPI id is an age band's tenancy count (arrears_band_N_count). */
export const isBandCountKpi = (id: string): boolean => id.startsWith("arrears_band_") && id.endsWith("_count");

/** Every KPI id with a fixed definition. Age-band ids (arrears_band_N_count / _amount) are added per configured band. */
export type KpiId = (typeof KPI_DEFINITIONS)[number]["id"];
