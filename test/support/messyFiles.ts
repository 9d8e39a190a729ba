import * as fs from "node:fs";
import * as path from "node:path";
import { strToU8, zipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import { DEFAULT_PROFILE } from "../../core/export/profile";
import { writeXlsx } from "../../cli/io/xlsx";
import { entry, rawZip, zerosDeflated } from "./rawZip";

/**
 * The file-level messy-input corpus of issue #11: inputs as real exports, real tools and
 * real people produce them (encodings, delimiters, byte-order marks, xlsx written by other
 * tools, oversize lines, output-path traps, bad options), generated here into a folder.
 * Each case states its expected outcome: the exact figures (worked by hand below), or a
 * refusal whose one line names the file, row, column or option. test/corpus/files.test.ts
 * runs every case through the built CLI.
 *
 * The base export, worked by hand: two current secure tenancies.
 *   A1 owes £450.00, A2 owes £50.00           → current_arrears = 450 + 50 = 500
 *   April rent 433.33 each                     → rent_due = 2 × 433.33 = 866.66
 *   payments 300.00 (A1) and 433.33 (A2)       → rent_collected = 300 + 433.33 = 733.33
 */
export const BASE_FIGURES = { current_arrears: 500, rent_due: 866.66, rent_collected: 733.33 } as const;

export interface MessyCase {
  name: string;
  /** What is messy about the input. */
  what: string;
  /** The whole argument list after `arrears` (paths inside the corpus folder). */
  args: string[];
  /** Bytes for standard input. */
  stdin?: string | Uint8Array;
  /** Read: exit 0, and these KPI figures (by id) from `report --json`, or a check on the JSON printed. */
  figures?: Record<string, number>;
  /** The officers `report --json` lists, in order, when the case is about names. */
  officers?: string[];
  /** For uc/hb and --out cases: exit 0 and stdout matching. */
  stdout?: RegExp;
  /** Refused: exit 1, exactly one stderr line, matching this. */
  error?: RegExp;
  /** For a case that reads: the one warning line it must print (stderr is otherwise empty). */
  warning?: RegExp;
  /** Run as a child process under a 512 MB heap (big or memory-hungry inputs). */
  heavy?: boolean;
  /** Files that must be byte-for-byte unchanged afterwards (inputs and output traps). */
  unchanged?: string[];
}

const PERIOD = ["--from", "2025-04-01", "--to", "2025-04-30"];
const ACCOUNT_HEAD = ["Account", "Tenancy type", "Status", "Weekly rent", "Balance", "Officer"];
const TRANSACTION_HEAD = ["Date", "Account", "Type", "Amount"];
const accountRows = (north = "North", south = "South", balance1 = "450", balance2 = "50"): string[][] => [
  ["A1", "secure", "current", "100", balance1, north],
  ["A2", "secure", "current", "100", balance2, south],
];
const transactionRows = (money = (s: string) => s): string[][] => [
  ["01/04/2025", "A1", "rent", money("433.33")],
  ["10/04/2025", "A1", "payment", money("-300")],
  ["01/04/2025", "A2", "rent", money("433.33")],
  ["10/04/2025", "A2", "payment", money("-433.33")],
];

const field = (c: string, d: string) => (c.includes(d) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
const delimited = (rows: readonly (readonly string[])[], d = ",", eol = "\r\n") => rows.map((r) => r.map((c) => field(c, d)).join(d)).join(eol) + eol;

/** Windows-1252 bytes for text, from the code page's published mapping (written out here, not taken from the reader's table). */
const CP1252: Record<string, number> = {
  "€": 0x80, "‚": 0x82, "ƒ": 0x83, "„": 0x84, "…": 0x85, "†": 0x86, "‡": 0x87, "ˆ": 0x88, "‰": 0x89, "Š": 0x8a, "‹": 0x8b, "Œ": 0x8c, "Ž": 0x8e,
  "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "•": 0x95, "–": 0x96, "—": 0x97, "˜": 0x98, "™": 0x99, "š": 0x9a, "›": 0x9b, "œ": 0x9c, "ž": 0x9e, "Ÿ": 0x9f,
};
export const ALL_CP1252_HIGH = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
function win1252(text: string): Buffer {
  return Buffer.from(
    [...text].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (CP1252[ch] !== undefined) return CP1252[ch];
      if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) return c;
      throw new Error(`no Windows-1252 byte for ${ch}`);
    }),
  );
}
const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, "utf16le").swap16()]);

// ---- xlsx parts ----

type Cell = string | number | { date: number } | { xml: string } | null;
interface Sheet {
  name: string;
  rows: Cell[][];
  /** Extra XML before <sheetData>'s rows, or after them. */
  before?: string;
  after?: string;
}
const colName = (i: number) => String.fromCharCode(65 + i);
const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
function cellXml(v: Cell, ref: string): string {
  if (v === null) return "";
  if (typeof v === "number") return `<c r="${ref}"><v>${v}</v></c>`;
  if (typeof v === "string") return `<c r="${ref}" t="inlineStr"><is><t>${esc(v)}</t></is></c>`;
  if ("date" in v) return `<c r="${ref}" s="1"><v>${v.date}</v></c>`;
  return v.xml.replaceAll("REF", ref);
}
const sheetXml = (s: Sheet) =>
  `<worksheet><sheetData>${s.before ?? ""}${s.rows.map((r, i) => `<row r="${i + 1}">${r.map((v, j) => cellXml(v, `${colName(j)}${i + 1}`)).join("")}</row>`).join("")}${s.after ?? ""}</sheetData></worksheet>`;
const STYLES =
  '<styleSheet><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

