// npm run package: the deployable add-in for one organisation's host, as a zip.
//
//   ADDIN_BASE_URL=https://addins.example.org/arrears/ [ADDIN_ID=<guid>] npm run package
//
// npm run build makes dist/ (the bundles do not depend on where they are hosted); this
// copies it without source maps, points manifest.xml and functions.json at the host, sets
// the organisation's manifest Id, checks that every URL in them is under the base URL and
// names a file in the package and that the manifest's version is package.json's, and
// writes package/arrears-addin-<version>.zip: upload its files to the host, and give
// the manifest inside it to the Microsoft 365 admin center (README "Deploying to your organisation").
// Options: --base-url, --id, --dist <dir> (default dist), --out <zip>.
import { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, URL } from "node:url";
import { parseArgs, TextEncoder } from "node:util";
import { zipSync } from "fflate";

const require = createRequire(import.meta.url);
const { DEV_URL, deployment, manifestVersion, rewriteManifest, rebaseFunctionsJson } = require("./deployment.cjs");
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { version } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));

/** Every URL in a manifest: attribute values (not the xmlns namespace names) and element text. */
export function manifestUrls(xml) {
  const attributes = [...xml.matchAll(/\s([\w:.-]+)="(https?:\/\/[^"]+)"/g)].filter((m) => !m[1].startsWith("xmlns")).map((m) => m[2]);
  const texts = [...xml.matchAll(/>\s*(https?:\/\/[^<\s]+)\s*</g)].map((m) => m[1]);
  return [...attributes, ...texts];
}

/** Problems with a package's files for a base URL; empty when it is deployable. */
export function packageProblems(files, baseUrl) {
  const problems = [];
  const text = (name) => (files[name] ? Buffer.from(files[name]).toString("utf8") : null);
  const manifest = text("manifest.xml");
  const metadata = text("functions.json");
  if (manifest === null) return ["manifest.xml is missing"];
  if (metadata === null) return ["functions.json is missing"];
  const origin = new URL(baseUrl).origin;
  const urls = [...manifestUrls(manifest), ...JSON.parse(metadata).functions.map((f) => f.helpUrl)];
  for (const url of urls) {
    if (url === undefined) problems.push("a function in functions.json has no helpUrl");
    else if (url === origin) continue; // the AppDomain: the host's origin
    else if (!url.startsWith(baseUrl)) problems.push(`${url} is not under ${baseUrl}`);
    else {
      const file = decodeURI(url.slice(baseUrl.length).split("#")[0]);
      if (!files[file]) problems.push(`${url} names ${file}, which is not in the package`);
    }
  }
  const manifestVersionText = /<Version>([^<]*)<\/Version>/.exec(manifest)?.[1];
  if (manifestVersionText !== manifestVersion(version)) problems.push(`manifest <Version> ${manifestVersionText} is not package.json's ${version} (${manifestVersion(version)})`);
  return problems;
}

function filesUnder(dir) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (!name.endsWith(".map")) out[relative(dir, full).split("\\").join("/")] = new Uint8Array(readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

function main() {
  const { values } = parseArgs({ options: { "base-url": { type: "string" }, id: { type: "string" }, dist: { type: "string" }, out: { type: "string" } } });
  const env = { ADDIN_BASE_URL: values["base-url"] ?? process.env.ADDIN_BASE_URL, ADDIN_ID: values.id ?? process.env.ADDIN_ID };
  if (!env.ADDIN_BASE_URL) throw new Error("set ADDIN_BASE_URL (or --base-url) to the https:// address the add-in's files will be served from");
  const target = deployment(env);
  if (target.baseUrl === DEV_URL) throw new Error(`${DEV_URL} is the development server: give the address of the organisation's host`);
  const dist = resolve(ROOT, values.dist ?? "dist");
  if (!existsSync(join(dist, "manifest.xml"))) throw new Error(`${dist} has no build: run npm run build first`);
  const files = filesUnder(dist);
  files["manifest.xml"] = new TextEncoder().encode(rewriteManifest(Buffer.from(files["manifest.xml"]).toString("utf8"), target));
  files["functions.json"] = new TextEncoder().encode(rebaseFunctionsJson(Buffer.from(files["functions.json"]).toString("utf8"), target.baseUrl));
  const problems = packageProblems(files, target.baseUrl);
  if (problems.length) throw new Error(`the package would not deploy:\n  ${problems.join("\n  ")}`);
  const out = resolve(ROOT, values.out ?? join("package", `arrears-addin-${version}.zip`));
  mkdirSync(dirname(out), { recursive: true });
  // A fixed timestamp, so the same build for the same host gives the same bytes.
  writeFileSync(out, zipSync(files, { level: 9, mtime: new Date("2026-01-01T00:00:00Z") }));
  console.log(`Wrote ${relative(process.cwd(), out)}: ${Object.keys(files).length} files for ${target.baseUrl}, manifest Id ${target.id}.`);
  console.log(`Upload the files to ${target.baseUrl}, then deploy manifest.xml from the zip in the Microsoft 365 admin center (Settings > Integrated apps).`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main();
  } catch (e) {
    console.error(`npm run package: ${e.message}`);
    process.exit(1);
  }
}
