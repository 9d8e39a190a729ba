import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { unzipSync } from "fflate";
import { DIST } from "./support/builtAddin";

// npm run package, as an organisation's IT runs it: the built add-in (needs `npm run build`;
// npm test does it) pointed at their host. Every URL the packaged manifest and functions.json
// give Excel must be under that host and name a file in the zip, or the add-in will not load.

const ROOT = path.resolve(__dirname, "..");
const BASE = "https://addins.example.org/arrears/";
const ORG_ID = "0b5e2f3c-1d2a-4e6f-8a9b-0c1d2e3f4a5b";
const VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-package-"));

function runPackage(...args: string[]) {
  const env = { ...process.env };
  delete env.ADDIN_BASE_URL;
  delete env.ADDIN_ID;
  return spawnSync(process.execPath, [path.join(ROOT, "scripts/package.mjs"), "--dist", DIST, ...args], { cwd: ROOT, encoding: "utf8", env });
}

function packaged(...args: string[]): Record<string, string> {
  if (!fs.existsSync(path.join(DIST, "manifest.xml"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  const out = path.join(tmp, `${args.join("_").replace(/[^\w.-]+/g, "_")}.zip`);
  const res = runPackage(...args, "--out", out);
  if (res.status !== 0) throw new Error(`npm run package failed: ${res.stderr}`);
  const files = unzipSync(new Uint8Array(fs.readFileSync(out)));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, Buffer.from(bytes).toString("latin1")]));
}

/** The URLs Excel reads from a manifest: DefaultValue attributes and AppDomain elements. */
function manifestUrls(xml: string): { urls: string[]; appDomains: string[] } {
  return {
    urls: [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]),
    appDomains: [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]),
  };
}

describe("npm run package", () => {
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const files = packaged("--base-url", BASE, "--id", ORG_ID);

  it("packs the built add-in without source maps, manifest included", () => {
    const names = Object.keys(files);
    expect(names).toEqual(expect.arrayContaining(["manifest.xml", "functions.json", "functions.js", "taskpane.html", "taskpane.js", "commands.js", "support.html", "index.html", "assets/icon-32.png"]));
    expect(names.filter((n) => n.endsWith(".map"))).toEqual([]);
    // The bundles are the build's, byte for byte.
    expect(files["functions.js"]).toBe(fs.readFileSync(path.join(DIST, "functions.js"), "latin1"));
  });

  it("points every manifest URL under the base URL at a file in the package, and the AppDomain at the host", () => {
    const { urls, appDomains } = manifestUrls(files["manifest.xml"]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith(BASE)).toBe(true);
      expect(Object.keys(files)).toContain(url.slice(BASE.length));
    }
    expect(appDomains).toEqual(["https://addins.example.org"]);
    expect(files["manifest.xml"]).not.toMatch(/localhost/);
  });

  it("points every function's helpUrl at its own section of the packaged support.html", () => {
    const { functions } = JSON.parse(files["functions.json"]) as { functions: { id: string; helpUrl?: string }[] };
    expect(functions.length).toBeGreaterThanOrEqual(15);
    for (const f of functions) {
      expect(f.helpUrl).toBe(`${BASE}support.html#${f.id}`);
      // The build minifies HTML, which may drop attribute quotes.
      expect(files["support.html"]).toMatch(new RegExp(`\\sid="?${f.id}"?[\\s>]`));
    }
  });

  it("carries package.json's version in four parts and the organisation's Id", () => {
    expect(/<Version>([^<]+)<\/Version>/.exec(files["manifest.xml"])?.[1]).toBe(`${VERSION}.0`);
    expect(/<Id>([^<]+)<\/Id>/.exec(files["manifest.xml"])?.[1]).toBe(ORG_ID);
  });

  it("without ADDIN_ID, gives each host its own Id, the same on every rebuild", () => {
    const id = (base: string) => /<Id>([^<]+)<\/Id>/.exec(packaged("--base-url", base)["manifest.xml"])![1];
    const a = id("https://a.example.org/");
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(id("https://a.example.org/")).toBe(a);
    expect(id("https://b.example.org/")).not.toBe(a);
    expect(a).not.toBe("6f1c2a8e-3b7d-4c59-9e21-5a0d7b4f8c13"); // the development add-in's
  });

  it("refuses, in one line, a missing or plain-http base URL, the dev server, and an Id that is not a GUID", () => {
    const refusal = (...args: string[]) => {
      const res = runPackage(...args, "--out", path.join(tmp, "refused.zip"));
      return { status: res.status, stderr: res.stderr.trim() };
    };
    expect(refusal()).toEqual({ status: 1, stderr: expect.stringMatching(/^npm run package: set ADDIN_BASE_URL/) });
    expect(refusal("--base-url", "http://addins.example.org/")).toEqual({ status: 1, stderr: expect.stringMatching(/must be an https:\/\/ address/) });
    expect(refusal("--base-url", "https://localhost:3000/")).toEqual({ status: 1, stderr: expect.stringMatching(/is the development server/) });
    expect(refusal("--base-url", BASE, "--id", "org-1")).toEqual({ status: 1, stderr: expect.stringMatching(/ADDIN_ID must be a GUID/) });
    expect(fs.existsSync(path.join(tmp, "refused.zip"))).toBe(false);
  });
});
