import type { KpiLine, QaTemplate, ReviewDraft, SavedReview, ScoreResult, SheetGrid, TeamMember } from "../../core/qa";

/**
 * What the call-review pane needs from the workbook. The pane talks only to
 * this interface; ExcelReviewStore implements it over Office.js, so the UI can
 * be driven in a browser against an in-memory Excel stand-in.
 */

/** The team list and the monthly review target. */
export interface TeamInfo {
  members: TeamMember[];
  /** Calls to review per officer per month unless a member has their own target. */
  teamTarget: number;
  /** False when the workbook has no QATeam table yet. */
  found: boolean;
}

/** A template and where it came from. */
export interface TemplateEntry {
  template: QaTemplate;
  source: "built-in" | "workbook";
}

/** Templates available in this workbook, and any stored ones that failed validation. */
export interface TemplateSet {
  entries: TemplateEntry[];
  /** One message per stored template that could not be used, saying why. */
  problems: string[];
  /** "id@version" of the template new reviews use. */
  activeKey: string;
}

/** Where a draft is kept; see drafts.ts for what survives what. */
export interface DraftInfo {
  draft: ReviewDraft;
  inBrowser: boolean;
  inWorkbook: boolean;
}

/** The workbook-storage module's contract. */
export interface ReviewStore {
  loadTeam(): Promise<TeamInfo>;
  /** Creates the QATeam table (Officer, Team, Monthly target) on its own sheet and shows it. */
  createTeamTable(): Promise<void>;
  setTeamTarget(target: number): Promise<void>;
  loadTemplates(): Promise<TemplateSet>;
  /**
   * Adds a template version to the workbook, safe against another pane importing at
   * the same time. Rejects an id@version that exists with different content.
   */
  saveTemplate(template: QaTemplate): Promise<void>;
  setActiveTemplate(key: string): Promise<void>;
  /**
   * Appends the review as one QAReviews row (creating the table if missing, or
   * using the renamed table with its columns) and returns the row as read back,
   * found by review id. Idempotent by review id: a row already there (an earlier
   * attempt, another pane) is returned instead of adding a second.
   * @throws ReviewWriteError with a message for the team leader when Excel refuses,
   * or when the row under this id holds different answers.
   */
  saveReview(draft: ReviewDraft, template: QaTemplate, result: ScoreResult): Promise<SavedReview>;
  /** Every review in the QAReviews table, each id once (empty when there is no table). */
  listReviews(): Promise<SavedReview[]>;
  /** An officer's arrears KPIs for a month from the OfficerKPIs table, when the workbook has one. */
  loadKpis(officer: string, month: string): Promise<KpiLine[]>;
  /** Writes (or rewrites) a sheet and activates it; returns the sheet name. */
  writeSheet(grid: SheetGrid): Promise<string>;
  /** Autosaves a draft to the browser now and to the workbook's settings (best effort). */
  saveDraft(draft: ReviewDraft): Promise<{ inWorkbook: boolean }>;
  /**
   * Drafts for this workbook, newest first, without any whose review is already in
   * the table or past the age limit (those are deleted).
   * @throws ReviewWriteError when the table or the workbook's drafts cannot be read.
   */
  loadDrafts(): Promise<DraftInfo[]>;
  /** Removes a draft; only call once the saved row has been read back. */
  deleteDraft(reviewId: string): Promise<void>;
  /** The reviewer name remembered on this machine. */
  rememberedReviewer(): string;
  rememberReviewer(name: string): void;
}

/** A failed write, with a message that says what happened and what to do. */
export class ReviewWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReviewWriteError";
  }
}
