/**
 * Windows-1252 ("ANSI" on a UK Windows PC, what Excel's "CSV (Comma delimited)" writes),
 * bytes 0x80–0x9F: the 27 code points the code page defines there, from the Unicode
 * consortium's mapping (MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1252.TXT) and the WHATWG index.
 * Every other byte 0x00–0x7F and 0xA0–0xFF is the same code point as in Latin-1.
 * 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined in Windows-1252: a file holding one
 * is not Windows-1252 text, so it is refused rather than guessed at.
 *
 * A table of our own because Node's TextDecoder("windows-1252") (small-ICU builds)
 * decodes this range as Latin-1 control characters: 0x80 came out as U+0080, not €.
 */
export const WINDOWS_1252_HIGH: Readonly<Record<number, number>> = Object.freeze({
  0x80: 0x20ac, // € euro sign
  0x82: 0x201a, // ‚ single low-9 quotation mark
  0x83: 0x0192, // ƒ
  0x84: 0x201e, // „ double low-9 quotation mark
  0x85: 0x2026, // … horizontal ellipsis
  0x86: 0x2020, // † dagger
  0x87: 0x2021, // ‡ double dagger
  0x88: 0x02c6, // ˆ modifier circumflex
  0x89: 0x2030, // ‰ per mille
  0x8a: 0x0160, // Š
  0x8b: 0x2039, // ‹
  0x8c: 0x0152, // Œ
  0x8e: 0x017d, // Ž
  0x91: 0x2018, // ‘ left single quotation mark
  0x92: 0x2019, // ’ right single quotation mark (the apostrophe in O’Brien)
  0x93: 0x201c, // “ left double quotation mark
  0x94: 0x201d, // ” right double quotation mark
  0x95: 0x2022, // • bullet
  0x96: 0x2013, // – en dash
  0x97: 0x2014, // — em dash
  0x98: 0x02dc, // ˜ small tilde
  0x99: 0x2122, // ™
  0x9a: 0x0161, // š
  0x9b: 0x203a, // ›
  0x9c: 0x0153, // œ
  0x9e: 0x017e, // ž
  0x9f: 0x0178, // Ÿ
});

/** Where a Windows-1252 decode stopped: a byte the code page leaves undefined. */
export interface UndefinedByte {
  byte: number;
  offset: number;
}

/** Decodes Windows-1252 bytes, or returns the first undefined byte. Linear; chunks joined once. */
export function decodeWindows1252(bytes: Uint8Array): string | UndefinedByte {
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes = new Array<number>(CHUNK);
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    let code = b;
    if (b >= 0x80 && b <= 0x9f) {
      const mapped = WINDOWS_1252_HIGH[b];
      if (mapped === undefined) return { byte: b, offset: i };
      code = mapped;
    }
    codes[n++] = code;
    if (n === CHUNK) {
      parts.push(String.fromCharCode(...codes));
      n = 0;
    }
  }
  parts.push(String.fromCharCode(...codes.slice(0, n)));
  return parts.join("");
}
