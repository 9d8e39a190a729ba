import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, tokens, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { describeOutcome, reenterArrearsFormulas } from "../excel/reenterInWorkbook";
import { ExcelReviewStore } from "../storage/excelReviewStore";
import type { WorkbookTools } from "./components/FormulasView";
import { DateFormatContext, dateFormat } from "./dates";
import { currentOfficeHost, isDarkOffice, officeLocale, type OfficeHostInfo } from "./officeHost";
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

/** Follows Office's theme while the pane is open, where the host reports changes (not every host does). */
function useOfficeTheme(initial: OfficeHostInfo["officeTheme"]): OfficeHostInfo["officeTheme"] {
  const [theme, setTheme] = React.useState(initial);
  React.useEffect(() => {
    try {
      Office.context?.document?.addHandlerAsync?.(Office.EventType.OfficeThemeChanged, (e: Office.OfficeThemeChangedEventArgs) => setTheme(e.officeTheme));
    } catch {
      // Hosts without the event keep the theme the pane opened with.
    }
  }, []);
  return theme;
}

function Root({ host }: { host: OfficeHostInfo | undefined }): React.JSX.Element {
  const officeTheme = useOfficeTheme(host?.officeTheme);
  const dark = isDarkOffice(officeTheme);
  // Fluent's web themes are built for Microsoft 365's light and dark surfaces, which is what Office's themes are.
  const theme = dark ? webDarkTheme : webLightTheme;
  const dates = React.useMemo(() => dateFormat(officeLocale(host, navigator.language)), [host]);
  React.useEffect(() => {
    // The page behind the provider takes the theme too, and native controls (date pickers, scroll bars) follow it.
    document.documentElement.style.colorScheme = dark ? "dark" : "light";
    document.body.style.margin = "0";
    document.body.style.backgroundColor = theme.colorNeutralBackground1;
  }, [dark, theme]);
  const inExcel = typeof Excel !== "undefined";
  // One store for the pane's life: a new one on a theme change would reload the workbook.
  const [store] = React.useState(() => (inExcel ? new ExcelReviewStore({ storage: browserStorage() }) : null));
  return (
    <FluentProvider theme={theme} style={{ backgroundColor: tokens.colorNeutralBackground1, minHeight: "100vh" }} data-theme={dark ? "dark" : "light"}>
      <DateFormatContext.Provider value={dates}>
        {store ? <App store={store} tools={tools} /> : <p role="alert">Open this pane from the Call reviews button in Excel.</p>}
      </DateFormatContext.Provider>
    </FluentProvider>
  );
}

/** Renders the pane once Office is ready; outside Office there is no workbook, so it says so. */
function render(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<Root host={currentOfficeHost()} />);
}

if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => render());
} else {
  render();
}
