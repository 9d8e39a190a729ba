import { parseTemplate, type QaTemplate } from "./template";
import { rentArrearsCallV1 } from "./templates/rentArrearsCall.v1";

/** Templates shipped with the add-in, validated like any imported template. */
export const BUILT_IN_TEMPLATES: readonly QaTemplate[] = [parseTemplate(rentArrearsCallV1)];

/** The template a new workbook starts with. */
export const DEFAULT_TEMPLATE: QaTemplate = BUILT_IN_TEMPLATES[0];
