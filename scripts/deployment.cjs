/* Where a build of the add-in is deployed: the host's base URL and the manifest Id
 * (ADDIN_BASE_URL, ADDIN_ID), and the rewrites that point a build at them. Used by
 * webpack.config.js (production builds) and scripts/package.mjs (npm run package). */
const { createHash } = require("node:crypto");
const { URL } = require("node:url");
const PACKAGE_VERSION = require("../package.json").version;

const DEV_PORT = 3000;
const DEV_URL = `https://localhost:${DEV_PORT}/`;
/** The manifest's <Id> as committed: the development add-in's. An organisation's build sets its own (ADDIN_ID). */
const DEV_ADDIN_ID = "6f1c2a8e-3b7d-4c59-9e21-5a0d7b4f8c13";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Where the built add-in will be hosted (ADDIN_BASE_URL) and the manifest Id it carries
 * (ADDIN_ID), both checked: Office only loads add-ins over HTTPS, and two organisations'
 * builds with one Id would replace each other in a user's Excel.
 */
function deployment(env = process.env) {
  let baseUrl = env.ADDIN_BASE_URL || DEV_URL;
  if (!/^https:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(baseUrl)) throw new Error(`ADDIN_BASE_URL must be an https:// address with no query or fragment, got "${baseUrl}"`);
  if (!baseUrl.endsWith("/")) baseUrl += "/";
  // Without ADDIN_ID, a host's build gets an Id derived from its base URL: the same on every
  // rebuild for that host (so updates replace the add-in), different for every other host.
  const id = env.ADDIN_ID || (baseUrl === DEV_URL ? DEV_ADDIN_ID : idFromUrl(baseUrl));
  if (!GUID.test(id)) throw new Error(`ADDIN_ID must be a GUID like 6f1c2a8e-3b7d-4c59-9e21-5a0d7b4f8c13 (make one with: node -e "console.log(crypto.randomUUID())"), got "${id}"`);
  return { baseUrl, id: id.toLowerCase() };
}

/** A name-based GUID (RFC 4122 version 5 layout, SHA-1) for a base URL. */
function idFromUrl(url) {
  const h = createHash("sha1").update(`arrears-toolkit:${url}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const x = h.subarray(0, 16).toString("hex");
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

/** The manifest's four-part <Version> for package.json's version (1.2.3 → 1.2.3.0). */
function manifestVersion(version = PACKAGE_VERSION) {
  const m = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!m) throw new Error(`package.json version must be major.minor.patch, got "${version}"`);
  return `${m[1]}.${m[2]}.${m[3]}.0`;
}

/** The built manifest: dev URLs made the host's (the AppDomain its origin), the organisation's Id, package.json's version. */
function rewriteManifest(xml, { baseUrl, id }) {
  return xml
    .split(DEV_URL)
    .join(baseUrl)
    .split(`<AppDomain>https://localhost:${DEV_PORT}</AppDomain>`)
    .join(`<AppDomain>${new URL(baseUrl).origin}</AppDomain>`)
    .replace(`<Id>${DEV_ADDIN_ID}</Id>`, `<Id>${id}</Id>`)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion()}</Version>`);
}

/** functions.json with its helpUrls (written for the dev server in the functions' JSDoc) under the host's base URL. */
function rebaseFunctionsJson(json, baseUrl) {
  return json.split(DEV_URL).join(baseUrl);
}

/** Rewrites the generated functions.json's helpUrls (written for the dev server in the JSDoc) to the host. */
class RewriteHelpUrlsPlugin {
  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("RewriteHelpUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "RewriteHelpUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_SUMMARIZE }, () => {
        const asset = compilation.getAsset("functions.json");
        if (!asset) return;
        const json = rebaseFunctionsJson(asset.source.source().toString(), this.baseUrl);
        compilation.updateAsset("functions.json", new sources.RawSource(json));
      });
    });
  }
}

module.exports = { DEV_PORT, DEV_URL, DEV_ADDIN_ID, deployment, idFromUrl, manifestVersion, rewriteManifest, rebaseFunctionsJson, RewriteHelpUrlsPlugin };
