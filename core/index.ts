/**
 * The arrears core: pure functions with no Office, React or DOM dependency, shared
 * by the Excel add-in, the command line and any other Node program.
 */
export * from "./errors";
export * from "./money";
export * from "./dates/excelSerial";
export * from "./trend/trend";
export * from "./qa";
export * from "./benefits";
export * from "./export/schema";
export * from "./export/profile";
export * from "./values";
export * from "./export/cellValues";
export * from "./export/readTables";
export * from "./kpi/definitions";
export * from "./kpi/monthlyReturn";
export * from "./escalation/policy";
export * from "./escalation/escalate";
export * from "./escalation/withTrend";
export * from "./arrangements/schema";
export * from "./arrangements/readArrangements";
export * from "./arrangements/rules";
export * from "./arrangements/judge";
export * from "./arrangements/byOfficer";
export * from "./columns/columnarExport";
export * from "./worklist/points";
export * from "./worklist/authorisation";
export * from "./worklist/worklist";
