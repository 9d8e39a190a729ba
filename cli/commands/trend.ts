import { parseArgs } from "node:util";
import { parseDateToSerial } from "../../core/dates/excelSerial";
import { ArrearsInputError } from "../../core/errors";
import { neutraliseCellText } from "../../core/safety/cellText";
import { TREND_COLUMNS, trendOfAccounts, type TrendRowOutcome } from "../../core/trend/trend";
import type { Command } from "../command";
import { readCsvInput, toCsv } from "../io/csv";
import { CliError, numberOption } from "../io/input";

const USAGE = `Usage: arrears trend [--in balances.csv] [--json] [--horizon N] [--tolerance N] [--weekly-rent N]

Fits the arrears trend of every account in a balance history and prints one
result per account: slope per period, direction, projected balance, weeks of
rent owed and periods in arrears.

Input (a file, or standard input when --in is omitted or is -), either
  wide: one row per account; first column the account reference; one column per
        period headed with its date (2025-04-07 or 07/04/2025) or any label;
        an optional column headed "weekly rent" (or weekly_rent, rent);
  long: columns headed account, date and balance (and optionally weekly rent),
        one row per account per period.
Balances are in pounds, positive = owed. Blank or non-numeric balances are left out.

Options
  --in FILE          CSV to read (default: standard input)
  --json             print JSON instead of CSV
  --horizon N        periods ahead to project (default 4)
  --tolerance N      £ per period within which a trend is "stable" (default 1)
  --weekly-rent N    weekly rent for accounts with no rent column
`;

const RENT_HEADERS = new Set(["weekly rent", "weekly_rent", "weeklyrent", "rent", "weekly charge", "weekly_charge"]);
const ACCOUNT_HEADERS = new Set(["account", "account ref", "account_ref", "account reference", "tenancy ref", "tenancy_ref", "rent account", "ref"]);
const DATE_HEADERS = new Set(["date", "week", "week ending", "week_ending", "period"]);
const BALANCE_HEADERS = new Set(["balance", "closing balance", "closing_balance", "arrears"]);

/** Accounts read from the CSV, ready for the core. */
interface BalanceHistory {
  accounts: string[];
  periods: (number | null)[] | null;
  rows: (number | null)[][];
  rents: (number | null)[];
}

export const trendCommand: Command = {
  summary: "arrears trend for every account in a balance history (CSV)",
  usage: USAGE,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        in: { type: "string" },
        json: { type: "boolean", default: false },
        horizon: { type: "string" },
        tolerance: { type: "string" },
        "weekly-rent": { type: "string" },
      },
      strict: true,
    });
    // A malformed CSV is the user's to fix: a one-line error, not an "unexpected failure".
    const table = await readCsvInput(values.in, io.stdin);
    if (table.length < 2) throw new CliError("the input has no accounts: expected a header row and at least one account row");
    const history = readHistory(table, optionNumber(values["weekly-rent"], "--weekly-rent"));
    const outcomes = trendOfAccounts(history.rows, {
      periods: history.periods,
      weeklyRent: history.rents,
      horizon: optionNumber(values.horizon, "--horizon"),
      tolerance: optionNumber(values.tolerance, "--tolerance"),
    });
    io.stdout.write(values.json ? toJson(history.accounts, outcomes) : toCsv(toRows(history.accounts, outcomes)));
    const failed = outcomes.filter((o) => o instanceof ArrearsInputError).length;
    if (failed) io.stderr.write(`arrears trend: ${failed} of ${outcomes.length} accounts could not be fitted (see the error column)\n`);
    return 0;
  },
};

const optionNumber = (text: string | undefined, name: string): number | null => (text === undefined ? null : numberOption(text, name));

function amount(text: string | undefined): number | null {
  if (text === undefined) return null;
  const t = text.trim().replace(/[£,]/g, "");
  if (t === "") return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

function readHistory(table: string[][], defaultRent: number | null): BalanceHistory {
  const header = table[0].map((h) => h.trim().toLowerCase());
  const find = (names: Set<string>) => header.findIndex((h) => names.has(h));
  const dateCol = find(DATE_HEADERS);
  const balanceCol = find(BALANCE_HEADERS);
  return dateCol >= 0 && balanceCol >= 0 ? readLong(table, find(ACCOUNT_HEADERS), dateCol, balanceCol, find(RENT_HEADERS), defaultRent) : readWide(table, find(RENT_HEADERS), defaultRent);
}

function readWide(table: string[][], rentCol: number, defaultRent: number | null): BalanceHistory {
  const header = table[0];
  const balanceCols = header.map((_, i) => i).filter((i) => i !== 0 && i !== rentCol);
  if (balanceCols.length < 2) throw new CliError(`need at least 2 balance columns after the account column; found headers: ${header.join(", ")}`);
  const serials = balanceCols.map((i) => parseDateToSerial(header[i]));
  const dated = serials.every((s) => s !== null);
  return {
    accounts: table.slice(1).map((r) => r[0] ?? ""),
    periods: dated ? serials : null,
    rows: table.slice(1).map((r) => balanceCols.map((i) => amount(r[i]))),
    rents: table.slice(1).map((r) => (rentCol >= 0 ? amount(r[rentCol]) : null) ?? defaultRent),
  };
}

function readLong(table: string[][], accountCol: number, dateCol: number, balanceCol: number, rentCol: number, defaultRent: number | null): BalanceHistory {
  if (accountCol < 0) throw new CliError(`no account column: expected one headed account (found: ${table[0].join(", ")})`);
  const byAccount = new Map<string, Map<number, number | null>>();
  const rentOf = new Map<string, number | null>();
  const allDates = new Set<number>();
  table.slice(1).forEach((r, i) => {
    const serial = parseDateToSerial(r[dateCol] ?? "");
    if (serial === null) throw new CliError(`row ${i + 2}: "${r[dateCol] ?? ""}" is not a date (use 2025-04-07 or 07/04/2025)`);
    const account = r[accountCol] ?? "";
    if (!byAccount.has(account)) byAccount.set(account, new Map());
    byAccount.get(account)!.set(serial, amount(r[balanceCol]));
    allDates.add(serial);
    if (rentCol >= 0 && amount(r[rentCol]) !== null) rentOf.set(account, amount(r[rentCol]));
  });
  const dates = [...allDates].sort((a, b) => a - b);
  const accounts = [...byAccount.keys()];
  return {
    accounts,
    periods: dates,
    rows: accounts.map((a) => dates.map((d) => byAccount.get(a)!.get(d) ?? null)),
    rents: accounts.map((a) => rentOf.get(a) ?? defaultRent),
  };
}

function toRows(accounts: string[], outcomes: TrendRowOutcome[]): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [["account", ...TREND_COLUMNS, "error"]];
  outcomes.forEach((o, i) => {
    const account = neutraliseCellText(accounts[i]);
    if (o === null) rows.push([account, null, null, null, null, null, "no balances"]);
    else if (o instanceof ArrearsInputError) rows.push([account, null, null, null, null, null, neutraliseCellText(o.message)]);
    else rows.push([account, o.slopePerPeriod, o.direction, o.projectedBalance, o.weeksOwed, o.periodsInArrears, null]);
  });
  return rows;
}

function toJson(accounts: string[], outcomes: TrendRowOutcome[]): string {
  const out = outcomes.map((o, i) => {
    if (o === null) return { account: accounts[i], error: "no balances" };
    if (o instanceof ArrearsInputError) return { account: accounts[i], error: o.message };
    return { account: accounts[i], ...o };
  });
  return JSON.stringify(out, null, 2) + "\n";
}
