import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  status: { color: tokens.colorPaletteGreenForeground1 },
  alert: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/**
 * A view's outcome messages: a polite status region for what worked and an alert
 * region for what did not. Both regions are always in the page (empty when silent)
 * so screen readers announce a message the moment it changes.
 */
export function Messages({ status, alert, idPrefix }: { status: React.ReactNode; alert: React.ReactNode; /** Gives the regions ids `<prefix>-status` and `<prefix>-alert`. */ idPrefix?: string }): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      <div role="status" id={idPrefix && `${idPrefix}-status`} className={styles.status}>
        {status}
      </div>
      <div role="alert" id={idPrefix && `${idPrefix}-alert`} className={styles.alert}>
        {alert}
      </div>
    </>
  );
}
