/** Call-review (quality monitoring) checklists: templates, scoring, the review table and summaries. */
export * from "./template";
export * from "./builtInTemplates";
export * from "./scoring";
export * from "./review";
export * from "./reviewTable";
export * from "./month";
export * from "./summary";
export * from "./oneToOne";
