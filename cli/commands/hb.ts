import { estimateHousingBenefit } from "../../core/benefits";
import type { Command } from "../command";
import { estimateUsage, runEstimate } from "./uc";

/** `arrears hb`: Housing Benefit estimates, same input as `arrears uc`. Earnings and income are £ a week unless incomePeriod says otherwise, as in Excel. */
export const hbCommand: Command = {
  summary: "Housing Benefit estimate (£ a week) with breakdown, for one household or a JSON array",
  usage: estimateUsage("hb", "Housing Benefit", "£ a week"),
  run: (args, io) => runEstimate(args, io, "hb", estimateHousingBenefit),
};
