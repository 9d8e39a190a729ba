import { PERIODS, type BreakdownLine, type HouseholdInput } from "../../core/benefits";
import { FIRST_SAFE_SERIAL, LAST_SERIAL, parseDateToSerial, serialToIso } from "../../core/dates/excelSerial";
import { ArrearsInputError, describeValue } from "../../core/errors";
import { cellToAmount, gridOf, isBlank, vectorOf, type Cell, type Grid } from "./cells";

/**
 * Reading a household from Excel for the benefit functions: either positional
 * arguments (adult ages, a column of child ages, rent and period, bedrooms, earnings,
 * non-dependants) or a two-column field/value "household form" on the sheet. Field
 * names are matched ignoring case, spaces and punctuation; README lists them.
 */

/** Whether a two-column range is a household form: its first column names known fields. */
export function isHouseholdForm(range: unknown): boolean {
  const grid = gridOf(range);
  if (grid.length === 0 || grid[0].length < 2) return false;
  return grid.some((row) => typeof row[0] === "string" && fieldOf(row[0]) !== null);
}

type Setter = (h: FormHousehold, value: Cell, label: string) => void;
interface FormHousehold {
  top: Record<string, unknown>;
  rent: Record<string, unknown>;
  people: { adult: Record<number, Record<string, unknown>>; child: Record<number, Record<string, unknown>>; nondep: Record<number, Record<string, unknown>> };
  benefit: string | null;
}

const key = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, "");

const num = (label: string, value: Cell): number => {
  const n = typeof value === "number" ? value : cellToAmount(value);
  if (n === null || !Number.isFinite(n)) throw new ArrearsInputError(label, `${label} must be a number, got ${describeValue(value)}`);
  return n;
};
const bool = (label: string, value: Cell): boolean => {
  if (typeof value === "boolean") return value;
  if (typeof value === "number" && (value === 0 || value === 1)) return value === 1;
  const t = typeof value === "string" ? key(value) : "";
  if (["true", "yes", "y"].includes(t)) return true;
  if (["false", "no", "n"].includes(t)) return false;
  throw new ArrearsInputError(label, `${label} must be TRUE or FALSE (or yes / no), got ${describeValue(value)}`);
};
const text = (value: Cell): string => (typeof value === "string" ? value.trim() : String(value));
const dateText = (label: string, value: Cell): string => {
  if (typeof value !== "number") return text(value);
  if (value < FIRST_SAFE_SERIAL || value > LAST_SERIAL) throw new ArrearsInputError(label, `${label} must be a date, got ${describeValue(value)}`);
  return serialToIso(value);
};

const TOP: Record<string, Setter> = {
  rent: (h, v, l) => (h.rent.amount = num(l, v)),
  rentperiod: (h, v) => (h.rent.period = text(v)),
  servicecharges: (h, v, l) => (h.rent.serviceCharges = num(l, v)),
  othercharges: (h, v, l) => (h.rent.otherCharges = num(l, v)),
  rentfreeweeks: (h, v, l) => (h.rent.rentFreeWeeks = num(l, v)),
  bedrooms: (h, v, l) => (h.top.bedrooms = num(l, v)),
  capital: (h, v, l) => (h.top.capital = num(l, v)),
  savings: (h, v, l) => (h.top.capital = num(l, v)),
  unearnedincome: (h, v, l) => (h.top.unearnedIncome = num(l, v)),
  otherincome: (h, v, l) => (h.top.unearnedIncome = num(l, v)),
  incomeperiod: (h, v) => (h.top.incomePeriod = text(v)),
  othercappedbenefits: (h, v, l) => (h.top.otherCappedBenefits = num(l, v)),
  childbenefit: (h, v, l) => (h.top.childBenefit = bool(l, v)),
  london: (h, v, l) => (h.top.london = bool(l, v)),
  overnightcarer: (h, v, l) => (h.top.overnightCarer = bool(l, v)),
  fostercarer: (h, v, l) => (h.top.fosterCarer = bool(l, v)),
  couplecannotshare: (h, v, l) => (h.top.coupleCannotShare = bool(l, v)),
  sharedownership: (h, v, l) => (h.top.sharedOwnership = bool(l, v)),
  taxyear: (h, v) => (h.top.taxYear = typeof v === "number" ? v : text(v)),
  // The calculator's visible "Rates for" cell: a tax year, or a date (an Excel date or date text).
  ratesfor: (h, v) => (typeof v === "string" && parseDateToSerial(v) !== null ? (h.top.date = v.trim()) : Object.assign(h.top, taxYearArg(v))),
  date: (h, v, l) => (h.top.date = dateText(l, v)),
  id: (h, v) => (h.top.id = text(v)),
  reference: (h, v) => (h.top.id = text(v)),
  benefit: (h, v) => (h.benefit = text(v)),
};

