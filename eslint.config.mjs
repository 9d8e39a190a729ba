// Lint: the recommended JavaScript and TypeScript rules, plus one boundary rule:
// core/ stays pure (no Office, React, DOM or Node I/O imports), so it runs anywhere.
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
    files: ["core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["react", "react-dom", "@fluentui/*", "office-*", "@microsoft/*"], message: "core/ must not depend on Office or UI code." },
            { group: ["node:*", "fs", "path", "child_process", "http", "https", "net"], message: "core/ is pure: do I/O in cli/ or addin/." },
            { group: ["**/addin/**", "**/cli/**"], message: "core/ must not import the layers built on it." },
          ],
        },
      ],
    },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
);
