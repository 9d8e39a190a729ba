// Lint: the recommended JavaScript and TypeScript rules, plus the boundary rules:
// core/ stays pure (imports only zod and its own files; never reads the clock), so it runs anywhere.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["dist/**", "lib/**", "node_modules/**", "samples/out/**", "test-artifacts/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: "readonly", process: "readonly", require: "readonly", module: "writable", __dirname: "readonly", Buffer: "readonly" },
    },
    rules: {
      // Custom functions receive Excel's untyped cells; `any` is how the metadata generator spells them.
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // core/ is pure, so it runs anywhere and gives the same answer every day: an ALLOWLIST of
    // imports (zod and relative paths only: no Office, UI, Node I/O or any other package), and no
    // clock (the caller passes today's date; a hidden clock in a non-volatile Excel function goes stale).
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "^(?!zod$|\\.{1,2}/)", message: "core/ may import only zod and relative paths: do I/O and UI in cli/ or addin/." },
            { group: ["**/addin/**", "**/cli/**", "**/scripts/**", "**/test/**"], message: "core/ must not import the layers built on it." },
          ],
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "core/ never reads the clock: take the date from the caller." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "core/ never reads the clock: take the date from the caller." },
        { selector: "CallExpression[callee.name='Date']", message: "Date() reads the clock: core/ takes the date from the caller." },
        { selector: "MemberExpression[object.name='performance'][property.name='now']", message: "core/ never reads the clock." },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
