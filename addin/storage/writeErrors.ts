import { ReviewWriteError } from "./reviewStore";

/**
 * Turns what Excel throws into a message a team leader can act on. Office.js
 * errors carry a `code` (OfficeExtension.ErrorCodes / Excel.ErrorCodes).
 */
export function explainWriteError(e: unknown, what: string): ReviewWriteError {
  if (e instanceof ReviewWriteError) return e;
  const code = typeof e === "object" && e !== null && "code" in e ? String((e as { code: unknown }).code) : "";
  const detail = e instanceof Error ? e.message : String(e);
  if (code === "AccessDenied" || /protect|read-only|readonly/i.test(detail)) {
    return new ReviewWriteError(
      `Excel would not let the add-in ${what}: the sheet or workbook is protected, or the workbook is open read-only. Unprotect it (Review › Unprotect Sheet) or save a copy you can edit, then try again.`,
    );
  }
  if (code === "ItemNotFound" || code === "InvalidReference") {
    return new ReviewWriteError(`Excel could not find part of the workbook to ${what} (was a sheet or table renamed or deleted?). ${detail}`);
  }
  return new ReviewWriteError(`Excel could not ${what}: ${detail || code || "unknown error"}.`);
}
