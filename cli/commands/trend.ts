import { parseArgs } from "node:util";
import { ArrearsInputError } from "../../core/errors";
import { readBalanceHistory, type BalanceHistoryTable } from "../../core/export/balanceHistory";
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
  wide: one row per account; the account reference first (or in a column headed
        account); one column per period headed with its date (2025-04-07 or
        07/04/2025), its week number (1, 2, 3 ...) or a label (periods in column
        order); an optional column headed "weekly rent" (or weekly_rent, rent);
  long: columns headed account, date (or week, period) and balance (and optionally
        weekly rent), one row per account per period.
Balances are in pounds, positive = owed, read as everywhere else: 1,234.56, -£5,
(110.00) and 1010 CR are read; a blank balance is left out (never £0); any other
text, such as 12,50, is refused with its row and column.

Options
  --in FILE          CSV to read (default: standard input)
  --json             print JSON instead of CSV
  --horizon N        periods ahead to project (default 4)
  --tolerance N      £ per period within which a trend is "stable" (default 1)
  --weekly-rent N    weekly rent for accounts with no rent column
`;

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
    const history = readHistory(table);
    const defaultRent = optionNumber(values["weekly-rent"], "--weekly-rent");
    const outcomes = trendOfAccounts(history.balances, {
      periods: history.dates,
      nanAsBlank: true,
      weeklyRent: history.weeklyRent.map((r) => r ?? defaultRent),
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

/** The one balance-history reader in core: the same reading as the report's --history and ARREARS.TREND. */
function readHistory(table: string[][]): BalanceHistoryTable {
  try {
    return readBalanceHistory(table);
  } catch (e) {
    if (e instanceof ArrearsInputError) throw new CliError(e.message);
    throw e;
  }
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
