import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/**
 * Prints workbooks the way a user would see them on paper: LibreOffice renders
 * each to PDF (`soffice --headless --convert-to pdf`) and the PDF's pages are
 * counted. To count pages per sheet, each sheet is first copied into a workbook
 * of its own (same parts, the workbook listing only that sheet, with its print
 * titles and print area), and all the copies go through one LibreOffice run.
 */

export interface PrintedSheet {
  pages: number;
  /** Every page wider than tall. */
  landscape: boolean;
}

/** One workbook per sheet, keyed by sheet name. */
export function oneSheetCopies(xlsx: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(xlsx);
  const workbook = strFromU8(files["xl/workbook.xml"]);
  const sheets = [...workbook.matchAll(/<sheet name="([^"]*)"[^>]*\/>/g)];
  const copies = new Map<string, Uint8Array>();
  sheets.forEach((m, i) => {
    const names = workbook.replace(/<definedName [^>]*localSheetId="(\d+)">[^<]*<\/definedName>/g, (d, id: string) => (Number(id) === i ? d.replace(/localSheetId="\d+"/, 'localSheetId="0"') : ""));
    const only = names.replace(/<sheets>.*<\/sheets>/, `<sheets>${m[0]}</sheets>`);
    copies.set(m[1].replace(/&amp;/g, "&"), zipSync({ ...files, "xl/workbook.xml": strToU8(only) }));
  });
  return copies;
}

/** Pages in a PDF: its /Type /Page objects (LibreOffice writes them uncompressed), and whether each MediaBox is landscape. */
export function pdfPages(pdf: Buffer): PrintedSheet {
  const text = pdf.toString("latin1");
  const pages = [...text.matchAll(/\/Type\s*\/Page(?![a-zA-Z])[^>]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  const count = (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
  const landscape = pages.length === count && pages.every((p) => Number(p[3]) - Number(p[1]) > Number(p[4]) - Number(p[2]));
  return { pages: count, landscape };
}

/** Renders each named workbook to PDF in one LibreOffice run and reads back its pages. */
export function printWorkbooks(books: Map<string, Uint8Array>): Map<string, PrintedSheet> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-print-"));
  try {
    const inputs = [...books].map(([name, bytes], i) => {
      const file = path.join(dir, `${i}.xlsx`);
      fs.writeFileSync(file, bytes);
      return { name, file, pdf: path.join(dir, "pdf", `${i}.pdf`) };
    });
    const run = spawnSync("soffice", [`-env:UserInstallation=file://${dir}/profile`, "--headless", "--convert-to", "pdf", "--outdir", path.join(dir, "pdf"), ...inputs.map((i) => i.file)], {
      encoding: "utf8",
      timeout: 240_000,
    });
    if (run.error) throw new Error(`soffice could not run (${run.error.message}): install Debian's libreoffice-calc, as .ci/run does`);
    if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
    return new Map(inputs.map((i) => [i.name, pdfPages(fs.readFileSync(i.pdf))]));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
