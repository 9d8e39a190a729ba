import * as fs from "node:fs";
import * as path from "node:path";
import { deflateSync, strToU8, zipSync } from "fflate";
import { writeXlsx } from "../../cli/io/xlsx";

/**
 * A corpus of broken and hostile input files for `arrears report`, generated here
 * (never downloaded) into a directory. Each case says what the file is and what the
 * command must do with it: refuse it with one clear line, or, for files that are odd
 * but valid, read it and produce the right figures. test/security/hostileFiles.test.ts
 * runs every case end to end.
 */

export interface HostileCase {
  name: string;
  /** What is wrong with, or odd about, the file. */
  what: string;
  /** The input options (paths already in the corpus directory); the test adds the period and --out. */
  args: string[];
  /** Refused: exit code 1 and one stderr line matching this. */
  error?: RegExp;
  /** Odd but valid: the officers the "By officer" sheet must list (before "Team total"), in its order. */
  officers?: string[];
}

/** A clean export: two current secure tenancies, each with a month's rent and a payment. */
const ACCOUNT_HEAD = ["Account", "Tenancy type", "Status", "Weekly rent", "Balance", "Officer"];
const TRANSACTION_HEAD = ["Date", "Account", "Type", "Amount"];
const accountRows = (north = "North", south = "South"): string[][] => [
  ["A1", "secure", "current", "100", "450", north],
  ["A2", "secure", "current", "100", "50", south],
];
const TRANSACTION_ROWS = [
  ["01/04/2025", "A1", "rent", "433.33"],
  ["10/04/2025", "A1", "payment", "-300"],
  ["01/04/2025", "A2", "rent", "433.33"],
  ["10/04/2025", "A2", "payment", "-433.33"],
];

const csvLine = (cells: readonly string[]) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",");
const csv = (rows: readonly (readonly string[])[], eol = "\r\n") => rows.map(csvLine).join(eol) + eol;

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Excel's column letters for a zero-based index (A…Z only: the corpus sheets are narrow). */
const col = (i: number) => String.fromCharCode(65 + i);

/** Sheet XML with inline strings; `raw` cells go in unescaped, for hand-made hostile markup. */
function sheetXml(rows: readonly (readonly (string | { raw: string })[])[], before = "", after = ""): string {
  const body = rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v, j) => `<c r="${col(j)}${i + 1}" t="inlineStr"><is><t>${typeof v === "string" ? esc(v) : v.raw}</t></is></c>`).join("")}</row>`)
    .join("");
  return `${before}<worksheet><sheetData>${body}${after}</sheetData></worksheet>`;
}

interface RawBook {
  sheets: { name: string; xml: string; attrs?: string }[];
  sharedStrings?: string;
  relsExtra?: string;
  extra?: Record<string, string>;
}

/** A workbook zip assembled part by part, so every part can carry hostile markup. */
function rawWorkbook(book: RawBook): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8("<Types/>"),
    "xl/workbook.xml": strToU8(`<workbook><sheets>${book.sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"${s.attrs ?? ""}/>`).join("")}</sheets></workbook>`),
    "xl/_rels/workbook.xml.rels": strToU8(
      `<Relationships>${book.relsExtra ?? ""}${book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}</Relationships>`,
    ),
  };
  book.sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  if (book.sharedStrings !== undefined) files["xl/sharedStrings.xml"] = strToU8(book.sharedStrings);
  for (const [k, v] of Object.entries(book.extra ?? {})) files[k] = strToU8(v);
  return zipSync(files);
}

