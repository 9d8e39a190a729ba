// npm start: serves the add-in over https://localhost:3000 (this computer only) with Office dev certificates,
// then sideloads it into desktop Excel where there is one (Windows, macOS). On Linux
// (no desktop Excel) it keeps serving and prints how to load it into Excel on the web.
import { createRequire } from "node:module";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, platform } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";

const require = createRequire(import.meta.url);
const webpack = require("webpack");
const WebpackDevServer = require("webpack-dev-server");
const devCerts = require("office-addin-dev-certs");
const makeConfig = require("../webpack.config.js");

const CERT_DIR = join(homedir(), ".office-addin-dev-certs");

/** Office dev certificates; where the CA cannot be installed system-wide (no sudo), the generated files are used as they are. */
async function httpsOptions() {
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
    if (!existsSync(join(CERT_DIR, files.cert))) await devCerts.generateCertificates();
    console.warn(`Could not install the development CA certificate system-wide (${e.message.split("\n")[0]}).`);
    console.warn(`Serving with the certificates in ${CERT_DIR}; trust ${join(CERT_DIR, "ca.crt")} in your browser to load the add-in.`);
    return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, readFileSync(join(CERT_DIR, f))]));
  }
}

const config = makeConfig({}, { mode: "development" });
// The server's options (localhost only, port, headers) live in webpack.config.js, where a test checks them.
const PORT = config.devServer.port;
const compiler = webpack(config);
const server = new WebpackDevServer({ ...config.devServer, server: { type: "https", options: await httpsOptions() } }, compiler);
await server.start();
writeFileSync(".dev-server.pid", String(process.pid));
console.log(`\nArrears toolkit served to this computer only at https://localhost:${PORT}/ (manifest: https://localhost:${PORT}/manifest.xml). Stop with npm stop or Ctrl+C.`);

if (platform() === "win32" || platform() === "darwin") {
  // office-addin-debugging cannot be a dependency (it fails to install on Linux), so it is fetched here, on the platforms it supports.
  spawn("npx", ["--yes", "office-addin-debugging@6", "start", "manifest.xml", "desktop", "--app", "excel", "--dev-server-port", String(PORT), "--no-debug"], {
    stdio: "inherit",
    shell: platform() === "win32",
  });
} else {
  console.log(`
No desktop Excel on ${platform()}: load the add-in into Excel on the web instead.
  1. Trust the development certificate: import ${join(CERT_DIR, "ca.crt")} into your browser's certificate authorities.
  2. Open a workbook in Excel on the web, then Home > Add-ins > More Add-ins > Upload My Add-in.
  3. Upload manifest.xml from this folder. The ARREARS functions appear as you type =ARREARS. and
     "Call reviews" appears on the Home tab.
`);
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    await server.stop();
    process.exit(0);
  });
}
