import * as fs from "node:fs";
import * as path from "node:path";
import type * as Core from "../../core";

/**
 * The core as it ships: lib/core, compiled by `npm run build:cli` (what `arrears`
 * runs; the add-in bundle is compiled the same way by webpack). Timing the
 * TypeScript sources through tsx instead would time tsx's module wrappers too
 * (a getter on every cross-module call), which no user ever runs.
 */
const LIB = path.resolve(__dirname, "../../lib/core/index.js");

export function shippedCore(): typeof Core {
  if (!fs.existsSync(LIB)) throw new Error("lib/core is missing: run `npm run build:cli` before `npm run bench`");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(LIB) as typeof Core;
}
