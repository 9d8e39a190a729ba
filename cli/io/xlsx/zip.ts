import { Unzip, UnzipInflate, type UnzipFile } from "fflate";

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
  unzip.register(UnzipInflate);
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
