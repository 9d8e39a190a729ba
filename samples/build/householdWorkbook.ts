import type { CellValue, OutCell, OutSheet } from "../../cli/io/xlsx";
import { savedCall } from "../../addin/excel/savedFormulas";
import { printable, startHereSheet } from "./layout";

/**
 * The household calculator: one sheet per example household, each a household
 * form (field / value, README "The household form") with the benefit functions
 * beside it and the full working spilled underneath. An officer copies a sheet,
 * types the tenant's circumstances over the example and reads off the estimate.
 */

type FormRow = [field: string, value: CellValue];

interface Household {
  sheet: string;
  about: string;
  form: FormRow[];
  /** Result rows: label and function name (each called with the form range). */
  results: [label: string, fn: string][];
  /** Function whose full working is spilled below the results. */
  breakdown: string;
}

/** The form field that pins the rates (README "The household form"). */
const RATES_FOR = "Rates for";
const RATES_FOR_NOTE =
  "Rates for (B2): a tax year such as 2026-27 pins that year's rates. Leave it blank and the rates in force today are used, so the figures change after the April uprating. A date picks the rates in force then (UC: the first day of the assessment period).";

/** Rows the form range covers: room to add people without editing the formulas. */
const FORM_ROWS = 40;
const FORM = `$A$2:$B$${FORM_ROWS + 1}`;

const HOUSEHOLDS: Household[] = [
  {
    sheet: "UC family",
    about: "Couple with three children in a four-bedroom home: one spare bedroom (14% under-occupancy charge); one partner working.",
    form: [
      ["Rates for", "2026-27"],
      ["Adult 1 age", 34],
      ["Adult 1 earnings", 820],
      ["Adult 1 hours", 24],
      ["Adult 2 age", 31],
      ["Child 1 age", 12],
      ["Child 1 sex", "F"],
      ["Child 2 age", 9],
      ["Child 2 sex", "M"],
      ["Child 3 age", 4],
      ["Child 3 sex", "F"],
      ["Rent", 112.4],
      ["Service charges", 6.35],
      ["Rent period", "week"],
      ["Bedrooms", 4],
      ["Income period", "month"],
    ],
    results: [
      ["Universal Credit £ a month", "UCAWARD"],
      ["Housing costs element £ a month", "UCHOUSING"],
      ["Bedrooms allowed", "BEDROOMSNEEDED"],
      ["Under-occupancy charge £ a month", "UNDEROCCUPANCY"],
      ["Benefit cap reduction £ a month", "BENEFITCAP"],
    ],
    breakdown: "UCAWARD",
  },
  {
    sheet: "UC non-dependant",
    about: "Single claimant with an adult son at home who works: a non-dependant housing cost contribution comes off the housing element.",
    form: [
      ["Rates for", "2026-27"],
      ["Adult 1 age", 52],
      ["Adult 1 LCWRA", "yes"],
      ["Non-dep 1 age", 24],
      ["Non-dep 1 income", 310],
      ["Non-dep 1 works 16 hours", "yes"],
      ["Rent", 98.75],
      ["Rent period", "week"],
      ["Bedrooms", 2],
    ],
    results: [
      ["Universal Credit £ a month", "UCAWARD"],
      ["Housing costs element £ a month", "UCHOUSING"],
      ["Non-dependant contributions £ a month", "NONDEP"],
      ["Under-occupancy charge £ a month", "UNDEROCCUPANCY"],
    ],
    breakdown: "UCHOUSING",
  },
  {
    sheet: "UC benefit cap",
    about: "Lone parent, five children, not working: the benefit cap takes the award below the housing costs.",
    form: [
      ["Rates for", "2026-27"],
      ["Adult 1 age", 29],
      ["Child 1 age", 14],
      ["Child 1 sex", "M"],
      ["Child 2 age", 11],
      ["Child 2 sex", "F"],
      ["Child 3 age", 8],
      ["Child 3 sex", "M"],
      ["Child 4 age", 5],
      ["Child 4 sex", "F"],
      ["Child 5 age", 2],
      ["Child 5 sex", "M"],
      ["Rent", 142.6],
      ["Rent period", "week"],
      ["Bedrooms", 4],
      ["London", "no"],
    ],
    results: [
      ["Universal Credit £ a month", "UCAWARD"],
      ["Benefit cap reduction £ a month", "BENEFITCAP"],
      ["Bedrooms allowed", "BEDROOMSNEEDED"],
    ],
    breakdown: "BENEFITCAP",
  },
  {
    sheet: "HB pensioner",
    about: "Pensioner living alone on State Pension and a small occupational pension: Housing Benefit, no under-occupancy charge at pension age.",
    form: [
      ["Rates for", "2026-27"],
      ["Benefit", "HB"],
      ["Adult 1 age", 74],
      ["Unearned income", 268.4],
      ["Capital", 4200],
      ["Rent", 96.1],
      ["Service charges", 3.9],
      ["Rent period", "week"],
      ["Bedrooms", 2],
    ],
    results: [
      ["Housing Benefit £ a week", "HBAWARD"],
      ["Under-occupancy charge £ a week", "UNDEROCCUPANCY"],
      ["Benefit cap reduction £ a week", "BENEFITCAP"],
    ],
    breakdown: "HBAWARD",
  },
];

