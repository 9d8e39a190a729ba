import { columnLetter } from "../../core/export/columnLetter";
import {
  BUILT_IN_TEMPLATES,
  DATE_FORMATS,
  DEFAULT_TEMPLATE,
  REVIEW_KEY_HEADERS,
  REVIEW_SHEET,
  REVIEW_TABLE,
  criteriaOf,
  headersNeeded,
  isReviewTableHeader,
  parseDraft,
  parseMonth,
  parseTemplate,
  readReviewTable,
  reviewDifference,
  reviewToRow,
  rowToReview,
  templateKey,
  type KpiLine,
  type QaTemplate,
  type ReviewDraft,
  type SavedReview,
  type ScoreResult,
  type SheetGrid,
  type TeamMember,
} from "../../core";
import { isArrearsInputError } from "../../core/errors";
import { TEAM_SHEET, TEAM_TABLE } from "../../core/qa/summary";
import { neutraliseCellText } from "../../core/safety/cellText";
import {
  deleteLocalDraft,
  isDraftExpired,
  loadLocalDrafts,
  loadReviewer,
  moveLocalDrafts,
  purgeExpiredLocalDrafts,
  rememberWorkbookAt,
  saveLocalDraft,
  saveReviewer,
  workbookIdAt,
} from "./drafts";
import { ReviewWriteError, type DraftInfo, type ReviewStore, type TeamInfo, type TemplateEntry, type TemplateSet } from "./reviewStore";
import { explainWriteError } from "./writeErrors";

/**
 * The workbook-storage module over Office.js: the only code the pane uses that
 * touches Excel. Everything is in the workbook (tables and workbook settings),
 * so it travels with the file. Rows are only ever appended with table.rows.add
 * and found again by review id, so two team leaders saving at once into a shared
 * workbook never overwrite each other.
 */

export { TEAM_SHEET, TEAM_TABLE };
/** Tables the one-to-one sheet looks in for an officer's monthly KPIs. */
export const KPI_TABLES = ["OfficerKPIs", "MonthlyReturn"];
const SETTING = {
  workbookId: "arrears.qa.workbookId",
  templates: "arrears.qa.templates",
  savingPrefix: "arrears.qa.saving.",
  templatePrefix: "arrears.qa.template.",
  activeTemplate: "arrears.qa.activeTemplate",
  teamTarget: "arrears.qa.teamTarget",
  draftPrefix: "arrears.qa.draft.",
};
const DEFAULT_TEAM_TARGET = 4;

type Ctx = Excel.RequestContext;
type Grid = unknown[][];

const norm = (v: unknown) => String(v ?? "").trim().toLowerCase();


async function readSetting(ctx: Ctx, key: string): Promise<unknown> {
  const item = ctx.workbook.settings.getItemOrNullObject(key);
  item.load("value");
  await ctx.sync();
  return item.isNullObject ? undefined : item.value;
}

/** Header row and body of a table, or null when there is no such table. */
async function readTable(ctx: Ctx, name: string): Promise<{ headers: unknown[]; rows: Grid } | null> {
  const table = ctx.workbook.tables.getItemOrNullObject(name);
  await ctx.sync();
  if (table.isNullObject) return null;
  const header = table.getHeaderRowRange().load("values");
  const body = table.getDataBodyRange().load("values");
  await ctx.sync();
  return { headers: header.values[0] ?? [], rows: body.values };
}

/** Options for {@link ExcelReviewStore}. */
export interface ExcelReviewStoreOptions {
  /** Browser storage for drafts and the reviewer name (window.localStorage in the pane). */
  storage?: Storage;
  /** For tests: the clock and id source. */
  now?: () => Date;
  newId?: () => string;
  /** How long (ms) and how many times to look for another pane's row of the same review; tests shorten it. */
  pollMs?: number;
  polls?: number;
}

/** {@link ReviewStore} over Office.js (`Excel.run`). */
export class ExcelReviewStore implements ReviewStore {
  private readonly storage?: Storage;
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly pollMs: number;
  private readonly polls: number;
  private workbookId: string | null = null;

