import { endTagIndex, nextTag } from "./xml";

/**
 * Which cell styles show a number as a date, read from styles.xml. Needed only for
 * workbooks in the 1904 date system (Excel for Mac before 2011 and some exports), whose
 * date serials count from 1 January 1904: the reader shifts a number by 1,462 days to
 * the 1900 system exactly when its cell is formatted as a date, so every date the rest
 * of the toolkit sees is a 1900-system serial, and amounts are never shifted.
 */

/**
 * Built-in number formats that show dates (ECMA-376 Part 1, 18.8.30): 14–17 and 22,
 * plus the East Asian date formats 27–36 and 50–58. Time-only formats (18–21, 45–47)
 * are durations or times of day, not dates, and are left alone.
 */
const BUILT_IN_DATE_FORMATS: ReadonlySet<number> = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** True when a format code shows a date: a d or y token outside quotes, brackets and escapes (m alone may be minutes). */
export function isDateFormatCode(code: string): boolean {
  // Only the first section (positive numbers) matters for dates.
  let quoted = false;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (quoted) {
      if (c === '"') quoted = false;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === "\\" || c === "_" || c === "*") i++;
    else if (c === "[") {
      const close = code.indexOf("]", i);
      if (close < 0) return false;
      i = close;
    } else if (c === ";") return false;
    else if (c === "d" || c === "D" || c === "y" || c === "Y") return true;
  }
  return false;
}

/** For each cellXfs index (a cell's s attribute), whether it formats the number as a date. */
export function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  let at = 0;
  for (;;) {
    const tag = nextTag(xml, ["numFmt"], at);
    if (!tag) break;
    at = tag.end;
    const id = Number(tag.attrs.numFmtId);
    if (Number.isInteger(id) && tag.attrs.formatCode !== undefined) custom.set(id, tag.attrs.formatCode);
  }
  const out: boolean[] = [];
  const start = nextTag(xml, ["cellXfs"], 0);
  if (!start || start.selfClosing) return out;
  const end = endTagIndex(xml, "cellXfs", start.end);
  at = start.end;
  for (;;) {
    const tag = nextTag(xml, ["xf"], at, end < 0 ? xml.length : end);
    if (!tag) break;
    at = tag.end;
    const id = Number(tag.attrs.numFmtId ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormatCode(code) : BUILT_IN_DATE_FORMATS.has(id));
  }
  return out;
}