interface BookOptions {
  workbookPr?: string;
  /** Folder of the workbook part (default xl/). */
  dir?: string;
  /** Extra sheets of other kinds: [name, relationship type suffix]. */
  otherSheets?: [string, string][];
  /** Rewrites each entry name (backslashes, case). */
  rename?: (name: string) => string;
  extra?: Record<string, string>;
  sharedStrings?: string;
}
function book(sheets: Sheet[], o: BookOptions = {}): Uint8Array {
  const dir = o.dir ?? "xl/";
  const all = [...sheets.map((s) => [s.name, "worksheet"] as [string, string]), ...(o.otherSheets ?? [])];
  const files: Record<string, string> = {
    "[Content_Types].xml": '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    "_rels/.rels": `<Relationships><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${dir}workbook.xml"/></Relationships>`,
    [`${dir}workbook.xml`]: `<workbook>${o.workbookPr ?? ""}<sheets>${all.map(([n], i) => `<sheet name="${esc(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    [`${dir}_rels/workbook.xml.rels`]:
      `<Relationships>${all.map(([, type], i) => `<Relationship Id="rId${i + 1}" Type="${REL}/${type}" Target="${type === "worksheet" ? "worksheets" : `${type}s`}/sheet${i + 1}.xml"/>`).join("")}` +
      `<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${o.sharedStrings !== undefined ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`,
    [`${dir}styles.xml`]: STYLES,
  };
  sheets.forEach((s, i) => (files[`${dir}worksheets/sheet${i + 1}.xml`] = sheetXml(s)));
  if (o.sharedStrings !== undefined) files[`${dir}sharedStrings.xml`] = o.sharedStrings;
  Object.assign(files, o.extra ?? {});
  const rename = o.rename ?? ((n: string) => n);
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [rename(k), strToU8(v)])));
}

/** Serials worked by hand: 1 Jan 2025 is 45658, so 1 April is +90 = 45748 and 10 April 45757. In the 1904 system each is 1462 less. */
const APR1 = 45748;
const APR10 = 45757;
const accountsSheet = (rows = accountRows() as Cell[][]): Sheet => ({ name: "Accounts", rows: [ACCOUNT_HEAD, ...rows] });
const transactionsSheet = (d1: Cell = { date: APR1 }, d10: Cell = { date: APR10 }): Sheet => ({
  name: "Transactions",
  rows: [TRANSACTION_HEAD, [d1, "A1", "rent", 433.33], [d10, "A1", "payment", -300], [d1, "A2", "rent", 433.33], [d10, "A2", "payment", -433.33]],
});
const goodBook = (o: BookOptions = {}, accounts = accountsSheet(), transactions = transactionsSheet()) => book([accounts, transactions], o);

/** The same export written by SheetJS (another tool than ours). */
function sheetJsBook(date1904: boolean, isoDates: boolean): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([ACCOUNT_HEAD, ...accountRows().map((r) => [r[0], r[1], r[2], 100, Number(r[4]), r[5]])]), "Accounts");
  const d = (day: number) => new Date(Date.UTC(2025, 3, day));
  XLSX.utils.book_append_sheet(
    wb,
    XLSX.utils.aoa_to_sheet([TRANSACTION_HEAD, [d(1), "A1", "rent", 433.33], [d(10), "A1", "payment", -300], [d(1), "A2", "rent", 433.33], [d(10), "A2", "payment", -433.33]], { cellDates: true }),
    "Transactions",
  );
  if (date1904) wb.Workbook = { WBProps: { date1904: true } };
  return XLSX.write(wb, { type: "buffer", bookType: "xlsx", cellDates: isoDates });
}

/** An OLE compound file header, with an EncryptedPackage stream name when encrypted. */
const ole = (encrypted: boolean) =>
  Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(1016), Buffer.from(encrypted ? "EncryptedPackage" : "Workbook", "utf16le"), Buffer.alloc(512)]);

const HOUSEHOLD = {
  adults: [{ age: 30, earnings: 0 }],
  children: [],
  rent: { amount: 100, period: "week" },
  bedrooms: 1,
};