  constructor(options: ExcelReviewStoreOptions = {}) {
    this.storage = options.storage;
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => crypto.randomUUID());
    // A save takes well under a second; ten looks half a second apart leave room for a slow one.
    this.pollMs = options.pollMs ?? 500;
    this.polls = options.polls ?? 10;
  }

  /**
   * Which workbook browser drafts belong to: the id in the workbook's settings,
   * created if absent. It travels with the file, so a moved or renamed file still
   * finds its drafts. A workbook closed without saving since its id was made comes
   * back without it; the id this computer last saw at the file's address is then
   * used again. Drafts kept by earlier versions under the file's address move to
   * the id.
   */
  private async getWorkbookId(): Promise<string> {
    if (this.workbookId) return this.workbookId;
    const url = documentUrl();
    const id = await Excel.run(async (ctx) => {
      const existing = await readSetting(ctx, SETTING.workbookId);
      if (typeof existing === "string" && existing) return existing;
      const id = (url && workbookIdAt(this.storage, url)) || this.newId();
      try {
        ctx.workbook.settings.add(SETTING.workbookId, id);
        await ctx.sync();
      } catch {
        // A read-only workbook cannot store its id; drafts still work for this session.
      }
      return id;
    });
    if (url) {
      rememberWorkbookAt(this.storage, url, id);
      moveLocalDrafts(this.storage, `url:${url}`, id);
    }
    return (this.workbookId = id);
  }

  async loadTeam(): Promise<TeamInfo> {
    return Excel.run(async (ctx) => {
      const target = await readSetting(ctx, SETTING.teamTarget);
      const teamTarget = typeof target === "number" && target >= 0 ? target : DEFAULT_TEAM_TARGET;
      const table = await readTable(ctx, TEAM_TABLE);
      if (!table) return { members: [], teamTarget, found: false };
      const at = (name: string) => table.headers.findIndex((h) => norm(h) === name);
      const [officer, team, own] = [at("officer"), at("team"), at("monthly target")];
      const members: TeamMember[] = [];
      for (const row of table.rows) {
        const name = officer >= 0 ? String(row[officer] ?? "").trim() : "";
        if (!name) continue;
        const t = own >= 0 ? row[own] : null;
        members.push({ officer: name, team: team >= 0 ? String(row[team] ?? "").trim() : "", monthlyTarget: typeof t === "number" && t >= 0 ? t : null });
      }
      members.sort((a, b) => a.officer.localeCompare(b.officer, "en-GB"));
      return { members, teamTarget, found: true };
    });
  }

  async createTeamTable(): Promise<void> {
    try {
      await Excel.run(async (ctx) => {
        const existing = ctx.workbook.tables.getItemOrNullObject(TEAM_TABLE);
        let sheet = ctx.workbook.worksheets.getItemOrNullObject(TEAM_SHEET);
        await ctx.sync();
        if (!existing.isNullObject) return;
        if (sheet.isNullObject) sheet = ctx.workbook.worksheets.add(TEAM_SHEET);
        const table = sheet.tables.add("A1:C1", true);
        table.name = TEAM_TABLE;
        table.getHeaderRowRange().values = [["Officer", "Team", "Monthly target"]];
        sheet.activate();
        await ctx.sync();
      });
    } catch (e) {
      throw explainWriteError(e, "create the team list");
    }
  }

  async setTeamTarget(target: number): Promise<void> {
    try {
      await Excel.run(async (ctx) => {
        ctx.workbook.settings.add(SETTING.teamTarget, target);
        await ctx.sync();
      });
    } catch (e) {
      throw explainWriteError(e, "save the monthly target");
    }
  }

  async loadTemplates(): Promise<TemplateSet> {
    const { stored, active, imported } = await Excel.run(async (ctx) => {
      const items = ctx.workbook.settings.load("items/key,items/value");
      await ctx.sync();
      const value = (key: string) => items.items.find((i) => i.key === key)?.value;
      return {
        stored: value(SETTING.templates),
        active: value(SETTING.activeTemplate),
        imported: items.items.filter((i) => i.key.startsWith(SETTING.templatePrefix)).map((i) => ({ key: i.key, value: i.value as unknown })),
      };
    });
    const entries: TemplateEntry[] = BUILT_IN_TEMPLATES.map((template) => ({ template, source: "built-in" }));
    const problems: string[] = [];
    const add = (raw: unknown, label: string) => {
      try {
        const template = parseTemplate(raw);
        if (entries.some((e) => templateKey(e.template) === templateKey(template))) {
          problems.push(`${label} (${templateKey(template)}) has the same id and version as one already loaded; it was ignored.`);
        } else entries.push({ template, source: "workbook" });
      } catch (e) {
        problems.push(`${label} could not be used: ${e instanceof Error ? e.message : String(e)}`);
      }
    };
    // Earlier versions of the add-in kept every template in one list; it is still read.
    let list: unknown[] = [];
    if (typeof stored === "string" && stored) {
      try {
        const parsed = JSON.parse(stored);
        list = Array.isArray(parsed) ? parsed : [parsed];
      } catch {
        problems.push("The templates stored in this workbook are not valid JSON, so only the built-in template is available.");
      }
    }
    list.forEach((raw, i) => add(raw, `Stored template ${i + 1}`));
    // One setting per imported template, oldest import first.
    const records = imported
      .map(({ key, value }) => ({ key, record: typeof value === "string" ? safeJson(value) : value }))
      .map(({ key, record }) => ({ key, importedAt: String((record as { importedAt?: unknown } | null)?.importedAt ?? ""), template: (record as { template?: unknown } | null)?.template }))
      .sort((x, y) => x.importedAt.localeCompare(y.importedAt) || x.key.localeCompare(y.key));
    for (const r of records) add(r.template, `Stored template ${r.key.slice(SETTING.templatePrefix.length)}`);
    const activeKey = typeof active === "string" && entries.some((e) => templateKey(e.template) === active) ? active : templateKey(DEFAULT_TEMPLATE);
    return { entries, problems, activeKey };
  }

  /**
   * Each template is its own setting, named by id@version and a hash of its content,
   * and never overwritten: two panes importing at once cannot lose one another's
   * template or corrupt a shared list. Two different templates under one id@version
   * imported at the same moment are both withdrawn, with a message, rather than one
   * kept at random (past reviews name the id@version they were scored with).
   */
  async saveTemplate(template: QaTemplate): Promise<void> {
    const key = templateKey(template);
    const current = await this.loadTemplates();
    const same = current.entries.find((e) => templateKey(e.template) === key);
    const json = JSON.stringify(template);
    if (same) {
      if (JSON.stringify(same.template) === json) return;
      // Past reviews were scored against the stored version; changing it in place would rewrite history.
      throw new ReviewWriteError(`A different template ${key} already exists (${same.source === "built-in" ? "built into the add-in" : "in this workbook"}). Give the edited template a new version number and import it again.`);
    }
    const mine = `${SETTING.templatePrefix}${key}#${contentHash(json)}`;
    let others: number;
    try {
      others = await Excel.run(async (ctx) => {
        ctx.workbook.settings.add(mine, JSON.stringify({ importedAt: this.now().toISOString(), template }));
        await ctx.sync();
        const items = ctx.workbook.settings.load("items/key");
        await ctx.sync();
        const rivals = items.items.filter((i) => i.key.startsWith(`${SETTING.templatePrefix}${key}#`) && i.key !== mine).length;
        if (rivals > 0) {
          ctx.workbook.settings.getItemOrNullObject(mine).delete();
          await ctx.sync();
        }
        return rivals;
      });
    } catch (e) {
      throw explainWriteError(e, "store the template in the workbook");
    }
    if (others > 0) {
      throw new ReviewWriteError(`Another pane imported a different template ${key} at the same moment, so neither was kept. Import yours again (with a new version number if the other one is wanted too).`);
    }
  }

  async setActiveTemplate(key: string): Promise<void> {
    try {
      await Excel.run(async (ctx) => {
        ctx.workbook.settings.add(SETTING.activeTemplate, key);
        await ctx.sync();
      });
    } catch (e) {
      throw explainWriteError(e, "remember the chosen template");
    }
  }

  async saveReview(draft: ReviewDraft, template: QaTemplate, result: ScoreResult): Promise<SavedReview> {
    const savedAt = this.now();
    const what = `save the review to the ${REVIEW_TABLE} table`;
    const claim = await this.claimSave(draft.reviewId);
    try {
      if (claim === "theirs") {
        // Another pane is saving this very review (one draft reopened in two panes): use its row.
        const theirs = await this.waitForRow(draft, template, result, savedAt);
        if (theirs) return theirs;
      }
      let lastError: unknown;
      for (let attempt = 0; attempt < 2; attempt++) {
        const step = { creating: false };
        try {
          return await this.appendReview(draft, template, result, savedAt, step);
        } catch (e) {
          // Our own refusals (protected sheet, ambiguous table, a different review under this id) wrote nothing.
          if (e instanceof ReviewWriteError) throw e;
          // Excel batches are not transactions: the row may be in although the batch failed
          // (a connection lost after the write). Look for it by review id before anything else.
          const found = await this.readSavedRow(draft.reviewId).catch(() => null);
          if (found) return this.confirmSame(found, draft, template, result, savedAt);
          lastError = e;
          // Two panes saving the first review of a workbook at once both create the table; Excel
          // refuses the second. That pane tries once more and appends to the table the other made.
          if (!step.creating) break;
        }
      }
      throw explainWriteError(lastError, what);
    } finally {
      await this.releaseClaim(draft.reviewId);
    }
  }

  /**
   * Marks this review as being saved by this pane, in the workbook's settings, and
   * reads the mark back: when two panes save one review at once the later mark
   * wins and the other pane waits for its row instead of adding a second. Settings
   * have no compare-and-set, so this narrows the race rather than closing it; the
   * read-back before appending and uniqueReviews in every reader cover the rest.
   */
  private async claimSave(reviewId: string): Promise<"mine" | "theirs"> {
    const token = this.newId();
    try {
      return await Excel.run(async (ctx) => {
        ctx.workbook.settings.add(SETTING.savingPrefix + reviewId, token);
        await ctx.sync();
        const now = await readSetting(ctx, SETTING.savingPrefix + reviewId);
        return now === undefined || now === token ? "mine" : "theirs";
      });
    } catch {
      // A workbook that cannot take the mark (read-only) cannot take the row either; the append says why.
      return "mine";
    }
  }

  private async releaseClaim(reviewId: string): Promise<void> {
    await Excel.run(async (ctx) => {
      ctx.workbook.settings.getItemOrNullObject(SETTING.savingPrefix + reviewId).delete();
      await ctx.sync();
    }).catch(() => undefined);
  }

  /** Looks for another pane's row of this review a few times; null if it never appears. */
  private async waitForRow(draft: ReviewDraft, template: QaTemplate, result: ScoreResult, savedAt: Date): Promise<SavedReview | null> {
    for (let i = 0; i < this.polls; i++) {
      await new Promise((resolve) => setTimeout(resolve, this.pollMs));
      const row = await this.readSavedRow(draft.reviewId).catch(() => null);
      if (row) return this.confirmSame(row, draft, template, result, savedAt);
    }
    return null;
  }

  /** This review's row (the first, when a retried save repeated it), or null when it is not in the table. */
  private readSavedRow(reviewId: string): Promise<SavedReview | null> {
    return Excel.run(async (ctx) => {
      const found = await findReviewTable(ctx);
      if (!found) return null;
      const header = found.table.getHeaderRowRange().load("values");
      const body = found.table.getDataBodyRange().load("values");
      await ctx.sync();
      return rowsWithId(header.values[0], body.values, reviewId, found.name)[0] ?? null;
    });
  }

  /**
   * A row already saved under this review id is this review only if it holds the
   * same answers; anything else is refused rather than taken as saved.
   */
  private confirmSame(row: SavedReview, draft: ReviewDraft, template: QaTemplate, result: ScoreResult, savedAt: Date): SavedReview {
    const headers = headersNeeded(template, []);
    const expected = rowToReview(headers, reviewToRow(headers, draft, template, result, savedAt))!;
    const diff = reviewDifference(comparable(row, template), comparable(expected, template));
    if (diff) {
      throw new ReviewWriteError(
        `This review (id ${draft.reviewId}) is already in ${REVIEW_TABLE} with different ${diff.field}, so it was not saved again. Another pane or an earlier attempt saved it; check that row, and score the call again as a new review if it is wrong.`,
      );
    }
    return row;
  }

  /** One attempt at saving: finds (or creates) the table, appends the row unless it is already there, reads it back. */
  private appendReview(draft: ReviewDraft, template: QaTemplate, result: ScoreResult, savedAt: Date, step: { creating: boolean }): Promise<SavedReview> {
    return Excel.run(async (ctx) => {
      let found = await findReviewTable(ctx);
      // Assigned on both paths below: a new table, or the one found (now or created meanwhile).
      let table!: Excel.Table;
      let name = REVIEW_TABLE;
      let headers!: string[];
      if (!found) {
        let sheet = ctx.workbook.worksheets.getItemOrNullObject(REVIEW_SHEET);
        // Looked up again with the sheet: another pane may have created both since.
        const late = ctx.workbook.tables.getItemOrNullObject(REVIEW_TABLE);
        await ctx.sync();
        if (!late.isNullObject) found = { table: late, name: REVIEW_TABLE };
        else if (!sheet.isNullObject) {
          const used = sheet.getUsedRangeOrNullObject(true);
          await ctx.sync();
          if (!used.isNullObject) {
            throw new ReviewWriteError(
              `The "${REVIEW_SHEET}" sheet has data but no table with the review columns (${REVIEW_KEY_HEADERS.join(", ")}), so a new ${REVIEW_TABLE} table was not started beside it. If the table was converted to a range or its headers changed, make it a table called ${REVIEW_TABLE} again (Insert › Table), then save again.`,
            );
          }
        } else sheet = ctx.workbook.worksheets.add(REVIEW_SHEET);
        if (!found) {
          step.creating = true;
          headers = headersNeeded(template, []);
          table = sheet.tables.add(`A1:${columnLetter(headers.length - 1)}1`, true);
          table.name = REVIEW_TABLE;
          table.getHeaderRowRange().values = [headers];
        }
      }
      if (found) {
        ({ table, name } = found);
        const sheet = table.worksheet;
        sheet.protection.load("protected");
        const header = table.getHeaderRowRange().load("values");
        const body = table.getDataBodyRange().load("values");
        await ctx.sync();
        // Read back by id before appending: a save retried after an error, or a draft offered
        // again, must find its row rather than add a second.
        const already = rowsWithId(header.values[0], body.values, draft.reviewId, name)[0];
        if (already) return this.confirmSame(already, draft, template, result, savedAt);
        if (sheet.protection.protected) throw new ReviewWriteError(`The sheet holding ${name} is protected. Unprotect it (Review › Unprotect Sheet), then save again.`);
        const existing = header.values[0].map((h) => String(h));
        headers = headersNeeded(template, existing);
        // New criteria (a new template version) become new columns at the right.
        for (const column of headers.slice(existing.length)) table.columns.add(undefined, undefined, column);
      }
      const row = reviewToRow(headers, draft, template, result, savedAt);
      const added = table.rows.add(undefined, [row]);
      const range = added.getRange();
      headers.forEach((h, i) => {
        if (DATE_FORMATS[h]) range.getCell(0, i).numberFormat = [[DATE_FORMATS[h]]];
      });
      await ctx.sync();
      const header = table.getHeaderRowRange().load("values");
      const body = table.getDataBodyRange().load("values");
      await ctx.sync();
      const saved = rowsWithId(header.values[0], body.values, draft.reviewId, name)[0];
      if (!saved) throw new ReviewWriteError(`The review was written but could not be read back from ${name} by its id. Check the table before scoring again.`);
      return this.confirmSame(saved, draft, template, result, savedAt);
    });
  }

  async listReviews(): Promise<SavedReview[]> {
    return Excel.run(async (ctx) => {
      const found = await findReviewTable(ctx);
      if (!found) return [];
      const header = found.table.getHeaderRowRange().load("values");
      const body = found.table.getDataBodyRange().load("values");
      await ctx.sync();
      return asWriteError(() => readReviewTable([header.values[0], ...body.values], found.name));
    });
  }

  async loadKpis(officer: string, month: string): Promise<KpiLine[]> {
    return Excel.run(async (ctx) => {
      for (const name of KPI_TABLES) {
        const table = await readTable(ctx, name);
        if (!table) continue;
        const o = table.headers.findIndex((h) => norm(h) === "officer");
        const m = table.headers.findIndex((h) => norm(h) === "month");
        if (o < 0 || m < 0) continue;
        const row = table.rows.find((r) => norm(r[o]) === norm(officer) && safeMonth(r[m]) === month);
        if (!row) continue;
        return table.headers
          .map((h, i) => ({ label: String(h), value: row[i] }))
          .filter((k, i) => i !== o && i !== m && (typeof k.value === "number" || (typeof k.value === "string" && k.value.trim() !== "")))
          .map((k) => ({ label: k.label, value: k.value as string | number }));
      }
      return [];
    });
  }

  async writeSheet(grid: SheetGrid): Promise<string> {
    try {
      return await Excel.run(async (ctx) => {
        let sheet = ctx.workbook.worksheets.getItemOrNullObject(grid.name);
        await ctx.sync();
        if (sheet.isNullObject) sheet = ctx.workbook.worksheets.add(grid.name);
        else sheet.getRange().clear();
        const width = grid.rows[0]?.length ?? 1;
        sheet.getRangeByIndexes(0, 0, grid.rows.length, width).values = grid.rows.map((r) => r.map((v) => (typeof v === "string" ? neutraliseForSheet(v) : (v ?? ""))));
        for (const i of grid.headingRows) sheet.getRangeByIndexes(i, 0, 1, 1).format.font.bold = true;
        sheet.getRangeByIndexes(0, 0, grid.rows.length, width).format.autofitColumns();
        sheet.activate();
        await ctx.sync();
        return grid.name;
      });
    } catch (e) {
      throw explainWriteError(e, `write the sheet "${grid.name}"`);
    }
  }

  async saveDraft(draft: ReviewDraft): Promise<{ inWorkbook: boolean }> {
    const workbookId = await this.getWorkbookId().catch(() => "unknown");
    saveLocalDraft(this.storage, workbookId, draft);
    try {
      await Excel.run(async (ctx) => {
        ctx.workbook.settings.add(SETTING.draftPrefix + draft.reviewId, JSON.stringify(draft));
        await ctx.sync();
      });
      return { inWorkbook: true };
    } catch {
      // Browser storage already has it; the workbook copy is a bonus (e.g. the workbook is read-only).
      return { inWorkbook: false };
    }
  }

  async loadDrafts(): Promise<DraftInfo[]> {
    const workbookId = await this.getWorkbookId().catch(() => "unknown");
    const now = this.now();
    purgeExpiredLocalDrafts(this.storage, now);
    const local = loadLocalDrafts(this.storage, workbookId);
    const inWorkbook = await Excel.run(async (ctx) => {
      const items = ctx.workbook.settings.load("items/key,items/value");
      await ctx.sync();
      return items.items.filter((s) => s.key.startsWith(SETTING.draftPrefix)).map((s) => parseDraft(typeof s.value === "string" ? safeJson(s.value) : s.value));
    }).catch((e: unknown) => {
      // Not knowing what the workbook holds, the pane would offer stale copies: say so instead.
      throw new ReviewWriteError(`Could not read the unsaved reviews kept in the workbook's settings: ${(e instanceof Error ? e.message : String(e)).replace(/\.$/, "")}. Close and reopen the pane to try again.`);
    });
    const byId = new Map<string, DraftInfo>();
    for (const d of local) byId.set(d.reviewId, { draft: d, inBrowser: true, inWorkbook: false });
    for (const d of inWorkbook) {
      if (!d) continue;
      const have = byId.get(d.reviewId);
      if (!have) byId.set(d.reviewId, { draft: d, inBrowser: false, inWorkbook: true });
      else byId.set(d.reviewId, { draft: d.updatedAt > have.draft.updatedAt ? d : have.draft, inBrowser: true, inWorkbook: true });
    }
    // Past the age limit (see DRAFT_MAX_AGE_DAYS): deleted from the workbook too, not offered.
    for (const [id, info] of [...byId]) {
      if (isDraftExpired(info.draft, now)) {
        byId.delete(id);
        await this.deleteDraft(id).catch(() => undefined);
      }
    }
    if (byId.size === 0) return [];
    // A draft whose review is already in the table was saved; its clean-up just did not finish.
    // If the table cannot be read that is not knowable, so say so rather than offer a saved review again.
    let saved: Set<string>;
    try {
      saved = new Set((await this.listReviews()).map((r) => r.reviewId));
    } catch (e) {
      const detail = e instanceof Error ? e.message : String(e);
      throw new ReviewWriteError(`Could not read the ${REVIEW_TABLE} table to check which unsaved reviews are already saved: ${detail.replace(/\.$/, "")}. Close and reopen the pane to try again.`);
    }
    for (const id of [...byId.keys()]) {
      if (saved.has(id)) {
        byId.delete(id);
        await this.deleteDraft(id).catch(() => undefined);
      }
    }
    return [...byId.values()].sort((a, b) => b.draft.updatedAt.localeCompare(a.draft.updatedAt));
  }

  async deleteDraft(reviewId: string): Promise<void> {
    const workbookId = await this.getWorkbookId().catch(() => "unknown");
    deleteLocalDraft(this.storage, workbookId, reviewId);
    await Excel.run(async (ctx) => {
      ctx.workbook.settings.getItemOrNullObject(SETTING.draftPrefix + reviewId).delete();
      await ctx.sync();
    }).catch(() => undefined);
  }

  rememberedReviewer(): string {
    return loadReviewer(this.storage);
  }

  rememberReviewer(name: string): void {
    saveReviewer(this.storage, name);
  }
}

