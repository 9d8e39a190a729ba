/** What a subcommand gets: its own arguments and the process's streams (replaceable in tests). */
export interface CommandIo {
  stdin: NodeJS.ReadableStream;
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

/** A subcommand of `arrears`: reads a file or stdin, validates it, prints results, returns the exit code. */
export interface Command {
  /** One line for `arrears --help`. */
  summary: string;
  /** Full usage text for `arrears <name> --help`. */
  usage: string;
  run(args: string[], io: CommandIo): Promise<number>;
}
