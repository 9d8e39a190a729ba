import * as React from "react";
import { Button, Field, Input, Select, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import {
  newDraft,
  problemsBeforeSave,
  scoreReview,
  templateKey,
  withResponse,
  type CriterionResponse,
  type QaTemplate,
  type ReviewDraft,
  type SaveProblem,
  type SavedReview,
} from "../../../core/qa";
import type { DraftInfo, ReviewStore, TeamInfo } from "../../storage/reviewStore";
import { type DateFormat, useDateFormat } from "../dates";
import { newReviewId, todayIso } from "../ids";
import { ChecklistSection } from "./ChecklistSection";
import { DraftsList } from "./DraftsList";
import { Messages } from "./Messages";
import { ScoreBar } from "./ScoreBar";

const useStyles = makeStyles({
  header: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(150px, 1fr))", gap: tokens.spacingHorizontalS },
  // Fluent inputs have an intrinsic width; in a narrow pane they must shrink to their column.
  full: { width: "100%", minWidth: 0, boxSizing: "border-box" },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  alert: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  form: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
});

/** Props of the review view. */
export interface ReviewViewProps {
  store: ReviewStore;
  team: TeamInfo;
  templates: QaTemplate[];
  activeTemplate: QaTemplate;
  initialDrafts: DraftInfo[];
  onSaved: (review: SavedReview) => void;
  onTeamChanged: () => void;
}

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; message: string } | { kind: "failed"; message: string };

function draftLabel(d: ReviewDraft, dates: DateFormat): string {
  return `${d.officer || "No officer"} · ${d.reference || "no reference"} · ${d.callDate ? dates.date(d.callDate) : "no date"} (changed ${dates.time(d.updatedAt)})`;
}

/** True once a draft holds anything worth keeping. */
function hasContent(d: ReviewDraft): boolean {
  return Boolean(d.officer || d.callDate || d.reference || d.notes || Object.keys(d.responses).length);
}

/**
 * Scoring one call: who and which call, the checklist, the running score, and
 * Save. Drafts autosave as you go; a failed save keeps everything in the pane.
 */
