import type { Command } from "../command";
import { trendCommand } from "./trend";

/** Every `arrears` subcommand by name. A new subcommand is one file in this folder and one line here. */
export const COMMANDS: Record<string, Command> = {
  trend: trendCommand,
};