type PersonField = [string, (label: string, value: Cell) => unknown];
const PERSON: Record<"adult" | "child" | "nondep", Record<string, PersonField>> = {
  adult: {
    age: ["age", num], earnings: ["earnings", num], hours: ["hoursWorked", num], hoursworked: ["hoursWorked", num],
    lcwra: ["lcwra", bool], lcwraprotected: ["lcwraProtected", bool], carer: ["carer", bool], disability: ["disability", (_, v) => text(v)],
    severedisability: ["severeDisability", bool], pensionage: ["pensionAge", bool], pensionagebefore2021: ["pensionAgeBefore2021", bool],
    pensioncredit: ["pensionCredit", bool], legacybenefit: ["legacyBenefit", bool],
  },
  child: {
    age: ["age", num], sex: ["sex", (_, v) => text(v)], bornbefore2017: ["bornBefore2017", bool], disability: ["disability", (_, v) => text(v)],
    cannotshare: ["cannotShare", bool], twochildexception: ["twoChildException", bool],
  },
  nondep: {
    age: ["age", num], income: ["grossWeeklyIncome", num], grossweeklyincome: ["grossWeeklyIncome", num], works16hours: ["works16Hours", bool],
    pensioncredit: ["pensionCredit", bool], disability: ["disability", (_, v) => text(v)], carersallowance: ["carersAllowance", bool],
    childunder5: ["childUnder5", bool], outofworkbenefit: ["outOfWorkBenefit", bool], exempt: ["exempt", bool],
    esamainphase: ["esaMainPhase", bool], couple: ["couple", (_, v) => text(v)],
  },
};

/** Resolves a form label to a setter, or null when it is not a field we know. */
function fieldOf(label: string): Setter | null {
  const k = key(label);
  // Own properties only: a label such as "constructor" must not reach Object.prototype.
  if (Object.hasOwn(TOP, k)) return TOP[k];
  const m = /^(adult|claimant|partner|child|nondependant|nondep)(\d*)(.+)$/.exec(k);
  if (!m) return null;
  const kind = m[1] === "child" ? "child" : m[1].startsWith("nondep") ? "nondep" : "adult";
  const n = m[1] === "claimant" ? 1 : m[1] === "partner" ? 2 : m[2] === "" ? 1 : Number(m[2]);
  const field = Object.hasOwn(PERSON[kind], m[3]) ? PERSON[kind][m[3]] : undefined;
  if (!field || n < 1 || n > 20) return null;
  return (h, v, l) => {
    const person = (h.people[kind][n] ??= {});
    person[field[0]] = field[1](l, v);
  };
}

/**
 * Reads a household form: two columns, field name and value; blank values are left out.
 * @returns the household for core and the form's `benefit` field (UC or HB) if any.
 * @throws ArrearsInputError naming an unknown field or a value of the wrong kind.
 */
export function householdFromForm(range: unknown, incomePeriod: "month" | "week"): { household: HouseholdInput; benefit: string | null } {
  const h: FormHousehold = { top: {}, rent: {}, people: { adult: {}, child: {}, nondep: {} }, benefit: null };
  for (const row of gridOf(range)) {
    const [label, value] = row;
    if (isBlank(label)) continue;
    const name = String(label).trim();
    const set = fieldOf(name);
    if (!set) throw new ArrearsInputError("household", `household form: unknown field "${name}" (the README lists the field names)`);
    if (!isBlank(value)) set(h, value, name);
  }
  const list = (kind: "adult" | "child" | "nondep", what: string) =>
    Object.keys(h.people[kind])
      .map(Number)
      .sort((a, b) => a - b)
      .map((n) => {
        const p = h.people[kind][n];
        if (p.age === undefined) throw new ArrearsInputError("household", `household form: ${what} ${n} has no age`);
        return p;
      });
  // A form that says it is for HB reads its income as weekly unless it says otherwise.
  const hbForm = h.benefit !== null && ["hb", "housingbenefit"].includes(key(h.benefit));
  const household = {
    incomePeriod: hbForm ? "week" : incomePeriod,
    ...h.top,
    adults: list("adult", "adult"),
    children: list("child", "child"),
    nonDependants: list("nondep", "non-dependant"),
    rent: { period: "week", ...h.rent },
  } as unknown as HouseholdInput;
  return { household, benefit: h.benefit };
}