/** The clean export as a workbook written by our own writer. */
function goodWorkbook(north = "North", south = "South"): Uint8Array {
  return writeXlsx([
    { name: "Accounts", rows: [ACCOUNT_HEAD, ...accountRows(north, south)] },
    { name: "Transactions", rows: [TRANSACTION_HEAD, ...TRANSACTION_ROWS] },
  ]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One zip entry whose data is already deflated. */
interface DeflatedEntry {
  name: string;
  data: Uint8Array;
  crc: number;
  size: number;
}

const deflated = (name: string, plain: Uint8Array): DeflatedEntry => ({ name, data: deflateSync(plain, { level: 9 }), crc: crc32(plain), size: plain.length });

/** A zip of entries deflated beforehand; zipSync would deflate each entry itself, even when many share one payload. */
function zipOf(entries: readonly DeflatedEntry[], options: { zip64SizesWithoutExtra?: boolean } = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const header = (e: DeflatedEntry, name: Uint8Array, isCentral: boolean) => {
    const h = new DataView(new ArrayBuffer(isCentral ? 46 : 30));
    let p = 0;
    const u32 = (v: number) => (h.setUint32(p, v, true), (p += 4));
    const u16 = (v: number) => (h.setUint16(p, v, true), (p += 2));
    u32(isCentral ? 0x02014b50 : 0x04034b50);
    if (isCentral) u16(20); // version made by
    for (const v of [20, 0, 8, 0, 0x21]) u16(v); // version needed, flags, deflate, time, date (1980-01-01)
    u32(e.crc);
    // 0xFFFFFFFF says "the real sizes are in the ZIP64 extra field", which is then left out (CVE-2026-45820).
    u32(options.zip64SizesWithoutExtra ? 0xffffffff : e.data.length);
    u32(options.zip64SizesWithoutExtra ? 0xffffffff : e.size);
    u16(name.length);
    u16(0); // extra field length
    if (isCentral) {
      for (const v of [0, 0, 0]) u16(v); // comment length, disk, internal attributes
      u32(0); // external attributes
      u32(offset);
    }
    return new Uint8Array(h.buffer);
  };
  for (const e of entries) {
    const name = strToU8(e.name);
    central.push(header(e, name, true), name);
    chunks.push(header(e, name, false), name, e.data);
    offset += 30 + name.length + e.data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...chunks, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of all) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

/** A zip bomb: `copies` worksheet parts that each inflate to `bytes` spaces, all one payload deflated once. */
function zipBomb(copies: number, bytes: number): Uint8Array {
  const sheet = deflated("", new Uint8Array(bytes).fill(0x20));
  return zipOf([
    deflated("xl/workbook.xml", strToU8('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>')),
    ...Array.from({ length: copies }, (_, i) => ({ ...sheet, name: `xl/worksheets/sheet${i + 1}.xml` })),
  ]);
}

/** Writes every corpus file into `dir` and returns the cases. */
export function buildHostileCorpus(dir: string): HostileCase[] {
  const put = (name: string, content: string | Uint8Array) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  const goodTransactionsCsv = put("transactions.csv", csv([TRANSACTION_HEAD, ...TRANSACTION_ROWS]));
  const withAccountsCsv = (name: string, content: string | Uint8Array) => ["--accounts", put(name, content), "--transactions", goodTransactionsCsv];
  const xlsx = (name: string, bytes: Uint8Array) => ["--in", put(name, bytes)];
  const cases: HostileCase[] = [];
  const add = (c: HostileCase) => cases.push(c);

  // The clean export itself, so a failure elsewhere is not the base data's fault.
  add({ name: "clean workbook", what: "the base export every other case is a variation of", args: xlsx("clean.xlsx", goodWorkbook()), officers: ["North", "South"] });
  add({ name: "clean CSV", what: "the base export as CSV", args: withAccountsCsv("clean.csv", csv([ACCOUNT_HEAD, ...accountRows()])), officers: ["North", "South"] });

  // ---- .xlsx: the container ----
  add({ name: "not a zip", what: "CSV text saved with an .xlsx name", args: xlsx("not-a-zip.xlsx", strToU8(csv([ACCOUNT_HEAD, ...accountRows()]))), error: /not an \.xlsx workbook \(it is not a zip archive\)/ });
  add({ name: "empty file", what: "zero bytes", args: xlsx("empty.xlsx", new Uint8Array(0)), error: /not an \.xlsx workbook/ });
  const good = goodWorkbook();
  add({ name: "truncated zip", what: "a real workbook cut off at 60% (an interrupted download)", args: xlsx("truncated.xlsx", good.subarray(0, Math.floor(good.length * 0.6))), error: /workbook is (damaged or )?truncated/ });
  add({ name: "zip, not a workbook", what: "a zip with no xl/workbook.xml", args: xlsx("plain.xlsx", zipSync({ "readme.txt": strToU8("hello") })), error: /not an Excel workbook \(no xl\/workbook\.xml\)/ });
  add({
    name: "zip bomb",
    what: "about 1 MB on disk that inflates to 640 MB (80 parts of 8 MB of spaces), past the 600 MB inflate budget",
    args: xlsx("bomb.xlsx", zipBomb(80, 8 * 1024 * 1024)),
    error: /expands to more than 256\.0 MB; refusing it as a possible zip bomb/,
  });
  add({
    name: "ZIP64 sizes without the ZIP64 field",
    what: "entries whose sizes say 'see ZIP64 extra field' with no such field: the crafted archive behind fflate's infinite-loop advisory (CVE-2026-45820, fixed in 0.8.3)",
    args: xlsx("zip64-no-extra.xlsx", zipOf([deflated("xl/workbook.xml", strToU8('<workbook><sheets><sheet name="S" r:id="rId1"/></sheets></workbook>'))], { zip64SizesWithoutExtra: true })),
    error: /the workbook is damaged or truncated/,
  });
  add({
    name: "sheet part missing",
    what: "workbook.xml names a sheet whose part is not in the zip",
    args: xlsx("missing-part.xlsx", missingPartWorkbook()),
    error: /sheet "Accounts" is missing from the file/,
  });

  // ---- .xlsx: the strings ----
  add({
    name: "too many shared strings",
    what: "5,000,001 (empty) shared strings, past the 5,000,000 cap",
    args: xlsx("many-strings.xlsx", rawWorkbook({ sheets: [{ name: "S", xml: "<worksheet/>" }], sharedStrings: `<sst>${"<si/>".repeat(5_000_001)}</sst>` })),
    error: /more than 4000000 distinct texts/,
  });
  add({
    name: "huge shared string",
    what: "one shared string of 100,000 characters, past Excel's 32,767",
    args: xlsx("huge-string.xlsx", rawWorkbook({ sheets: [{ name: "S", xml: "<worksheet/>" }], sharedStrings: `<sst><si><t>${"x".repeat(100_000)}</t></si></sst>` })),
    error: /a cell holds more than 32767 characters/,
  });
  add({
    name: "very long cell",
    what: "an officer cell of 1,000,000 characters in rich-text runs",
    args: xlsx("long-cell.xlsx", rawWorkbook({ sheets: [{ name: "Accounts", xml: sheetXml([ACCOUNT_HEAD, ["A1", "secure", "current", "100", "450", { raw: `x</t><t>${"y".repeat(1000)}`.repeat(1000) }]]) }] })),
    error: /a cell holds more than 32767 characters/,
  });
  // Many empty elements once made every lookup scan to the end of the part (quadratic); they are blanks.
  const emptyCells = Array.from({ length: 200_000 }, (_, i) => `<row r="${i + 10}"><c r="A${i + 10}"></c></row>`).join("");
  add({
    name: "many empty elements",
    what: "200,000 empty <c></c> cells and 200,000 empty <si></si> strings around the real data",
    args: xlsx(
      "empty-elements.xlsx",
      rawWorkbook({
        sheets: [
          { name: "Accounts", xml: sheetXml([ACCOUNT_HEAD, ...accountRows()], "", emptyCells) },
          { name: "Transactions", xml: sheetXml([TRANSACTION_HEAD, ...TRANSACTION_ROWS]) },
        ],
        sharedStrings: `<sst>${"<si></si>".repeat(200_000)}<si><t>unused</t></si></sst>`,
      }),
    ),
    officers: ["North", "South"],
  });
  add({
    name: "deeply nested, unclosed XML",
    what: "a cell opening 100,000 nested <r> elements that never close",
    args: xlsx("unclosed.xlsx", rawWorkbook({ sheets: [{ name: "Accounts", xml: `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is>${"<r>".repeat(100_000)}` }] })),
    error: /sheet "Accounts" is damaged \(cell A1 never ends\)/,
  });
  add({
    name: "many attributes",
    what: "a cell with 100,000 attributes in an otherwise valid export",
    args: xlsx(
      "attributes.xlsx",
      rawWorkbook({
        sheets: [
          {
            name: "Accounts",
            xml: sheetXml([ACCOUNT_HEAD, ...accountRows()]).replace('<c r="A1"', `<c r="A1"${Array.from({ length: 100_000 }, (_, i) => ` a${i}="v"`).join("")}`),
          },
          { name: "Transactions", xml: sheetXml([TRANSACTION_HEAD, ...TRANSACTION_ROWS]) },
        ],
      }),
    ),
    officers: ["North", "South"],
  });
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`).join("")}]>`;
  add({
    name: "billion laughs",
    what: "a DOCTYPE defining nested entities (10^9 'lol's if expanded) used as an officer name: entities are never expanded, so it is the literal text",
    args: xlsx(
      "laughs.xlsx",
      rawWorkbook({
        sheets: [
          { name: "Accounts", xml: sheetXml([ACCOUNT_HEAD, ...accountRows("North", "x")]).replace("<t>x</t>", "<t>&lol9;</t>").replace("<worksheet>", `${laughs}<worksheet>`) },
          { name: "Transactions", xml: sheetXml([TRANSACTION_HEAD, ...TRANSACTION_ROWS]) },
        ],
      }),
    ),
    officers: ["&lol9;", "North"],
  });
  add({
    name: "CDATA",
    what: "officer names inside CDATA sections (Excel never writes them; other tools do)",
    args: xlsx(
      "cdata.xlsx",
      rawWorkbook({
        sheets: [
          { name: "Accounts", xml: sheetXml([ACCOUNT_HEAD, ...accountRows("N", "S")]).replace("<t>N</t>", "<t><![CDATA[North & <East>]]></t>").replace("<t>S</t>", "<t>So<![CDATA[uth]]></t>") },
          { name: "Transactions", xml: sheetXml([TRANSACTION_HEAD, ...TRANSACTION_ROWS]) },
        ],
      }),
    ),
    officers: ["North & <East>", "South"],
  });
  const odd = "Zoë \u202Eevil\u202C 👩‍💼 e\u0301";
  add({
    name: "odd unicode and NUL",
    what: "officer names with a right-to-left override, an emoji sequence, a combining accent, a raw NUL byte and an encoded &#0;",
    args: xlsx(
      "unicode.xlsx",
      rawWorkbook({
        sheets: [
          { name: "Accounts", xml: sheetXml([ACCOUNT_HEAD, ...accountRows(odd, "x")]).replace("<t>x</t>", "<t>Nul\u0000and&#0;</t>") },
          { name: "Transactions", xml: sheetXml([TRANSACTION_HEAD, ...TRANSACTION_ROWS]) },
        ],
      }),
    ),
    officers: ["Nul\u0000and\u0000", odd],
  });

  // ---- .xlsx: prototype keys everywhere ----
  // Officer and extra-column cells are shared strings 0-2 (__proto__, constructor, prototype); the rest inline.
  const protoAttrs = ' __proto__="x" constructor="y" prototype="z"';
  const KEYS = ["__proto__", "constructor", "prototype"];
  const protoCell = (v: string, ref: string) =>
    KEYS.includes(v) ? `<c r="${ref}" t="s"${protoAttrs}><v>${KEYS.indexOf(v)}</v></c>` : `<c r="${ref}" t="inlineStr"${protoAttrs}><is><t>${v}</t></is></c>`;
  const protoRows = [[...ACCOUNT_HEAD, ...KEYS], ...accountRows("__proto__", "constructor").map((r) => [...r, "prototype", "__proto__", "constructor"])];
  add({
    name: "__proto__ keys",
    what: "sheets named __proto__ and constructor; __proto__/constructor/prototype as extra headers, officer names, shared strings and XML attributes (on sheet, row, cell and relationship)",
    args: xlsx(
      "proto.xlsx",
      rawWorkbook({
        sheets: [
          {
            name: "__proto__",
            attrs: protoAttrs,
            xml: `<worksheet${protoAttrs}><sheetData>${protoRows.map((r, i) => `<row r="${i + 1}"${protoAttrs}>${r.map((v, j) => protoCell(v, `${col(j)}${i + 1}`)).join("")}</row>`).join("")}</sheetData></worksheet>`,
          },
          { name: "constructor", xml: sheetXml([TRANSACTION_HEAD, ...TRANSACTION_ROWS]) },
        ],
        sharedStrings: `<sst${protoAttrs}>${KEYS.map((k) => `<si${protoAttrs}><t${protoAttrs}>${k}</t></si>`).join("")}</sst>`,
        relsExtra: '<Relationship Id="__proto__" Target="worksheets/sheet2.xml"/><Relationship Id="constructor" Target="x"/>',
      }),
    ),
    officers: ["__proto__", "constructor"],
  });
  add({
    name: "only __proto__ headers",
    what: "a sheet whose headers are __proto__, constructor and prototype: no accounts columns",
    args: xlsx("proto-headers.xlsx", rawWorkbook({ sheets: [{ name: "prototype", xml: sheetXml([["__proto__", "constructor", "prototype"], ["1", "2", "3"]]) }] })),
    error: /no sheet has the accounts columns .* sheets found: "prototype" \(__proto__, constructor, prototype\)/,
  });

  // ---- .xlsx: the wrong layout ----
  add({
    name: "unexpected sheet names",
    what: "the sheets are called Sheet1 and Sheet2, transactions first: found by their headers, so valid",
    args: xlsx("sheet-names.xlsx", writeXlsx([{ name: "Sheet1", rows: [TRANSACTION_HEAD, ...TRANSACTION_ROWS] }, { name: "Sheet2", rows: [ACCOUNT_HEAD, ...accountRows()] }])),
    officers: ["North", "South"],
  });
  add({
    name: "no header row",
    what: "the accounts sheet starts with data, its header row deleted",
    args: xlsx("no-header.xlsx", writeXlsx([{ name: "Accounts", rows: accountRows() }, { name: "Transactions", rows: [TRANSACTION_HEAD, ...TRANSACTION_ROWS] }])),
    error: /no sheet has the accounts columns \(account, tenancyType, status, weeklyRent, balance\); sheets found: "Accounts" \(A1, /,
  });
  add({
    name: "missing required column",
    what: "the accounts sheet has no balance column",
    args: xlsx("no-balance.xlsx", writeXlsx([{ name: "Accounts", rows: [ACCOUNT_HEAD, ...accountRows()].map((r) => r.filter((_, j) => j !== 4)) }, { name: "Transactions", rows: [TRANSACTION_HEAD, ...TRANSACTION_ROWS] }])),
    error: /no sheet has the accounts columns \(account, tenancyType, status, weeklyRent, balance\)/,
  });
  add({
    name: "no transactions sheet",
    what: "only the accounts sheet",
    args: xlsx("no-transactions.xlsx", writeXlsx([{ name: "Accounts", rows: [ACCOUNT_HEAD, ...accountRows()] }])),
    error: /no sheet other than "Accounts" has the transactions columns/,
  });

  // ---- CSV ----
  add({
    name: "CSV: unterminated quote",
    what: "the last field opens a quote that never closes",
    args: withAccountsCsv("unterminated.csv", csv([ACCOUNT_HEAD, ...accountRows()]) + 'A3,secure,current,100,5,"South'),
    error: /unterminated\.csv: line 4: the CSV ends inside a quoted field \(this " is never closed\)/,
  });
  add({
    name: "CSV: runaway quote",
    what: "a quote opened on line 2 of a 20,000-line file, swallowing the rest",
    args: withAccountsCsv("runaway.csv", csv([ACCOUNT_HEAD, ["A0", "secure", "current", "100", "5", '"North'], ...Array.from({ length: 20_000 }, (_, i) => [`A${i + 1}`, "secure", "current", "100", "5", "South"])]).replace('"""North"', '"North')),
    error: /runaway\.csv: line 2: a quoted field runs on for more than 32767 characters: its " is probably never closed/,
  });
  add({
    name: "CSV: enormous line",
    what: "a 6 MB header line of 1,000,000 columns: refused at Excel's 16,384 columns, before any header matching",
    args: withAccountsCsv("enormous-line.csv", "Tenant," + "x,".repeat(1_000_000) + "\r\nJo\r\n"),
    error: /enormous-line\.csv: line 1: the line has more than 16384 fields/,
  });
  add({
    name: "CSV: enormous field",
    what: "one officer field of 5,000,000 characters",
    args: withAccountsCsv("enormous-field.csv", csv([ACCOUNT_HEAD, ["A1", "secure", "current", "100", "450", "x".repeat(5_000_000)]])),
    error: /enormous-field\.csv: line 2: a field is longer than 32767 characters/,
  });
  add({ name: "CSV: byte-order mark", what: "UTF-8 with a BOM, as Excel's 'CSV UTF-8' writes it", args: withAccountsCsv("bom.csv", "\uFEFF" + csv([ACCOUNT_HEAD, ...accountRows()])), officers: ["North", "South"] });
  add({
    name: "CSV: UTF-16",
    what: "Excel's 'Unicode Text' (UTF-16 LE with a BOM): read",
    args: withAccountsCsv("utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv([ACCOUNT_HEAD, ...accountRows()]), "utf16le")])),
    officers: ["North", "South"],
  });
  add({ name: "CSV: workbook with a .csv name", what: "an .xlsx file given as CSV", args: withAccountsCsv("workbook.csv", goodWorkbook()), error: /workbook\.csv is a zip file \(an Excel workbook\?\), not CSV text/ });
  add({
    name: "CSV: mixed line endings",
    what: "CRLF, LF and lone CR line ends in one file, and a quoted line break",
    args: withAccountsCsv("mixed-eol.csv", `${csvLine(ACCOUNT_HEAD)}\r\n${csvLine(accountRows()[0])}\n${csvLine(["A2", "secure", "current", "100", "50", "South"])}\r${csvLine(["A3", "secure", "current", "100", "0", "East\nside"])}\r\n`),
    officers: ["East\nside", "North", "South"],
  });
  const formulaNames = ["=HYPERLINK(\"http://x\",\"y\")", "+North", "-South", "@SUM(1)", "\tTab", "\rCR"];
  add({
    name: "CSV: formula-looking cells",
    what: "officers and an account that start with = + - @ tab and CR: valid data, written to the report as text",
    args: withAccountsCsv(
      "formulas.csv",
      csv([ACCOUNT_HEAD, ...formulaNames.map((o, i) => [["A1", "A2", "=1+1", "+A4", "-A5", "@A6"][i], "secure", "current", "100", "450", o])]),
    ),
    // Read as given, except that names are trimmed, so the tab and CR prefixes go.
    officers: ["-South", "@SUM(1)", "+North", '=HYPERLINK("http://x","y")', "CR", "Tab"],
  });
  add({
    name: "CSV: NUL bytes",
    what: "a NUL byte inside an officer name: binary, or UTF-16 without its mark, so refused",
    args: withAccountsCsv("nul.csv", csv([ACCOUNT_HEAD, ...accountRows("No\u0000rth")])),
    error: /nul\.csv holds a NUL byte \(line 2\)/,
  });
  add({
    name: "CSV: __proto__",
    what: "__proto__, constructor and prototype as extra headers and as officer names",
    args: withAccountsCsv("proto.csv", csv([[...ACCOUNT_HEAD, "__proto__", "constructor", "prototype"], ...accountRows("__proto__", "constructor").map((r) => [...r, "prototype", "__proto__", "constructor"])])),
    officers: ["__proto__", "constructor"],
  });
  add({
    name: "CSV: missing required column",
    what: "accounts without a balance column",
    args: withAccountsCsv("no-balance.csv", csv([ACCOUNT_HEAD, ...accountRows()].map((r) => r.filter((_, j) => j !== 4)))),
    error: /the accounts table has no balance column \(looked for "balance"/,
  });
  add({ name: "CSV: empty", what: "an empty accounts file", args: withAccountsCsv("empty.csv", ""), error: /accounts/ });
  return cases;
}

/** workbook.xml lists a sheet whose relationship points at a part the zip does not hold. */
function missingPartWorkbook(): Uint8Array {
  return zipSync({
    "xl/workbook.xml": strToU8('<workbook><sheets><sheet name="Accounts" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    "xl/_rels/workbook.xml.rels": strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/gone.xml"/></Relationships>'),
  });
}
