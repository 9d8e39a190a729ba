import fc from "fast-check";
import { loadBuiltFunctions, type FunctionMetadata } from "../support/builtAddin";
import { isCfError } from "../support/customFunctionsStub";

// Every ARREARS function, as built and listed in the generated functions.json,
// driven through the same entry point Excel calls with arbitrary inputs: each
// call must return a finite number, text, TRUE/FALSE, a well-formed array of
// those, or an Excel error naming the function — never throw, never NaN or
// Infinity, never a ragged or empty array. Walking functions.json means a new
// function cannot escape this test.

const { metadata, log } = loadBuiltFunctions();

const cell = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.constantFrom(0, -5, 1e308, -1e308, 5e-324, 45754, 2_958_465, 60),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("", " ", "£1,234.50", "(12.00)", "45.10 CR", "07/04/2025", "2025-04-07", "31/02/2025", "=SUM(A1)", "__proto__", "constructor", "current", "former", "secure", "UC", "HB", "week", "month"),
  fc.boolean(),
  fc.constant(null),
);
const rectangle = fc
  .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 8 }))
  .chain(([rows, cols]) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }));
const ragged = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 5 });
const matrix = fc.oneof({ weight: 4, arbitrary: rectangle }, { weight: 1, arbitrary: ragged }, { weight: 1, arbitrary: fc.constantFrom([], [[]]) });

function argument(p: FunctionMetadata["parameters"][number]): fc.Arbitrary<unknown> {
  const value =
    p.dimensionality === "matrix"
      ? matrix
      : p.type === "number"
        ? fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -100, max: 100_000 }), fc.constant(0))
        : p.type === "boolean"
          ? fc.boolean()
          : p.type === "string"
            ? fc.oneof(fc.string({ maxLength: 16 }), fc.constantFrom("", "__proto__", "week", "month"))
            : cell;
  return p.optional ? fc.oneof(fc.constant(null), value) : value;
}

function checkCell(value: unknown, id: string): void {
  if (isCfError(value)) {
    expect(value.message.startsWith(`ARREARS.${id}:`)).toBe(true);
    return;
  }
  if (typeof value === "number") expect(Number.isFinite(value)).toBe(true);
  else expect(["string", "boolean"]).toContain(typeof value);
}

describe.each(metadata.functions.map((f) => [f.id, f] as const))("ARREARS.%s with arbitrary input", (id, fn) => {
  const impl = log.functions.get(id)!;

  it("returns a finite value, a well-formed array or a named Excel error, never an exception", () => {
    fc.assert(
      fc.property(fc.tuple(...fn.parameters.map(argument)), (args) => {
        let out: unknown;
        expect(() => (out = impl(...args))).not.toThrow();
        if (isCfError(out) || !Array.isArray(out)) {
          checkCell(out, id);
          return;
        }
        expect(fn.result.dimensionality).toBe("matrix");
        expect(out.length).toBeGreaterThan(0);
        const width = (out[0] as unknown[]).length;
        expect(width).toBeGreaterThan(0);
        for (const row of out as unknown[][]) {
          expect(Array.isArray(row)).toBe(true);
          expect(row.length).toBe(width);
          row.forEach((c) => checkCell(c, id));
        }
      }),
      { numRuns: 150, seed: 20261123 },
    );
  });
});