/** Builds every case's files in `dir` and returns the cases. */
export function buildMessyFiles(dir: string): MessyCase[] {
  const put = (name: string, content: string | Uint8Array) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const accountsCsv = put("accounts.csv", delimited([ACCOUNT_HEAD, ...accountRows()]));
  const transactionsCsv = put("transactions.csv", delimited([TRANSACTION_HEAD, ...transactionRows()]));
  const cases: MessyCase[] = [];
  const add = (c: MessyCase) => cases.push(c);
  const report = (...args: string[]) => ["report", ...args, ...PERIOD, "--json"];
  const withAccounts = (name: string, content: string | Uint8Array) => report("--accounts", put(name, content), "--transactions", transactionsCsv);
  const withTransactions = (name: string, content: string | Uint8Array) => report("--accounts", accountsCsv, "--transactions", put(name, content));
  const withBook = (name: string, bytes: Uint8Array | string) => report("--in", put(name, bytes));
  const csvText = (rows = accountRows(), d = ",", eol = "\r\n") => delimited([ACCOUNT_HEAD, ...rows], d, eol);

  // ---- encodings ----
  add({ name: "UTF-8 without BOM", what: "the base accounts CSV", args: withAccounts("utf8.csv", csvText()), figures: BASE_FIGURES });
  add({ name: "UTF-8 with BOM", what: "Excel's 'CSV UTF-8'", args: withAccounts("utf8-bom.csv", "\uFEFF" + csvText()), figures: BASE_FIGURES });
  add({ name: "UTF-8 with BOM, transactions", what: "BOM on the transactions file", args: withTransactions("t-bom.csv", "\uFEFF" + delimited([TRANSACTION_HEAD, ...transactionRows()])), figures: BASE_FIGURES });
  add({ name: "UTF-16 LE, commas", what: "UTF-16 LE with BOM, comma-separated", args: withAccounts("utf16-comma.csv", utf16le(csvText())), figures: BASE_FIGURES });
  add({ name: "UTF-16 LE, tabs (Excel 'Unicode Text')", what: "UTF-16 LE with BOM, tab-separated", args: withAccounts("unicode.txt", utf16le(csvText(accountRows(), "\t"))), figures: BASE_FIGURES });
  add({ name: "UTF-16 BE, tabs", what: "UTF-16 BE with BOM", args: withAccounts("utf16be.txt", utf16be(csvText(accountRows(), "\t"))), figures: BASE_FIGURES });
  add({ name: "UTF-16 LE transactions", what: "transactions as Unicode Text", args: withTransactions("t-utf16.txt", utf16le(delimited([TRANSACTION_HEAD, ...transactionRows()], "\t"))), figures: BASE_FIGURES });
  add({
    name: "Windows-1252 £ and ’",
    what: "Excel's 'CSV (Comma delimited)': £ is byte A3, the apostrophe in O’Brien byte 92",
    args: withAccounts("cp1252.csv", win1252(csvText(accountRows("O’Brien", "South", "£450.00", "£50.00")))),
    figures: BASE_FIGURES,
    officers: ["O’Brien", "South"],
  });
  add({
    name: "Windows-1252 € “ ” – ë",
    what: "names with the bytes 80, 93, 94, 96 and EB",
    args: withAccounts("cp1252-names.csv", win1252(csvText(accountRows("Zoë – “North”", "€ South")))),
    figures: BASE_FIGURES,
    officers: ["€ South", "Zoë – “North”"], // the report lists officers in sorted order
  });
  add({
    name: "Windows-1252 every defined byte 80–9F",
    what: "all 27 characters the code page defines in 80–9F, in one officer name",
    args: withAccounts("cp1252-all.csv", win1252(csvText(accountRows(`North ${ALL_CP1252_HIGH}`)))),
    figures: BASE_FIGURES,
    officers: [`North ${ALL_CP1252_HIGH}`, "South"],
  });
  add({ name: "Windows-1252 é only", what: "a Latin-1 letter (E9), not valid UTF-8", args: withAccounts("latin.csv", win1252(csvText(accountRows("Renée")))), officers: ["Renée", "South"], figures: BASE_FIGURES });
  add({
    name: "Windows-1252 £ in transaction amounts",
    what: "amounts written £433.33 in Windows-1252",
    args: withTransactions("t-cp1252.csv", win1252(delimited([TRANSACTION_HEAD, ...transactionRows((s) => (s.startsWith("-") ? `-£${s.slice(1)}` : `£${s}`))]))),
    figures: BASE_FIGURES,
  });
  for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) {
    const bytes = Buffer.concat([win1252(`${ACCOUNT_HEAD.join(",")}\r\nA1,secure,current,100,450,Nor`), Buffer.from([b]), Buffer.from("th\r\n")]);
    add({
      name: `byte ${b.toString(16).toUpperCase()} (undefined in Windows-1252)`,
      what: "not UTF-8, and a byte Windows-1252 leaves undefined",
      args: withAccounts(`undefined-${b.toString(16)}.csv`, bytes),
      error: new RegExp(`undefined-${b.toString(16)}\\.csv is neither UTF-8 nor Windows-1252 text \\(byte 0x${b.toString(16).toUpperCase()} on line 2 is undefined in Windows-1252\\)`),
    });
  }
  add({ name: "UTF-8 curly quotes", what: "valid UTF-8 ’ “ ” read as UTF-8, not as Windows-1252", args: withAccounts("utf8-quotes.csv", csvText(accountRows("O’Brien “Jo”"))), officers: ["O’Brien “Jo”", "South"], figures: BASE_FIGURES });
  add({ name: "UTF-8 £ amounts", what: "£ as C2 A3 (UTF-8)", args: withAccounts("utf8-pound.csv", csvText(accountRows("North", "South", "£450.00", "£50"))), figures: BASE_FIGURES });
  add({ name: "NUL byte", what: "a NUL inside a name", args: withAccounts("nul.csv", csvText(accountRows("No\u0000rth"))), error: /nul\.csv holds a NUL byte \(line 2\): it is binary, or UTF-16 without a byte-order mark/ });
  add({ name: "UTF-16 without BOM", what: "UTF-16 LE bytes with no mark", args: withAccounts("utf16-nobom.csv", Buffer.from(csvText(), "utf16le")), error: /utf16-nobom\.csv holds a NUL byte \(line 1\)/ });
  add({ name: "UTF-8 BOM, invalid bytes", what: "a UTF-8 mark, then a Windows-1252 £", args: withAccounts("bom-then-1252.csv", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), win1252(csvText(accountRows("North", "South", "£450")))])), error: /bom-then-1252\.csv starts with a UTF-8 byte-order mark but is not valid UTF-8 text/ });
  add({ name: "UTF-16 odd length", what: "a UTF-16 file cut mid-character", args: withAccounts("utf16-odd.csv", utf16le(csvText()).subarray(0, 101)), error: /utf16-odd\.csv starts with a UTF-16 byte-order mark but has an odd number of bytes/ });
  add({ name: "UTF-16 lone surrogate", what: "a high surrogate with no low one", args: withAccounts("utf16-lone.csv", utf16le(csvText(accountRows("No\uD800rth")))), error: /utf16-lone\.csv starts with a UTF-16 byte-order mark but is not valid UTF-16 text/ });
  add({ name: "workbook given as CSV", what: "an .xlsx named .csv", args: withAccounts("book.csv", goodBook()), error: /book\.csv is a zip file \(an Excel workbook\?\), not CSV text/ });
  add({ name: ".xls given as CSV", what: "an OLE compound file", args: withAccounts("old.csv", ole(false)), error: /old\.csv is an old-style \.xls or a password-protected workbook, not CSV text/ });
  add({ name: "empty accounts file", what: "zero bytes", args: withAccounts("empty.csv", ""), error: /the accounts table is empty/ });
  add({ name: "BOM-only accounts file", what: "just a UTF-8 mark", args: withAccounts("bom-only.csv", "\uFEFF"), error: /the accounts table is empty/ });

  // ---- JSON inputs ----
  const profile = JSON.stringify(DEFAULT_PROFILE);
  add({ name: "profile JSON with BOM", what: "Notepad's UTF-8 with a mark", args: report("--accounts", accountsCsv, "--transactions", transactionsCsv, "--profile", put("profile-bom.json", "\uFEFF" + profile)), figures: BASE_FIGURES });
  add({ name: "profile JSON in UTF-16", what: "PowerShell's default Out-File encoding", args: report("--accounts", accountsCsv, "--transactions", transactionsCsv, "--profile", put("profile-utf16.json", utf16le(profile))), figures: BASE_FIGURES });
  add({ name: "profile JSON {}", what: "an empty profile", args: report("--accounts", accountsCsv, "--transactions", transactionsCsv, "--profile", put("profile-empty.json", "{}")), error: /the profile file .*profile-empty\.json: has no "name" \(a required key\)/ });
  add({ name: "partial profile JSON", what: "a profile with only a name", args: report("--accounts", accountsCsv, "--transactions", transactionsCsv, "--profile", put("profile-partial.json", '{"name":"mine"}')), error: /the profile file .*profile-partial\.json: has no "accounts" \(a required key\)/ });
  add({ name: "profile not JSON", what: "a CSV given as the profile", args: report("--accounts", accountsCsv, "--transactions", transactionsCsv, "--profile", accountsCsv), error: /the profile file .*accounts\.csv is not valid JSON/ });
  add({ name: "household JSON with BOM", what: "uc input saved by Notepad", args: ["uc", "--in", put("household-bom.json", "\uFEFF" + JSON.stringify(HOUSEHOLD)), "--tax-year", "2026-27", "--summary"], stdout: /"award"|"amount"|"total"/ });
  add({ name: "household JSON in UTF-16", what: "hb input saved as Unicode", args: ["hb", "--in", put("household-utf16.json", utf16le(JSON.stringify(HOUSEHOLD))), "--tax-year", "2026-27", "--summary"], stdout: /\{/ });
  add({ name: "household JSON from stdin with BOM", what: "piped with a mark", args: ["uc", "--tax-year", "2026-27", "--summary"], stdin: "\uFEFF" + JSON.stringify(HOUSEHOLD), stdout: /\{/ });

  // ---- delimiters ----
  add({ name: "semicolon accounts", what: "Excel's CSV where the list separator is ;", args: withAccounts("semi.csv", csvText(accountRows(), ";")), figures: BASE_FIGURES });
  add({ name: "semicolon transactions", what: "; in the transactions file", args: withTransactions("t-semi.csv", delimited([TRANSACTION_HEAD, ...transactionRows()], ";")), figures: BASE_FIGURES });
  add({ name: "tab-separated UTF-8", what: "a .tsv", args: withAccounts("tabs.tsv", csvText(accountRows(), "\t")), figures: BASE_FIGURES });
  add({ name: "semicolons inside quotes", what: "an officer 'North; East' quoted in a ; file", args: withAccounts("semi-quoted.csv", csvText(accountRows("North; East"), ";")), officers: ["North; East", "South"], figures: BASE_FIGURES });
  add({ name: "commas inside quotes in a ; file", what: "an officer 'North, East' in a ; file", args: withAccounts("semi-comma.csv", csvText(accountRows("North, East"), ";")), officers: ["North, East", "South"], figures: BASE_FIGURES });
  add({ name: "header with ; and ,", what: "Account;Tenancy type,Status…", args: withAccounts("mixed1.csv", "Account;Tenancy type,Status,Weekly rent,Balance,Officer\r\nA1;secure,current,100,450,North\r\n"), error: /mixed1\.csv: the header line has both semicolons and commas between its names, so the column delimiter is ambiguous/ });
  add({ name: "header with tab and ,", what: "a tab among commas", args: withAccounts("mixed2.csv", "Account\tTenancy type,Status,Weekly rent,Balance,Officer\r\n"), error: /mixed2\.csv: the header line has both tabs and commas/ });
  add({ name: "header with ; and tab", what: "semicolons and a tab", args: withAccounts("mixed3.csv", "Account;Tenancy type\tStatus;Weekly rent;Balance;Officer\r\n"), error: /mixed3\.csv: the header line has both semicolons and tabs/ });
  add({ name: "pipe-delimited", what: "| is not a delimiter we read: one column, named in the refusal", args: withAccounts("pipe.csv", csvText(accountRows(), "|")), error: /the accounts table has no account reference column .*Account\|Tenancy type/ });
  add({ name: "blank lines before the header", what: "two empty lines first", args: withAccounts("blank-first.csv", "\r\n\r\n" + csvText()), figures: BASE_FIGURES });
  add({ name: "lone CR line ends", what: "classic Mac line ends", args: withAccounts("cr.csv", csvText(accountRows(), ",", "\r")), figures: BASE_FIGURES });
  add({ name: "LF line ends", what: "Unix line ends", args: withAccounts("lf.csv", csvText(accountRows(), ",", "\n")), figures: BASE_FIGURES });
  add({ name: "no final line end", what: "the last row without CRLF", args: withAccounts("no-eol.csv", csvText().trimEnd()), figures: BASE_FIGURES });
  add({ name: "trailing empty columns", what: "every line ends with ,,,", args: withAccounts("trailing.csv", delimited([[...ACCOUNT_HEAD, "", ""], ...accountRows().map((r) => [...r, "", ""])])), figures: BASE_FIGURES });
  add({ name: "quoted line break in a name", what: "an officer split over two lines (read with one \\n, as text is everywhere)", args: withAccounts("quoted-break.csv", csvText(accountRows("North\r\nEast"))), officers: ["North\nEast", "South"], figures: BASE_FIGURES });

  // ---- CSV structure ----
  add({ name: "unterminated quote", what: "a quote opened on line 3 never closes", args: withAccounts("unterminated.csv", csvText() + 'A3,secure,current,100,5,"South'), error: /unterminated\.csv: line 4: the CSV ends inside a quoted field/ });
  add({ name: "text after a closing quote", what: '"North"x', args: withAccounts("after-quote.csv", `${ACCOUNT_HEAD.join(",")}\r\nA1,secure,current,100,450,"North"x\r\n`), error: /after-quote\.csv: line 2: text follows the closing quote of a field/ });
  add({ name: "quoted amount with trailing digits", what: '"12"34 would silently be 1234', args: withAccounts("quoted-digits.csv", `${ACCOUNT_HEAD.join(",")}\r\nA1,secure,current,100,"12"34,North\r\n`), error: /quoted-digits\.csv: line 2: text follows the closing quote/ });
  add({ name: "field over 32,767 characters", what: "a 40,000-character officer", args: withAccounts("long-field.csv", csvText(accountRows("x".repeat(40_000)))), error: /long-field\.csv: line 2: a field is longer than 32767 characters/ });
  add({ name: "runaway quote", what: "a quote never closed, swallowing 2,000 lines", args: withAccounts("runaway.csv", csvText([["A0", "secure", "current", "100", "5", '"North'], ...Array.from({ length: 2000 }, (_, i) => [`A${i + 1}`, "secure", "current", "100", "5", "South"])]).replace('"""North"', '"North')), error: /runaway\.csv: line 2: a quoted field runs on for more than 32767 characters/ });
  add({ name: "20,000 columns", what: "wider than Excel's 16,384 columns", args: withAccounts("wide.csv", "Account," + "x,".repeat(20_000) + "\r\n"), error: /wide\.csv: line 1: the line has more than 16384 fields/ });
  add({ name: "line over 1 MB", what: "40 fields of 30,000 characters", args: withAccounts("long-line.csv", `${ACCOUNT_HEAD.join(",")}\r\n` + Array.from({ length: 40 }, () => "y".repeat(30_000)).join(",") + "\r\n"), error: /long-line\.csv: line 2: the line is longer than 1048576 characters/ });
  add({ name: "50 MB line of commas", what: "issue #11: took 104 s and 1.4 GB before its error", args: withAccounts("commas.csv", "Account," + ",".repeat(50 * 1024 * 1024) + "\r\n"), error: /commas\.csv: line 1: the line has more than 16384 fields/, heavy: true });
  add({ name: "millions of short fields", what: "60 MB of two-letter fields under the byte cap", args: withAccounts("many-fields.csv", `${ACCOUNT_HEAD.join(",")}\n` + "ab,cd,ef,gh,ij,kl\n".repeat(3_400_000)), error: /many-fields\.csv: line 1000001: the file has more than 6,000,000 fields/, heavy: true });
  add({ name: "file over the size cap", what: "70 MB", args: withAccounts("huge.csv", Buffer.alloc(70 * 1024 * 1024, 0x41)), error: /huge\.csv is 70 MB, larger than the 64 MB the command reads/, heavy: true });
  add({
    name: "header only",
    what: "accounts header, no rows: no arrears, and the payments are counted with a warning that their accounts are missing",
    args: withAccounts("header-only.csv", `${ACCOUNT_HEAD.join(",")}\r\n`),
    figures: { current_arrears: 0, rent_collected: 733.33 },
    warning: /^arrears report: 4 transaction\(s\) in the period are on accounts not in the accounts table/,
  });

  // ---- xlsx ----
  add({ name: "workbook (ours)", what: "the base export as our writer writes it", args: withBook("ours.xlsx", writeXlsx([{ name: "Accounts", rows: [ACCOUNT_HEAD, ...accountRows()] }, { name: "Transactions", rows: [TRANSACTION_HEAD, ...transactionRows()] }])), figures: BASE_FIGURES });
  add({ name: "workbook (hand-built, date cells)", what: "dates as date-formatted serials", args: withBook("dates.xlsx", goodBook()), figures: BASE_FIGURES });
  add({ name: "workbook by SheetJS", what: "another tool's file: dates as numbers", args: withBook("sheetjs.xlsx", sheetJsBook(false, false)), figures: BASE_FIGURES });
  add({ name: "workbook by SheetJS, t=d dates", what: "dates as ISO t=\"d\" cells", args: withBook("sheetjs-iso.xlsx", sheetJsBook(false, true)), figures: BASE_FIGURES });
  add({ name: "workbook by SheetJS, 1904", what: "1904 date system: read as 1900 serials the dates would be 1921 and collect nothing", args: withBook("sheetjs-1904.xlsx", sheetJsBook(true, false)), figures: BASE_FIGURES });
  add({ name: "1904 workbook, hand-built", what: "date1904=\"1\", dates date-formatted", args: withBook("1904.xlsx", goodBook({ workbookPr: '<workbookPr date1904="1"/>' }, accountsSheet(), transactionsSheet({ date: APR1 - 1462 }, { date: APR10 - 1462 }))), figures: BASE_FIGURES });
  add({ name: "t=d date cells", what: "ISO dates in t=\"d\" cells", args: withBook("iso.xlsx", goodBook({}, accountsSheet(), transactionsSheet({ xml: '<c r="REF" t="d"><v>2025-04-01</v></c>' }, { xml: '<c r="REF" t="d"><v>2025-04-10T00:00:00</v></c>' }))), figures: BASE_FIGURES });
  add({ name: "impossible t=d date", what: "2025-02-31", args: withBook("iso-bad.xlsx", goodBook({}, accountsSheet(), transactionsSheet({ xml: '<c r="REF" t="d"><v>2025-02-31</v></c>' }))), error: /sheet "Transactions" cell A2 is a date cell holding "2025-02-31"/ });
  const accountsWith = (cell: Cell) => accountsSheet([["A1", "secure", "current", 100, cell, "North"], ["A2", "secure", "current", 100, 50, "South"]]);
  add({ name: "#N/A in a balance", what: "an error cell where a balance should be", args: withBook("na.xlsx", goodBook({}, accountsWith({ xml: '<c r="REF" t="e"><v>#N/A</v></c>' }))), error: /na\.xlsx: sheet "Accounts" cell E2 holds the error #N\/A; correct or clear it/ });
  add({ name: "#REF! in a sheet nobody reads", what: "a notes sheet with errors beside a clean export", args: withBook("ref-elsewhere.xlsx", book([accountsSheet(), transactionsSheet(), { name: "Notes", rows: [["see"], [{ xml: '<c r="REF" t="e"><v>#REF!</v></c>' }]] }])), figures: BASE_FIGURES });
  add({ name: "uncalculated formula balance", what: "a formula with no saved result", args: withBook("nocache.xlsx", goodBook({}, accountsWith({ xml: '<c r="REF"><f>400+50</f></c>' }))), error: /nocache\.xlsx: sheet "Accounts" cell E2 has a formula with no saved result/ });
  add({ name: "calculated formula balance", what: "a formula with its saved result 450", args: withBook("cached.xlsx", goodBook({}, accountsWith({ xml: '<c r="REF"><f>400+50</f><v>450</v></c>' }))), figures: BASE_FIGURES });
  add({ name: "empty shared-string value", what: "t=\"s\" with <v></v>", args: withBook("sst-empty.xlsx", goodBook({ sharedStrings: "<sst><si><t>North</t></si></sst>" }, accountsWith({ xml: '<c r="REF" t="s"><v></v></c>' }))), error: /sheet "Accounts" cell E2 is a text cell without its text/ });
  add({ name: "hex number cell", what: "<v>0x1C2</v>", args: withBook("hex.xlsx", goodBook({}, accountsWith({ xml: '<c r="REF"><v>0x1C2</v></c>' }))), error: /sheet "Accounts" cell E2 is a number cell holding "0x1C2", which is not a decimal number/ });
  add({ name: "Infinity number cell", what: "<v>Infinity</v>", args: withBook("inf.xlsx", goodBook({}, accountsWith({ xml: '<c r="REF"><v>Infinity</v></c>' }))), error: /cell E2 is a number cell holding "Infinity"/ });
  add({ name: "bad boolean", what: "t=\"b\" holding 2", args: withBook("bool.xlsx", goodBook({}, accountsWith({ xml: '<c r="REF" t="b"><v>2</v></c>' }))), error: /cell E2 is a TRUE\/FALSE cell holding "2"/ });
  add({ name: "unknown cell type", what: "t=\"q\"", args: withBook("type.xlsx", goodBook({}, accountsWith({ xml: '<c r="REF" t="q"><v>1</v></c>' }))), error: /cell E2 has an unknown cell type "q"/ });
  add({ name: "same cell twice", what: "two <c r=\"E2\">", args: withBook("twice.xlsx", goodBook({}, accountsWith({ xml: '<c r="REF"><v>450</v></c><c r="REF"><v>9</v></c>' }))), error: /sheet "Accounts" is damaged: cell E2 appears twice/ });
  add({ name: "XML comment hiding a row", what: "a commented-out account row", args: withBook("comment.xlsx", goodBook({}, { ...accountsSheet(), after: '<!-- <row r="9"><c r="A9" t="inlineStr"><is><t>A9</t></is></c><c r="E9"><v>99999</v></c></row> -->' })), figures: BASE_FIGURES });
  add({ name: "shared strings and rich text", what: "officers as shared strings with runs and phonetic text", args: withBook("rich.xlsx", goodBook({ sharedStrings: '<sst><si><r><t>No</t></r><r><t>rth</t></r><rPh><t>X</t></rPh></si><si><t>South</t></si></sst>' }, accountsSheet([["A1", "secure", "current", 100, 450, { xml: '<c r="REF" t="s"><v>0</v></c>' }], ["A2", "secure", "current", 100, 50, { xml: '<c r="REF" t="s"><v>1</v></c>' }]]))), officers: ["North", "South"], figures: BASE_FIGURES });
  add({ name: "line break _x000D_ in a name", what: "Excel's escaped CR before LF", args: withBook("crlf.xlsx", goodBook({}, accountsSheet([["A1", "secure", "current", 100, 450, { xml: '<c r="REF" t="inlineStr"><is><t>North_x000D_\nEast</t></is></c>' }], ["A2", "secure", "current", 100, 50, "South"]]))), officers: ["North\nEast", "South"], figures: BASE_FIGURES });
  add({ name: "workbook at another path", what: "_rels/.rels points at book/workbook.xml", args: withBook("elsewhere.xlsx", goodBook({ dir: "book/" })), figures: BASE_FIGURES });
  add({ name: "backslashes in zip names", what: "xl\\worksheets\\sheet1.xml", args: withBook("backslash.xlsx", goodBook({ rename: (n) => (n.startsWith("xl/") ? n.replace(/\//g, "\\") : n) })), figures: BASE_FIGURES });
  add({ name: "upper-case part names", what: "XL/WORKSHEETS/SHEET1.XML", args: withBook("upper.xlsx", goodBook({ rename: (n) => (n.startsWith("xl/") ? n.toUpperCase() : n) })), figures: BASE_FIGURES });
  add({ name: "chart sheet", what: "an officer added a chart tab", args: withBook("chart.xlsx", goodBook({ otherSheets: [["Chart1", "chartsheet"]] })), figures: BASE_FIGURES });
  add({ name: "dialog sheet", what: "an Excel 5 dialog sheet", args: withBook("dialog.xlsx", goodBook({ otherSheets: [["Dialog1", "dialogsheet"]] })), figures: BASE_FIGURES });
  add({
    name: "duplicate zip entry",
    what: "two entries named xl/worksheets/sheet1.xml",
    args: withBook(
      "dup.xlsx",
      rawZip([
        entry("_rels/.rels", `<Relationships><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
        entry("xl/workbook.xml", '<workbook><sheets><sheet name="Accounts" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        entry("xl/_rels/workbook.xml.rels", `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`),
        entry("xl/worksheets/sheet1.xml", sheetXml(accountsSheet())),
        entry("xl/worksheets/sheet1.xml", sheetXml(accountsSheet(accountRows("North", "South", "1", "1")))),
      ]),
    ),
    error: /dup\.xlsx: the workbook is damaged: its zip holds two entries named "xl\/worksheets\/sheet1\.xml"/,
  });
  add({ name: "password-protected workbook", what: "an encrypted OLE package", args: withBook("locked.xlsx", ole(true)), error: /locked\.xlsx: the workbook is password-protected \(encrypted\); .*remove the password/ });
  add({ name: ".xls workbook", what: "Excel 97-2003", args: withBook("old.xls", ole(false)), error: /old\.xls: this is an old-style Excel 97-2003 \.xls workbook/ });
  add({ name: "CSV given as --in", what: "text, not a zip", args: withBook("text.xlsx", csvText()), error: /text\.xlsx: this is not an \.xlsx workbook \(it is not a zip archive\)/ });
  add({ name: "empty --in", what: "zero bytes", args: withBook("empty.xlsx", ""), error: /empty\.xlsx: this is not an \.xlsx workbook/ });
  add({ name: "truncated workbook", what: "the first 60% of the file", args: withBook("cut.xlsx", goodBook().subarray(0, 900)), error: /cut\.xlsx: the workbook is (damaged|truncated)/ });
  add({ name: "missing sheet part", what: "workbook lists a sheet whose part is absent", args: withBook("missing.xlsx", goodBook({ rename: (n) => (n === "xl/worksheets/sheet2.xml" ? "xl/worksheets/gone.xml" : n) })), error: /sheet "Transactions" is missing from the file \(xl\/worksheets\/sheet2\.xml\)/ });
  add({ name: "cell reference off the grid", what: "A99999999", args: withBook("offgrid.xlsx", goodBook({}, accountsWith({ xml: '<c r="A99999999"><v>1</v></c>' }))), error: /sheet "Accounts" is damaged \(cell reference "A99999999"\)/ });
  add({
    name: "one cell at XFD1048576 in the accounts",
    what: "a stray value in the last cell of the accounts sheet: read sparsely (43 KB used to exhaust 1.5 GB), and the row without an account named",
    args: withBook("xfd.xlsx", goodBook({}, { ...accountsSheet(), after: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' })),
    error: /xfd\.xlsx sheet "Accounts": accounts row 1048576: account reference \(column "Account"\) is blank/,
    heavy: true,
  });
  add({
    name: "one cell at XFD1048576 on another sheet",
    what: "a stray value in the last cell of a notes sheet",
    args: withBook("xfd-notes.xlsx", book([accountsSheet(), transactionsSheet(), { name: "Notes", rows: [["x"]], after: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }])),
    figures: BASE_FIGURES,
    heavy: true,
  });
  add({
    name: "far cells on 3,000 rows",
    what: "a value at column XFD on every row: 49 million positions",
    args: withBook("far.xlsx", goodBook({}, { ...accountsSheet(), after: Array.from({ length: 3000 }, (_, i) => `<row r="${i + 10}"><c r="XFD${i + 10}"><v>1</v></c></row>`).join("") })),
    error: /far\.xlsx: sheet "Accounts": the workbook holds more than 16,000,000 cell positions/,
    heavy: true,
  });
  add({
    name: "590 MB zip bomb",
    what: "a 600 KB file inflating to 590 MB (used to die: Cannot create a string longer than 0x1fffffe8)",
    args: withBook("bomb.xlsx", rawZip([entry("_rels/.rels", `<Relationships><Relationship Id="r" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`), entry("xl/workbook.xml", "<workbook/>"), zerosDeflated("xl/worksheets/sheet1.xml", 590)])),
    error: /bomb\.xlsx: the workbook expands to more than 256\.0 MB; refusing it as a possible zip bomb/,
    heavy: true,
  });

  // ---- output paths ----
  const outDir = path.join(dir, "out");
  fs.mkdirSync(outDir);
  const outAccounts = put("out/a.csv", csvText());
  const outTransactions = put("out/t.csv", delimited([TRANSACTION_HEAD, ...transactionRows()]));
  const outBook = put("out/book.xlsx", goodBook());
  const toOut = (...args: string[]) => ["report", "--accounts", outAccounts, "--transactions", outTransactions, ...PERIOD, ...args];
  add({ name: "--out is the accounts file", what: "issue #11: used to replace the tenant export, exit 0", args: toOut("--out", outAccounts), error: /--out .*a\.csv is the input file .*a\.csv; writing there would destroy it/, unchanged: [outAccounts] });
  add({ name: "--out is the transactions file", what: "the other input", args: toOut("--out", outTransactions), error: /is the input file .*t\.csv/, unchanged: [outTransactions] });
  add({ name: "--out is the input by another path", what: "out/../out/a.csv", args: toOut("--out", path.join(outDir, "..", "out", "a.csv")), error: /is the input file/, unchanged: [outAccounts] });
  fs.linkSync(outAccounts, path.join(outDir, "hard.csv"));
  add({ name: "--out is a hard link to an input", what: "same inode, another name", args: toOut("--out", path.join(outDir, "hard.csv")), error: /hard\.csv is the input file/, unchanged: [outAccounts] });
  add({ name: "--out is the --in workbook", what: "the export workbook itself", args: ["report", "--in", outBook, ...PERIOD, "--out", outBook], error: /book\.xlsx is the input file/, unchanged: [outBook] });
  const victim = put("out/victim.txt", "keep me");
  fs.symlinkSync(victim, path.join(outDir, "link.xlsx"));
  add({ name: "--out is a symbolic link", what: "a link to another file", args: toOut("--out", path.join(outDir, "link.xlsx")), error: /link\.xlsx is a symbolic link/, unchanged: [victim] });
  fs.symlinkSync(path.join(outDir, "nowhere"), path.join(outDir, "dangling.xlsx"));
  add({ name: "--out is a dangling link", what: "a link to nothing", args: toOut("--out", path.join(outDir, "dangling.xlsx")), error: /dangling\.xlsx is a symbolic link/ });
  add({ name: "--out is a folder", what: "the out folder itself", args: toOut("--out", outDir), error: /--out .* is a folder; give a file name/ });
  add({ name: "--out in a missing folder", what: "no such folder", args: toOut("--out", path.join(outDir, "nope", "r.xlsx")), error: /--out .*r\.xlsx: the folder .*nope does not exist/ });
  add({ name: "--out is a device", what: "/dev/null", args: toOut("--out", "/dev/null"), error: /--out \/dev\/null is not an ordinary file/ });
  add({ name: "--out under a file", what: "a.csv/r.xlsx", args: toOut("--out", path.join(outAccounts, "r.xlsx")), error: /--out .*r\.xlsx: .*a\.csv is not a folder/ });
  const existing = put("out/old-return.xlsx", "old");
  add({ name: "--out replaces an ordinary file", what: "last month's return", args: toOut("--out", existing), stdout: /^wrote .*old-return\.xlsx: \d+ figures/ });
  add({ name: "--out new file", what: "the normal case", args: toOut("--out", path.join(outDir, "new.xlsx")), stdout: /^wrote .*new\.xlsx/ });

  // ---- input paths ----
  add({ name: "--accounts missing", what: "no such file", args: report("--accounts", path.join(dir, "nope.csv"), "--transactions", transactionsCsv), error: /cannot find the file .*nope\.csv/ });
  add({ name: "--accounts is a folder", what: "a directory", args: report("--accounts", outDir, "--transactions", transactionsCsv), error: /out is a folder, not a file/ });
  add({ name: "--accounts is /dev/zero", what: "an endless device", args: report("--accounts", "/dev/zero", "--transactions", transactionsCsv), error: /\/dev\/zero is not a regular file/ });
  add({ name: "--in missing", what: "no such workbook", args: report("--in", path.join(dir, "nope.xlsx")), error: /cannot find the file .*nope\.xlsx/ });
  add({ name: "--in and --accounts", what: "both inputs", args: report("--in", outBook, "--accounts", accountsCsv, "--transactions", transactionsCsv), error: /give either --in export\.xlsx or --accounts and --transactions, not both/ });

  // ---- options ----
  const base = (...args: string[]) => ["report", "--accounts", accountsCsv, "--transactions", transactionsCsv, ...PERIOD, "--json", ...args];
  for (const bad of ["0x10", "1e3", "Infinity", "NaN", "1,2,3", "12,50", "£", "--5", "5-"]) {
    add({ name: `--annual-debit ${bad}`, what: "not a decimal amount", args: base(`--annual-debit=${bad}`), error: new RegExp(`--annual-debit must be a number, got "${bad.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"`) });
  }
  add({ name: "--annual-debit £1,234,567.50", what: "£ and thousands commas", args: base("--annual-debit", "£1,234,567.50"), figures: BASE_FIGURES });
  add({ name: "--bands 4,x", what: "a band that is not a number", args: base("--bands", "4,x"), error: /--bands must be a number, got "x"/ });
  add({ name: "--bands 0x4", what: "hex band", args: base("--bands", "0x4,8"), error: /--bands must be a number, got "0x4"/ });
  add({ name: "--void-treatment half", what: "neither net nor gross", args: base("--void-treatment", "half"), error: /void treatment must be net or gross \(--void-treatment\), got "half"/ });
  add({ name: "--weeks-per-year 54", what: "not 52 or 53", args: base("--weeks-per-year", "54"), error: /--weeks-per-year must be 52 or 53, got "54"/ });
  add({ name: "--weeks-per-year 53", what: "a 53-week year: arrears unchanged", args: base("--weeks-per-year", "53"), figures: BASE_FIGURES });
  add({ name: "--uc-technical-weeks -1", what: "negative", args: base("--uc-technical-weeks=-1"), error: /UC technical weeks must be zero or more/ });
  add({ name: "--hb-technical-weeks 2", what: "accepted", args: base("--hb-technical-weeks", "2"), figures: BASE_FIGURES });
  add({ name: "--from 31/02/2025", what: "an impossible date", args: ["report", "--accounts", accountsCsv, "--transactions", transactionsCsv, "--from", "31/02/2025", "--to", "2025-04-30"], error: /--from must be a date .*got "31\/02\/2025"/ });
  add({ name: "unknown option", what: "--sheet", args: base("--sheet", "x"), error: /Unknown option '--sheet'/ });
  const household = (extra: object) => put(`hh-${cases.length}.json`, JSON.stringify({ ...HOUSEHOLD, ...extra }));
  add({ name: "uc --tax-year against the household's own", what: "flag 2025-26, household 2026-27", args: ["uc", "--in", household({ taxYear: "2026-27" }), "--tax-year", "2025-26"], error: /taxYear: the household's own taxYear 2026-27 \(tax year 2026-27\) conflicts with --tax-year 2025-26 \(tax year 2025-26\)/ });
  add({ name: "hb --date against the household's own date", what: "different days", args: ["hb", "--in", household({ date: "2026-05-01" }), "--date", "2026-06-01"], error: /--date 2026-06-01 would not be used: the household gives its own date 2026-05-01/ });
  add({ name: "uc --date beside a household taxYear", what: "the date would be ignored", args: ["uc", "--in", household({ taxYear: "2026-27" }), "--date", "2026-06-01"], error: /--date 2026-06-01 would not be used: the household gives its own taxYear 2026-27/ });
  add({ name: "uc --tax-year agreeing", what: "same year as the household", args: ["uc", "--in", household({ taxYear: "2026-27" }), "--tax-year", "2026/27", "--summary"], stdout: /\{/ });
  add({ name: "uc --tax-year without rates", what: "2019-20", args: ["uc", "--in", household({}), "--tax-year", "2019-20"], error: /taxYear: no benefit rates for tax year 2019-20/ });
  add({ name: "hb household missing a key", what: "no rent", args: ["hb", "--in", put("hh-norent.json", JSON.stringify({ adults: [{ age: 30 }], children: [], bedrooms: 1 }))], error: /has no "rent" \(a required key\)/ });
  return cases;
}
