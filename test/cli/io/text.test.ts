import { decodeText, TextDecodingError } from "../../../cli/io/textDecoding";
import { decodeWindows1252, WINDOWS_1252_HIGH } from "../../../cli/io/windows1252";
import { CsvError, detectDelimiter, MAX_CSV_FIELDS, parseCsv } from "../../../cli/io/csv";
import { numberOption } from "../../../cli/io/input";

// Issue #11, "Encodings and delimiters": the decoding rule, the Windows-1252 table and the
// delimiter rule, each against values written out here from the published mappings.

describe("Windows-1252", () => {
  // From the Unicode consortium's CP1252.TXT, bytes 0x80–0x9F, written out by hand
  // (undefined: 81, 8D, 8F, 90, 9D).
  const PUBLISHED: [number, string][] = [
    [0x80, "€"], [0x82, "‚"], [0x83, "ƒ"], [0x84, "„"], [0x85, "…"], [0x86, "†"], [0x87, "‡"], [0x88, "ˆ"], [0x89, "‰"],
    [0x8a, "Š"], [0x8b, "‹"], [0x8c, "Œ"], [0x8e, "Ž"], [0x91, "‘"], [0x92, "’"], [0x93, "“"], [0x94, "”"], [0x95, "•"],
    [0x96, "–"], [0x97, "—"], [0x98, "˜"], [0x99, "™"], [0x9a, "š"], [0x9b, "›"], [0x9c, "œ"], [0x9e, "ž"], [0x9f, "Ÿ"],
  ];

  it("defines exactly the 27 published code points in 80–9F", () => {
    expect(Object.keys(WINDOWS_1252_HIGH)).toHaveLength(27);
    for (const [byte, ch] of PUBLISHED) expect(decodeWindows1252(Uint8Array.of(byte))).toBe(ch);
  });

  it("maps 00–7F and A0–FF to the same code points (Latin-1), in long input too", () => {
    const bytes = Uint8Array.from({ length: 20_000 }, (_, i) => [0x41, 0xa3, 0xe9, 0xff, 0x0a][i % 5]);
    const text = decodeWindows1252(bytes) as string;
    expect(text.length).toBe(20_000);
    expect(text.slice(0, 5)).toBe("A£éÿ\n");
  });

  it("returns the first undefined byte and where it is", () => {
    for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) expect(decodeWindows1252(Uint8Array.of(0x41, b))).toEqual({ byte: b, offset: 1 });
  });
});

describe("decodeText", () => {
  const bytes = (...parts: (number[] | string)[]) => Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : Buffer.from(p))));

  it("follows a byte-order mark", () => {
    expect(decodeText(bytes([0xef, 0xbb, 0xbf], "£1"), "f")).toEqual({ text: "£1", encoding: "UTF-8" });
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("£1\t’", "utf16le")]), "f")).toEqual({ text: "£1\t’", encoding: "UTF-16 LE" });
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from("£1", "utf16le").swap16()]), "f")).toEqual({ text: "£1", encoding: "UTF-16 BE" });
  });

  it("reads valid UTF-8 as UTF-8 and anything else as Windows-1252", () => {
    expect(decodeText(bytes("O’Brien £5"), "f")).toEqual({ text: "O’Brien £5", encoding: "UTF-8" });
    // "O’Brien £5" in Windows-1252: ’ is 92, £ is A3.
    expect(decodeText(bytes("O", [0x92], "Brien ", [0xa3], "5"), "f")).toEqual({ text: "O’Brien £5", encoding: "Windows-1252" });
  });

  it("refuses, in one line naming the file, what cannot be read as text", () => {
    const cases: [Buffer, RegExp][] = [
      [bytes("a,b\n", [0x81]), /^x\.csv is neither UTF-8 nor Windows-1252 text \(byte 0x81 on line 2 is undefined/],
      [bytes("a\n\nb", [0]), /^x\.csv holds a NUL byte \(line 3\)/],
      [bytes([0xef, 0xbb, 0xbf, 0xa3]), /starts with a UTF-8 byte-order mark but is not valid UTF-8/],
      [bytes([0xff, 0xfe, 0x41]), /odd number of bytes/],
      [bytes([0x50, 0x4b, 0x03, 0x04]), /is a zip file/],
      [bytes([0xd0, 0xcf, 0x11, 0xe0]), /old-style \.xls or a password-protected workbook/],
    ];
    for (const [input, message] of cases) {
      expect(() => decodeText(input, "x.csv")).toThrow(TextDecodingError);
      expect(() => decodeText(input, "x.csv")).toThrow(message);
    }
  });
});

describe("CSV delimiters and caps", () => {
  it("takes the delimiter from the header line, outside quotes", () => {
    expect(detectDelimiter("a,b\n1;2")).toBe(",");
    expect(detectDelimiter("a;b\n1,2")).toBe(";");
    expect(detectDelimiter("a\tb")).toBe("\t");
    expect(detectDelimiter('"a,b";c')).toBe(";");
    expect(detectDelimiter("\r\n\r\naccount")).toBe(",");
    expect(() => detectDelimiter("a;b,c")).toThrow(/both semicolons and commas/);
    expect(parseCsv("a;b\r\n1,5;2\r\n")).toEqual([["a", "b"], ["1,5", "2"]]);
    expect(parseCsv("a\tb\n\"x\ty\"\tz")).toEqual([["a", "b"], ["x\ty", "z"]]);
  });

  it("refuses text after a closing quote and rows wider than Excel", () => {
    expect(() => parseCsv('a,b\n"12"34,x')).toThrow(/line 2: text follows the closing quote/);
    expect(() => parseCsv("a" + ",".repeat(MAX_CSV_FIELDS))).toThrow(CsvError);
    expect(parseCsv("a" + ",".repeat(MAX_CSV_FIELDS - 1))[0]).toHaveLength(MAX_CSV_FIELDS);
  });

  it("parses quoted fields, doubled quotes and every line end", () => {
    expect(parseCsv('h1,h2\r\n"a ""b""","c\r\nd"\re,f\ng,')).toEqual([["h1", "h2"], ['a "b"', "c\r\nd"], ["e", "f"], ["g", ""]]);
  });
});

describe("numberOption", () => {
  it("reads decimal numbers with £ and thousands commas", () => {
    expect(numberOption("£1,234,567.50", "--x")).toBe(1234567.5);
    expect(numberOption("-£5", "--x")).toBe(-5);
    expect(numberOption("£-5", "--x")).toBe(-5);
    expect(numberOption(" 8 ", "--x")).toBe(8);
    expect(numberOption(".5", "--x")).toBe(0.5);
  });

  it.each(["0x10", "1e3", "Infinity", "NaN", "1,2,3", "12,50", "1,2345", "", "£", "--5", "-£-5", "0b11", "5-"])("refuses %p", (text) => {
    expect(() => numberOption(text, "--annual-debit")).toThrow(`--annual-debit must be a number, got "${text}"`);
  });
});
