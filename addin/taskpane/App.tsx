import * as React from "react";
import { Body1, Title3, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: { padding: tokens.spacingHorizontalL, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** The task pane. The call-review checklist arrives here; until then it says what the add-in offers. */
export function App(): React.JSX.Element {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-labelledby="pane-title">
      <Title3 as="h1" id="pane-title">
        Arrears toolkit
      </Title3>
      <Body1>
        The ARREARS functions are ready in this workbook. Type <code>=ARREARS.TREND(</code> in a cell to see an account&apos;s arrears trend.
      </Body1>
    </main>
  );
}
