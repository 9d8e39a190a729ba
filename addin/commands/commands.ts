import { requestPane } from "../taskpane/paneRequests";

/**
 * Ribbon commands (Home › Arrears). "Call reviews" opens the pane itself (a
 * ShowTaskpane action in manifest.xml); "Re-enter ARREARS formulas" is this
 * ExecuteFunction command: it opens the pane on its Formulas tab and runs the
 * re-entry there, so the user sees what was done and what was left alone.
 */
export async function reenterArrearsFormulasCommand(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // The pane shows the outcome; if the host cannot open it, the re-entry still runs when the pane is next opened.
    await Office.addin.showAsTaskpane().catch(() => undefined);
    requestPane(window, { view: "formulas", run: true });
  } finally {
    event.completed();
  }
}

/** The manifest's <FunctionName> for the ribbon button. */
export const REENTER_COMMAND = "reenterArrearsFormulas";

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => Office.actions?.associate(REENTER_COMMAND, reenterArrearsFormulasCommand));
}
