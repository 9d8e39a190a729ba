import * as fs from "node:fs";
import * as path from "node:path";
import * as vm from "node:vm";
import { makeCustomFunctionsStub, type AssociationLog } from "./customFunctionsStub";

/** One function's entry in the generated functions.json. */
export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; type: string; dimensionality?: "scalar" | "matrix"; optional?: boolean; repeating?: boolean }[];
  result: { type?: string; dimensionality?: "scalar" | "matrix" };
}

export const DIST = path.resolve(__dirname, "../../dist");

/** Reads the functions.json the build generated from the JSDoc. */
export function readBuiltMetadata(): { functions: FunctionMetadata[] } {
  const file = path.join(DIST, "functions.json");
  if (!fs.existsSync(file)) throw new Error("dist/functions.json is missing: run `npm run build` first (npm test does).");
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/**
 * Loads the built functions bundle the way Excel's runtime does: a JavaScript
 * context whose only add-in-specific global is CustomFunctions. Returns what the
 * bundle associated, so tests call exactly the shipped code.
 *
 * `realm: "sandbox"` (tests) runs it in a fresh vm context, isolated from the test.
 * `realm: "this"` (the benchmark) runs it in this process's own realm, because in a
 * vm context every global lookup (Math, Number…) crosses the sandbox, which Excel's
 * runtime does not; the stub then stays installed, as the functions read it whenever
 * they report an error.
 */
export function loadBuiltFunctions(realm: "sandbox" | "this" = "sandbox"): { metadata: { functions: FunctionMetadata[] }; log: AssociationLog; CustomFunctions: Record<string, unknown> } {
  const metadata = readBuiltMetadata();
  const { stub, log } = makeCustomFunctionsStub();
  const code = fs.readFileSync(path.join(DIST, "functions.js"), "utf8");
  if (realm === "this") {
    // The realm's own global (under jest, not the test sandbox's).
    (vm.runInThisContext("globalThis") as Record<string, unknown>).CustomFunctions = stub;
    vm.runInThisContext(code, { filename: "functions.js" });
  } else {
    const sandbox: Record<string, unknown> = { CustomFunctions: stub, console, setTimeout, clearTimeout, Promise };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    sandbox.globalThis = sandbox;
    vm.createContext(sandbox);
    vm.runInContext(code, sandbox, { filename: "functions.js" });
  }
  return { metadata, log, CustomFunctions: stub };
}
