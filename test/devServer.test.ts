import * as fs from "node:fs";
import * as path from "node:path";
import { DIST } from "./support/builtAddin";

// npm start serves the add-in from webpack.config.js's devServer: to this computer only,
// and with a page at the root saying what it is (not a 404).

const ROOT = path.resolve(__dirname, "..");
// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require("../webpack.config.js") as (env: object, options: { mode: string }) => { devServer: Record<string, unknown> };

describe("the dev server", () => {
  const devServer = makeConfig({}, { mode: "development" }).devServer;

  it("listens on localhost only, on the port the manifest names", () => {
    expect(devServer.host).toBe("localhost");
    expect(devServer.port).toBe(3000);
    expect(fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8")).toContain("https://localhost:3000/taskpane.html");
  });

  it("is started with those options (scripts/start.mjs takes them from the config, not its own copy)", () => {
    const start = fs.readFileSync(path.join(ROOT, "scripts/start.mjs"), "utf8");
    expect(start).toMatch(/new WebpackDevServer\(\{ \.\.\.config\.devServer,/);
    expect(start).not.toMatch(/\bhost:/);
  });

  it("serves a page at the root (the build emits index.html) saying what this is, where the manifest is and how to sideload", () => {
    const index = fs.readFileSync(path.join(DIST, "index.html"), "utf8");
    expect(index).toMatch(/href="?manifest\.xml"?[\s>]/); // the build minifies HTML, which may drop quotes
    expect(index).toMatch(/Upload My Add-in/);
    expect(index).toMatch(/Integrated apps/);
    // webpack-dev-middleware answers "/" with index.html unless told otherwise.
    expect(devServer.devMiddleware).toBeUndefined();
  });
});
