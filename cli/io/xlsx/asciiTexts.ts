/**
 * Short texts read from an ASCII sheet's bytes, each distinct one made once. An export
 * repeats a handful of texts on every row (status, benefit and transaction-type codes,
 * yes/no flags, officers' names, each account's reference on its transactions); made
 * anew per cell, each was a call into C++ and a string the garbage collector then moved.
 *
 * A direct-mapped table by a hash of the bytes: a hit is compared byte for byte with the
 * string it holds (so a collision only costs a miss), a miss makes the string and takes
 * the slot. Longer texts (reasons, addresses) rarely repeat and are made as they come.
 */
export class AsciiTexts {
  private readonly held: string[];
  private readonly mask: number;

  /** `slots`: distinct short texts held at once, a power of two (the tests use a tiny table, so that texts collide). */
  constructor(slots = SLOTS) {
    this.held = new Array<string>(slots).fill("");
    this.mask = slots - 1;
  }

  /** The bytes from `from` to `to` (ASCII: one byte, one character) as a string. */
  text(buf: Buffer, from: number, to: number): string {
    const n = to - from;
    if (n > MAX_HELD || n === 0) return buf.toString("latin1", from, to);
    let h = n;
    for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i], 0x01000193);
    const slot = (h ^ (h >>> 15)) & this.mask;
    const s = this.held[slot];
    if (s.length === n && sameBytes(s, buf, from)) return s;
    const made = buf.toString("latin1", from, to);
    this.held[slot] = made;
    return made;
  }
}

/** Distinct short texts the table holds at once: an export has a few hundred (codes, officers) besides its references. */
const SLOTS = 4096;
/** Longest text held: codes, flags, names and references are shorter. */
const MAX_HELD = 32;

function sameBytes(s: string, buf: Buffer, from: number): boolean {
  for (let k = 0; k < s.length; k++) if (s.charCodeAt(k) !== buf[from + k]) return false;
  return true;
}
