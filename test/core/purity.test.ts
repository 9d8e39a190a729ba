import { spawnSync } from "node:child_process";
import * as path from "node:path";

// core/ is pure: the lint allows it only zod and relative imports, and no clock. Lint a
// probe file placed in core/ (ESLint in a child process: its config loader uses dynamic
// import, which jest's module system refuses) and check exactly the forbidden lines are reported.

const ROOT = path.resolve(__dirname, "../..");

const PROBE = [
  'import { z } from "zod";', // 1 allowed
  'import { toPence } from "./money";', // 2 allowed
  'import * as fs from "node:fs";', // 3 Node I/O
  'import pathLib from "path";', // 4 Node I/O, bare name
  'import React from "react";', // 5 UI
  'import fc from "fast-check";', // 6 any other package
  'import { gridOf } from "../addin/excel/cells";', // 7 a layer above core
  'export const given = [z, toPence, fs, pathLib, React, fc, gridOf, new Date(0), Date.UTC(2026, 3, 6), Date.parse("2026-04-06")];', // 8 allowed: dates from given values
  "export const a = Date.now();", // 9 clock
  "export const b = new Date();", // 10 clock
  "export const c = Date();", // 11 clock
];

describe("core purity lint", () => {
  it("reports every import but zod and relative paths, and every read of the clock, and nothing else", () => {
    const res = spawnSync(process.execPath, [path.join(ROOT, "node_modules/eslint/bin/eslint.js"), "--stdin", "--stdin-filename", "core/probe.ts", "--format", "json"], {
      cwd: ROOT,
      input: PROBE.join("\n"),
      encoding: "utf8",
    });
    const [result] = JSON.parse(res.stdout) as { messages: { line: number; ruleId: string | null }[] }[];
    expect(result.messages.map((m) => `${m.line}: ${m.ruleId}`)).toEqual([
      ...[3, 4, 5, 6, 7].map((l) => `${l}: no-restricted-imports`),
      ...[9, 10, 11].map((l) => `${l}: no-restricted-syntax`),
    ]);
  });
});
