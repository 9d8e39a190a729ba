/**
 * The small slice of XML that spreadsheet parts need, read in one linear pass
 * with indexOf (no backtracking regular expressions, so no ReDoS) and written
 * with escaping. Attribute maps have no prototype, so a key such as __proto__
 * in a hostile file is just a key.
 */

/** One start or empty tag: its name (namespace prefix dropped) and attributes. */
export interface Tag {
  name: string;
  attrs: Record<string, string>;
  /** `<x/>`: no content or end tag follows. */
  selfClosing: boolean;
  /** Index just past the tag's `>`. */
  end: number;
}

/**
 * Escapes text for an attribute value, a formula or other markup. Characters XML 1.0
 * cannot hold never reach the file: C0 controls other than tab, LF and CR become
 * OOXML's `_xHHHH_` escape; U+FFFE, U+FFFF and lone surrogates become U+FFFD.
 */
export function escapeXml(text: string): string {
  return escapeWith(text, false);
}

/**
 * Escapes a cell's or shared string's text so Excel shows exactly `text`. As
 * {@link escapeXml}, and also: text that already looks like an OOXML escape (`_x0041_`)
 * (or that would, once the next character is escaped: `_x004a` then U+0001) gets its
 * underscore escaped (`_x005F_x0041_`), or Excel would show "A"; U+FFFE and
 * U+FFFF are written as `_xFFFE_`/`_xFFFF_`.
 */
export function escapeCellText(text: string): string {
  return escapeWith(text, true);
}

/**
 * Every character the loop below may replace, and a few it may not (a CR or "_" in markup
 * text, a "_" that starts no escape): text with none (nearly every cell) is returned as it
 * is after one native search, not walked character by character.
 */
