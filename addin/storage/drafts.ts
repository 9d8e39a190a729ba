import { parseDraft, type ReviewDraft } from "../../core/qa";

/**
 * Drafts in the add-in's browser storage. What survives what:
 * - browser storage (localStorage for the add-in's origin) survives closing the
 *   pane and restarting Excel on the same machine and profile, whether or not
 *   the workbook was saved; it does not travel with the file;
 * - the workbook copy (Excel workbook settings, see ExcelReviewStore) travels
 *   with the file, but only once the workbook itself is saved.
 * Keys include the workbook's address (or, never saved, its id) so a draft never
 * turns up in another workbook, and the review id so two reviews never overwrite
 * each other.
 */

const PREFIX = "arrears.qa.draft.";
const REVIEWER_KEY = "arrears.qa.reviewer";

/** The storage key of one draft. */
export function draftKey(workbookId: string, reviewId: string): string {
  return `${PREFIX}${workbookId}.${reviewId}`;
}

/** Browser storage may be missing or throw (private mode, storage full, blocked); drafts then live in the workbook only. */
function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

/** Saves a draft to browser storage; false when the browser refused. */
export function saveLocalDraft(storage: Storage | undefined, workbookId: string, draft: ReviewDraft): boolean {
  return safe(() => {
    if (!storage) return false;
    storage.setItem(draftKey(workbookId, draft.reviewId), JSON.stringify(draft));
    return true;
  }, false);
}

/** This workbook's drafts from browser storage; damaged entries are skipped. */
export function loadLocalDrafts(storage: Storage | undefined, workbookId: string): ReviewDraft[] {
  return safe(() => {
    if (!storage) return [];
    const prefix = `${PREFIX}${workbookId}.`;
    const out: ReviewDraft[] = [];
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (!key?.startsWith(prefix)) continue;
      const draft = parseDraft(safe(() => JSON.parse(storage.getItem(key) ?? "null"), null));
      if (draft) out.push(draft);
    }
    return out;
  }, []);
}

/** Deletes a draft from browser storage. */
export function deleteLocalDraft(storage: Storage | undefined, workbookId: string, reviewId: string): void {
  safe(() => storage?.removeItem(draftKey(workbookId, reviewId)), undefined);
}

/** The reviewer name remembered on this machine, or "". */
export function loadReviewer(storage: Storage | undefined): string {
  return safe(() => storage?.getItem(REVIEWER_KEY) ?? "", "");
}

/** Remembers the reviewer name on this machine. */
export function saveReviewer(storage: Storage | undefined, name: string): void {
  safe(() => storage?.setItem(REVIEWER_KEY, name.trim()), undefined);
}
