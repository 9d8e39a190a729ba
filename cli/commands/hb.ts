import { estimateHousingBenefit } from "../../core/benefits";
import type { Command } from "../command";
import { estimateUsage, runEstimate } from "./uc";

/** `arrears hb`: Housing Benefit estimates, same input as `arrears uc`. Earnings and income default to £ a month unless incomePeriod says otherwise. */
export const hbCommand: Command = {
  summary: "Housing Benefit estimate (£ a week) with breakdown, for one household or a JSON array",
  usage: estimateUsage("hb", "Housing Benefit", "£ a week"),
  run: (args, io) => runEstimate(args, io, "hb", estimateHousingBenefit),
};
