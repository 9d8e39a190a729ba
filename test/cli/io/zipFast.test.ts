import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strToU8, unzipSync } from "fflate";
import * as XLSX from "@e965/xlsx";
import { readXlsx, writeXlsx, type OutSheet } from "../../../cli/io/xlsx";
import { crc32, crc32Table, zipFast } from "../../../cli/io/xlsx/zipFast";

/**
 * The report's workbook is zipped by zipFast (Node's zlib, level 1); the samples by
 * fflate (level 6). The two packages must hold the same parts with the same contents,
 * and other readers (fflate, SheetJS, Info-ZIP's unzip where installed) must read the
 * fast one, CRCs checked.
 */

describe("zipFast", () => {
  it("computes the zip CRC-32 (check value of '123456789' is CBF43926, from the CRC catalogue)", () => {
    expect(crc32Table(strToU8("123456789"))).toBe(0xcbf43926);
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    const big = new Uint8Array(100_000).map((_, i) => (i * 7919) % 251);
    expect(crc32(big)).toBe(crc32Table(big));
  });

  it("holds every part, in order, with its contents", () => {
    const files = { "[Content_Types].xml": strToU8("<Types/>"), "xl/a.xml": strToU8("x".repeat(100_000)), "xl/b.xml": new Uint8Array(0), "xl/é.xml": strToU8("£") };
    const out = unzipSync(zipFast(files));
    expect(Object.keys(out)).toEqual(Object.keys(files));
    for (const [name, data] of Object.entries(files)) expect(Buffer.from(out[name]).equals(Buffer.from(data))).toBe(true);
  });

  const sheets: OutSheet[] = [
    { name: "Return", freezeHeader: true, columnWidths: [30, 14], rows: [[{ value: "KPI", bold: true }, { value: "Value", bold: true }], ["Rent collected", { value: 0.987, format: "percent" }], ["Tenant & <name> £", 4321.5]] },
    { name: "List", table: { name: "List" }, rows: [["Account", "Balance"], ...Array.from({ length: 2000 }, (_, i) => [`A${i}`, i * 1.25])] },
  ];

  it("gives the same workbook parts as the level-6 fflate zip", () => {
    const fast = unzipSync(writeXlsx(sheets, { compression: "fast" }));
    const small = unzipSync(writeXlsx(sheets));
    expect(Object.keys(fast)).toEqual(Object.keys(small));
    for (const name of Object.keys(small)) expect(new TextDecoder().decode(fast[name])).toBe(new TextDecoder().decode(small[name]));
  });

  it("is read by the project's reader and by SheetJS", () => {
    const bytes = writeXlsx(sheets, { compression: "fast" });
    expect(readXlsx(bytes).sheets.map((s) => s.rows)).toEqual(readXlsx(writeXlsx(sheets)).sheets.map((s) => s.rows));
    const book = XLSX.read(bytes, { type: "array" });
    expect(book.SheetNames).toEqual(["Return", "List"]);
    expect(XLSX.utils.sheet_to_json(book.Sheets.List, { header: 1 })[2000]).toEqual(["A1999", 2498.75]);
  });

  it("passes unzip -t (CRCs and sizes) where Info-ZIP's unzip is installed", () => {
    let hasUnzip = true;
    try {
      execFileSync("unzip", ["-v"], { stdio: "ignore" });
    } catch {
      hasUnzip = false;
    }
    if (!hasUnzip) return;
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zipfast-"));
    const file = path.join(dir, "w.xlsx");
    fs.writeFileSync(file, writeXlsx(sheets, { compression: "fast" }));
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toMatch(/No errors detected/);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
