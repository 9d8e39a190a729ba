import {
  ArraySize,
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
  type FunctionPluginDefinition,
} from "hyperformula";
import { loadBuiltFunctions } from "./builtAddin";
import { isCfError } from "./customFunctionsStub";

/**
 * Registers every ARREARS function, as built (same functions.json, same bundle),
 * in HyperFormula, our CI stand-in for Excel's calculation engine. Arguments are
 * adapted the way Excel passes them: ranges as 2-D arrays, blanks as null, an
 * omitted optional argument as null. HyperFormula is GPL-3.0, so this lives in
 * test/ only and never reaches the add-in bundle.
 */

type Impl = (...args: unknown[]) => unknown;

/** HyperFormula's internal values: numbers may be wrapped (dates, currency), blanks are a symbol. */
function fromEngine(value: unknown): unknown {
  if (typeof value === "symbol" || value === undefined) return null;
  if (value instanceof SimpleRangeValue) return value.rawData().map((row) => row.map(fromEngine));
  if (value !== null && typeof value === "object" && "val" in value) return (value as { val: unknown }).val;
  return value;
}

function toEngineCell(value: unknown): unknown {
  if (isCfError(value)) return new CellError(value.code === "#N/A" ? ErrorType.NA : ErrorType.VALUE, value.message);
  if (value === null || value === undefined) return "";
  return value;
}

function toEngine(value: unknown): unknown {
  if (Array.isArray(value)) return SimpleRangeValue.onlyValues(value.map((row: unknown[]) => row.map(toEngineCell)) as never);
  return toEngineCell(value);
}

function argumentType(p: { type: string; dimensionality?: string }): FunctionArgumentType {
  if (p.dimensionality === "matrix") return FunctionArgumentType.RANGE;
  if (p.type === "number") return FunctionArgumentType.NUMBER;
  if (p.type === "string") return FunctionArgumentType.STRING;
  if (p.type === "boolean") return FunctionArgumentType.BOOLEAN;
  return FunctionArgumentType.SCALAR;
}

let registered: string[] | null = null;

/** Registers the plugin once per process; returns the engine names (ARREARS.ID). */
export function registerArrearsFunctions(): string[] {
  if (registered) return registered;
  const { metadata, log } = loadBuiltFunctions();

  class ArrearsPlugin extends FunctionPlugin {}
  const implemented: Record<string, unknown> = {};
  const translations: Record<string, string> = {};
  const proto = ArrearsPlugin.prototype as unknown as Record<string, unknown>;

  for (const fn of metadata.functions) {
    const engineName = `ARREARS.${fn.id}`;
    const impl = log.functions.get(fn.id) as Impl;
    const method = `call_${fn.id}`;
    const call = (args: unknown[]) => {
      // Excel passes null for an omitted optional argument; HyperFormula passes undefined.
      const adapted = fn.parameters.map((_, i) => fromEngine(args[i]));
      return impl(...adapted);
    };
    implemented[engineName] = {
      method,
      parameters: fn.parameters.map((p) => ({ argumentType: argumentType(p), optionalArg: !!p.optional })),
      ...(fn.result.dimensionality === "matrix" ? { sizeOfResultArrayMethod: `size_${fn.id}` } : {}),
    };
    translations[engineName] = engineName;
    proto[method] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      const self = this as unknown as { runFunction: (...a: unknown[]) => unknown; metadata: (n: string) => unknown };
      return self.runFunction(ast.args, state, self.metadata(engineName), (...args: unknown[]) => toEngine(call(args)));
    };
    // Excel sizes a spill after computing it; HyperFormula wants the size when it parses the formula,
    // so compute the result here. Inputs to a spilling ARREARS formula must therefore be values, not formulas.
    proto[`size_${fn.id}`] = function (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) {
      const self = this as unknown as { evaluateAst: (a: unknown, s: unknown) => unknown };
      try {
        const result = call(ast.args.map((a) => self.evaluateAst(a, state)));
        if (Array.isArray(result) && result.length > 0) return new ArraySize((result[0] as unknown[]).length, result.length);
      } catch {
        /* fall through to one cell: the call itself will report the problem */
      }
      return new ArraySize(1, 1);
    };
  }
  (ArrearsPlugin as unknown as { implementedFunctions: unknown }).implementedFunctions = implemented;
  HyperFormula.registerFunctionPlugin(ArrearsPlugin as unknown as FunctionPluginDefinition, { enGB: translations });
  registered = Object.keys(translations);
  return registered;
}

/** Builds an engine over `sheet` (rows of values and formulas) with the ARREARS functions available. */
export function buildEngine(sheet: unknown[][]): HyperFormula {
  registerArrearsFunctions();
  return HyperFormula.buildFromArray(sheet as never, { licenseKey: "gpl-v3", language: "enGB" });
}
