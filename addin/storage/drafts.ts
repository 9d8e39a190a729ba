import { parseDraft, type ReviewDraft } from "../../core/qa";

/**
 * Drafts in the add-in's browser storage. What survives what:
 * - browser storage (localStorage for the add-in's origin) survives closing the
 *   pane and restarting Excel on the same machine and profile, whether or not
 *   the workbook was saved; it does not travel with the file;
 * - the workbook copy (Excel workbook settings, see ExcelReviewStore) travels
 *   with the file, but only once the workbook itself is saved.
 * Keys include the workbook's id (kept in its settings, so it moves with the file
 * when the file is moved or renamed) so a draft never turns up in another
 * workbook, and the review id so two reviews never overwrite each other. This
 * computer also remembers which id it last saw at each file address, for a
 * workbook closed without saving since its id was made.
 */

const PREFIX = "arrears.qa.draft.";
const REVIEWER_KEY = "arrears.qa.reviewer";
const WORKBOOK_AT = "arrears.qa.workbookAt.";

/**
 * Days an unsaved review is kept after its last change, in the browser and in the
 * workbook, before it is deleted. Drafts hold tenants' account references and the
 * reviewer's comments: personal data, kept no longer than needed (UK GDPR Article
 * 5(1)(e), storage limitation). A review is normally finished the day the call is
 * heard; a month on, its call has passed the month's summary and one-to-one, so a
 * draft that old has been abandoned.
 */
export const DRAFT_MAX_AGE_DAYS = 30;

/** When a draft is deleted unless saved or changed again: DRAFT_MAX_AGE_DAYS after its last change; null when that time cannot be read. */
export function draftExpiry(draft: ReviewDraft): Date | null {
  const changed = Date.parse(draft.updatedAt);
  return Number.isNaN(changed) ? null : new Date(changed + DRAFT_MAX_AGE_DAYS * 86_400_000);
}

/** True once a draft is past its expiry, or its last change cannot be read (it cannot be aged, so it is not kept). */
export function isDraftExpired(draft: ReviewDraft, now: Date): boolean {
  const expiry = draftExpiry(draft);
  return expiry === null || now.getTime() > expiry.getTime();
}

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

/** Every draft key in browser storage (storage.key(i) shifts as items are removed, so collect first). */
function draftKeys(storage: Storage): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  return keys;
}

/**
 * Deletes expired drafts of every workbook from browser storage (a workbook
 * never opened again would otherwise keep them for ever); damaged entries go too.
 * Returns how many were deleted.
 */
export function purgeExpiredLocalDrafts(storage: Storage | undefined, now: Date): number {
  return safe(() => {
    if (!storage) return 0;
    let n = 0;
    for (const key of draftKeys(storage)) {
      const draft = parseDraft(safe(() => JSON.parse(storage.getItem(key) ?? "null"), null));
      if (!draft || isDraftExpired(draft, now)) {
        storage.removeItem(key);
        n++;
      }
    }
    return n;
  }, 0);
}

/** The workbook id this computer last saw at a file address, or "". */
export function workbookIdAt(storage: Storage | undefined, url: string): string {
  return safe(() => storage?.getItem(WORKBOOK_AT + url) ?? "", "");
}

/** Remembers the workbook id at a file address. */
export function rememberWorkbookAt(storage: Storage | undefined, url: string, workbookId: string): void {
  safe(() => storage?.setItem(WORKBOOK_AT + url, workbookId), undefined);
}

/**
 * Moves drafts kept under one workbook key to another (earlier versions keyed
 * them by the file's address, `url:<address>`); where both hold a draft of the
 * same review the newer is kept. Returns how many moved.
 */
export function moveLocalDrafts(storage: Storage | undefined, from: string, to: string): number {
  return safe(() => {
    if (!storage || from === to) return 0;
    const prefix = `${PREFIX}${from}.`;
    let n = 0;
    for (const key of draftKeys(storage)) {
      if (!key.startsWith(prefix)) continue;
      const draft = parseDraft(safe(() => JSON.parse(storage.getItem(key) ?? "null"), null));
      storage.removeItem(key);
      if (!draft) continue;
      const there = parseDraft(safe(() => JSON.parse(storage.getItem(draftKey(to, draft.reviewId)) ?? "null"), null));
      if (!there || there.updatedAt < draft.updatedAt) storage.setItem(draftKey(to, draft.reviewId), JSON.stringify(draft));
      n++;
    }
    return n;
  }, 0);
}

/** This workbook's drafts from browser storage; damaged entries are skipped. */
export function loadLocalDrafts(storage: Storage | undefined, workbookId: string): ReviewDraft[] {
  return safe(() => {
    if (!storage) return [];
    const prefix = `${PREFIX}${workbookId}.`;
    const out: ReviewDraft[] = [];
    for (const key of draftKeys(storage)) {
      if (!key.startsWith(prefix)) continue;
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
