#!/usr/bin/env node
// Entry point for the `arrears` command. The TypeScript is compiled to lib/ by `npm run build:cli`.
// Every failure, even one outside a command (a broken build, an uncaught error, a closed
// pipe), ends as one line on stderr and an exit code, never a stack trace.
const path = require("node:path");
const fs = require("node:fs");

function fail(message, code) {
  try {
    // eslint-disable-next-line no-control-regex -- control characters are what this removes
    process.stderr.write(`arrears: ${String(message).replace(/[\u0000-\u001f]+/g, " ").slice(0, 500)}\n`);
  } finally {
    process.exit(code);
  }
}

// Output piped into `head` that closes early: stop quietly.
process.stdout.on("error", (e) => (e && e.code === "EPIPE" ? process.exit(0) : fail(`cannot write the output (${e && e.code})`, 2)));

const compiled = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(compiled)) fail("the command line is not built yet; run `npm run build:cli` in the project folder.", 2);

let cli;
try {
  cli = require(compiled);
} catch (e) {
  fail(`the built command line cannot load (${e && e.message}); run \`npm run build:cli\` again`, 2);
}
const last = (e) => cli.reportFailure(e, "arrears", process.stderr);
process.on("uncaughtException", (e) => process.exit(last(e)));
process.on("unhandledRejection", (e) => process.exit(last(e)));
cli
  .main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  }, (e) => process.exit(last(e)));
