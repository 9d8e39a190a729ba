import * as fs from "node:fs";
import * as path from "node:path";

// Issue #7: adding a runtime dependency (code shipped to users' Excel) is a deliberate,
// reviewed act: this list changes with SECURITY.md. `xlsx` (SheetJS) must never come back.

const root = path.resolve(__dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));

const RUNTIME = ["@fluentui/react-components", "fflate", "react", "react-dom", "zod"];

describe("dependencies", () => {
  it("has exactly the reviewed runtime dependencies", () => {
    expect(Object.keys(pkg.dependencies).sort()).toEqual(RUNTIME);
    expect(pkg.optionalDependencies ?? {}).toEqual({});
    expect(pkg.peerDependencies ?? {}).toEqual({});
  });

  it("pins each runtime dependency in the lockfile at the version SECURITY.md lists", () => {
    const security = fs.readFileSync(path.join(root, "SECURITY.md"), "utf8");
    for (const name of RUNTIME) {
      const version = lock.packages[`node_modules/${name}`]?.version;
      expect(version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(security).toContain(`\`${name}\` ${version}`);
    }
  });

  it("never installs the xlsx (SheetJS) package, at any depth", () => {
    expect(Object.keys(lock.packages).filter((p) => /(^|\/)node_modules\/xlsx$/.test(p))).toEqual([]);
  });
});