/** The positional arguments the benefit functions share. */
export interface PositionalHousehold {
  adultAges: unknown;
  childAges?: unknown;
  rent?: unknown;
  rentPeriod?: unknown;
  bedrooms?: unknown;
  earnings?: unknown;
  nonDeps?: unknown;
  london?: unknown;
  taxYear?: unknown;
}

const SEX_WORDS: Record<string, "F" | "M"> = { F: "F", G: "F", GIRL: "F", FEMALE: "F", M: "M", B: "M", BOY: "M", MALE: "M" };

/**
 * Reads a child's age as typed: 7, "7", with sex "12F", "12 M", "F12", "12 girl" (G/B read as
 * girl/boy), and optionally whether born before 6 April 2017: "8F pre2017" or "8F post2017"
 * (also "pre-2017", "post 2017"). Anything else is refused, never half-read.
 */
export function childFromCell(cell: Cell, position: number): { age: number; sex?: "F" | "M"; bornBefore2017?: boolean } {
  if (typeof cell === "number") return { age: cell };
  const t = String(cell).trim().toUpperCase();
  const m = /^([A-Z]*)\s*(\d{1,2})\s*([A-Z]*)\s*(?:(PRE|POST)[\s-]*2017)?$/.exec(t);
  const before = m?.[1] ? SEX_WORDS[m[1]] : undefined;
  const after = m?.[3] ? SEX_WORDS[m[3]] : undefined;
  if (!m || (m[1] && !before) || (m[3] && !after) || (before && after)) {
    throw new ArrearsInputError("childAges", `child ages must be numbers, or with sex like 12F or 12M, and pre2017 or post2017 for born before or after 6 April 2017 (8F pre2017): child ${position} is ${describeValue(cell)}`);
  }
  const sex = before ?? after;
  return { age: Number(m[2]), ...(sex ? { sex } : {}), ...(m[4] ? { bornBefore2017: m[4] === "PRE" } : {}) };
}

function scalar(value: unknown): Cell {
  return Array.isArray(value) ? gridOf(value)[0]?.[0] ?? null : value;
}

/** Reads a tax year argument: text like 2026-27, a year (2026), or a date in the year (an Excel date). */
export function taxYearArg(value: unknown): { taxYear?: string | number; date?: string } {
  const v = scalar(value);
  if (isBlank(v)) return {};
  if (typeof v === "number" && v > 10000) {
    if (v > LAST_SERIAL) throw new ArrearsInputError("taxYear", `tax year must look like 2026-27 or be a date, got ${describeValue(v)}`);
    return { date: serialToIso(v) };
  }
  if (typeof v === "number" || typeof v === "string") return { taxYear: v };
  throw new ArrearsInputError("taxYear", `tax year must look like 2026-27, got ${describeValue(v)}`);
}

/** Reads an optional TRUE/FALSE argument (blank = FALSE). */
export function flagArg(value: unknown, field: string): boolean {
  const v = scalar(value);
  return isBlank(v) ? false : bool(field, v);
}

/** A non-dependant as the positional nonDeps range gives them. */
export interface PositionalNonDependant {
  age: number;
  grossWeeklyIncome?: number;
  couple?: string;
}

/**
 * Reads non-dependants: one per row, age, then optionally gross weekly income £, then optionally
 * a couple label (two rows with the same label are a couple); or a single column (or row) of ages.
 * Two columns are always age and income; a single row of three cells is three ages.
 */
export function nonDepsFromRange(range: unknown): PositionalNonDependant[] {
  const grid: Grid = gridOf(range);
  if (grid.length === 0) return [];
  const width = grid[0].length;
  // One row of three is a row of ages: a couple label needs two rows.
  const rows = width === 2 || (width === 3 && grid.length > 1) ? grid : vectorOf(grid, "nonDeps").map((c) => [c]);
  const out: PositionalNonDependant[] = [];
  rows.forEach((row, i) => {
    if (isBlank(row[0])) {
      if (row.slice(1).some((c) => !isBlank(c))) throw new ArrearsInputError("nonDeps", `non-dependant ${i + 1} has no age, got ${describeValue(row[0])}`);
      return;
    }
    const person: PositionalNonDependant = { age: num(`non-dependant ${i + 1} age`, row[0]) };
    if (row.length > 1 && !isBlank(row[1])) person.grossWeeklyIncome = num(`non-dependant ${i + 1} gross weekly income`, row[1]);
    if (row.length > 2 && !isBlank(row[2])) person.couple = text(row[2]);
    out.push(person);
  });
  return out;
}

