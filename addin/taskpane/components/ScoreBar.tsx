import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ScoreResult } from "../../../core/qa";

const useStyles = makeStyles({
  bar: {
    position: "sticky",
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    paddingBlock: tokens.spacingVerticalS,
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
  },
  score: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  srOnly: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

/** What the running-score region says, e.g. "Score 97.5, Excellent. 28 of 30 answered." */
export function scoreSentence(r: ScoreResult): string {
  const score = r.score === null ? "No score yet" : `Score ${r.score}, ${r.grade}`;
  const critical = r.criticalFail ? ` Critical fail: ${r.criticalFailures.map((f) => f.criterionId).join(", ")}.` : "";
  const raw = r.criticalFail && r.rawScore !== null && r.rawScore !== r.score ? ` Score before the critical fail ${r.rawScore}.` : "";
  return `${score}. ${r.answeredCount} of ${r.totalCount} answered.${critical}${raw}`;
}

/**
 * The running score and grade, always visible (sticky) and announced politely
 * to screen readers as it changes.
 */
export function ScoreBar({ result }: { result: ScoreResult }): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.bar}>
      {/* The visible summary is compact; screen readers get the full sentence instead. */}
      <div aria-hidden="true" data-testid="score-visible">
        <span className={styles.score}>{result.score === null ? "–" : result.score}</span> <span>{result.score === null ? "No score yet" : result.grade}</span>
        {" · "}
        <span>
          {result.answeredCount}/{result.totalCount} answered
        </span>
        {result.criticalFail && <span className={styles.fail}> · Critical fail ({result.criticalFailures.map((f) => f.criterionId).join(", ")})</span>}
      </div>
      <div id="running-score" className={styles.srOnly} role="status" aria-live="polite" aria-atomic="true">
        {scoreSentence(result)}
      </div>
    </div>
  );
}
