import { constants, crc32, deflateRawSync } from "node:zlib";

/**
 * A zip written byte by byte, for files fflate's zipSync cannot make: two entries with
 * the same name, names with backslashes, and zip bombs built in milliseconds instead of
 * deflating hundreds of megabytes (see {@link zerosDeflated}).
 */
export interface RawEntry {
  name: string;
  /** The entry's data as stored in the zip (deflated unless `stored`). */
  data: Uint8Array;
  /** Inflated size and CRC-32 of the inflated data. */
  size: number;
  crc: number;
  stored?: boolean;
}

/** An entry from plain bytes, deflated. */
export function entry(name: string, content: string | Uint8Array): RawEntry {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
  return { name, data: deflateRawSync(bytes), size: bytes.length, crc: crc32(bytes) };
}

/**
 * An entry inflating to `megabytes` MB of zeros, built from one deflated megabyte
 * repeated (each copy ends with a sync flush, so copies join into one valid stream),
 * then an empty final block. The CRC is of the real inflated data.
 */
export function zerosDeflated(name: string, megabytes: number): RawEntry {
  const mbZeros = new Uint8Array(1024 * 1024);
  const piece = deflateRawSync(mbZeros, { finishFlush: constants.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  let crc = 0;
  for (let i = 0; i < megabytes; i++) {
    parts.push(piece);
    crc = crc32(mbZeros, crc);
  }
  parts.push(Buffer.from([0x03, 0x00])); // a final, empty fixed-Huffman block
  return { name, data: Buffer.concat(parts), size: megabytes * 1024 * 1024, crc };
}

/** The zip archive holding the entries in order. */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const method = e.stored ? 0 : 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(0, 10);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, Buffer.from(e.data));
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(0, 12);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
