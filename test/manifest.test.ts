import * as fs from "node:fs";
import * as path from "node:path";
import { execFileSync } from "node:child_process";
import { parseStringPromise } from "xml2js";
import { DIST, readBuiltMetadata } from "./support/builtAddin";
import { REENTER_COMMAND } from "../addin/commands/commands";

// Microsoft's online validator needs a network CI does not have, so these are
// the checks we can make offline: it parses with Microsoft's own reader, and the
// structure a shared-runtime custom-functions add-in depends on is in place.

const MANIFEST = path.resolve(__dirname, "../manifest.xml");
const DEV_URL = "https://localhost:3000/";

type Node = Record<string, unknown> & { $?: Record<string, string> };
const kids = (node: Node, name: string): Node[] => (node[name] as Node[] | undefined) ?? [];
const one = (node: Node, name: string): Node => {
  const found = kids(node, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0];
};

describe("manifest.xml", () => {
  let app: Node;
  let host: Node;
  let resources: Node;
  beforeAll(async () => {
    app = (await parseStringPromise(fs.readFileSync(MANIFEST, "utf8"))).OfficeApp;
    host = one(one(one(app, "VersionOverrides"), "Hosts"), "Host");
    resources = one(one(app, "VersionOverrides"), "Resources");
  });

  it("is read by office-addin-manifest", () => {
    // In a child Node process: the package pulls in an ES module that jest's loader cannot require.
    const script = `require("office-addin-manifest").OfficeAddinManifest.readManifestFile(process.argv[1]).then((i) => console.log(JSON.stringify(i)))`;
    const info = JSON.parse(execFileSync(process.execPath, ["-e", script, MANIFEST], { encoding: "utf8" }));
    expect(info.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(info.hosts).toEqual(["Workbook"]);
    expect(info.displayName).toBe("Arrears toolkit");
    expect(info.supportUrl).toMatch(/^https:\/\//);
  });

  it("carries package.json's version in four parts (the build and npm run package write it too)", () => {
    const { version } = JSON.parse(fs.readFileSync(path.resolve(__dirname, "../package.json"), "utf8"));
    expect(kids(app, "Version")).toEqual([`${version}.0`]);
  });

  it("asks for no more than ReadWriteDocument", () => {
    expect(kids(app, "Permissions")).toEqual(["ReadWriteDocument"]);
  });

  it("declares a long-lived shared runtime used by the functions page and the ribbon", () => {
    const sets = kids(one(one(app, "Requirements"), "Sets"), "Set").map((s) => s.$);
    expect(sets).toContainEqual({ Name: "SharedRuntime", MinVersion: "1.1" });
    const runtime = one(one(host, "Runtimes"), "Runtime").$!;
    expect(runtime.lifetime).toBe("long");
    const cf = one(one(host, "AllFormFactors"), "ExtensionPoint");
    expect(cf.$!["xsi:type"]).toBe("CustomFunctions");
    // The shared runtime only loads when Runtime, Page and FunctionFile name the same resource.
    expect(one(one(cf, "Page"), "SourceLocation").$!.resid).toBe(runtime.resid);
    expect(one(one(host, "DesktopFormFactor"), "FunctionFile").$!.resid).toBe(runtime.resid);
    // Element order under <Host> matters: Runtimes first.
    expect(Object.keys(host).filter((k) => k !== "$")[0]).toBe("Runtimes");
  });

  it("puts the functions in the ARREARS namespace", () => {
    const cf = one(one(host, "AllFormFactors"), "ExtensionPoint");
    const nsId = one(cf, "Namespace").$!.resid;
    const strings = kids(one(resources, "bt:ShortStrings"), "bt:String").map((s) => s.$!);
    expect(strings.find((s) => s.id === nsId)?.DefaultValue).toBe("ARREARS");
  });

  it("has an Arrears ribbon group with two clearly named buttons: the pane, and the formula re-entry", () => {
    const surface = kids(one(host, "DesktopFormFactor"), "ExtensionPoint").find((e) => e.$!["xsi:type"] === "PrimaryCommandSurface")!;
    const group = one(one(surface, "OfficeTab"), "Group");
    const text = (resid: string) => [...kids(one(resources, "bt:ShortStrings"), "bt:String"), ...kids(one(resources, "bt:LongStrings"), "bt:String")].find((x) => x.$!.id === resid)?.$!.DefaultValue;
    expect(text(one(group, "Label").$!.resid)).toBe("Arrears");
    const [pane, reenter] = kids(group, "Control");
    expect(kids(group, "Control")).toHaveLength(2);
    expect(text(one(pane, "Label").$!.resid)).toBe("Call reviews");
    const show = one(pane, "Action");
    expect(show.$!["xsi:type"]).toBe("ShowTaskpane");
    // One task pane only with a shared runtime, so no TaskpaneId.
    expect(kids(show, "TaskpaneId")).toHaveLength(0);
    expect(text(one(reenter, "Label").$!.resid)).toBe("Re-enter ARREARS formulas");
    const run = one(reenter, "Action");
    expect(run.$!["xsi:type"]).toBe("ExecuteFunction");
    // The name commands.ts registers with Office.actions.associate.
    expect(kids(run, "FunctionName")).toEqual([REENTER_COMMAND]);
  });

  it("resolves every resid to a declared resource", () => {
    const xml = fs.readFileSync(MANIFEST, "utf8");
    const used = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
    const declared = new Set([...xml.matchAll(/<bt:(?:Url|String|Image) id="([^"]+)"/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(declared).toContain(id);
  });

  it("points every URL at https and at a file the build produces", () => {
    const xml = fs.readFileSync(MANIFEST, "utf8");
    const urls = [...xml.matchAll(/(?:DefaultValue|Url)="(https?:\/\/[^"]+)"|<AppDomain>([^<]+)</g)].map((m) => m[1] ?? m[2]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith("https://")).toBe(true);
      if (!url.startsWith(DEV_URL)) continue;
      const file = url.slice(DEV_URL.length);
      if (file === "") continue;
      expect(fs.existsSync(path.join(DIST, file))).toBe(true);
    }
  });

  it("is copied into the build, and functions.json lists the functions the manifest serves", () => {
    expect(fs.existsSync(path.join(DIST, "manifest.xml"))).toBe(true);
    expect(readBuiltMetadata().functions.some((f) => f.id === "TREND")).toBe(true);
  });
});
