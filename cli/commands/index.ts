import type { Command } from "../command";
import { hbCommand } from "./hb";
import { reportCommand } from "./report";
import { trendCommand } from "./trend";
import { ucCommand } from "./uc";
import { worklistCommand } from "./worklist";

/** Every `arrears` subcommand by name. A new subcommand is one file in this folder and one line here. */
export const COMMANDS: Record<string, Command> = {
  report: reportCommand,
  trend: trendCommand,
  uc: ucCommand,
  hb: hbCommand,
  worklist: worklistCommand,
};
