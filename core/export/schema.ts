/**
 * The canonical export: the shape every housing-system export (Northgate, Capita,
 * Tallyman, a hand-built sheet) is read into before any KPI or escalation rule
 * runs, so the figures never depend on how a system names its columns.
 *
 * Conventions, stated once:
 * - Money is in pounds as exported; core sums it in integer pence.
 * - Balances are the balance at the end of the reporting period; positive = owed by the tenant.
 * - Transaction amounts follow the balance: positive raises what is owed (rent debit,
 *   refund paid out), negative lowers it (payment, HB, UC or DHP credit, write-off).
 * - Dates are Excel serial numbers (whole days).
 */

/** Tenancy types the escalation policy distinguishes. */
export const TENANCY_TYPES = ["secure", "assured", "introductory", "starter", "other"] as const;
export type TenancyType = (typeof TENANCY_TYPES)[number];

/** Account status at the end of the period: a live tenancy, an ended one, or an empty home. */
export const ACCOUNT_STATUSES = ["current", "former", "void"] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/** How the tenant's housing costs are met. */
export const BENEFITS = ["UC", "HB", "none"] as const;
export type Benefit = (typeof BENEFITS)[number];

/** Transaction types on a rent account. "dhp": a Discretionary Housing Payment paid to the landlord. */
export const TRANSACTION_TYPES = ["rent", "payment", "hb", "uc", "dhp", "writeoff", "refund", "adjustment"] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

/** One rent account (a tenancy, or an empty home with status "void"). */
export interface Account {
  /** Account reference, unique in the table. */
  account: string;
  tenancyType: TenancyType;
  status: AccountStatus;
  /** Weekly rent and service charges in £ (0 when unknown). */
  weeklyRent: number;
  /** Officer or patch holding the account; "(unassigned)" when the export has none. */
  officer: string;
  tenancyStart: number | null;
  tenancyEnd: number | null;
  benefit: Benefit;
  /** UC housing costs paid direct to the landlord (managed payment / APA). */
  ucDirect: boolean;
  bedrooms: number | null;
  /** Balance at period end in £, positive = owed. */
  balance: number;
  /** Tenant name, when exported; only ever written back out neutralised. */
  name: string | null;
  /** A vulnerability flag is set on the account: holds escalation back. */
  vulnerable: boolean;
  /** A benefit (HB / UC housing costs) claim is pending: holds possession action back (protocol para 2.5). */
  benefitPending: boolean;
  /** Breathing Space moratorium end date (serial), if one is in force. */
  breathingSpaceUntil: number | null;
  /** Last recovery action recorded, as the housing system names it. */
  lastAction: string | null;
  lastActionDate: number | null;
}

/** One transaction on a rent account. */
export interface Transaction {
  date: number;
  account: string;
  type: TransactionType;
  /** £, positive raises the balance (debit), negative lowers it (credit). */
  amount: number;
  /** Payment method as exported (Direct Debit, allpay, card…), or null. */
  method: string | null;
}

/** One empty-home period. */
export interface VoidPeriod {
  property: string;
  voidStart: number;
  /** Null while the home is still empty. */
  voidEnd: number | null;
  weeklyRent: number;
  officer: string | null;
}

/** Weekly balance history, wide: one row of balances per account, one column per snapshot date. */
export interface BalanceHistory {
  /**
   * What `dates` holds: "dates" (Excel serials, the default) or "periods" (week numbers,
   * or columns in order when headed with labels): one period is then one week.
   */
  axis?: "dates" | "periods";
  /** Snapshot dates (serials) or period numbers, oldest first. */
  dates: number[];
  /** Account references, one per row of balances. */
  accounts: string[];
  /** balances[i][k]: account i's balance in £ at dates[k]; NaN where there is no snapshot. */
  balances: number[][];
}

/** A whole export in canonical form. */
export interface CanonicalExport {
  accounts: Account[];
  transactions: Transaction[];
  voids: VoidPeriod[] | null;
  balanceHistory?: BalanceHistory | null;
  /** Things that read cleanly but look wrong (e.g. rent debits totalling below zero): shown to the user, not fatal. */
  warnings?: string[];
}

/** Officer name used for accounts whose export gives none. */
export const UNASSIGNED_OFFICER = "(unassigned)";
