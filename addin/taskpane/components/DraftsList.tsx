import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ReviewDraft } from "../../../core/qa";
import { DRAFT_MAX_AGE_DAYS, draftExpiry } from "../../storage/drafts";
import { type DateFormat, useDateFormat } from "../dates";
import { todayIso } from "../ids";

const useStyles = makeStyles({
  root: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}` },
  summary: { cursor: "pointer", fontWeight: tokens.fontWeightSemibold },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  item: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS, minWidth: 0 },
  label: { flexBasis: "100%", minWidth: 0, overflowWrap: "anywhere" },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

/** Props of {@link DraftsList}. */
export interface DraftsListProps {
  /** This workbook's unsaved reviews, newest first. */
  drafts: ReviewDraft[];
  /** The review open in the form. */
  currentId: string;
  onOpen: (reviewId: string) => void;
  /** Deletes the draft from this computer and the workbook. */
  onDiscard: (reviewId: string) => Promise<void>;
}

function describe(d: ReviewDraft, fmt: DateFormat): string {
  return `${d.officer || "No officer"} · ${d.reference || "no reference"} · ${d.callDate ? `call ${fmt.date(d.callDate)}` : "no call date"}`;
}

/**
 * Every unsaved review in this workbook, with when each will be deleted, so a
 * team leader can see what tenant details sit in drafts and discard them. Drafts
 * are kept DRAFT_MAX_AGE_DAYS after their last change (see storage/drafts.ts).
 */
export function DraftsList({ drafts, currentId, onOpen, onDiscard }: DraftsListProps): React.JSX.Element | null {
  const styles = useStyles();
  const fmt = useDateFormat();
  const [confirm, setConfirm] = React.useState("");
  const [message, setMessage] = React.useState("");
  if (drafts.length === 0) return null;

  async function discard(id: string) {
    setConfirm("");
    try {
      await onDiscard(id);
      setMessage("Unsaved review discarded.");
    } catch (e) {
      setMessage(`Could not discard it: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <details className={styles.root} id="drafts-list">
      <summary className={styles.summary}>Unsaved reviews in this workbook ({drafts.length})</summary>
      <p className={styles.muted}>
        Kept on this computer and in the workbook for {DRAFT_MAX_AGE_DAYS} days after the last change, then deleted when the pane next opens, because they hold tenants&apos; references and your comments.
      </p>
      <ul className={styles.list} aria-label="Unsaved reviews">
        {drafts.map((d) => {
          const label = describe(d, fmt);
          const current = d.reviewId === currentId;
          const expiry = draftExpiry(d);
          return (
            <li key={d.reviewId} className={styles.item} data-review-id={d.reviewId}>
              <span className={styles.label}>
                {label}
                {current ? " (open now)" : ""}
                <br />
                <span className={styles.muted}>
                  {expiry && `Changed ${fmt.date(todayIso(new Date(d.updatedAt)))} ${fmt.time(d.updatedAt)}; deleted after ${fmt.date(todayIso(expiry))} unless saved.`}
                </span>
              </span>
              {!current && (
                <Button size="small" aria-label={`Open ${label}`} onClick={() => onOpen(d.reviewId)}>
                  Open
                </Button>
              )}
              {confirm === d.reviewId ? (
                <span className={styles.item} role="group" aria-label={`Confirm discarding ${label}`}>
                  <Button size="small" onClick={() => void discard(d.reviewId)}>
                    Yes, discard
                  </Button>
                  <Button size="small" onClick={() => setConfirm("")}>
                    Keep it
                  </Button>
                </span>
              ) : (
                <Button size="small" appearance="subtle" aria-label={`Discard ${label}`} onClick={() => setConfirm(d.reviewId)}>
                  Discard
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      <div role="status" className={styles.muted}>
        {message}
      </div>
    </details>
  );
}
