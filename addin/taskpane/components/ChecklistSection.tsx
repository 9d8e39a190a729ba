import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { CriterionResponse, Section } from "../../../core/qa";
import { CriterionItem } from "./CriterionItem";

const useStyles = makeStyles({
  fieldset: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, margin: 0, padding: `0 ${tokens.spacingHorizontalS}`, minWidth: 0 },
  legend: { paddingInline: tokens.spacingHorizontalXS, maxWidth: "100%" },
  toggle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400, textAlign: "start", justifyContent: "flex-start", alignItems: "flex-start", paddingInline: 0, minWidth: 0, height: "auto", color: tokens.colorNeutralForeground1 },
  status: { display: "block", paddingInlineStart: "28px", fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  done: { color: tokens.colorPaletteGreenForeground1 },
});

/** Props of one checklist section. */
export interface ChecklistSectionProps {
  section: Section;
  responses: Record<string, CriterionResponse | undefined>;
  /** The section's score so far (null when nothing in it counts yet). */
  score: number | null | undefined;
  failedIds: ReadonlySet<string>;
  /** Criterion ids not yet answered (as scoring counts them: N/A is an answer). */
  unanswered: ReadonlySet<string>;
  expanded: boolean;
  onToggle: (sectionId: string) => void;
  onChange: (id: string, change: Partial<CriterionResponse>) => void;
}

/**
 * A section of the checklist as a group named by its legend. The legend is a
 * button that folds the section away, and says how many of its criteria are
 * answered and its score, so a folded section still tells where it stands.
 */
export function ChecklistSection({ section: s, responses, score, failedIds, unanswered, expanded, onToggle, onChange }: ChecklistSectionProps): React.JSX.Element {
  const styles = useStyles();
  const answered = s.criteria.filter((c) => !unanswered.has(c.id)).length;
  const bodyId = `section-${s.id}-criteria`;
  const complete = answered === s.criteria.length;
  return (
    <fieldset className={styles.fieldset} data-section={s.id}>
      <legend className={styles.legend}>
        <Button
          appearance="transparent"
          type="button"
          className={styles.toggle}
          icon={<span aria-hidden="true">{expanded ? "▾" : "▸"}</span>}
          aria-expanded={expanded}
          aria-controls={bodyId}
          onClick={() => onToggle(s.id)}
        >
          {s.id}. {s.title}
        </Button>
        <span className={complete ? `${styles.status} ${styles.done}` : styles.status} data-testid={`section-${s.id}-status`}>
          {answered} of {s.criteria.length} answered
          {score !== null && score !== undefined ? ` · section score ${score}` : ""}
        </span>
      </legend>
      <div id={bodyId} hidden={!expanded}>
        {s.criteria.map((c) => (
          <CriterionItem key={c.id} criterion={c} response={responses[c.id]} failed={failedIds.has(c.id)} onChange={onChange} />
        ))}
      </div>
    </fieldset>
  );
}
