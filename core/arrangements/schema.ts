import { z } from "zod";
import { LAST_SERIAL } from "../dates/excelSerial";

/**
 * Payment arrangements as data: what a team agreed with a tenant (or a court ordered,
 * or the DWP deducts), in one canonical shape whatever the housing system calls it.
 * Codes (how exports spell each frequency, type, basis and status) are data here, not
 * branches in the reader.
 */

/** How often an instalment falls due. "ucPeriod": monthly from the start date, the UC assessment period's own date. */
export const FREQUENCIES = ["weekly", "fortnightly", "fourWeekly", "monthly", "ucPeriod"] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** What kind of arrangement it is: agreed with the tenant, a suspended possession order's terms, or a DWP deduction (third-party deduction or APA). */
export const ARRANGEMENT_TYPES = ["tenant", "spo", "dwp"] as const;
export type ArrangementType = (typeof ARRANGEMENT_TYPES)[number];

/** Whether the instalment is the arrears part only (paid on top of rent) or the total including rent. */
export const INSTALMENT_BASES = ["arrears", "total"] as const;
export type InstalmentBasis = (typeof INSTALMENT_BASES)[number];

/** The status a housing system records. Holds are named, since each reads differently in the reason. */
export const RECORDED_STATUSES = ["active", "completed", "broken", "onHold", "vulnerability", "breathingSpace", "benefitPending"] as const;
export type RecordedStatus = (typeof RECORDED_STATUSES)[number];

/** Recorded statuses that put an arrangement on hold: it is shown as on hold, never broken. */
export const HOLD_STATUSES: ReadonlySet<RecordedStatus> = new Set(["onHold", "vulnerability", "breathingSpace", "benefitPending"]);

/** Default export spellings of each code (matched ignoring case, spaces and punctuation). */
export const ARRANGEMENT_CODES = {
  frequency: {
    weekly: ["weekly", "week", "w", "wk", "1 weekly", "every week"],
    fortnightly: ["fortnightly", "2 weekly", "two weekly", "f", "fn", "every 2 weeks", "biweekly"],
    fourWeekly: ["4 weekly", "four weekly", "4w", "4 wk", "28 days", "every 4 weeks", "4weekly"],
    monthly: ["monthly", "month", "m", "calendar monthly", "pcm", "calendar month"],
    ucPeriod: ["uc", "uc assessment period", "assessment period", "uc ap", "ap", "uc monthly", "per assessment period"],
  },
  type: {
    tenant: ["tenant", "tenant arrangement", "arrangement", "voluntary", "voluntary arrangement", "ta", "repayment arrangement"],
    spo: ["spo", "suspended possession order", "suspended order", "court order", "postponed possession order", "ppo"],
    dwp: ["dwp", "third party deduction", "tpd", "apa", "dwp deduction", "direct deduction", "deduction from benefit", "uc deduction", "managed payment"],
  },
  basis: {
    arrears: ["arrears", "arrears only", "arrears part", "on top of rent", "plus rent", "a"],
    total: ["total", "total including rent", "including rent", "rent and arrears", "rent plus arrears", "t"],
  },
  status: {
    active: ["active", "live", "current", "open", "in force", "agreed"],
    completed: ["completed", "complete", "cleared", "paid off", "ended", "finished"],
    broken: ["broken", "failed", "defaulted", "cancelled", "breached"],
    onHold: ["on hold", "hold", "paused", "suspended"],
    vulnerability: ["vulnerability", "vulnerable", "vulnerability hold"],
    breathingSpace: ["breathing space", "moratorium", "debt respite"],
    benefitPending: ["benefit pending", "benefit claim pending", "claim pending", "hb pending", "uc pending"],
  },
} as const satisfies {
  frequency: Record<Frequency, readonly string[]>;
  type: Record<ArrangementType, readonly string[]>;
  basis: Record<InstalmentBasis, readonly string[]>;
  status: Record<RecordedStatus, readonly string[]>;
};

const serial = (what: string) =>
  z
    .number({ error: `${what} must be a date` })
    .int({ message: `${what} must be a whole-day date` })
    .min(1, { message: `${what} must be a date Excel can hold` })
    .max(LAST_SERIAL, { message: `${what} must be a date Excel can hold` });

/** One arrangement in canonical form. Money in £ as exported (to the penny); dates as Excel serials. */
export const ArrangementSchema = z
  .object({
    account: z.string().min(1, { message: "account reference must not be empty" }),
    startDate: serial("start date"),
    /** Each instalment in £, more than zero. */
    instalment: z.number().positive({ message: "instalment must be more than £0" }),
    basis: z.enum(INSTALMENT_BASES),
    frequency: z.enum(FREQUENCIES),
    type: z.enum(ARRANGEMENT_TYPES),
    /** Arrears when the arrangement started, £; null when the table does not say (never read as 0). */
    startBalance: z.number().nullable(),
    endDate: serial("end date").nullable(),
    status: z.enum(RECORDED_STATUSES),
    officer: z.string(),
  })
  .refine((a) => a.endDate === null || a.endDate >= a.startDate, { message: "end date is before start date", path: ["endDate"] });

export type Arrangement = z.output<typeof ArrangementSchema>;
