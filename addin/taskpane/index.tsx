import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { describeOutcome, reenterArrearsFormulas } from "../excel/reenterInWorkbook";
import { ExcelReviewStore } from "../storage/excelReviewStore";
import type { WorkbookTools } from "./components/FormulasView";
import { App } from "./App";

/** Browser storage for drafts; some hosts block it, and the store copes with it missing. */
function browserStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

const tools: WorkbookTools = { reenterArrearsFormulas: () => Excel.run(reenterArrearsFormulas).then(describeOutcome) };

/** Renders the pane once Office is ready; outside Office there is no workbook, so it says so. */
function render(): void {
  const container = document.getElementById("root");
  if (!container) return;
  const inExcel = typeof Excel !== "undefined";
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      {inExcel ? <App store={new ExcelReviewStore({ storage: browserStorage() })} tools={tools} /> : <p role="alert">Open this pane from the Call reviews button in Excel.</p>}
    </FluentProvider>,
  );
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => render());
} else {
  render();
}
