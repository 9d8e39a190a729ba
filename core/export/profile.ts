import { z } from "zod";
import { ARRANGEMENT_CODES, ARRANGEMENT_TYPES, FREQUENCIES, INSTALMENT_BASES, RECORDED_STATUSES } from "../arrangements/schema";
import { parseOrThrow } from "../zodIssues";
import { ACCOUNT_STATUSES, BENEFITS, TENANCY_TYPES, TRANSACTION_TYPES } from "./schema";

/**
 * Mapping profiles: how one housing system's export names its columns and codes.
 * A profile is data (JSON a user can write), validated with zod; {@link DEFAULT_PROFILE}
 * recognises the common Northgate / Capita / Tallyman spellings. Header matching
 * ignores case, spaces, underscores and punctuation ("Weekly_Rent" = "weekly rent").
 */

/** Canonical fields of each table, in the order reports list them. */
export const ACCOUNT_FIELDS = [
  "account",
  "tenancyType",
  "status",
  "weeklyRent",
  "officer",
  "tenancyStart",
  "tenancyEnd",
  "benefit",
  "ucDirect",
  "bedrooms",
  "balance",
  "name",
  "vulnerable",
  "benefitPending",
  "breathingSpaceUntil",
  "lastAction",
  "lastActionDate",
] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];

export const TRANSACTION_FIELDS = ["date", "account", "type", "amount", "debit", "credit", "method"] as const;
export type TransactionField = (typeof TRANSACTION_FIELDS)[number];

export const VOID_FIELDS = ["property", "voidStart", "voidEnd", "weeklyRent", "officer"] as const;
export type VoidField = (typeof VOID_FIELDS)[number];

/** Fields of the optional Arrangements table (payment arrangements, orders and DWP deductions). */
export const ARRANGEMENT_FIELDS = ["account", "startDate", "instalment", "basis", "frequency", "type", "startBalance", "endDate", "status", "officer"] as const;
export type ArrangementField = (typeof ARRANGEMENT_FIELDS)[number];

/** Fields a table cannot do without. Transactions need amount, or debit and credit columns. */
export const REQUIRED_ACCOUNT_FIELDS: readonly AccountField[] = ["account", "tenancyType", "status", "weeklyRent", "balance"];
export const REQUIRED_TRANSACTION_FIELDS: readonly TransactionField[] = ["date", "account", "type"];
export const REQUIRED_VOID_FIELDS: readonly VoidField[] = ["property", "voidStart", "weeklyRent"];
/** Basis is required: an instalment of £10 means something different on top of rent than including it. */
export const REQUIRED_ARRANGEMENT_FIELDS: readonly ArrangementField[] = ["account", "startDate", "instalment", "basis", "frequency"];

/** Words for each field in error messages: the user's words, not ours. */
export const FIELD_LABELS: Record<AccountField | TransactionField | VoidField, string> = {
  account: "account reference",
  tenancyType: "tenancy type",
  status: "status",
  weeklyRent: "weekly rent",
  officer: "officer",
  tenancyStart: "tenancy start",
  tenancyEnd: "tenancy end",
  benefit: "benefit",
  ucDirect: "UC direct payment",
  bedrooms: "bedrooms",
  balance: "balance",
  name: "tenant name",
  vulnerable: "vulnerable",
  benefitPending: "benefit claim pending",
  breathingSpaceUntil: "breathing space until",
  lastAction: "last action",
  lastActionDate: "last action date",
  date: "date",
  type: "transaction type",
  amount: "amount",
  debit: "debit",
  credit: "credit",
  method: "payment method",
  property: "property",
  voidStart: "void start",
  voidEnd: "void end",
};

const headerList = (what: string) =>
  z.array(z.string({ error: `each accepted header for ${what} must be text` }).min(1, { message: `accepted headers for ${what} must not be empty` })).min(1, {
    message: `list at least one accepted header for ${what}`,
  });

/** A record keyed by a fixed set of names; an unknown key is named in the error with the names allowed. */
const keyedBy = <T extends readonly string[], V extends z.ZodType>(keys: T, what: string, value: V) =>
  z
    .record(z.string(), value)
    .superRefine((rec, ctx) => {
      for (const k of Object.keys(rec)) {
        if (!(keys as readonly string[]).includes(k)) ctx.addIssue({ code: "custom", path: [k], message: `${what} must be among ${keys.join(", ")}, got "${k}"` });
      }
    })
    .transform((rec) => rec as Partial<Record<T[number], z.output<V>>>);

