import { randomBytes } from "node:crypto";
import { lstat, open, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "./input";

/**
 * Where `--out` may write, checked before any work and again just before writing:
 * never over one of the command's own input files (same file by device and inode, so a
 * hard link or another path to it counts), never over a symbolic link, a folder, a
 * device or a pipe, and only into a folder that exists. The bytes go to a new
 * temporary file in the target folder (created exclusively), which is then renamed
 * over a regular file or nothing: a failure part-way leaves no partial file, and the
 * rename never writes through a link.
 */

/** Refuses an --out target that is not safe to replace; returns its absolute path. */
export async function checkOutputTarget(out: string, inputs: readonly (string | undefined)[], option = "--out"): Promise<string> {
  if (out === "" || out === "-") throw new CliError(`${option} needs a file name`);
  const target = resolve(out);
  const folder = dirname(target);
  const dirInfo = await stat(folder).catch(() => null);
  if (!dirInfo) throw new CliError(`${option} ${out}: the folder ${folder} does not exist`);
  if (!dirInfo.isDirectory()) throw new CliError(`${option} ${out}: ${folder} is not a folder`);
  const info = await lstat(target).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return null;
    throw new CliError(`${option} ${out}: cannot check the file (${e.code ?? e.message})`);
  });
  if (!info) return target;
  if (info.isSymbolicLink()) throw new CliError(`${option} ${out} is a symbolic link; give the name of a new or ordinary file`);
  if (info.isDirectory()) throw new CliError(`${option} ${out} is a folder; give a file name such as ${join(out, "return.xlsx")}`);
  if (!info.isFile()) throw new CliError(`${option} ${out} is not an ordinary file (a device or pipe?); give a file name`);
  for (const input of inputs) {
    if (input === undefined || input === "-") continue;
    const same = await stat(input).catch(() => null);
    if (same && same.dev === info.dev && same.ino === info.ino) {
      throw new CliError(`${option} ${out} is the input file ${input}; writing there would destroy it, so give another name`);
    }
  }
  return target;
}

/** Writes `bytes` to `out` after {@link checkOutputTarget}, through a temporary file renamed into place. */
export async function writeOutputFile(out: string, bytes: Uint8Array | string, inputs: readonly (string | undefined)[], option = "--out"): Promise<void> {
  const target = await checkOutputTarget(out, inputs, option);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.tmp`);
  let handle;
  try {
    handle = await open(temp, "wx", 0o644);
    await handle.writeFile(bytes);
    await handle.close();
    handle = undefined;
    await rename(temp, target);
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`${option} ${out}: cannot write the file (${code ?? (e as Error).message})`);
  }
}
