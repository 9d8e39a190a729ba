import * as fs from "node:fs";
import * as path from "node:path";
import { DIST } from "../support/builtAddin";

// Tenant data never leaves the workbook: the built add-in contains no way to send
// anything (fetch, XHR, WebSocket, beacons, EventSource, worker imports), no URL
// it could send to, and its page only loads Office.js from Microsoft's CDN.

const bundles = fs.readdirSync(DIST).filter((f) => f.endsWith(".js"));
/** URLs that occur in the bundle as inert identifiers: XML namespaces, JSON-schema ids, React's error text. */
const INERT_URL = /^https?:\/\/(www\.w3\.org\/|json-schema\.org\/|reactjs\.org\/docs\/error-decoder)/;

describe("built add-in", () => {
  it("has bundles to check", () => {
    expect(bundles).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "commands.js"]));
  });

  it.each(bundles)("%s makes no network requests", (file) => {
    const code = fs.readFileSync(path.join(DIST, file), "utf8");
    for (const api of ["fetch(", "XMLHttpRequest", "WebSocket", "sendBeacon", "EventSource", "importScripts", "navigator.connection"]) {
      expect({ file, api, found: code.includes(api) }).toEqual({ file, api, found: false });
    }
    const urls = code.match(/https?:\/\/[A-Za-z0-9.\-/_?=&%:]+/g) ?? [];
    expect(urls.filter((u) => !INERT_URL.test(u))).toEqual([]);
  });

  it("loads only its own scripts and Office.js, under a strict Content-Security-Policy", () => {
    const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
    const scripts = [...html.matchAll(/<script[^>]*src=["']?([^"' >]+)/g)].map((m) => m[1]);
    expect(scripts.filter((s) => /^https?:/.test(s))).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(scripts.filter((s) => !/^https?:/.test(s)).sort()).toEqual(["commands.js", "functions.js", "taskpane.js"]);
    const csp = /http-equiv=["']?Content-Security-Policy["']?\s+content="([^"]+)"/.exec(html)?.[1] ?? "";
    const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives["default-src"]).toEqual(["'self'"]);
    expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["connect-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
    expect(directives["object-src"]).toEqual(["'none'"]);
    expect(directives["form-action"]).toEqual(["'none'"]);
    expect(csp).not.toContain("unsafe-eval");
    expect(html).not.toMatch(/fonts\.googleapis|cdn\.jsdelivr|unpkg\.com|cdnjs/);
  });
});