const codeMap = <T extends readonly string[]>(values: T, what: string) => keyedBy(values, what, z.array(z.string({ error: `${what} codes must be text` })));

/**
 * Sign convention of transaction amounts in the export:
 * - `debitPositive`: as the balance moves (rent +, payments −); the canonical form.
 * - `creditPositive`: the reverse (payments +, rent −), as some finance extracts show them.
 * - `unsignedByType`: amounts are all positive and the type says which way they go; adjustments
 *   keep their sign, read as debitPositive.
 */
export const SIGN_CONVENTIONS = ["debitPositive", "creditPositive", "unsignedByType"] as const;
export type SignConvention = (typeof SIGN_CONVENTIONS)[number];

/** The profile schema: what a user's mapping.json must look like. */
export const MappingProfileSchema = z.object({
  name: z.string({ error: "profile name must be text" }).min(1, { message: "profile name must not be empty" }),
  accounts: keyedBy(ACCOUNT_FIELDS, "accounts fields", headerList("an accounts field")),
  transactions: keyedBy(TRANSACTION_FIELDS, "transactions fields", headerList("a transactions field")),
  voids: keyedBy(VOID_FIELDS, "voids fields", headerList("a voids field")).optional(),
  arrangements: keyedBy(ARRANGEMENT_FIELDS, "arrangements fields", headerList("an arrangements field")).optional(),
  signConvention: z.enum(SIGN_CONVENTIONS, { error: `sign convention must be one of ${SIGN_CONVENTIONS.join(", ")}` }).default("debitPositive"),
  /** Text dates: "dmy" reads 03/04/2025 as 3 April (UK); "mdy" as 4 March. ISO dates are always read. */
  dateFormat: z.enum(["dmy", "mdy"], { error: "date format must be dmy or mdy" }).default("dmy"),
  /**
   * How text amounts write their decimals: "." (1,234.56, the default) or "," (1.234,56, as
   * exports from a decimal-comma locale do). With ".", an amount such as 12,50 is refused.
   */
  decimalSeparator: z.enum([".", ","], { error: 'decimal separator must be "." or ","' }).default("."),
  codes: z
    .object({
      tenancyType: codeMap(TENANCY_TYPES, "tenancy type codes").optional(),
      status: codeMap(ACCOUNT_STATUSES, "status codes").optional(),
      benefit: codeMap(BENEFITS, "benefit codes").optional(),
      transactionType: codeMap(TRANSACTION_TYPES, "transaction type codes").optional(),
      /** How the export spells each arrangement frequency, type, basis and status (core/arrangements/schema.ts has the built-in words). */
      arrangementFrequency: codeMap(FREQUENCIES, "arrangement frequency codes").optional(),
      arrangementType: codeMap(ARRANGEMENT_TYPES, "arrangement type codes").optional(),
      arrangementBasis: codeMap(INSTALMENT_BASES, "arrangement basis codes").optional(),
      arrangementStatus: codeMap(RECORDED_STATUSES, "arrangement status codes").optional(),
    })
    .default({}),
  /**
   * What a blank arrangement type or status stands for in this export, when the housing
   * system documents one (e.g. "a blank status is a live arrangement"). Left out, a
   * blank is refused: it is never guessed.
   */
  arrangementBlanks: z
    .object({
      type: z.enum(ARRANGEMENT_TYPES, { error: `arrangementBlanks.type must be one of ${ARRANGEMENT_TYPES.join(", ")}` }).optional(),
      status: z.enum(RECORDED_STATUSES, { error: `arrangementBlanks.status must be one of ${RECORDED_STATUSES.join(", ")}` }).optional(),
    })
    .strict()
    .optional(),
});

export type MappingProfile = z.output<typeof MappingProfileSchema>;
/** A profile as a user writes it: every part but name and the field lists may be left out. */
export type MappingProfileInput = z.input<typeof MappingProfileSchema>;

/** Built-in code lists as the mutable shape a profile holds (each list copied, so a profile never edits the built-ins). */
function codeLists<T extends string>(codes: Record<T, readonly string[]>): Partial<Record<T, string[]>> {
  return Object.fromEntries(Object.entries(codes).map(([k, v]) => [k, [...(v as readonly string[])]])) as Partial<Record<T, string[]>>;
}

