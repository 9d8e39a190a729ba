/** Jest runs every suite under test/, which mirrors the source layout. Type-checking is done once by `tsc --noEmit`, so ts-jest only transpiles. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  setupFiles: ["<rootDir>/test/support/setupGlobals.ts"],
  transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // Two cores on CI: one worker keeps the browser and build-dependent suites from starving each other.
  maxWorkers: 2,
  testTimeout: 30000,
};