/**
 * The reviews table: QAReviews, or, when it was renamed (with or without its
 * sheet), the one table with the review columns. Two such tables and none called
 * QAReviews is refused: guessing could file reviews where the summary never looks.
 */
async function findReviewTable(ctx: Ctx): Promise<{ table: Excel.Table; name: string } | null> {
  const named = ctx.workbook.tables.getItemOrNullObject(REVIEW_TABLE);
  await ctx.sync();
  if (!named.isNullObject) return { table: named, name: REVIEW_TABLE };
  const all = ctx.workbook.tables.load("items/name");
  await ctx.sync();
  if (all.items.length === 0) return null;
  const headers = all.items.map((t) => t.getHeaderRowRange().load("values"));
  await ctx.sync();
  const matches = all.items.filter((_, i) => isReviewTableHeader(headers[i].values[0] ?? []));
  if (matches.length > 1) {
    throw new ReviewWriteError(
      `No table is called ${REVIEW_TABLE}, and ${matches.length} tables have its columns (${matches.map((t) => t.name).join(", ")}). Rename the one that holds the call reviews to ${REVIEW_TABLE} (Table Design › Table Name), then try again.`,
    );
  }
  return matches[0] ? { table: matches[0], name: matches[0].name } : null;
}

/** The rows of one review id, read as reviews, each id once (a conflicting repeat is refused with a message). */
function rowsWithId(headers: unknown[], rows: unknown[][], reviewId: string, table: string): SavedReview[] {
  const idAt = headers.findIndex((h) => norm(h) === "review id");
  if (idAt < 0) return [];
  return asWriteError(() => readReviewTable([headers, ...rows.filter((r) => String(r[idAt] ?? "").replace(/^'/, "").trim() === reviewId)], table));
}

/** Core's refusal (e.g. two different rows under one review id) as a message for the team leader. */
function asWriteError<T>(read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (isArrearsInputError(e)) throw new ReviewWriteError(`${e.message}.`);
    throw e;
  }
}

/** A review with only the answers this template asks (other templates' columns are blank either way). */
function comparable(r: SavedReview, template: QaTemplate): SavedReview {
  const ids = new Set(criteriaOf(template).map((c) => c.id.toLowerCase()));
  const pick = <V>(rec: Record<string, V>) => Object.fromEntries(Object.entries(rec).filter(([k]) => ids.has(k.toLowerCase())).map(([k, v]) => [k.toLowerCase(), v]));
  return { ...r, answers: pick(r.answers), comments: pick(r.comments) };
}

/** The open file's address (path or URL), or "" for a workbook never saved. */
function documentUrl(): string {
  try {
    return typeof Office !== "undefined" ? (Office.context?.document?.url ?? "") : "";
  } catch {
    return "";
  }
}

/** FNV-1a, 32 bits, as hex: names a template's setting by its content (not a security measure). */
function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function safeMonth(v: unknown): string | null {
  try {
    return parseMonth(v);
  } catch {
    return null;
  }
}

// Grid text is already neutralised by core where it came from users; this catches anything else.
function neutraliseForSheet(v: string): string {
  return v.startsWith("'") ? v : neutraliseCellText(v);
}