/**
 * The default profile: the spellings seen in Northgate (NEC Housing), Capita and
 * Tallyman extracts and in hand-built team sheets. The first header of each field is
 * the one our own CSV writer uses.
 */
export const DEFAULT_PROFILE: MappingProfile = {
  name: "default",
  accounts: {
    account: ["account ref", "account", "account reference", "account no", "account number", "rent account", "tenancy ref", "tenancy reference", "payment ref", "ref"],
    tenancyType: ["tenancy type", "tenure", "tenure type", "tenancy", "agreement type"],
    status: ["status", "account status", "tenancy status"],
    weeklyRent: ["weekly rent", "weekly charge", "net rent", "rent", "weekly debit", "weekly net rent", "rent per week", "total weekly charge"],
    officer: ["officer", "patch", "housing officer", "income officer", "patch officer", "responsible officer"],
    tenancyStart: ["tenancy start", "start date", "tenancy start date", "commencement date"],
    tenancyEnd: ["tenancy end", "end date", "tenancy end date", "termination date"],
    benefit: ["benefit", "benefit type", "hb uc", "benefit status"],
    ucDirect: ["uc direct", "uc direct payment", "apa", "managed payment", "uc apa", "uc paid to landlord"],
    bedrooms: ["bedrooms", "beds", "no of bedrooms", "bedroom count"],
    balance: ["balance", "closing balance", "current balance", "arrears balance", "account balance", "arrears"],
    name: ["tenant name", "name", "tenant", "lead tenant"],
    vulnerable: ["vulnerable", "vulnerability", "vulnerability flag"],
    benefitPending: ["benefit claim pending", "benefit pending", "claim pending", "hb uc pending"],
    breathingSpaceUntil: ["breathing space until", "breathing space", "moratorium end", "breathing space end"],
    lastAction: ["last action", "last recovery action", "recovery stage", "last action code"],
    lastActionDate: ["last action date", "action date", "date of last action"],
  },
  transactions: {
    date: ["date", "transaction date", "trans date", "posting date", "effective date"],
    account: ["account ref", "account", "account reference", "account no", "account number", "rent account", "tenancy ref", "payment ref", "ref"],
    type: ["type", "transaction type", "trans type", "transaction code", "code"],
    amount: ["amount", "value", "transaction amount", "net amount"],
    debit: ["debit", "dr", "debit amount"],
    credit: ["credit", "cr", "credit amount"],
    method: ["method", "payment method", "pay method", "source"],
  },
  voids: {
    property: ["property", "property ref", "property reference", "uprn", "address"],
    voidStart: ["void start", "void start date", "vacated", "date vacated"],
    voidEnd: ["void end", "void end date", "let date", "relet date", "re-let date"],
    weeklyRent: ["weekly rent", "weekly charge", "rent", "net rent"],
    officer: ["officer", "patch"],
  },
  arrangements: {
    account: ["account ref", "account", "account reference", "account no", "account number", "rent account", "tenancy ref", "payment ref", "ref"],
    startDate: ["start date", "arrangement start", "start", "date agreed", "agreed date", "first payment date"],
    instalment: ["instalment", "instalment £", "installment", "amount", "agreed amount", "payment amount", "arrangement amount"],
    basis: ["basis", "instalment basis", "instalment covers", "covers", "amount basis"],
    frequency: ["frequency", "payment frequency", "freq", "period"],
    type: ["type", "arrangement type", "kind"],
    startBalance: ["start balance", "balance at start", "opening balance", "arrears at start"],
    endDate: ["end date", "arrangement end", "end", "expected end"],
    status: ["status", "arrangement status"],
    officer: ["officer", "patch", "housing officer", "income officer", "patch officer", "responsible officer"],
  },
  signConvention: "debitPositive",
  dateFormat: "dmy",
  decimalSeparator: ".",
  codes: {
    tenancyType: {
      secure: ["secure", "sec", "secure tenancy", "flexible", "flexible secure", "scottish secure", "sst"],
      assured: ["assured", "ass", "assured tenancy", "assured non-shorthold", "ant", "affordable rent", "general needs"],
      introductory: ["introductory", "intro", "int", "introductory tenancy"],
      starter: ["starter", "starter tenancy", "assured shorthold", "ast", "starter ast", "probationary"],
      other: ["other", "licence", "license", "non-secure", "non secure", "temporary", "ta", "use and occupation"],
    },
    status: {
      current: ["current", "live", "active", "occupied", "c", "tenanted"],
      former: ["former", "ended", "terminated", "closed", "ft", "former tenant", "f"],
      void: ["void", "empty", "vacant", "v"],
    },
    benefit: {
      UC: ["uc", "universal credit", "uc housing costs", "uc housing element"],
      HB: ["hb", "housing benefit", "hb direct"],
      none: ["none", "no", "n", "self pay", "self-pay", "full rent", ""],
    },
    transactionType: {
      rent: ["rent", "rent debit", "debit", "rnt", "rent charge", "dr rent", "weekly rent", "service charge"],
      payment: ["payment", "pay", "cash", "direct debit", "dd", "standing order", "so", "card", "allpay", "bank", "tenant payment", "paypoint"],
      hb: ["hb", "housing benefit", "hb credit", "hb payment"],
      uc: ["uc", "uc direct", "uc direct payment", "uc payment", "apa", "mpl", "managed payment", "uc housing costs"],
      dhp: ["dhp", "discretionary housing payment", "dhp payment", "dhp credit", "dhp award"],
      writeoff: ["write off", "write-off", "writeoff", "w/o", "wo", "written off"],
      refund: ["refund", "credit refund", "rfd"],
      adjustment: ["adjustment", "adj", "transfer", "correction", "journal"],
    },
    arrangementFrequency: codeLists(ARRANGEMENT_CODES.frequency),
    arrangementType: codeLists(ARRANGEMENT_CODES.type),
    arrangementBasis: codeLists(ARRANGEMENT_CODES.basis),
    arrangementStatus: codeLists(ARRANGEMENT_CODES.status),
  },
};

