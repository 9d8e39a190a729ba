import * as zlib from "node:zlib";

/**
 * A zip of DEFLATE entries compressed by Node's zlib (native code) at level 1: what
 * `writeXlsx(…, { compression: "fast" })` writes. fflate's JavaScript deflater took
 * about a third of the report's writing time on the 17,000-account return; zlib's is
 * several times faster. The package is the same (entries, names, order, contents);
 * only the compressed bytes differ, and zlib's may differ between Node builds, so
 * files kept byte for byte (the samples) stay on fflate ("small").
 *
 * The layout is PKWARE's APPNOTE 6.3: per entry a local header and its data, then the
 * central directory and its end record. No zip64: a workbook the report writes is a
 * few MB, and an entry or a zip over 4 GB is refused.
 */

/** 2000-01-01 00:00 as an MS-DOS date and time, the fixed timestamp every entry carries (as the fflate path's). */
const DOS_DATE = ((2000 - 1980) << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const LIMIT = 0xffffffff;

/** Zips `files` (name → contents, in insertion order) with level-1 DEFLATE. */
export function zipFast(files: Record<string, Uint8Array>): Uint8Array {
  const entries = Object.entries(files).map(([name, data]): Entry => {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = zlib.deflateRawSync(data, { level: 1 });
    if (data.length >= LIMIT || compressed.length >= LIMIT) throw new Error(`zip entry ${name} is too large`);
    return { nameBytes, data, compressed, crc: crc32(data), offset: 0 };
  });
  let size = 22;
  for (const e of entries) size += 30 + e.nameBytes.length + e.compressed.length + 46 + e.nameBytes.length;
  if (size >= LIMIT) throw new Error("the zip is too large");
  const out = Buffer.alloc(size);
  let at = 0;
  // Bit 11: names are UTF-8 (the part names are ASCII, so it changes nothing for them).
  const flags = entries.some((e) => e.nameBytes.some((b) => b > 0x7f)) ? 0x800 : 0;
  for (const e of entries) {
    e.offset = at;
    at = out.writeUInt32LE(0x04034b50, at);
    at = sharedFields(out, at, e, flags);
    at = out.writeUInt16LE(0, at); // extra field length
    at += e.nameBytes.copy(out, at);
    at += e.compressed.copy(out, at);
  }
  const directory = at;
  for (const e of entries) {
    at = out.writeUInt32LE(0x02014b50, at);
    at = out.writeUInt16LE(20, at); // version made by: 2.0, MS-DOS attributes
    at = sharedFields(out, at, e, flags);
    at = out.writeUInt16LE(0, at); // extra
    at = out.writeUInt16LE(0, at); // comment
    at = out.writeUInt16LE(0, at); // disk
    at = out.writeUInt16LE(0, at); // internal attributes
    at = out.writeUInt32LE(0, at); // external attributes
    at = out.writeUInt32LE(e.offset, at);
    at += e.nameBytes.copy(out, at);
  }
  const directorySize = at - directory;
  at = out.writeUInt32LE(0x06054b50, at);
  at = out.writeUInt16LE(0, at);
  at = out.writeUInt16LE(0, at);
  at = out.writeUInt16LE(entries.length, at);
  at = out.writeUInt16LE(entries.length, at);
  at = out.writeUInt32LE(directorySize, at);
  at = out.writeUInt32LE(directory, at);
  out.writeUInt16LE(0, at); // comment length
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

interface Entry {
  nameBytes: Buffer;
  data: Uint8Array;
  compressed: Buffer;
  crc: number;
  offset: number;
}

/**
 * The fields a local header and its central-directory entry both carry, in the format's
 * order: version needed (2.0, deflate), flags, method (deflate), time, date, CRC, sizes,
 * name length. Written by one function so the two copies cannot disagree.
 */
function sharedFields(out: Buffer, at: number, e: Entry, flags: number): number {
  at = out.writeUInt16LE(20, at);
  at = out.writeUInt16LE(flags, at);
  at = out.writeUInt16LE(8, at);
  at = out.writeUInt16LE(DOS_TIME, at);
  at = out.writeUInt16LE(DOS_DATE, at);
  at = out.writeUInt32LE(e.crc, at);
  at = out.writeUInt32LE(e.compressed.length, at);
  at = out.writeUInt32LE(e.data.length, at);
  return out.writeUInt16LE(e.nameBytes.length, at);
}

/** CRC-32 (the zip polynomial): zlib's where this Node has it (20.15 on), else a table. */
export function crc32(data: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  return native ? native(data) >>> 0 : crc32Table(data);
}

let table: Uint32Array | null = null;

/** The table-driven CRC-32, for Node builds without zlib.crc32 (and to check it against). */
export function crc32Table(data: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
