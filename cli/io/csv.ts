/**
 * RFC 4180 CSV, as Northgate, Capita and Tallyman exports and Excel's "Save as CSV"
 * write it: quoted fields may hold commas, quotes ("") and line breaks; CRLF or LF;
 * an optional UTF-8 byte-order mark. Parsing is one linear pass (no regular
 * expressions), so a hostile file cannot make it slow.
 */

/** Parses CSV text into rows of fields. Blank lines are dropped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (!(row.length === 1 && row[0] === "")) rows.push(row);
    row = [];
    field = "";
  };
  for (; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") endRow();
    else if (c === "\r") {
      if (text[i + 1] !== "\n") endRow();
    } else field += c;
  }
  if (quoted) throw new Error("the CSV ends inside a quoted field (a \" is never closed)");
  if (field !== "" || row.length > 0) endRow();
  return rows;
}

/** Quotes a field when it needs it. Text from data should already be neutralised against formula injection. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return "";
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Writes rows as CSV with CRLF line ends (what Excel expects). */
export function toCsv(rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  return rows.map((r) => r.map(csvField).join(",")).join("\r\n") + "\r\n";
}
