/* Build of the Excel add-in: one shared runtime page (taskpane.html) that loads the
 * custom functions, the ribbon commands and the task pane, plus functions.json
 * generated from the functions' JSDoc by Microsoft's metadata plugin. */
const path = require("node:path");
const fs = require("node:fs");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";
// Where the built add-in will be hosted; the manifest's dev URLs are rewritten to it in production builds.
const baseUrl = process.env.ADDIN_BASE_URL || DEV_URL;

/** Every file in addin/functions declares custom functions; the plugin reads them all into one functions.json. */
const functionFiles = fs
  .readdirSync(path.resolve(__dirname, "addin/functions"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .sort()
  .map((f) => `./addin/functions/${f}`);

module.exports = (env, options) => {
  const dev = options.mode === "development";
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
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: functionFiles }),
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
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().split(DEV_URL).join(baseUrl)),
          },
        ],
      }),
    ],
  };
};
