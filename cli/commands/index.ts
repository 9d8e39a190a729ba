import type { Command } from "../command";
import { reportCommand } from "./report";
import { trendCommand } from "./trend";

/** Every `arrears` subcommand by name. A new subcommand is one file in this folder and one line here. */
export const COMMANDS: Record<string, Command> = {
  report: reportCommand,
  trend: trendCommand,
};
