import type { Command } from "../command";

/**
 * A command loaded on first use: `arrears report` then does not compile the benefit
 * rates, their schemas and the other commands at start-up (tens of ms of a ~1 s run).
 */
function lazy(load: () => Command): Command {
  let loaded: Command | undefined;
  const command = () => (loaded ??= load());
  return {
    get summary() {
      return command().summary;
    },
    get usage() {
      return command().usage;
    },
    run: (args, io) => command().run(args, io),
  };
}

/* eslint-disable @typescript-eslint/no-require-imports -- a plain require is what loads a module only when its command runs */
/** Every `arrears` subcommand by name. A new subcommand is one file in this folder and one line here. */
export const COMMANDS: Record<string, Command> = {
  report: lazy(() => (require("./report") as typeof import("./report")).reportCommand),
  trend: lazy(() => (require("./trend") as typeof import("./trend")).trendCommand),
  uc: lazy(() => (require("./uc") as typeof import("./uc")).ucCommand),
  hb: lazy(() => (require("./hb") as typeof import("./hb")).hbCommand),
  worklist: lazy(() => (require("./worklist") as typeof import("./worklist")).worklistCommand),
};
/* eslint-enable @typescript-eslint/no-require-imports */
