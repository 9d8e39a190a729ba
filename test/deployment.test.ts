import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import webpack from "webpack";

// scripts/deployment.cjs: where a production build points (ADDIN_BASE_URL, ADDIN_ID) and the
// webpack plugin that moves the generated functions.json's helpUrls to that host.

// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../scripts/deployment.cjs") as {
  DEV_URL: string;
  DEV_ADDIN_ID: string;
  deployment(env: Record<string, string | undefined>): { baseUrl: string; id: string };
  RewriteHelpUrlsPlugin: new (baseUrl: string) => webpack.WebpackPluginInstance;
};

describe("deployment settings", () => {
  it("defaults to the dev server and the development Id", () => {
    expect(deploy.deployment({})).toEqual({ baseUrl: "https://localhost:3000/", id: deploy.DEV_ADDIN_ID });
  });

  it("takes an https base URL (adding the final slash) and a GUID Id, and refuses anything else", () => {
    expect(deploy.deployment({ ADDIN_BASE_URL: "https://addins.example.org/arrears", ADDIN_ID: "0B5E2F3C-1D2A-4E6F-8A9B-0C1D2E3F4A5B" })).toEqual({
      baseUrl: "https://addins.example.org/arrears/",
      id: "0b5e2f3c-1d2a-4e6f-8a9b-0c1d2e3f4a5b",
    });
    expect(() => deploy.deployment({ ADDIN_BASE_URL: "http://addins.example.org/" })).toThrow(/must be an https:\/\/ address/);
    expect(() => deploy.deployment({ ADDIN_BASE_URL: "https://addins.example.org/?v=1" })).toThrow(/no query or fragment/);
    expect(() => deploy.deployment({ ADDIN_BASE_URL: "https://addins.example.org/", ADDIN_ID: "6f1c2a8e3b7d4c599e215a0d7b4f8c13" })).toThrow(/ADDIN_ID must be a GUID/);
  });
});

describe("RewriteHelpUrlsPlugin in a webpack build", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "arrears-helpurl-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("rewrites the helpUrls of the functions.json another plugin emitted, as custom-functions-metadata-plugin does", async () => {
    fs.writeFileSync(path.join(tmp, "entry.js"), "export const x = 1;\n");
    const metadata = JSON.stringify({ functions: [{ id: "TREND", name: "TREND", helpUrl: `${deploy.DEV_URL}support.html#TREND` }] });
    // The metadata plugin puts functions.json into compilation.assets in the compilation hook.
    const emitMetadata: webpack.WebpackPluginInstance = {
      apply: (compiler) =>
        compiler.hooks.compilation.tap("emitMetadata", (compilation) => {
          compilation.assets["functions.json"] = new compiler.webpack.sources.RawSource(metadata);
        }),
    };
    const compiler = webpack({
      mode: "production",
      context: tmp,
      entry: "./entry.js",
      output: { path: path.join(tmp, "out") },
      plugins: [emitMetadata, new deploy.RewriteHelpUrlsPlugin("https://addins.example.org/arrears/")],
    });
    const stats = await new Promise<webpack.Stats>((resolve, reject) => compiler.run((err, s) => (err || !s ? reject(err) : resolve(s))));
    expect(stats.hasErrors()).toBe(false);
    const built = JSON.parse(fs.readFileSync(path.join(tmp, "out/functions.json"), "utf8"));
    expect(built.functions[0].helpUrl).toBe("https://addins.example.org/arrears/support.html#TREND");
  });
});
