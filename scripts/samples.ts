/**
 * `npm run samples`: regenerates the committed sample export and workbooks in
 * samples/ (byte-for-byte the same each time). `npm run samples -- --large` also
 * writes the team-sized export (17,000 accounts) to samples/large, which git ignores.
 */
import { mkdirSync } from "node:fs";
import * as path from "node:path";
import { writeFileAtomically } from "../cli/io/atomicWrite";
import { committedSamples, exportFiles, LARGE_EXPORT, type SampleFile } from "../samples/build";

const root = path.resolve(__dirname, "..", "samples");
const files: SampleFile[] = [...committedSamples(), ...(process.argv.includes("--large") ? exportFiles(LARGE_EXPORT, "large") : [])];
async function main(): Promise<void> {
  for (const f of files) {
    const target = path.join(root, ...f.path.split("/"));
    mkdirSync(path.dirname(target), { recursive: true });
    await writeFileAtomically(target, f.bytes);
    console.log(`${path.relative(process.cwd(), target)}  ${(f.bytes.length / 1024).toFixed(0)} KB`);
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
