import type * as Fflate from "fflate";
import type { AsyncFlateStreamHandler, UnzipDecoder, UnzipFile } from "fflate";
import { inflateRawSync } from "node:zlib";

/**
 * The zip layer of an .xlsx read: entries inflated as a stream under a byte budget,
 * so a zip bomb stops early. Entry names are normalised the way the Open Packaging
 * Conventions compare part names: backslashes (written by some Windows tools) read as
 * "/", a leading "/" dropped, and matched case-insensitively. Two entries with the
 * same normalised name are refused: which one a reader sees would be a guess.
 */

/** A zip or workbook problem with a message a user can act on. */
export class XlsxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "XlsxError";
  }
}

/** A part name as the package compares it: "/", not "\", no leading "/", lower case. */
export function partKey(name: string): string {
  return name.replace(/\\/g, "/").replace(/^\/+/, "").toLowerCase();
}

export function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** OLE compound file (D0 CF 11 E0): an Excel 97-2003 .xls, or an encrypted .xlsx wrapped in one. */
export function refuseOle(bytes: Uint8Array): void {
  if (!(bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) return;
  // An encrypted workbook's compound file holds a stream named EncryptedPackage (its
  // directory entry name is UTF-16 LE), per [MS-OFFCRYPTO] 2.3.4.
  const marker = Buffer.from("EncryptedPackage", "utf16le");
  if (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(marker) >= 0) {
    throw new XlsxError("the workbook is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password, clear it), save, and try again");
  }
  throw new XlsxError("this is an old-style Excel 97-2003 .xls workbook, not .xlsx; open it in Excel and save it as .xlsx (Excel Workbook)");
}

/**
 * Inflates the entries `wanted` accepts, under the budget. Returns each entry's bytes by
 * normalised name. Entries not wanted are skipped unread, but their names still count
 * for the duplicate check.
 */
export function inflateEntries(bytes: Uint8Array, wanted: (key: string) => boolean, maxInflatedBytes: number, clock: () => void): Map<string, Uint8Array> {
  const chunks = new Map<string, Uint8Array[]>();
  const names = new Map<string, string>();
  const finished = new Set<string>();
  let inflated = 0;
  let failure: XlsxError | null = null;
  // fflate is loaded when a workbook is read, not by every command that could read one.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain require is what loads a module only when it is used
  const { Unzip } = require("fflate") as typeof Fflate;
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    const key = partKey(file.name);
    const earlier = names.get(key);
    if (earlier !== undefined) {
      failure = new XlsxError(`the workbook is damaged: its zip holds two entries named "${earlier.slice(0, 100)}"${earlier === file.name ? "" : ` and "${file.name.slice(0, 100)}"`}, and which one counts would be a guess`);
      return;
    }
    names.set(key, file.name);
    if (!wanted(key) || key.endsWith("/")) return;
    const list: Uint8Array[] = [];
    chunks.set(key, list);
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new XlsxError(`the workbook is damaged (${file.name.slice(0, 100)}: ${err.message})`);
        return;
      }
      inflated += data.length;
      if (inflated > maxInflatedBytes) {
        failure = new XlsxError(`the workbook expands to more than ${mb(maxInflatedBytes)}; refusing it as a possible zip bomb (or save the export in smaller parts)`);
        return;
      }
      list.push(data);
      if (final) finished.add(key);
    };
    file.start();
  });

  /**
   * DEFLATE entries are inflated by Node's zlib (native code, several times faster than
   * fflate's JavaScript inflater on a 60 MB sheet), in one call once the entry's last
   * compressed byte has arrived. fflate still walks the zip structure. The budget holds
   * as before: zlib stops at the bytes the budget has left (plus one, to tell "exactly
   * at the limit" from "over it"), so a zip bomb is refused without being expanded.
   */
  class NativeInflate implements UnzipDecoder {
    static compression = 8;
    ondata: AsyncFlateStreamHandler = () => {};
    private readonly compressed: Uint8Array[] = [];
    private size = 0;
    /**
     * Where the entry's compressed bytes lie in the file, while every chunk fflate hands
     * over is a view of the file's own bytes, each following the last (what it does when
     * the entry is not split across its own buffers): then they are read where they lie,
     * with no copy. -1 once a chunk is anything else, and the copies are used.
     */
    private inFile = -2;
    constructor(
      private readonly name: string,
      _size?: number,
      private readonly originalSize?: number,
    ) {}
    push(chunk: Uint8Array, final: boolean): void {
      const ofFile = chunk.buffer === bytes.buffer && chunk.byteOffset >= bytes.byteOffset && chunk.byteOffset + chunk.length <= bytes.byteOffset + bytes.length;
      const follows = ofFile && (this.inFile === -2 || (this.inFile >= 0 && chunk.byteOffset === this.inFile + this.size));
      if (follows) {
        if (this.inFile === -2) this.inFile = chunk.byteOffset;
        // Kept as a view: the file's bytes are never written to, so it holds what it held when handed over.
        this.compressed.push(chunk);
      } else {
        this.inFile = -1;
        // A copy: fflate may reuse a buffer of its own once push returns.
        this.compressed.push(chunk.slice());
      }
      this.size += chunk.length;
      if (!final) return;
      const input =
        this.inFile >= 0
          ? new Uint8Array(bytes.buffer, this.inFile, this.size)
          : this.compressed.length === 1
            ? this.compressed[0]
            : Buffer.concat(this.compressed, this.size);
      this.compressed.length = 0;
      let out: Uint8Array;
      try {
        const allowed = Math.max(1, maxInflatedBytes - inflated + 1);
        // One output buffer of the size the zip header states (capped by the budget) rather than 16 KB pieces joined at the end.
        const chunkSize = Math.min(Math.max(this.originalSize ?? 0, 1 << 16), allowed, 1 << 27);
        out = inflateRawSync(input, { maxOutputLength: allowed, chunkSize });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
          failure ??= new XlsxError(`the workbook expands to more than ${mb(maxInflatedBytes)}; refusing it as a possible zip bomb (or save the export in smaller parts)`);
          return;
        }
        failure ??= new XlsxError(`the workbook is damaged (${this.name.slice(0, 100)}: ${(e as Error).message})`);
        return;
      }
      this.ondata(null, out as Uint8Array<ArrayBuffer>, true);
    }
  }
  unzip.register(NativeInflate);
  const STEP = 1 << 14;
  try {
    for (let i = 0; i < bytes.length && !failure; i += STEP) {
      unzip.push(bytes.subarray(i, Math.min(i + STEP, bytes.length)), i + STEP >= bytes.length);
      clock();
    }
  } catch (e) {
    if (e instanceof XlsxError) throw e;
    throw new XlsxError(`the workbook is damaged or truncated (${e instanceof Error ? e.message : String(e)})`);
  }
  if (failure) throw failure;
  const parts = new Map<string, Uint8Array>();
  for (const [key, list] of chunks) {
    if (!finished.has(key)) throw new XlsxError(`the workbook is truncated: ${names.get(key)} is incomplete`);
    if (list.length === 1) {
      parts.set(key, list[0]);
      continue;
    }
    const joined = new Uint8Array(list.reduce((n, c) => n + c.length, 0));
    let off = 0;
    for (const c of list) {
      joined.set(c, off);
      off += c.length;
    }
    parts.set(key, joined);
  }
  return parts;
}
