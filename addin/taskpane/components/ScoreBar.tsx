import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ScoreResult } from "../../../core/qa";

const useStyles = makeStyles({
  // One row only (score, progress, Save): anything taller would hide more of the checklist under it.
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    paddingBlock: tokens.spacingVerticalXS,
    display: "flex",
    flexWrap: "nowrap",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  summary: { flex: "1 1 auto", minWidth: 0, display: "flex", alignItems: "baseline", flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS, lineHeight: tokens.lineHeightBase200 },
  score: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  provisional: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, fontStyle: "italic" },
  progress: { flex: "0 0 auto", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  save: { flex: "0 0 auto" },
  srOnly: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** True until every criterion is answered (N/A counts as answered): the score can still move. */
export function isProvisional(r: ScoreResult): boolean {
  return r.answeredCount < r.totalCount;
}

/** What the running-score region says, e.g. "Score 97.5, Excellent. 27 of 27 answered." or, mid-review, "Provisional score 100, Excellent so far. 1 of 27 answered." */
export function scoreSentence(r: ScoreResult): string {
  const provisional = isProvisional(r);
  const score = r.score === null ? "No score yet" : provisional ? `Provisional score ${r.score}, ${r.grade} so far` : `Score ${r.score}, ${r.grade}`;
  const critical = r.criticalFail ? ` Critical fail: ${r.criticalFailures.map((f) => f.criterionId).join(", ")}.` : "";
  const raw = r.criticalFail && r.rawScore !== null && r.rawScore !== r.score ? ` Score before the critical fail ${r.rawScore}.` : "";
  return `${score}. ${r.answeredCount} of ${r.totalCount} answered.${critical}${raw}`;
}

/** Props of the score bar. */
export interface ScoreBarProps {
  result: ScoreResult;
  /** Saves the review; the bar's button is the only way a review is saved. */
  onSave: () => void;
  saving: boolean;
  disabled: boolean;
}

/**
 * The running score, progress and Save, always in view (sticky, one line) and
 * announced politely to screen readers as the score changes. While it is in the
 * page the document keeps a scroll padding of its height, so the browser never
 * scrolls a focused control underneath it (WCAG 2.2, 2.4.11 Focus Not Obscured).
 */
export function ScoreBar({ result, onSave, saving, disabled }: ScoreBarProps): React.JSX.Element {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  React.useLayoutEffect(() => {
    const bar = ref.current;
    if (!bar || typeof ResizeObserver === "undefined") return;
    const root = document.documentElement;
    // The bar's height plus a little room, so a focus outline clears its border too.
    const pad = () => (root.style.scrollPaddingTop = `${Math.ceil(bar.getBoundingClientRect().height) + 8}px`);
    const observer = new ResizeObserver(pad);
    observer.observe(bar);
    pad();
    return () => {
      observer.disconnect();
      root.style.scrollPaddingTop = "";
    };
  }, []);
  const provisional = isProvisional(result);
  return (
    <div className={styles.bar} ref={ref} data-testid="score-bar">
      {/* The visible summary is compact; screen readers get the full sentence instead. */}
      <div aria-hidden="true" className={styles.summary} data-testid="score-visible">
        <span className={styles.score}>{result.score === null ? "–" : result.score}</span>
        <span className={result.criticalFail ? styles.fail : undefined}>{result.score === null ? "No score yet" : result.grade}</span>
        {result.score !== null && provisional && <span className={styles.provisional}>provisional</span>}
      </div>
      <span aria-hidden="true" className={styles.progress} data-testid="score-progress">
        {result.answeredCount}/{result.totalCount}
      </span>
      <div id="running-score" className={styles.srOnly} role="status" aria-live="polite" aria-atomic="true">
        {scoreSentence(result)}
      </div>
      <Button className={styles.save} appearance="primary" type="button" onClick={onSave} disabled={disabled || saving}>
        {saving ? "Saving…" : "Save review"}
      </Button>
    </div>
  );
}