const bold = (value: string): OutCell => ({ value, bold: true });

function householdSheet(h: Household): OutSheet {
  const rows: (CellValue | OutCell)[][] = [[bold("Field"), bold("Value"), null, bold(h.about)]];
  for (let i = 0; i < FORM_ROWS; i++) rows.push([...(h.form[i] ?? [null, null])]);
  const put = (r: number, c: number, cell: CellValue | OutCell) => (rows[r][c] = cell);
  // The visible, pinnable rates choice: the first form row, explained beside it.
  put(1, 0, bold(RATES_FOR));
  put(1, 3, RATES_FOR_NOTE);
  h.results.forEach(([label, fn], i) => {
    put(2 + i, 3, label);
    put(2 + i, 4, { value: null, formula: savedCall(fn, FORM), format: fn === "BEDROOMSNEEDED" ? "integer" : "money" });
  });
  const at = 3 + h.results.length;
  put(at, 3, bold(`Full working (ARREARS.${h.breakdown} with breakdown TRUE)`));
  put(at + 1, 3, { value: null, formula: savedCall(h.breakdown, FORM, "TRUE"), spill: true });
  return { name: h.sheet, rows, columnWidths: [26, 14, 3, 46, 16, 60] };
}

/** Form fields holding money (£ a week or month): typed and shown as £0.00, so a rent reads £112.40, not 112.4. */
const MONEY_FIELD = /^(rent|service charges|capital|unearned income|adult \d+ earnings|non-dep \d+ income)$/i;

/** The form's money inputs in a £ format (values unchanged). */
function withMoneyInputs(sheet: OutSheet): OutSheet {
  const rows = sheet.rows.map((row) =>
    typeof row[0] === "string" && MONEY_FIELD.test(row[0]) && typeof row[1] === "number" ? [row[0], { value: row[1], format: "money" as const }, ...row.slice(2)] : row,
  );
  return { ...sheet, rows };
}

const START = startHereSheet("Household benefit calculator: start here", [
  "One sheet per example household: the household form (field and value, columns A:B) with the add-in's benefit functions beside it (Universal Credit, the housing costs element, bedrooms allowed, the under-occupancy charge, the benefit cap, Housing Benefit) and the full working spilled underneath.",
  "To estimate for a tenant: copy a sheet (right-click the tab › Move or Copy › Create a copy), type the tenant's circumstances over the example, and read off the figures. Money is £ a week or a month as the Rent period and Income period rows say.",
]);

/** Builds the calculator workbook's sheets. */
export function householdWorkbook(): OutSheet[] {
  return [START, ...HOUSEHOLDS.map(householdSheet).map(withMoneyInputs).map((s) => printable(s, { repeatRows: null }))];
}
