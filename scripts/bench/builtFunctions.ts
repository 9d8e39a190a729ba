import * as fs from "node:fs";
import { DIST, loadBuiltFunctions } from "../../test/support/builtAddin";

/**
 * The shipped ARREARS functions, loaded from the built bundle into this process's
 * own JavaScript realm, as Excel's runtime runs them: not in a vm sandbox, where
 * every global lookup crosses the sandbox and would be timed as adapter cost.
 */

export type CustomFunction = (...args: unknown[]) => unknown;

export function builtFunction(id: string): CustomFunction {
  if (!fs.existsSync(`${DIST}/functions.js`)) throw new Error("dist/functions.js is missing: run `npm run build` before `npm run bench`");
  const fn = loadBuiltFunctions("this").log.functions.get(id.toUpperCase());
  if (!fn) throw new Error(`the built bundle does not associate ${id}`);
  return fn;
}
