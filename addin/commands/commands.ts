/**
 * Ribbon commands. The only ribbon button opens the task pane (a ShowTaskpane
 * action in manifest.xml), so there is nothing to register here yet; the file
 * exists because the shared runtime loads it as the manifest's FunctionFile.
 */
export {};
