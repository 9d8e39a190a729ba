import * as fs from "node:fs";
import * as path from "node:path";
import { LAST_SERIAL } from "../../core/dates/excelSerial";
import { readAmount } from "../../core/values/amount";
import { readCount } from "../../core/values/count";
import { readDate } from "../../core/values/date";
import { readText } from "../../core/values/text";
import { readYesNo } from "../../core/values/yesNo";
import type { Reading } from "../../core/values/reading";
import { DIST, loadBuiltFunctions } from "../support/builtAddin";
import { isCfError, StubCustomFunctionsError } from "../support/customFunctionsStub";
import { VALUE_CASES, type CaseInput, type ValueCase } from "./valuesCorpus";

// The value corpus through core's readers and through the built custom functions:
// every case is read as its expected value or refused with one line naming where it
// came from. "Silently wrong" = a value returned that is not the expected one, or a
// value returned where a refusal was expected.

const label = (c: ValueCase) => `${c.kind} ${typeof c.input === "object" && c.input !== null ? (c.input as { excelError: string }).excelError : JSON.stringify(c.input)} (${c.note})`;

function coreReading(c: ValueCase): Reading<unknown> {
  const input: unknown = typeof c.input === "object" && c.input !== null ? new StubCustomFunctionsError(c.input.excelError) : c.input;
  switch (c.kind) {
    case "amount":
      return readAmount(input);
    case "amountComma":
      return readAmount(input, { decimalSeparator: "," });
    case "date":
      return readDate(input);
    case "yesNo":
      return readYesNo(input);
    case "count":
      return readCount(input, 20);
    case "text":
      return readText(input);
  }
}

describe("the value corpus", () => {
  it("has at least 120 cases of every kind of value, each with an expected reading", () => {
    expect(VALUE_CASES.length).toBeGreaterThanOrEqual(120);
    const kinds = new Set(VALUE_CASES.map((c) => c.kind));
    expect([...kinds].sort()).toEqual(["amount", "amountComma", "count", "date", "text", "yesNo"]);
    expect(VALUE_CASES.filter((c) => c.expected === "refused").length).toBeGreaterThanOrEqual(60);
  });

  it("reads every case in core as expected: 0 silently wrong, every refusal a one-line reason", () => {
    const wrong: string[] = [];
    for (const c of VALUE_CASES) {
      const r = coreReading(c);
      if (c.expected === "refused") {
        if (r.ok) wrong.push(`${label(c)}: read as ${JSON.stringify(r.value)}, expected a refusal`);
        else if (r.reason.includes("\n") || r.reason.length < 5) wrong.push(`${label(c)}: refusal is not one clear line: ${JSON.stringify(r.reason)}`);
      } else if (!r.ok) wrong.push(`${label(c)}: refused (${r.reason}), expected ${JSON.stringify(c.expected)}`);
      else if (r.value !== c.expected) wrong.push(`${label(c)}: read as ${JSON.stringify(r.value)}, expected ${JSON.stringify(c.expected)}`);
    }
    expect(wrong).toEqual([]);
  });
});

const built = fs.existsSync(path.join(DIST, "functions.json"));
if (!built) throw new Error("The value corpus also runs through the BUILT functions: dist/functions.json is missing. Run `npm run build` first (npm test does).");

