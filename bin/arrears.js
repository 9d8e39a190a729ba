#!/usr/bin/env node
// Entry point for the `arrears` command. The TypeScript is compiled to lib/ by `npm run build:cli`.
const path = require("node:path");
const fs = require("node:fs");
const compiled = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(compiled)) {
  process.stderr.write("arrears: the command line is not built yet; run `npm run build:cli` in the project folder.\n");
  process.exit(2);
}
require(compiled)
  .main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  });
