import * as React from "react";
import { Body1, Button, Spinner, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import { Messages } from "./Messages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

/** Workbook actions the pane offers beside call reviews. */
export interface WorkbookTools {
  /** Re-enters every ARREARS formula; resolves to what was done and what could not be. */
  reenterArrearsFormulas(): Promise<{ done: string; problems: string }>;
}

/**
 * Fixes ARREARS cells stuck at #NAME?: a workbook opened before the add-in
 * loaded keeps them until each formula is re-entered (Excel does not re-resolve
 * them on recalculation), which this does in one click.
 */
export function FormulasView({
  tools,
  runNow = false,
  onRunStarted,
}: {
  tools: WorkbookTools;
  /** Run at once (the ribbon button asked for it); onRunStarted clears the request so it runs once. */
  runNow?: boolean;
  onRunStarted?: () => void;
}): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState(false);
  const [status, setStatus] = React.useState("");
  const [alert, setAlert] = React.useState("");
  const run = () => {
    setBusy(true);
    setStatus("");
    setAlert("");
    tools
      .reenterArrearsFormulas()
      .then(({ done, problems }) => {
        setStatus(done);
        setAlert(problems);
      })
      .catch((e) => setAlert(`The formulas could not be re-entered: ${e instanceof Error ? e.message : String(e)}`))
      .finally(() => setBusy(false));
  };
  React.useEffect(() => {
    if (!runNow) return;
    onRunStarted?.();
    run();
    // Only a new request starts a run; run and onRunStarted are new on every render.
  }, [runNow]);
  return (
    <section className={styles.root} aria-labelledby="formulas-title">
      <Subtitle2 as="h2" id="formulas-title">
        ARREARS formulas showing #NAME?
      </Subtitle2>
      <Body1>
        A workbook opened before the add-in loaded can keep its ARREARS cells at #NAME? even after it loads, and recalculating does not help. Re-entering each
        formula does: this goes through every sheet and re-enters the ARREARS formulas only, leaving values, other formulas and spilled results as they are.
        Protected sheets are left alone.
      </Body1>
      <Button appearance="primary" onClick={run} disabled={busy} id="reenter-formulas">
        Re-enter ARREARS formulas
      </Button>
      {busy && <Spinner size="tiny" label="Re-entering…" />}
      <Messages status={status} alert={alert} />
    </section>
  );
}
