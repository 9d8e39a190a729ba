import { arrangementsByOfficer, keptPercent, OFFICER_ARRANGEMENT_COLUMNS } from "../../core/arrangements/byOfficer";
import { readArrangements } from "../../core/arrangements/readArrangements";
import { ARRANGEMENT_COLUMNS, judgeArrangements, type ArrangementOptionsInput } from "../../core/arrangements/judge";
import { ArrearsInputError, describeValue } from "../../core/errors";
import { normaliseName } from "../../core/export/profile";
import { readAccounts, readTransactions } from "../../core/export/readTables";
import { cellToSerial, gridOf, isBlank, optionalNumber } from "../excel/cells";
import { runCustomFunction, toCell, type CellOut } from "../excel/results";
import { profileFromOptions, tableOf } from "../excel/tables";

/** Option names in the options range (matched ignoring case and punctuation) and the option each sets. */
const OPTION_KEYS: Record<string, keyof ArrangementOptionsInput> = {
  "payment grace days": "paymentGraceDays",
  "uc grace days": "ucGraceDays",
  "hb grace days": "hbGraceDays",
};

/** The shape and date options, beside the judging options. */
interface ShapeOptions {
  byOfficer: boolean;
  brokenSince: number | null;
}

/** Reads the two-column options range (name, value); the profile row is read by profileFromOptions. */
function arrangementOptions(range: unknown): ArrangementOptionsInput & ShapeOptions {
  const out: ArrangementOptionsInput & ShapeOptions = { byOfficer: false, brokenSince: null };
  for (const row of gridOf(range)) {
    if (row.every(isBlank)) continue;
    if (row.length < 2) throw new ArrearsInputError("options", "options must be two columns: option name and value");
    const name = normaliseName(String(row[0] ?? ""));
    if (name === "profile" || name === "mapping profile") continue;
    if (name === "shape") {
      const shape = normaliseName(String(row[1] ?? ""));
      if (shape !== "by officer" && shape !== "rows") throw new ArrearsInputError("options", `shape must be "rows" or "by officer", got ${describeValue(row[1])}`);
      out.byOfficer = shape === "by officer";
      continue;
    }
    if (name === "broken since") {
      out.brokenSince = isBlank(row[1]) ? null : cellToSerial(row[1]);
      if (out.brokenSince === null) throw new ArrearsInputError("options", `broken since must be a date, got ${describeValue(row[1])}`);
      continue;
    }
    const key = Object.hasOwn(OPTION_KEYS, name) ? OPTION_KEYS[name] : undefined;
    if (!key) throw new ArrearsInputError("options", `"${String(row[0])}" is not an option; use ${Object.keys(OPTION_KEYS).join(", ")}, shape, broken since, profile`);
    const value = optionalNumber(row[1], String(row[0]).trim());
    if (value !== null) out[key] = value;
  }
  return out;
}

/**
 * Payment arrangements judged at a date, spilled: one row per arrangement with its status (kept, at risk, broken, completed or on hold), instalments due so far, paid so far, shortfall, missed instalments, the first missed date, days since the last payment and the reason. A UC or HB credit arriving within its grace window is not a miss.
 * @customfunction ARRANGEMENTS
 * @helpurl https://localhost:3000/support.html#ARRANGEMENTS
 * @param arrangements The Arrangements table with its header row (account, start date, instalment, basis: arrears or total, frequency; optional type, start balance, end date, status, officer).
 * @param transactions The transactions table with its header row (date, account, type, amount): payments, DHP, UC and HB credits count as paid; rent is taken off an arrears-part instalment.
 * @param asOf Date to judge the arrangements at.
 * @param [options] Two columns, option and value: payment grace days (default 0), UC grace days (default 30), HB grace days (default 28), profile (mapping profile JSON); shape "by officer" with a broken since date gives one row per officer instead.
 * @param [accounts] The accounts table with its header row: its vulnerable, benefit claim pending and breathing space until columns put arrangements on hold.
 * @returns A header row, then Account, Officer, Status, Instalments due, Paid so far £, Shortfall £, Missed, First missed, Days since last payment, Reason per arrangement; or, by officer, active arrangements, arrears covered, broken since, and kept at 3 and 6 months per officer and for the team.
 */
export function arrangements(arrangements: any[][], transactions: any[][], asOf: any, options?: any[][], accounts?: any[][]): any[][] {
  const NAME = "ARREARS.ARRANGEMENTS";
  return runCustomFunction(NAME, () => {
    const v = Array.isArray(asOf) ? gridOf(asOf)[0]?.[0] : asOf;
    const when = isBlank(v) ? null : cellToSerial(v);
    if (when === null) throw new ArrearsInputError("asOf", `as-of date must be a date, got ${describeValue(v)}`);
    const profile = profileFromOptions(options ?? null);
    const { byOfficer, brokenSince, ...opts } = arrangementOptions(options ?? null);
    if (byOfficer && brokenSince === null) throw new ArrearsInputError("options", "the by-officer shape needs a broken since date (an options row: broken since | date)");
    const list = readArrangements(tableOf(arrangements), profile);
    const ts = readTransactions(tableOf(transactions), profile);
    const given = !(accounts === null || accounts === undefined || isBlank(accounts));
    const holds = given ? readAccounts(tableOf(accounts), profile) : [];
    if (byOfficer) {
      const out: CellOut[][] = [[...OFFICER_ARRANGEMENT_COLUMNS]];
      for (const l of arrangementsByOfficer(list, ts, when, brokenSince!, opts, given ? holds : null)) {
        out.push([
          l.officer,
          l.active,
          toCell(NAME, l.arrearsCovered),
          l.brokenSince,
          l.ranThreeMonths,
          l.keptAtThreeMonths,
          toCell(NAME, keptPercent(l.keptAtThreeMonths, l.ranThreeMonths)),
          l.ranSixMonths,
          l.keptAtSixMonths,
          toCell(NAME, keptPercent(l.keptAtSixMonths, l.ranSixMonths)),
        ]);
      }
      return out;
    }
    const rows: CellOut[][] = [[...ARRANGEMENT_COLUMNS]];
    for (const r of judgeArrangements(list, ts, when, opts, holds)) {
      rows.push([
        r.account,
        r.officer,
        r.outcome,
        r.instalmentsDue,
        toCell(NAME, r.paid),
        toCell(NAME, r.shortfall),
        r.missed,
        toCell(NAME, r.firstMissed),
        toCell(NAME, r.daysSinceLastPayment),
        r.reason,
      ]);
    }
    return rows;
  }) as any[][];
}
