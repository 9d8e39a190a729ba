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

/** Escapes text for an element or attribute value; drops characters XML 1.0 cannot hold. */
export function escapeXml(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 38) out += "&amp;";
    else if (c === 60) out += "&lt;";
    else if (c === 62) out += "&gt;";
    else if (c === 34) out += "&quot;";
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13) out += `_x${c.toString(16).padStart(4, "0").toUpperCase()}_`;
    else out += text[i];
  }
  return out;
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
  let out = "";
  let i = 0;
  for (;;) {
    const open = raw.indexOf("<![CDATA[", i);
    if (open < 0) return out + unescapeXml(raw.slice(i));
    const close = raw.indexOf("]]>", open + 9);
    out += unescapeXml(raw.slice(i, open)) + raw.slice(open + 9, close < 0 ? raw.length : close);
    if (close < 0) return out;
    i = close + 3;
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
    if (c === "/" || c === "?" || c === "!") {
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
    const lt = xml.indexOf("</", i);
    if (lt < 0 || lt >= to) return -1;
    const gt = xml.indexOf(">", lt);
    if (gt < 0) return -1;
    const full = xml.slice(lt + 2, gt).trim();
    const colon = full.indexOf(":");
    if ((colon >= 0 ? full.slice(colon + 1) : full) === name) return lt;
    i = gt + 1;
  }
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
