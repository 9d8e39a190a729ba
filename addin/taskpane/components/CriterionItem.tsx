import * as React from "react";
import { Badge, Button, Checkbox, Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { ANSWER_LABELS, type Answer, type Criterion, type CriterionResponse } from "../../../core/qa";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  label: { fontWeight: tokens.fontWeightSemibold },
  radios: { flexWrap: "wrap", columnGap: tokens.spacingHorizontalXS },
  critical: { marginLeft: tokens.spacingHorizontalXS },
  addComment: { alignSelf: "flex-start" },
  failed: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}`, paddingLeft: tokens.spacingHorizontalS },
});

/** Props of one checklist criterion. */
export interface CriterionItemProps {
  criterion: Criterion;
  response: CriterionResponse | undefined;
  failed: boolean;
  onChange: (id: string, change: Partial<CriterionResponse>) => void;
}

/**
 * One criterion: its answers as a radio group (Tab reaches the group, arrow keys
 * choose within it), for criteria whose critical failure is a separate event a
 * tick box for it, and a comment box on demand ("Add comment"; a criterion that
 * has a comment keeps its box). The comment box is multi-line: Enter there is a
 * new line, never a save.
 */
export const CriterionItem = React.memo(function CriterionItem({ criterion: c, response, failed, onChange }: CriterionItemProps) {
  const styles = useStyles();
  const labelId = `criterion-${c.id}-label`;
  const [adding, setAdding] = React.useState(false);
  const box = React.useRef<HTMLTextAreaElement>(null);
  const showBox = adding || Boolean(response?.comment);
  React.useEffect(() => {
    // Focus follows the "Add comment" press to the box it revealed.
    if (adding) box.current?.focus();
  }, [adding]);
  return (
    <div className={failed ? `${styles.item} ${styles.failed}` : styles.item} data-criterion={c.id}>
      <Field
        label={{
          id: labelId,
          className: styles.label,
          children: (
            <>
              {c.id} {c.text}
              {c.critical && (
                <Badge className={styles.critical} appearance={failed ? "filled" : "tint"} color="danger" size="small">
                  {failed ? "Critical fail" : "Critical"}
                </Badge>
              )}
            </>
          ),
        }}
        hint={c.guidance || undefined}
      >
        <RadioGroup
          id={`criterion-${c.id}`}
          layout="horizontal"
          className={styles.radios}
          value={response?.answer ?? ""}
          onChange={(_, data) => onChange(c.id, { answer: data.value as Answer })}
        >
          {c.answers.map((a) => (
            <Radio key={a} value={a} label={ANSWER_LABELS[a]} />
          ))}
        </RadioGroup>
      </Field>
      {c.critical?.trigger === "flag" && (
        <Checkbox
          checked={response?.criticalFlag ?? false}
          onChange={(_, data) => onChange(c.id, { criticalFlag: data.checked === true })}
          label={`Critical fail (${c.critical.code}): ${c.critical.description}`}
        />
      )}
      {c.critical?.trigger === "notMet" && <span className="critical-note">Not met here is a critical fail ({c.critical.code}).</span>}
      {showBox ? (
        <Textarea
          ref={box}
          size="small"
          resize="vertical"
          rows={2}
          aria-label={`Comment on ${c.id}`}
          placeholder="Comment (optional)"
          value={response?.comment ?? ""}
          onChange={(_, data) => onChange(c.id, { comment: data.value })}
        />
      ) : (
        <Button className={styles.addComment} size="small" appearance="subtle" type="button" aria-label={`Add comment on ${c.id}`} onClick={() => setAdding(true)}>
          Add comment
        </Button>
      )}
    </div>
  );
});