// eslint-disable-next-line no-control-regex -- control characters are among what it finds
const MAY_ESCAPE = /[\u0000-\u0008\u000b-\u001f&<>"_\ud800-\udfff\ufffe\uffff]/;

function escapeWith(text: string, cell: boolean): string {
  if (!MAY_ESCAPE.test(text)) return text;
  let out = "";
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Nearly every character needs nothing: one test passes letters, digits, spaces and
    // punctuation other than & < > " _, and text below the surrogates; the rest are sorted below.
    if (c >= 63 ? c !== 95 && c < 0xd800 : c >= 32 && c !== 38 && c !== 60 && c !== 62 && c !== 34) continue;
    let rep: string | null = null;
    if (c === 38) rep = "&amp;";
    else if (c === 60) rep = "&lt;";
    else if (c === 62) rep = "&gt;";
    else if (c === 34) rep = "&quot;";
    else if (c < 32 && c !== 9 && c !== 10 && (c !== 13 || cell)) rep = `_x${hex4(c)}_`; // a literal CR would read back as LF
    else if (c === 0xfffe || c === 0xffff) rep = cell ? `_x${hex4(c)}_` : "\uFFFD";
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else rep = "\uFFFD";
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = "\uFFFD";
    else if (cell && c === 95 && isEscapeAt(text, i)) rep = "_x005F_";
    if (rep !== null) {
      out += text.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? text : out + text.slice(from);
}

/** `_xHHHH_` at i (four hex digits), which Excel would decode. */
function isEscapeAt(text: string, i: number): boolean {
  if (text[i + 1] !== "x" && text[i + 1] !== "X") return false;
  // The closing "_" may be in the text, or be the start of the escape written for the next
  // character (a control character, U+FFFE or U+FFFF): "_x004a" then U+0001 is written
  // "_x004a_x0001_", which would read back as "J" then "x0001_" unless this "_" is escaped too.
  const next = text.charCodeAt(i + 6);
  if (!(next === 95 || (next < 32 && next !== 9 && next !== 10) || next === 0xfffe || next === 0xffff)) return false;
  for (let k = i + 2; k < i + 6; k++) {
    const h = text.charCodeAt(k);
    if (!((h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102))) return false;
  }
  return true;
}

const hex4 = (c: number) => c.toString(16).padStart(4, "0").toUpperCase();

/**
 * The text Excel will hold for a cell written with {@link escapeCellText}: the same
 * text, except lone surrogates, which become U+FFFD. The formula guard judges this.
 */
export function cellTextAsStored(text: string): string {
  // toWellFormed (Node 20+) replaces exactly the lone surrogates with U+FFFD.
  return (text as string & { toWellFormed(): string }).toWellFormed();
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decodes entities and OOXML's _xHHHH_ escapes. Unknown entities are kept as written. */
export function unescapeXml(text: string): string {
  if (text.indexOf("&") < 0 && text.indexOf("_x") < 0) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === "&") {
      const semi = text.indexOf(";", i);
      if (semi > i && semi - i <= 10) {
        const ent = text.slice(i + 1, semi);
        let ch: string | undefined = NAMED[ent];
        if (ch === undefined && ent[0] === "#") {
          const code = ent[1] === "x" || ent[1] === "X" ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
          if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff) ch = String.fromCodePoint(code);
        }
        if (ch !== undefined) {
          out += ch;
          i = semi + 1;
          continue;
        }
      }
    } else if (c === "_" && text[i + 1] === "x" && text[i + 6] === "_") {
      const hex = text.slice(i + 2, i + 6);
      if (/^[0-9A-Fa-f]{4}$/.test(hex)) {
        out += String.fromCharCode(parseInt(hex, 16));
        i += 7;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * Character data of an element: entities decoded, CDATA sections taken literally.
 * Excel never writes CDATA, but other tools that produce .xlsx exports do; without
 * this the "<![CDATA[" markers ended up in the cell's text.
 */
export function elementText(raw: string): string {
  if (raw.indexOf("<") < 0) return unescapeXml(raw);
  let out = "";
  let i = 0;
  for (;;) {
    const open = raw.indexOf("<", i);
    if (open < 0) return out + unescapeXml(raw.slice(i));
    out += unescapeXml(raw.slice(i, open));
    const cdata = raw.startsWith("<![CDATA[", open);
    const end = skipMarkup(raw, open);
    if (cdata) out += raw.slice(open + 9, end < 0 ? raw.length : end - 3);
    // Comments and processing instructions inside text are dropped, as an XML parser does.
    if (end < 0) return out;
    i = end;
  }
}

/**
 * Finds the next start or empty tag named `name` (prefix ignored) at or after `from`
 * and before `to`. Returns null when there is none.
 * Callers looking inside one element pass its end as `to`: without that bound, a
 * file of many empty elements (`<si></si>` or `<c></c>` thousands of times) made
 * every lookup scan on to the end of the part, which is quadratic and hung the read.
 */
export function nextTag(xml: string, names: readonly string[], from: number, to = xml.length): Tag | null {
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= to) return null;
    const c = xml[lt + 1];
    if (c === "!" || c === "?") {
      // A comment, CDATA section or processing instruction: skipped whole, so markup
      // inside one (`<!-- <c r="A1"><v>5</v></c> -->`) is never read as cells.
      const skip = skipMarkup(xml, lt);
      if (skip < 0 || skip > to) return null;
      i = skip;
      continue;
    }
    if (c === "/") {
      i = lt + 2;
      continue;
    }
    let j = lt + 1;
    while (j < xml.length && !isNameEnd(xml.charCodeAt(j))) j++;
    const full = xml.slice(lt + 1, j);
    const colon = full.indexOf(":");
    const local = colon >= 0 ? full.slice(colon + 1) : full;
    const gt = xml.indexOf(">", j);
    if (gt < 0 || gt >= to) return null;
    if (names.includes(local)) {
      const selfClosing = xml[gt - 1] === "/";
      return { name: local, attrs: parseAttrs(xml, j, selfClosing ? gt - 1 : gt), selfClosing, end: gt + 1 };
    }
    i = gt + 1;
  }
}

/** Index of the end tag `</name>` (any prefix) at or after `from` and before `to`, or -1. */
export function endTagIndex(xml: string, name: string, from: number, to = xml.length): number {
  let i = from;
  for (;;) {
    const lt = xml.indexOf("<", i);
    if (lt < 0 || lt >= to) return -1;
    const next = xml[lt + 1];
    if (next === "!" || next === "?") {
      const skip = skipMarkup(xml, lt);
      if (skip < 0) return -1;
      i = skip;
      continue;
    }
    if (next !== "/") {
      i = lt + 1;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) return -1;
    const full = xml.slice(lt + 2, gt).trim();
    const colon = full.indexOf(":");
    if ((colon >= 0 ? full.slice(colon + 1) : full) === name) return lt;
    i = gt + 1;
  }
}

/**
 * Index just past the comment (`<!-- -->`), CDATA section (`<![CDATA[ ]]>`), processing
 * instruction (`<? ?>`) or declaration (`<!DOCTYPE >`) starting at `lt`, or -1 when it never ends.
 */
export function skipMarkup(xml: string, lt: number): number {
  const close = xml.startsWith("<!--", lt) ? "-->" : xml.startsWith("<![CDATA[", lt) ? "]]>" : xml[lt + 1] === "?" ? "?>" : ">";
  const end = xml.indexOf(close, lt + 2);
  return end < 0 ? -1 : end + close.length;
}

function isNameEnd(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62;
}

function parseAttrs(whole: string, from: number, to: number): Record<string, string> {
  const attrs: Record<string, string> = Object.create(null);
  // Searching the tag's own text keeps each indexOf inside the tag: on the whole part, a
  // tag with no "=" sent the search to the next "=" anywhere after it, once per tag.
  const xml = whole.slice(from, to);
  const end = xml.length;
  let i = 0;
  while (i < end) {
    while (i < end && xml.charCodeAt(i) <= 32) i++;
    const eq = xml.indexOf("=", i);
    if (eq < 0) break;
    const key = xml.slice(i, eq).trim();
    const quote = xml[eq + 1];
    if (quote !== '"' && quote !== "'") break;
    const close = xml.indexOf(quote, eq + 2);
    if (close < 0) break;
    const colon = key.indexOf(":");
    attrs[colon >= 0 && !key.startsWith("xmlns") ? key.slice(colon + 1) : key] = unescapeXml(xml.slice(eq + 2, close));
    i = close + 1;
  }
  return attrs;
}