describe("the value corpus through the built functions", () => {
  const { log, CustomFunctions } = loadBuiltFunctions();
  const ErrorClass = CustomFunctions.Error as new (code: string) => object;
  const toExcel = (v: CaseInput): unknown => (typeof v === "object" && v !== null ? new ErrorClass(v.excelError) : v);
  const escalations = log.functions.get("ESCALATIONS")!;
  const trend = log.functions.get("TREND")!;
  const HEADER = ["Account", "Tenancy Type", "Status", "Weekly Rent", "Balance", "Vulnerable", "Last Action", "Last Action Date", "Bedrooms"];
  /** One account, £2,000 owed on £100 a week (20 weeks: notice stage), with one cell replaced by the case. */
  const accountRow = (over: Partial<Record<string, unknown>>): unknown[] => {
    const base: Record<string, unknown> = { Account: "A1", "Tenancy Type": "secure", Status: "current", "Weekly Rent": 100, Balance: 2000, Vulnerable: "", "Last Action": "", "Last Action Date": "", Bedrooms: "" };
    return HEADER.map((h) => (h in over ? over[h] : base[h]));
  };
  const messageOf = (out: unknown): string | null => (isCfError(out) ? out.message : null);
  const oneLineNaming = (message: string, ...parts: string[]) => !message.includes("\n") && parts.every((p) => message.includes(p));

  /** What ESCALATIONS makes of a case in one column: its spilled row, or its error message. */
  function viaEscalations(column: string, value: unknown, extra: Partial<Record<string, unknown>> = {}, asOf: number | null = null): { row: unknown[] | null; message: string | null } {
    const out = escalations([HEADER, accountRow({ ...extra, [column]: value })], null, asOf);
    const message = messageOf(out);
    if (message !== null) return { row: null, message };
    const row = (out as unknown[][])[1];
    const cellError = row.find(isCfError);
    return cellError ? { row: null, message: (cellError as StubCustomFunctionsError).message } : { row, message: null };
  }

  const iso = (serial: number) => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);

  it("reads every case the way core does, in ESCALATIONS and TREND: 0 silently wrong, refusals name the table, row and column", () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const c of VALUE_CASES) {
      const v = toExcel(c.input);
      const refused = c.expected === "refused";
      const expectRefusal = (message: string | null, ...where: string[]) => {
        if (message === null) wrong.push(`${label(c)}: accepted by a function, expected a refusal`);
        else if (!oneLineNaming(message, ...where)) wrong.push(`${label(c)}: refusal does not name ${where.join(", ")} in one line: ${message}`);
      };
      if (c.kind === "amount") {
        checked++;
        const { row, message } = viaEscalations("Balance", v);
        if (refused) expectRefusal(message, "accounts row 2", 'column "Balance"');
        else if (row === null) wrong.push(`${label(c)}: ESCALATIONS refused it: ${message}`);
        else if (row[3] !== c.expected) wrong.push(`${label(c)}: ESCALATIONS balance ${JSON.stringify(row[3])}, expected ${c.expected}`);
        // TREND over (1, £100) and (2, the case): slope = case − 100, to the penny.
        const t = trend([[100, v]]);
        const tm = messageOf(t) ?? messageOf((t as unknown[][])[0]?.[0]);
        if (refused) expectRefusal(tm, "balance 2");
        else if (tm !== null) wrong.push(`${label(c)}: TREND refused it: ${tm}`);
        else if (Math.abs(((t as number[][])[0][0] as number) - ((c.expected as number) - 100)) > 0.005) wrong.push(`${label(c)}: TREND slope ${(t as number[][])[0][0]}, expected ${(c.expected as number) - 100}`);
      } else if (c.kind === "date") {
        if (!refused && (c.expected as number) + 28 > LAST_SERIAL) continue;
        // Excel desktop passes 0 for an empty cell inside a range, so a table's date column reads 0 as blank (no date), not as a date.
        if (c.input === 0) continue;
        checked++;
        // At notice with the last action on the case's date, the reason names the court date, 28 days on.
        const asOf = refused ? 46000 : (c.expected as number) + 1;
        const { row, message } = viaEscalations("Last Action Date", v, { "Last Action": "notice" }, asOf);
        if (refused) expectRefusal(message, "accounts row 2", 'column "Last Action Date"');
        else if (row === null) wrong.push(`${label(c)}: ESCALATIONS refused it: ${message}`);
        else if (!String(row[6]).includes(`Court from ${iso((c.expected as number) + 28)}`)) wrong.push(`${label(c)}: reason ${JSON.stringify(row[6])}, expected the court date ${iso((c.expected as number) + 28)}`);
      } else if (c.kind === "yesNo") {
        checked++;
        const { row, message } = viaEscalations("Vulnerable", v);
        if (refused) expectRefusal(message, "accounts row 2", 'column "Vulnerable"');
        else if (row === null) wrong.push(`${label(c)}: ESCALATIONS refused it: ${message}`);
        else if (/vulnerable/i.test(String(row[6])) !== c.expected) wrong.push(`${label(c)}: reason ${JSON.stringify(row[6])} ${c.expected ? "lacks" : "has"} the vulnerability hold`);
      } else if (c.kind === "count") {
        checked++;
        const { message } = viaEscalations("Bedrooms", v);
        if (refused) expectRefusal(message, "accounts row 2", 'column "Bedrooms"');
        else if (message !== null) wrong.push(`${label(c)}: ESCALATIONS refused it: ${message}`);
      } else if (c.kind === "text") {
        checked++;
        const { row, message } = viaEscalations("Account", v);
        if (refused) expectRefusal(message, "accounts row 2", 'column "Account"');
        else if (row === null) wrong.push(`${label(c)}: ESCALATIONS refused it: ${message}`);
        else if (row[0] !== c.expected) wrong.push(`${label(c)}: account ${JSON.stringify(row[0])}, expected ${JSON.stringify(c.expected)}`);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(120);
    expect(wrong).toEqual([]);
  });
});
