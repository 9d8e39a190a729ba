import { decodeWindows1252 } from "./windows1252";

/**
 * How the CLI turns the bytes of a CSV or JSON input into text. The rule, in order:
 *
 * 1. A byte-order mark decides: EF BB BF is UTF-8 (Excel's "CSV UTF-8"), FF FE is
 *    UTF-16 LE (Excel's "Unicode Text"), FE FF is UTF-16 BE. The text must then be
 *    valid in that encoding, or the file is refused.
 * 2. Without a mark, a NUL byte means binary data or UTF-16 without its mark: refused.
 * 3. Bytes that are valid UTF-8 are UTF-8. (Plain ASCII is the same in every encoding.)
 * 4. Anything else is Windows-1252, what Excel's "CSV (Comma delimited)" writes on a UK
 *    PC (£ is the byte A3). Text in another legacy encoding that happens to decode is
 *    possible in principle, but a Windows-1252 byte that is not valid UTF-8 cannot be
 *    misread as UTF-8, and a UTF-8 file is never read as Windows-1252. A byte the code
 *    page leaves undefined (81, 8D, 8F, 90, 9D) is refused.
 *
 * Recognisable non-text (a workbook, an old .xls or password-protected workbook) is
 * refused with what to do instead.
 */
export type TextEncodingName = "UTF-8" | "UTF-16 LE" | "UTF-16 BE" | "Windows-1252";

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** A file that cannot be read as text, with a message a user can act on. */
export class TextDecodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TextDecodingError";
  }
}

/**
 * Decodes an input file's bytes by the rule above.
 * @param name the file's name (or "standard input"), for the message.
 * @throws TextDecodingError naming the file and, where there is one, the line.
 */
export function decodeText(bytes: Uint8Array, name: string): DecodedText {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    throw new TextDecodingError(`${name} is a zip file (an Excel workbook?), not CSV text; save the sheet as "CSV UTF-8" (arrears report also reads .xlsx with --in)`);
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new TextDecodingError(`${name} is an old-style .xls or a password-protected workbook, not CSV text; remove any password and save it as "CSV UTF-8"`);
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: strict("utf-8", bytes.subarray(3), name, "UTF-8"), encoding: "UTF-8" };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: strict("utf-16le", evenLength(bytes.subarray(2), name), name, "UTF-16"), encoding: "UTF-16 LE" };
  if (startsWith(bytes, [0xfe, 0xff])) return { text: strict("utf-16be", evenLength(bytes.subarray(2), name), name, "UTF-16"), encoding: "UTF-16 BE" };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new TextDecodingError(`${name} holds a NUL byte (line ${lineAt(bytes, nul)}): it is binary, or UTF-16 without a byte-order mark; save it as "CSV UTF-8"`);
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes), encoding: "UTF-8" };
  } catch {
    const text = decodeWindows1252(bytes);
    if (typeof text === "string") return { text, encoding: "Windows-1252" };
    throw new TextDecodingError(
      `${name} is neither UTF-8 nor Windows-1252 text (byte ${hex(text.byte)} on line ${lineAt(bytes, text.offset)} is undefined in Windows-1252); save it as "CSV UTF-8"`,
    );
  }
}

function strict(label: string, bytes: Uint8Array, name: string, what: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new TextDecodingError(`${name} starts with a ${what} byte-order mark but is not valid ${what} text; save it again as "CSV UTF-8"`);
  }
}

function evenLength(bytes: Uint8Array, name: string): Uint8Array {
  if (bytes.length % 2 !== 0) throw new TextDecodingError(`${name} starts with a UTF-16 byte-order mark but has an odd number of bytes: it is truncated`);
  return bytes;
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, "0")}`;

/** 1-based line of a byte offset (LF-counted), worked out only for a message. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}
