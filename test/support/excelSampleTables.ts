import * as fs from "node:fs";
import * as path from "node:path";

/**
 * The sample export's CSV tables as Excel passes them to a custom function once the files
 * are opened as sheets: 2-D arrays with the header row, numbers as numbers, ISO dates as
 * date serials and blanks as "". Shared by the range-cache and KPI-cache tests and the
 * KPI-cells bench, so all three read the same cells.
 */

const EXPORT_DIR = path.join(__dirname, "..", "..", "samples", "export");
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** One CSV cell as Excel holds it: an ISO date as its serial, a plain number as a number, anything else as its text. */
export function excelCell(text: string): string | number {
  const d = ISO_DATE.exec(text);
  if (d) return (Date.UTC(+d[1], +d[2] - 1, +d[3]) - EXCEL_EPOCH_MS) / 86_400_000;
  return NUMBER.test(text) ? Number(text) : text;
}

/** A sample file (samples/export/…) as Excel passes the table. The files have no quoted fields, so a split is the whole parse (checked). */
export function sampleTable(file: string): (string | number)[][] {
  const text = fs.readFileSync(path.join(EXPORT_DIR, file), "utf8");
  if (text.includes('"')) throw new Error(`${file} has quoted fields: this reader does not handle them`);
  return text
    .split(/\r?\n/)
    .filter((line) => line !== "")
    .map((line, i) => (i === 0 ? line.split(",") : line.split(",").map(excelCell)));
}
