import { isArrearsInputError } from "../core/errors";
import type { CommandIo } from "./command";
import { COMMANDS } from "./commands";
import { CsvError } from "./io/csv";
import { CliError } from "./io/input";
import { TextDecodingError } from "./io/textDecoding";
import { XlsxError } from "./io/xlsx/zip";

/**
 * `arrears <command> [options]`: the command line over the same core the Excel
 * add-in uses. Exit codes: 0 done, 1 the input or an option is wrong (message on
 * stderr), 2 unknown command or unexpected failure.
 */
export async function main(argv: string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    io.stdout.write(helpText());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr.write(`arrears: unknown command "${name}"\n\n${helpText()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout.write(command.usage);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    return reportFailure(e, `arrears ${name}`, io.stderr);
  }
}

/** Problems the user can fix: a bad input file or option. */
function isUserError(e: unknown): boolean {
  return e instanceof CliError || e instanceof XlsxError || e instanceof CsvError || e instanceof TextDecodingError || isArrearsInputError(e) || isBadOption(e);
}

/**
 * The one top-level handler: every failure becomes one line on stderr, never a stack
 * trace. A user error exits 1; anything else is a bug, exit 2, with its kind and message
 * (set ARREARS_DEBUG=1 to see the stack). bin/arrears.js sends uncaught errors here too.
 */
export function reportFailure(e: unknown, prefix: string, stderr: { write(s: string): unknown }): number {
  if (isUserError(e)) {
    stderr.write(`${prefix}: ${oneLine((e as Error).message)}\n`);
    return 1;
  }
  const what = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  stderr.write(`${prefix}: unexpected failure, please report it (${oneLine(what, 300)})\n`);
  if (process.env.ARREARS_DEBUG === "1" && e instanceof Error && e.stack) stderr.write(`${e.stack}\n`);
  return 2;
}

/**
 * A message as one line of bounded length. Messages quote headers and sheet names
 * from the user's file, which may hold line breaks, control characters or
 * megabytes of text; the user should still see one readable line.
 */
export function oneLine(message: string, max = 1000): string {
  const head = message.length > max ? message.slice(0, max) : message;
  // eslint-disable-next-line no-control-regex -- control characters are what this removes
  const flat = head.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, " ");
  return message.length > max ? `${flat}… (message shortened)` : flat;
}

/** node:util parseArgs rejects unknown or malformed options with ERR_PARSE_ARGS_* codes. */
function isBadOption(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS");
}

function helpText(): string {
  const lines = Object.entries(COMMANDS).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `Usage: arrears <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun arrears <command> --help for a command's options.\n`;
}

if (require.main === module) {
  main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
  );
}