export function ReviewView({ store, team, templates, activeTemplate, initialDrafts, onSaved, onTeamChanged }: ReviewViewProps): React.JSX.Element {
  const styles = useStyles();
  const dates = useDateFormat();
  const fresh = React.useCallback(
    (officer = "") => ({ ...newDraft(activeTemplate, newReviewId(), new Date(), store.rememberedReviewer()), officer }),
    [activeTemplate, store],
  );
  const [draft, setDraft] = React.useState<ReviewDraft>(() => initialDrafts[0]?.draft ?? fresh());
  const [drafts, setDrafts] = React.useState<ReviewDraft[]>(() => initialDrafts.map((d) => d.draft));
  const [restored] = React.useState(() =>
    initialDrafts[0] ? `Restored your unsaved review (${draftLabel(initialDrafts[0].draft, dates)}).${initialDrafts.length > 1 ? ` ${initialDrafts.length - 1} more unsaved review(s) are listed below.` : ""}` : "",
  );
  const [touched, setTouched] = React.useState(false);
  const [autosave, setAutosave] = React.useState("");
  const [save, setSave] = React.useState<SaveState>({ kind: "idle" });
  const [problems, setProblems] = React.useState<SaveProblem[]>([]);
  const [confirmDiscard, setConfirmDiscard] = React.useState(false);
  const [collapsed, setCollapsed] = React.useState<ReadonlySet<string>>(new Set());
  const [lastAnswered, setLastAnswered] = React.useState<string | null>(null);
  const [focusCriterion, setFocusCriterion] = React.useState<string | null>(null);

  const template = templates.find((t) => templateKey(t) === templateKey({ id: draft.templateId, version: draft.templateVersion }));
  const result = React.useMemo(() => (template ? scoreReview(template, draft.responses) : null), [template, draft.responses]);
  const failedIds = React.useMemo(() => new Set(result?.criticalFailures.map((f) => f.criterionId) ?? []), [result]);
  const unanswered = React.useMemo(() => new Set(result?.unanswered ?? []), [result]);

  // Autosave shortly after each change, to the browser and the workbook.
  React.useEffect(() => {
    if (!touched || !hasContent(draft)) return;
    const timer = setTimeout(() => {
      store
        .saveDraft(draft)
        .then((r) => setAutosave(`Draft saved at ${dates.time(new Date().toISOString())} ${r.inWorkbook ? "on this computer and in the workbook" : "on this computer only (the workbook would not take it)"}.`))
        .catch(() => setAutosave("The draft could not be saved. Keep this pane open until you save the review."));
      setDrafts((list) => [draft, ...list.filter((d) => d.reviewId !== draft.reviewId)]);
    }, 300);
    return () => clearTimeout(timer);
  }, [draft, touched, store, dates]);

  // Once shown, the list of things to fix shrinks as they are fixed (it is not a live region, so this is quiet).
  React.useEffect(() => {
    if (template) setProblems((shown) => (shown.length ? problemsBeforeSave(draft, template, todayIso()) : shown));
  }, [draft, template]);

  // The last "Saved …" message belongs to the review before: it goes once the next one is being filled in.
  const clearSaved = () => setSave((s) => (s.kind === "saved" ? { kind: "idle" } : s));
  const update = React.useCallback((change: Partial<ReviewDraft>) => {
    setTouched(true);
    clearSaved();
    setDraft((d) => ({ ...d, ...change, updatedAt: new Date().toISOString() }));
  }, []);
  const onCriterion = React.useCallback((id: string, change: Partial<CriterionResponse>) => {
    setTouched(true);
    clearSaved();
    if (change.answer !== undefined) setLastAnswered(id);
    setDraft((d) => withResponse(d, id, change, new Date()));
  }, []);

  const toggleSection = React.useCallback((id: string) => {
    setCollapsed((c) => {
      const next = new Set(c);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);

  /** The first unanswered criterion after the one last answered (wrapping round), opened and focused. */
  function nextUnanswered() {
    if (!template || !result || result.unanswered.length === 0) return;
    const order = template.sections.flatMap((s) => s.criteria.map((c) => c.id));
    const from = lastAnswered ? order.indexOf(lastAnswered) : -1;
    const id = order.slice(from + 1).find((x) => unanswered.has(x)) ?? result.unanswered[0];
    const section = template.sections.find((s) => s.criteria.some((c) => c.id === id));
    if (section) setCollapsed((c) => new Set([...c].filter((x) => x !== section.id)));
    setFocusCriterion(id);
  }
  React.useEffect(() => {
    if (!focusCriterion) return;
    // After the section has opened: focus lands on the criterion's first answer, as Tab would.
    document.querySelector<HTMLInputElement>(`#criterion-${focusCriterion} input`)?.focus();
    setFocusCriterion(null);
  }, [focusCriterion]);

  const focusField = (field: string) => {
    const el = document.getElementById(field);
    const target = el?.matches("input,select,textarea") ? el : (el?.querySelector<HTMLElement>("input:checked") ?? el?.querySelector<HTMLElement>("input,select,textarea"));
    target?.focus();
  };

  async function onSave() {
    if (!template || !result) return;
    const found = problemsBeforeSave(draft, template, todayIso());
    setProblems(found);
    if (found.length) {
      setSave({ kind: "idle" });
      focusField(found[0].field);
      return;
    }
    setSave({ kind: "saving" });
    try {
      // The latest answers are in the draft before the write, so a failed write loses nothing.
      await store.saveDraft(draft).catch(() => undefined);
      const saved = await store.saveReview(draft, template, result);
      if (saved.reviewId !== draft.reviewId || saved.score !== result.score || saved.officer !== draft.officer.trim()) {
        throw new Error("The row read back from QAReviews does not match what was written. Check the table; your review is still here.");
      }
      await store.deleteDraft(draft.reviewId);
      store.rememberReviewer(draft.reviewer);
      setDrafts((list) => list.filter((d) => d.reviewId !== draft.reviewId));
      setSave({ kind: "saved", message: `Saved and checked in QAReviews: ${saved.officer}, call on ${dates.date(draft.callDate)}, reference ${saved.reference}, score ${saved.score ?? "none"} (${saved.grade}).` });
      setTouched(false);
      setAutosave("");
      setDraft(fresh(draft.officer));
      setLastAnswered(null);
      onSaved(saved);
      showOutcome();
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      setSave({ kind: "failed", message: `Not saved. ${why} Your review is still here and kept as a draft, so nothing is lost.` });
      showOutcome();
    }
  }

  /** Brings the outcome message (above the score bar) into view; screen readers hear it from its live region anyway. */
  function showOutcome() {
    requestAnimationFrame(() => document.getElementById("save-outcome")?.scrollIntoView({ block: "nearest" }));
  }

  /** Keeps the review on screen as a draft at once, before leaving it (the autosave waits 300 ms and would be cancelled). */
  function keepDraft() {
    if (!touched || !hasContent(draft)) return;
    store.saveDraft(draft).catch(() => setAutosave("The last review could not be kept as a draft."));
    setDrafts((list) => [draft, ...list.filter((d) => d.reviewId !== draft.reviewId)]);
  }

  function switchTo(reviewId: string) {
    const next = drafts.find((d) => d.reviewId === reviewId);
    if (!next) return;
    keepDraft();
    setDraft(next);
    setLastAnswered(null);
    setTouched(false);
    setSave({ kind: "idle" });
    setProblems([]);
  }

  function startNew() {
    keepDraft();
    setDraft(fresh());
    setLastAnswered(null);
    setTouched(false);
    setSave({ kind: "idle" });
    setProblems([]);
  }

  async function discard() {
    await store.deleteDraft(draft.reviewId);
    setDrafts((list) => list.filter((d) => d.reviewId !== draft.reviewId));
    setConfirmDiscard(false);
    setTouched(false);
    setDraft(fresh());
    setLastAnswered(null);
    setSave({ kind: "idle" });
    setProblems([]);
  }

  async function createTeam() {
    try {
      await store.createTeamTable();
      setSave({ kind: "saved", message: "Team list created on the QA Team sheet. Type your officers' names there, then choose Reload team." });
    } catch (e) {
      setSave({ kind: "failed", message: e instanceof Error ? e.message : String(e) });
    }
  }

  // Field-level messages, so each input says what is wrong with it (Field wires aria-describedby and aria-invalid).
  const invalid = (field: string) => {
    const p = problems.find((x) => x.field === field);
    return p ? { validationState: "error" as const, validationMessage: p.message } : {};
  };
  const officers = team.members.map((m) => m.officer);
  if (draft.officer && !officers.includes(draft.officer)) officers.push(draft.officer);

  return (
    <form
      className={styles.form}
      aria-label="Call review"
      noValidate
      // Only the Save control saves: Enter in a text box must never send a half-checked review.
      onSubmit={(e) => e.preventDefault()}
    >
      {restored && <p className={styles.muted}>{restored}</p>}
      <DraftsList
        drafts={drafts}
        currentId={draft.reviewId}
        onOpen={switchTo}
        onDiscard={async (id) => {
          await store.deleteDraft(id);
          setDrafts((list) => list.filter((d) => d.reviewId !== id));
          if (id === draft.reviewId) startNew();
        }}
      />
      <div className={styles.header}>
        {team.members.length > 0 ? (
          <Field label="Officer" required {...invalid("officer")}>
            <Select className={styles.full} id="officer" value={draft.officer} onChange={(_, d) => update({ officer: d.value })}>
              <option value="">Choose…</option>
              {officers.map((o) => (
                <option key={o} value={o}>
                  {o}
                </option>
              ))}
            </Select>
          </Field>
        ) : (
          <Field label="Officer" required {...invalid("officer")} hint={team.found ? "The QATeam table is empty." : "No team list in this workbook yet."}>
            <Input className={styles.full} id="officer" value={draft.officer} onChange={(_, d) => update({ officer: d.value })} />
          </Field>
        )}
        <Field label="Call date" required {...invalid("callDate")}>
          <Input className={styles.full} id="callDate" type="date" max={todayIso()} value={draft.callDate} onChange={(_, d) => update({ callDate: d.value })} />
        </Field>
        <Field label="Account or call reference" required {...invalid("reference")}>
          <Input className={styles.full} id="reference" value={draft.reference} onChange={(_, d) => update({ reference: d.value })} />
        </Field>
        <Field label="Reviewer (you)" required {...invalid("reviewer")}>
          <Input className={styles.full} id="reviewer" value={draft.reviewer} onChange={(_, d) => update({ reviewer: d.value })} />
        </Field>
      </div>
      {team.members.length === 0 && (
        <div className={styles.row}>
          {!team.found && (
            <Button type="button" size="small" onClick={() => void createTeam()}>
              Create team list
            </Button>
          )}
          <Button type="button" size="small" onClick={onTeamChanged}>
            Reload team
          </Button>
        </div>
      )}

      <div id="save-outcome">
        <Messages
          idPrefix="save"
          status={save.kind === "saved" ? save.message : ""}
          alert={
            <>
              {save.kind === "failed" && save.message}
              {!template && `This review was scored against template ${draft.templateId} version ${draft.templateVersion}, which is not in this workbook. Import that template version to finish it, or discard the draft.`}
              {problems.length > 0 && `Not saved: ${problems.length === 1 ? "one thing needs" : `${problems.length} things need`} fixing:`}
            </>
          }
        />
      </div>
      {problems.length > 0 && (
        <div id="save-problems">
          <ul>
            {problems.map((p) => (
              <li key={p.field}>
                <a
                  href={`#${p.field}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusField(p.field);
                  }}
                >
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={styles.row}>
        <Button type="button" onClick={startNew}>
          New review
        </Button>
        {!confirmDiscard ? (
          <Button type="button" appearance="subtle" onClick={() => setConfirmDiscard(true)} disabled={!hasContent(draft)}>
            Discard
          </Button>
        ) : (
          <span className={styles.row} role="group" aria-label="Confirm discard">
            <span>Discard this review?</span>
            <Button type="button" size="small" onClick={() => void discard()}>
              Yes, discard
            </Button>
            <Button type="button" size="small" onClick={() => setConfirmDiscard(false)}>
              Keep it
            </Button>
          </span>
        )}
      </div>
      <div className={styles.muted} id="autosave-status">
        {autosave}
      </div>

      {result && <ScoreBar result={result} onSave={() => void onSave()} saving={save.kind === "saving"} disabled={!template} />}
      {template && (
        <div className={styles.row}>
          <Button type="button" size="small" id="next-unanswered" onClick={nextUnanswered} disabled={unanswered.size === 0}>
            {unanswered.size === 0 ? "All answered" : "Next unanswered"}
          </Button>
          <Button type="button" size="small" appearance="subtle" onClick={() => setCollapsed(collapsed.size > 0 ? new Set() : new Set(template.sections.map((x) => x.id)))}>
            {collapsed.size > 0 ? "Expand all sections" : "Collapse all sections"}
          </Button>
        </div>
      )}
      {/* Keyed by review so a new review starts with every comment box closed again. */}
      <React.Fragment key={draft.reviewId}>
        {template?.sections.map((sec) => (
          <ChecklistSection
            key={sec.id}
            section={sec}
            responses={draft.responses}
            score={result?.sections.find((x) => x.sectionId === sec.id)?.score}
            failedIds={failedIds}
            unanswered={unanswered}
            expanded={!collapsed.has(sec.id)}
            onToggle={toggleSection}
            onChange={onCriterion}
          />
        ))}
      </React.Fragment>
      <Field label="Overall notes for the officer">
        <Textarea id="notes" value={draft.notes} onChange={(_, d) => update({ notes: d.value })} resize="vertical" />
      </Field>
      <p className={styles.muted}>
        Checklist: {template ? `${template.title} (version ${template.version})` : `${draft.templateId} version ${draft.templateVersion}`}. Score = weighted share of applicable criteria; N/A is left out.
      </p>
    </form>
  );
}