/**
 * Validates a user's profile and fills what it leaves out from the default: fields
 * they do not list keep the default headers, codes they do not list keep the default codes.
 * @throws ArrearsInputError naming the first problem, in the profile's own terms.
 */
export function parseMappingProfile(input: unknown): MappingProfile {
  const p = parseOrThrow(MappingProfileSchema, input);
  return {
    ...p,
    accounts: { ...DEFAULT_PROFILE.accounts, ...p.accounts },
    transactions: { ...DEFAULT_PROFILE.transactions, ...p.transactions },
    voids: { ...DEFAULT_PROFILE.voids, ...p.voids },
    arrangements: { ...DEFAULT_PROFILE.arrangements, ...p.arrangements },
    codes: {
      tenancyType: { ...DEFAULT_PROFILE.codes.tenancyType, ...p.codes.tenancyType },
      status: { ...DEFAULT_PROFILE.codes.status, ...p.codes.status },
      benefit: { ...DEFAULT_PROFILE.codes.benefit, ...p.codes.benefit },
      transactionType: { ...DEFAULT_PROFILE.codes.transactionType, ...p.codes.transactionType },
      arrangementFrequency: { ...DEFAULT_PROFILE.codes.arrangementFrequency, ...p.codes.arrangementFrequency },
      arrangementType: { ...DEFAULT_PROFILE.codes.arrangementType, ...p.codes.arrangementType },
      arrangementBasis: { ...DEFAULT_PROFILE.codes.arrangementBasis, ...p.codes.arrangementBasis },
      arrangementStatus: { ...DEFAULT_PROFILE.codes.arrangementStatus, ...p.codes.arrangementStatus },
    },
  };
}

/**
 * Normalises a code or option name for matching: lower case, letters, digits and £ only,
 * every run of anything else (spaces, punctuation, "/", "_", "-") one space. "HB/UC"
 * and "hb uc" are the same; "W/O" and "wo" are not, so a profile lists both. £ is kept
 * because a policy's "min £" column is told apart from others by it.
 */
export function normaliseName(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9£]+/g, " ")
    .trim();
}

/**
 * The key a column header is matched by: letters and digits only, lower case, so case,
 * spaces, underscores and punctuation are all ignored ("Weekly_Rent", "WeeklyRent",
 * "weekly rent" and "HB/UC" = "hb uc" each match).
 */
export function headerKey(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, "");
}
