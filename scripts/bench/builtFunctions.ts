import * as fs from "node:fs";
import { DIST, loadBuiltFunctions } from "../../test/support/builtAddin";

/**
 * The shipped ARREARS functions, loaded from the built bundle the way Excel's
 * runtime loads them (test/support/builtAddin has no test-runner dependencies, so
 * the benchmark reuses it rather than keeping a second loader in step).
 */

export type CustomFunction = (...args: unknown[]) => unknown;

export function builtFunction(id: string): CustomFunction {
  if (!fs.existsSync(`${DIST}/functions.js`)) throw new Error("dist/functions.js is missing: run `npm run build` before `npm run bench`");
  const fn = loadBuiltFunctions().log.functions.get(id.toUpperCase());
  if (!fn) throw new Error(`the built bundle does not associate ${id}`);
  return fn;
}