/**
 * Builds a household from positional arguments. Earnings are one figure for the
 * household (put on the claimant) or one per adult; their period is `incomePeriod`.
 */
export function householdFromArgs(a: PositionalHousehold, incomePeriod: "month" | "week"): HouseholdInput {
  const adultCells = vectorOf(a.adultAges, "adultAges").filter((c) => !isBlank(c));
  if (adultCells.length === 0) throw new ArrearsInputError("adultAges", "adult ages are needed: the claimant's age, and the partner's for a couple");
  const adults: Record<string, unknown>[] = adultCells.map((c, i) => ({ age: num(`adult ${i + 1} age`, c) }));
  const earningCells = vectorOf(a.earnings ?? null, "earnings").filter((c) => !isBlank(c));
  if (earningCells.length > adults.length) throw new ArrearsInputError("earnings", `earnings must be one figure or one per adult: got ${earningCells.length} for ${adults.length} adult(s)`);
  earningCells.forEach((c, i) => (adults[i].earnings = num("earnings", c)));
  const children = vectorOf(a.childAges ?? null, "childAges")
    .filter((c) => !isBlank(c))
    .map((c, i) => childFromCell(c, i + 1));
  const rentCell = scalar(a.rent ?? null);
  const periodCell = scalar(a.rentPeriod ?? null);
  const bedroomsCell = scalar(a.bedrooms ?? null);
  if (isBlank(bedroomsCell)) throw new ArrearsInputError("bedrooms", "bedrooms in the home are needed");
  const period = isBlank(periodCell) ? "week" : String(periodCell);
  return {
    adults: adults as HouseholdInput["adults"],
    children,
    nonDependants: nonDepsFromRange(a.nonDeps ?? null),
    rent: { amount: isBlank(rentCell) ? 0 : num("rent", rentCell), period: period as (typeof PERIODS)[number] },
    bedrooms: num("bedrooms", bedroomsCell),
    incomePeriod,
    london: flagArg(a.london ?? null, "london"),
    ...taxYearArg(a.taxYear ?? null),
  };
}

/**
 * Reads the household from the first argument as a form, or from positional arguments.
 * In form mode the second argument may be the breakdown flag, so `=ARREARS.UCAWARD(form, TRUE)` works.
 */
export function readHousehold(a: PositionalHousehold, incomePeriod: "month" | "week", breakdown: unknown): { household: HouseholdInput; breakdown: boolean; benefit: string | null } {
  if (isHouseholdForm(a.adultAges)) {
    const { household, benefit } = householdFromForm(a.adultAges, incomePeriod);
    const flag = !isBlank(scalar(breakdown ?? null)) ? breakdown : a.childAges;
    return { household, breakdown: flagArg(flag ?? null, "breakdown"), benefit };
  }
  return { household: householdFromArgs(a, incomePeriod), breakdown: flagArg(breakdown ?? null, "breakdown"), benefit: null };
}

/** Spills a breakdown as label/value rows: a heading, each line, then the notes. */
export function breakdownRows(title: string, unit: string, lines: readonly BreakdownLine[], notes: readonly string[] = []): (string | number)[][] {
  const rows: (string | number)[][] = [[title, unit]];
  for (const l of lines) rows.push([l.label, l.kind === "info" ? (l.key === "bedrooms" ? l.amount : "") : l.amount]);
  for (const n of notes) rows.push([`Note: ${n}`, ""]);
  return rows;
}

/** Reads a benefit choice: UC (default) or HB. */
export function benefitArg(value: unknown, fromForm: string | null): "UC" | "HB" {
  const v = scalar(value);
  const t = key(isBlank(v) ? fromForm ?? "uc" : String(v));
  if (["uc", "universalcredit"].includes(t)) return "UC";
  if (["hb", "housingbenefit"].includes(t)) return "HB";
  throw new ArrearsInputError("benefit", `benefit must be UC or HB, got ${describeValue(v ?? fromForm)}`);
}

/**
 * Fills the rent and bedrooms a function does not need (bedrooms allowed, non-dependant
 * charges), so a household form without them still works for those functions.
 */
export function withoutHousingCosts(h: HouseholdInput): HouseholdInput {
  const rent = (h.rent ?? {}) as Partial<HouseholdInput["rent"]>;
  return { ...h, rent: { ...rent, amount: rent.amount ?? 0, period: rent.period ?? "week" }, bedrooms: h.bedrooms ?? 0 };
}
