import fc from "fast-check";
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

  it("reads all-ASCII bytes (read as Latin-1) exactly as UTF-8 decoding reads them, and any other bytes as before", () => {
    // The rule without a byte-order mark, written plainly: UTF-8 when valid, else Windows-1252, a NUL refused.
    const plain = (b: Uint8Array) => {
      if (b.indexOf(0) >= 0) return "refused";
      try {
        return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(b), encoding: "UTF-8" };
      } catch {
        const text = decodeWindows1252(b);
        return typeof text === "string" ? { text, encoding: "Windows-1252" } : "refused";
      }
    };
    const read = (b: Uint8Array) => {
      try {
        return decodeText(b, "f");
      } catch {
        return "refused";
      }
    };
    // Mostly ASCII (control characters, CR, tab included), sometimes a byte above 7F, in UTF-8 or not.
    const byte = fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 1, max: 0x7f }) }, fc.integer({ min: 0, max: 0xff }), fc.constantFrom(0xc2, 0xa3, 0xe2, 0x80, 0x99));
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 300 }), fc.nat(64), (list, skip) => {
        // Read from the middle of a larger buffer too, as a file's bytes may lie.
        const whole = new Uint8Array([...Array.from({ length: skip }, () => 0x41), ...list]);
        const b = whole.subarray(skip);
        if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0x50 && b[1] === 0x4b) || (b[0] === 0xd0 && b[1] === 0xcf))) return;
        if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return;
        expect(read(b)).toEqual(plain(b));
      }),
      { numRuns: 3000 },
    );
    expect(decodeText(bytes("a,b\r\n1,\t2\n"), "f")).toEqual({ text: "a,b\r\n1,\t2\n", encoding: "UTF-8" });
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
