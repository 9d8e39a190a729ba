import { trend } from "../../addin/functions/trend";
import { escalationOf } from "../../core/escalation/escalate";
import { withBalanceTrend } from "../../core/escalation/withTrend";
import { readBalanceHistory } from "../../core/export/readTables";
import { runCli } from "../support/runCli";

// The three balance-history readers (arrears trend, the report's --history, ARREARS.TREND)
// must read the same history the same way: (110.00) and 1010 CR are negatives in all three,
// where before the first was read by one and silently dropped by the others, changing the slope.

const run = runCli;

// Weekly snapshots 7 days apart, x = 0,1,2,3 weeks; y = 100, −110, −1010, 50.
// x̄ = 1.5, Σ(x−x̄)² = 2.25+0.25+0.25+2.25 = 5; Σ(x−x̄)·y = −150 + 55 − 505 + 75 = −525;
// slope = −525 / 5 = −£105 a week.
const DATES = ["2025-04-07", "2025-04-14", "2025-04-21", "2025-04-28"];
const SERIALS = [45754, 45761, 45768, 45775];
const BALANCES = ["100", "(110.00)", "1010 CR", "50"];

describe("one balance-history reading everywhere", () => {
  it("arrears trend, the report's history and ARREARS.TREND give the same slope", async () => {
    const csv = [`Account,${DATES.join(",")}`, `A1,${BALANCES.map((b) => `"${b}"`).join(",")}`].join("\n");
    const cli = await run(["trend", "--json"], csv);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.out)[0]).toMatchObject({ account: "A1", slopePerPeriod: -105, periodLength: 7 });

    const history = readBalanceHistory([["Account", ...DATES], ["A1", ...BALANCES]]);
    const report = withBalanceTrend([escalationOf({ account: "A1", balance: 50, weeklyRent: 100, tenancyType: "secure" })], history);
    expect(report[0].trend).toMatchObject({ slopePerWeek: -105, weeks: 4 });

    expect(trend([BALANCES], [SERIALS])[0][0]).toBe(-105);
  });

  it("week numbers as headers give a weekly slope, not one seven times too steep", async () => {
    const cli = await run(["trend", "--json"], ["Account,1,2,3,4", "A1,100,110,120,130"].join("\n"));
    expect(JSON.parse(cli.out)[0]).toMatchObject({ slopePerPeriod: 10, periodLength: 1 });
  });

  it("a balance no reader can read is refused with its row and column by the command line", async () => {
    const cli = await run(["trend"], [`Account,${DATES.join(",")}`, `A1,100,"12,50",120,130`].join("\n"));
    expect(cli.code).toBe(1);
    expect(cli.err).toBe('arrears trend: history row 2, column "2025-04-14": balance "12,50" uses a decimal comma; if the export writes amounts that way, set decimalSeparator "," in the mapping profile\n');
  });
});
