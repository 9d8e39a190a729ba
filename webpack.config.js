/* Build of the Excel add-in: one shared runtime page (taskpane.html) that loads the
 * custom functions, the ribbon commands and the task pane, plus functions.json
 * generated from the functions' JSDoc by Microsoft's metadata plugin. A production
 * build is for a host: ADDIN_BASE_URL (https) replaces https://localhost:3000/ in the
 * manifest and the functions' helpUrls, and ADDIN_ID sets the manifest's <Id>. */
const path = require("node:path");
const fs = require("node:fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const { DEV_PORT, DEV_URL, DEV_ADDIN_ID, deployment, rewriteManifest, RewriteHelpUrlsPlugin } = require("./scripts/deployment.cjs");

/** The dev server (npm start): this computer only, never the network; the https options come from scripts/start.mjs. */
const DEV_SERVER = {
  host: "localhost",
  port: DEV_PORT,
  headers: { "Access-Control-Allow-Origin": "*" },
  static: false,
  hot: false,
  liveReload: false,
  client: false,
};

/** Every file in addin/functions declares custom functions; the plugin reads them all into one functions.json. */
const functionFiles = fs
  .readdirSync(path.resolve(__dirname, "addin/functions"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort()
  .map((f) => `./addin/functions/${f}`);

module.exports = (env, options) => {
  const dev = options.mode === "development";
  // A development build is served by npm start at the dev URL; only production builds are rewritten for a host.
  const target = dev ? { baseUrl: DEV_URL, id: DEV_ADDIN_ID } : deployment();
  return {
    mode: dev ? "development" : "production",
    devtool: "source-map",
    entry: {
      functions: functionFiles,
      commands: "./addin/commands/commands.ts",
      taskpane: "./addin/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { transpileOnly: true, configFile: "tsconfig.json", compilerOptions: { module: "es2020", sourceMap: true } } },
        },
      ],
    },
    performance: { hints: false },
    devServer: DEV_SERVER,
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
      new RewriteHelpUrlsPlugin(target.baseUrl),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/taskpane/taskpane.html",
        // Shared runtime: the functions, commands and pane all live in this one page.
        chunks: ["functions", "commands", "taskpane"],
        chunksSortMode: "manual",
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/assets/*", to: "assets/[name][ext]" },
          { from: "addin/support.html", to: "support.html" },
          // The page at the server's root: what this is, where the manifest is, how to sideload it.
          { from: "addin/index.html", to: "index.html" },
          { from: "manifest.xml", to: "manifest.xml", transform: (content) => rewriteManifest(content.toString(), target) },
        ],
      }),
    ],
  };
};
