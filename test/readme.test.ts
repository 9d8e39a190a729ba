import * as fs from "node:fs";
import * as path from "node:path";
import { readBuiltMetadata } from "./support/builtAddin";

// The README's function table is the user's reference: every built function must be in it.
describe("README", () => {
  const readme = fs.readFileSync(path.resolve(__dirname, "../README.md"), "utf8");

  it("documents every custom function with its signature and an example", () => {
    for (const f of readBuiltMetadata().functions) {
      const row = readme.split("\n").find((line) => line.startsWith(`| \`ARREARS.${f.id}(`));
      expect(row).toBeDefined();
      for (const p of f.parameters) expect(row).toContain(p.name);
      expect(row).toMatch(new RegExp(`=ARREARS\\.${f.id.replace(".", "\\.")}\\(`));
    }
  });

  it("states the two set-up commands", () => {
    expect(readme).toContain("npm install && npm start");
    expect(readme).toContain("npm test");
  });
});
