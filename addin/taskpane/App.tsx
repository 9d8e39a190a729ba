import * as React from "react";
import { Spinner, Tab, TabList, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { DEFAULT_TEMPLATE, templateKey, type SavedReview } from "../../core/qa";
import type { DraftInfo, ReviewStore, TeamInfo, TemplateSet } from "../storage/reviewStore";
import { FormulasView, type WorkbookTools } from "./components/FormulasView";
import { ReviewView } from "./components/ReviewView";
import { SummaryView } from "./components/SummaryView";
import { TemplatesView } from "./components/TemplatesView";
import { onPaneRequest } from "./paneRequests";

const useStyles = makeStyles({
  root: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  // Four short tabs with less padding than Fluent's own fit 304 px (a 320 px pane less its margins).
  // (The same longhand properties as Fluent's own padding, so this one wins.)
  tab: { padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalXS}` },
  alert: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

type View = "review" | "summary" | "templates" | "formulas";

interface Loaded {
  team: TeamInfo;
  templates: TemplateSet;
  drafts: DraftInfo[];
  reviews: SavedReview[];
}

/** The call-review task pane: score a call, see the month's summary, manage templates; and the #NAME? fix for ARREARS formulas. */
export function App({ store, tools }: { store: ReviewStore; tools: WorkbookTools }): React.JSX.Element {
  const styles = useStyles();
  const [view, setView] = React.useState<View>("review");
  const [data, setData] = React.useState<Loaded | null>(null);
  const [error, setError] = React.useState("");
  // Set by the ribbon's "Re-enter ARREARS formulas": the Formulas tab runs it once, then clears it.
  const [reenterRequested, setReenterRequested] = React.useState(false);

  React.useEffect(
    () =>
      onPaneRequest(window, (r) => {
        setView(r.view);
        if (r.run) setReenterRequested(true);
      }),
    [],
  );

  React.useEffect(() => {
    Promise.all([store.loadTeam(), store.loadTemplates(), store.loadDrafts(), store.listReviews()])
      .then(([team, templates, drafts, reviews]) => setData({ team, templates, drafts, reviews }))
      .catch((e) => setError(`The workbook could not be read: ${e instanceof Error ? e.message : String(e)}`));
  }, [store]);

  const reload = React.useCallback(
    (part: "team" | "templates" | "reviews") => {
      const load = part === "team" ? store.loadTeam() : part === "templates" ? store.loadTemplates() : store.listReviews();
      load.then((v) => setData((d) => (d ? { ...d, [part]: v } : d))).catch((e) => setError(e instanceof Error ? e.message : String(e)));
    },
    [store],
  );

  if (!data) {
    return (
      <main className={styles.root}>
        <div role="alert" className={styles.alert}>
          {error}
        </div>
        {!error && <Spinner label="Reading the workbook…" />}
      </main>
    );
  }
  const templates = data.templates.entries.map((e) => e.template);
  const active = templates.find((t) => templateKey(t) === data.templates.activeKey) ?? DEFAULT_TEMPLATE;

  return (
    <main className={styles.root} aria-labelledby="pane-title">
      <Title3 as="h1" id="pane-title">
        Call reviews
      </Title3>
      <TabList selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} size="small">
        {/* Short labels: all four fit a 320 px pane, the narrowest Excel gives. */}
        <Tab className={styles.tab} value="review">
          Review
        </Tab>
        <Tab className={styles.tab} value="summary" onClick={() => reload("reviews")}>
          Summary
        </Tab>
        <Tab className={styles.tab} value="templates">
          Templates
        </Tab>
        <Tab className={styles.tab} value="formulas">
          Formulas
        </Tab>
      </TabList>
      <div role="alert" className={styles.alert}>
        {error}
      </div>
      {/* The review stays mounted while other tabs are open so an unsaved review is never dropped. */}
      <div hidden={view !== "review"}>
        <ReviewView
          store={store}
          team={data.team}
          templates={templates}
          activeTemplate={active}
          initialDrafts={data.drafts}
          onSaved={(r) => setData((d) => (d ? { ...d, reviews: [...d.reviews.filter((x) => x.reviewId !== r.reviewId), r] } : d))}
          onTeamChanged={() => reload("team")}
        />
      </div>
      {view === "summary" && <SummaryView store={store} team={data.team} templates={templates} reviews={data.reviews} onTargetChanged={() => reload("team")} />}
      {view === "templates" && <TemplatesView store={store} set={data.templates} onChanged={() => reload("templates")} />}
      {view === "formulas" && <FormulasView tools={tools} runNow={reenterRequested} onRunStarted={() => setReenterRequested(false)} />}
    </main>
  );
}
