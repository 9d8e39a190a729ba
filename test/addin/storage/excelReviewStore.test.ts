import { DEFAULT_TEMPLATE, newDraft, parseTemplate, responsesFromSaved, scoreReview, templateKey, withResponse, type QaTemplate, type ReviewDraft } from "../../../core";
import { ExcelReviewStore } from "../../../addin/storage/excelReviewStore";
import { ReviewWriteError } from "../../../addin/storage/reviewStore";
import { createFakeExcel, type FakeExcelControl } from "../../support/fakeExcel";
import { MemoryStorage } from "../../support/memoryStorage";
import { smallTemplateData } from "../../core/qa/fixtures";

// The Office.js store against the in-memory Excel stand-in: the same code path the pane runs in Excel.

const T = DEFAULT_TEMPLATE;
let fake: FakeExcelControl;
let storage: MemoryStorage;
let ids = 0;

function store(now = new Date("2026-11-20T10:30:00Z")) {
  return new ExcelReviewStore({ storage, pollMs: 5, now: () => now, newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}` });
}

function complete(id: string, officer = "Sam Officer", template: QaTemplate = T): ReviewDraft {
  let d = { ...newDraft(template, id, new Date("2026-11-20T10:00:00Z"), "Pat"), officer, callDate: "2026-11-18", reference: "ACC-1" };
  for (const s of template.sections) for (const c of s.criteria) d = withResponse(d, c.id, { answer: "met" }, new Date("2026-11-20T10:05:00Z"));
  return d;
}

beforeEach(() => {
  const f = createFakeExcel();
  fake = f.control;
  (globalThis as Record<string, unknown>).Excel = f.Excel;
  storage = new MemoryStorage();
});

describe("ExcelReviewStore.saveReview", () => {
  it("creates the QAReviews table on first save and returns the row as read back", async () => {
    const d = withResponse(complete("rev-000001", "=HYPERLINK(\"x\")"), "A1", { answer: "partly", comment: "Rushed the opening" }, new Date());
    const saved = await store().saveReview(d, T, scoreReview(T, d.responses));
    expect(saved).toMatchObject({ reviewId: "rev-000001", officer: '=HYPERLINK("x")', score: 98.5, grade: "Excellent", templateId: "uk-rent-arrears-call", templateVersion: 1 });
    expect(saved.comments).toEqual({ A1: "Rushed the opening" });
    const grid = fake.tableGrid("QAReviews")!;
    expect(grid).toHaveLength(2);
    expect(grid[0].slice(0, 3)).toEqual(["Review ID", "Officer", "Call date"]);
    expect(grid[0]).toContain("J2");
    // The formula-looking name is stored as text, with Excel's guard apostrophe.
    expect(grid[1][1]).toBe('\'=HYPERLINK("x")');
    expect(fake.state.tables[0]).toMatchObject({ sheet: "QA Reviews", formats: { "Call date": "dd/mm/yyyy", Saved: "dd/mm/yyyy hh:mm" } });
  });

  // Excel batches are not transactions: a first save can create the table and add the row,
  // then lose the connection before the read-back. The retry must find the row, not add another.
  it("a retry after a save that got as far as the row does not add it twice", async () => {
    fake.failNext({ kind: "lostAfterRowAdded" });
    const d = complete("rev-retry");
    const saved = await store().saveReview(d, T, scoreReview(T, d.responses));
    expect(fake.faults).toEqual([]);
    expect(saved.reviewId).toBe("rev-retry");
    const grid = fake.tableGrid("QAReviews")!;
    expect(grid.slice(1).map((r) => r[0])).toEqual(["rev-retry"]);
  });

  // Two panes are two stores over one workbook. In lockstep every batch reads before any
  // writes, so both see the same table size before either appends: a store that wrote
  // to "the next free row" would put both reviews in one row.
  it("appends, never overwrites: two panes saving at once both land", async () => {
    await store().saveReview(complete("rev-first"), T, scoreReview(T, complete("rev-first").responses));
    const a = complete("rev-a");
    const b = complete("rev-b", "Alex Agent");
    fake.lockstep = true;
    fake.syncLog.length = 0;
    const [sa, sb] = await Promise.all([store().saveReview(a, T, scoreReview(T, a.responses)), store().saveReview(b, T, scoreReview(T, b.responses))]);
    // The batches did interleave: the two panes' syncs alternate, so both read the table before either wrote.
    const runs = fake.syncLog.map((s) => s.split(".")[0]);
    expect(new Set(runs).size).toBeGreaterThan(1);
    expect(runs.every((r, i) => i === 0 || r !== runs[i - 1])).toBe(true);
    expect([sa.reviewId, sa.officer, sb.reviewId, sb.officer]).toEqual(["rev-a", "Sam Officer", "rev-b", "Alex Agent"]);
    const rows = fake.tableGrid("QAReviews")!.slice(1);
    expect(rows.map((r) => [r[0], r[1]])).toEqual([
      ["rev-first", "Sam Officer"],
      ["rev-a", "Sam Officer"],
      ["rev-b", "Alex Agent"],
    ]);
  });

  it("two panes saving the first review of a new workbook at once: one creates the table, both rows land", async () => {
    const a = complete("rev-a");
    const b = complete("rev-b", "Alex Agent");
    fake.lockstep = true;
    const [sa, sb] = await Promise.all([store().saveReview(a, T, scoreReview(T, a.responses)), store().saveReview(b, T, scoreReview(T, b.responses))]);
    expect([sa.reviewId, sb.reviewId]).toEqual(["rev-a", "rev-b"]);
    expect(fake.state.tables.map((t) => [t.name, t.sheet])).toEqual([["QAReviews", "QA Reviews"]]);
    expect(fake.state.sheets.filter((s) => s.name === "QA Reviews")).toHaveLength(1);
    expect(fake.tableGrid("QAReviews")!.slice(1).map((r) => r[0]).sort()).toEqual(["rev-a", "rev-b"]);
  });

  it("keeps the template each review was scored with: its id and version are in the row", async () => {
    const small = parseTemplate(smallTemplateData);
    const d = complete("rev-small", "Sam Officer", small);
    await store().saveReview(d, small, scoreReview(small, d.responses));
    await store().saveReview(complete("rev-default"), T, scoreReview(T, complete("rev-default").responses));
    const byId = new Map((await store().listReviews()).map((r) => [r.reviewId, r]));
    expect([byId.get("rev-small")!.templateId, byId.get("rev-small")!.templateVersion]).toEqual([small.id, small.version]);
    expect([byId.get("rev-default")!.templateId, byId.get("rev-default")!.templateVersion]).toEqual([T.id, T.version]);
  });

  it("adds columns for a new template's criteria and keeps older rows' cells blank", async () => {
    const small = parseTemplate(smallTemplateData);
    await store().saveReview(complete("rev-1"), T, scoreReview(T, complete("rev-1").responses));
    const d = complete("rev-2", "Sam Officer", small);
    const saved = await store().saveReview(d, small, scoreReview(small, d.responses));
    // Criterion ids match columns without regard to case: c1 shares the default template's C1 column.
    expect(saved.answers).toMatchObject({ C1: "met", C2: "met", c3: "met", c4: "met" });
    expect(responsesFromSaved(small, saved).c1.answer).toBe("met");
    const grid = fake.tableGrid("QAReviews")!;
    const c4 = grid[0].indexOf("c4");
    expect(grid[0].slice(-2)).toEqual(["c3", "c4"]);
    expect(grid[1][c4]).toBe("");
    expect(grid[2][grid[0].indexOf("A1")]).toBe("");
  });

  it("explains a protected sheet and writes nothing", async () => {
    await store().saveReview(complete("rev-1"), T, scoreReview(T, complete("rev-1").responses));
    fake.protectSheet("QA Reviews", true);
    const d = complete("rev-2");
    await expect(store().saveReview(d, T, scoreReview(T, d.responses))).rejects.toThrow(/protected.*Unprotect/);
    expect(fake.tableGrid("QAReviews")).toHaveLength(2);
  });

  it("explains a read-only workbook", async () => {
    fake.setReadOnly(true);
    const d = complete("rev-1");
    const err = await store().saveReview(d, T, scoreReview(T, d.responses)).catch((e) => e);
    expect(err).toBeInstanceOf(ReviewWriteError);
    expect(err.message).toMatch(/^Excel would not let the add-in save the review to the QAReviews table: .*read-only/);
    expect(fake.tableGrid("QAReviews")).toBeNull();
  });

  it("refuses to guess between two renamed tables that both have the review columns", async () => {
    await store().saveReview(complete("rev-1"), T, scoreReview(T, complete("rev-1").responses));
    fake.renameTable("QAReviews", "MyReviews");
    fake.addTable("Old reviews", "OldReviews", fake.tableGrid("MyReviews")![0].map(String), []);
    const d = complete("rev-2");
    await expect(store().saveReview(d, T, scoreReview(T, d.responses))).rejects.toThrow(
      "No table is called QAReviews, and 2 tables have its columns (MyReviews, OldReviews). Rename the one that holds the call reviews to QAReviews (Table Design › Table Name), then try again.",
    );
    await expect(store().listReviews()).rejects.toThrow(/2 tables have its columns/);
    expect(fake.state.tables.map((t) => t.name)).toEqual(["MyReviews", "OldReviews"]);
    expect(fake.tableGrid("MyReviews")!.slice(1).map((r) => r[0])).toEqual(["rev-1"]);
  });

  it("does not start a second table on a QA Reviews sheet whose table lost its columns", async () => {
    fake.addTable("QA Reviews", "Notes", ["Who", "What"], [["Pat", "x"]]);
    const d = complete("rev-1");
    await expect(store().saveReview(d, T, scoreReview(T, d.responses))).rejects.toThrow(/^The "QA Reviews" sheet has data but no table with the review columns/);
    expect(fake.state.tables.map((t) => t.name)).toEqual(["Notes"]);
  });
});

// The four sequences of issue 12 §4, each of which made two rows (or lost the history) before.
describe("ExcelReviewStore: one row per review id, whatever fails", () => {
  const idsInTable = (name = "QAReviews") => fake.tableGrid(name)!.slice(1).map((r) => r[0]);

  it("a connection lost after the row was written, then Save again: one row, and both saves return it", async () => {
    await store().saveReview(complete("rev-0"), T, scoreReview(T, complete("rev-0").responses));
    const d = complete("rev-lost");
    fake.failNext({ kind: "lostAfterRowAdded" });
    const first = await store().saveReview(d, T, scoreReview(T, d.responses));
    expect(fake.faults).toEqual([]); // the fault did fire
    const again = await store().saveReview(d, T, scoreReview(T, d.responses));
    expect([first.reviewId, again.reviewId]).toEqual(["rev-lost", "rev-lost"]);
    expect(idsInTable()).toEqual(["rev-0", "rev-lost"]);
  });

  it("two panes reopen the same draft and both save: one row, and both panes are told it is saved", async () => {
    await store().saveReview(complete("rev-0"), T, scoreReview(T, complete("rev-0").responses));
    const d = complete("rev-same");
    fake.lockstep = true;
    const [a, b] = await Promise.all([store().saveReview(d, T, scoreReview(T, d.responses)), store().saveReview(d, T, scoreReview(T, d.responses))]);
    expect([a.reviewId, b.reviewId, a.score, b.score]).toEqual(["rev-same", "rev-same", 100, 100]);
    expect(idsInTable()).toEqual(["rev-0", "rev-same"]);
  });

  it("a pane waiting for another's row that never comes saves (or fails) on its own", async () => {
    await store().saveReview(complete("rev-0"), T, scoreReview(T, complete("rev-0").responses));
    fake.protectSheet("QA Reviews", true);
    const d = complete("rev-same");
    fake.lockstep = true;
    const results = await Promise.allSettled([store().saveReview(d, T, scoreReview(T, d.responses)), store().saveReview(d, T, scoreReview(T, d.responses))]);
    // Both end with the real reason (the protected sheet), the waiting one after its looks.
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason.message) : "saved"))).toEqual([
      "The sheet holding QAReviews is protected. Unprotect it (Review › Unprotect Sheet), then save again.",
      "The sheet holding QAReviews is protected. Unprotect it (Review › Unprotect Sheet), then save again.",
    ]);
    fake.lockstep = false;
    fake.protectSheet("QA Reviews", false);
    expect((await store().saveReview(d, T, scoreReview(T, d.responses))).reviewId).toBe("rev-same");
    expect(idsInTable()).toEqual(["rev-0", "rev-same"]);
    // No pane's mark is left behind in the workbook's settings.
    expect(Object.keys(fake.state.settings).filter((k) => k.startsWith("arrears.qa.saving."))).toEqual([]);
  });

  it("the sheet and the table both renamed: the next save goes into the renamed table and the history stays", async () => {
    await store().saveReview(complete("rev-1"), T, scoreReview(T, complete("rev-1").responses));
    fake.renameSheet("QA Reviews", "Reviews 2026");
    fake.renameTable("QAReviews", "Reviews2026");
    const d = complete("rev-2");
    await store().saveReview(d, T, scoreReview(T, d.responses));
    expect(fake.state.tables.map((t) => [t.name, t.sheet])).toEqual([["Reviews2026", "Reviews 2026"]]);
    expect(idsInTable("Reviews2026")).toEqual(["rev-1", "rev-2"]);
    expect((await store().listReviews()).map((r) => r.reviewId)).toEqual(["rev-1", "rev-2"]);
  });

  it("reading the table fails while drafts load: the failure is shown, and saving the draft again adds no row", async () => {
    const d = complete("rev-1");
    const s = store();
    await s.saveDraft(d);
    await s.saveReview(d, T, scoreReview(T, d.responses));
    // The pane closed before deleting the draft; on reopening, reading QAReviews fails.
    fake.failNext({ kind: "tableReadFails", table: "QAReviews" });
    await expect(store().loadDrafts()).rejects.toThrow(/^Could not read the QAReviews table to check which unsaved reviews are already saved: .*An internal error has occurred/);
    const again = await store().saveReview(d, T, scoreReview(T, d.responses));
    expect(again.reviewId).toBe("rev-1");
    expect(idsInTable()).toEqual(["rev-1"]);
  });
});

describe("ExcelReviewStore: a review id already in the table", () => {
  it("lists a row repeated by a save the claim did not stop once, and refuses two different rows under one id", async () => {
    const d = complete("rev-1");
    await store().saveReview(d, T, scoreReview(T, d.responses));
    const table = fake.state.tables[0];
    table.rows.push(table.rows[0].slice());
    expect((await store().listReviews()).map((r) => r.reviewId)).toEqual(["rev-1"]);
    // Saving it once more finds it and adds nothing.
    await store().saveReview(d, T, scoreReview(T, d.responses));
    expect(table.rows).toHaveLength(2);
    table.rows[1][table.headers.indexOf("Score")] = 50;
    await expect(store().listReviews()).rejects.toThrow("QAReviews has two rows with review id rev-1 that differ in score (100 and 50): delete the wrong row, then try again.");
  });

  it("refuses to take a different review under the same id as saved, and adds nothing", async () => {
    const d = complete("rev-1");
    await store().saveReview(d, T, scoreReview(T, d.responses));
    const changed = withResponse(d, "A1", { answer: "notMet" }, new Date("2026-11-20T10:10:00Z"));
    await expect(store().saveReview(changed, T, scoreReview(T, changed.responses))).rejects.toThrow(
      /^This review \(id rev-1\) is already in QAReviews with different score, so it was not saved again/,
    );
    expect(fake.tableGrid("QAReviews")).toHaveLength(2);
  });
});

describe("ExcelReviewStore drafts", () => {
  it("keeps drafts in browser storage and the workbook, newest first", async () => {
    const s = store();
    const older = { ...complete("rev-old"), updatedAt: "2026-11-20T09:00:00.000Z" };
    const newer = { ...complete("rev-new"), updatedAt: "2026-11-20T10:00:00.000Z" };
    expect(await s.saveDraft(older)).toEqual({ inWorkbook: true });
    await s.saveDraft(newer);
    const drafts = await store().loadDrafts();
    expect(drafts.map((d) => [d.draft.reviewId, d.inBrowser, d.inWorkbook])).toEqual([
      ["rev-new", true, true],
      ["rev-old", true, true],
    ]);
    expect(Object.keys(fake.state.settings).filter((k) => k.startsWith("arrears.qa.draft."))).toHaveLength(2);
  });

  it("restores from the workbook alone (another machine) and from the browser alone (unsaved workbook)", async () => {
    const d = complete("rev-1");
    await store().saveDraft(d);
    storage.clear();
    expect((await store().loadDrafts()).map((x) => [x.draft.reviewId, x.inBrowser])).toEqual([["rev-1", false]]);
    await store().saveDraft(d);
    for (const k of Object.keys(fake.state.settings)) if (k.startsWith("arrears.qa.draft.")) delete fake.state.settings[k];
    expect((await store().loadDrafts()).map((x) => [x.draft.reviewId, x.inWorkbook])).toEqual([["rev-1", false]]);
  });

  it("still keeps the browser copy when the workbook refuses the draft", async () => {
    const s = store();
    await s.loadDrafts(); // fixes the workbook id while the workbook is writable
    fake.setReadOnly(true);
    expect(await s.saveDraft(complete("rev-1"))).toEqual({ inWorkbook: false });
    expect((await s.loadDrafts()).map((x) => x.draft.reviewId)).toEqual(["rev-1"]);
  });

  it("drops a draft whose review is already in the table", async () => {
    const d = complete("rev-1");
    const s = store();
    await s.saveDraft(d);
    await s.saveReview(d, T, scoreReview(T, d.responses));
    expect(await s.loadDrafts()).toEqual([]);
    expect(storage.length).toBe(0);
  });

  it("finds browser drafts of a saved file after Excel closed without saving (settings lost)", async () => {
    (globalThis as Record<string, unknown>).Office = { context: { document: { url: "https://contoso.sharepoint.com/sites/income/QA.xlsx" } } };
    try {
      await store().saveDraft(complete("rev-1"));
      // Reopening the last saved copy: a fresh workbook state without this session's settings.
      (globalThis as Record<string, unknown>).Excel = createFakeExcel().Excel;
      expect((await store().loadDrafts()).map((x) => [x.draft.reviewId, x.inBrowser, x.inWorkbook])).toEqual([["rev-1", true, false]]);
      // Another file (its own workbook) at another address has none of them.
      (globalThis as Record<string, unknown>).Excel = createFakeExcel().Excel;
      (globalThis as Record<string, unknown>).Office = { context: { document: { url: "C:\\Users\\pat\\Other.xlsx" } } };
      expect(await store().loadDrafts()).toEqual([]);
    } finally {
      delete (globalThis as Record<string, unknown>).Office;
    }
  });

  it("finds browser drafts after the file is moved or renamed: they are keyed by the id in the workbook's settings", async () => {
    const office = (url: string) => ((globalThis as Record<string, unknown>).Office = { context: { document: { url } } });
    try {
      office("https://contoso.sharepoint.com/sites/income/QA.xlsx");
      await store().saveDraft(complete("rev-1"));
      // Only this computer's copy: the workbook's draft copy is gone (e.g. removed on another machine).
      for (const k of Object.keys(fake.state.settings)) if (k.startsWith("arrears.qa.draft.")) delete fake.state.settings[k];
      office("C:\\Users\\pat\\Archive\\QA 2026.xlsx");
      expect((await store().loadDrafts()).map((x) => [x.draft.reviewId, x.inBrowser, x.inWorkbook])).toEqual([["rev-1", true, false]]);
      const id = fake.state.settings["arrears.qa.workbookId"];
      expect(typeof id).toBe("string");
      expect(storage.getItem(`arrears.qa.draft.${id}.rev-1`)).not.toBeNull();
    } finally {
      delete (globalThis as Record<string, unknown>).Office;
    }
  });

  it("moves drafts kept under the file's address by earlier versions to the workbook's id", async () => {
    const url = "https://contoso.sharepoint.com/sites/income/QA.xlsx";
    (globalThis as Record<string, unknown>).Office = { context: { document: { url } } };
    try {
      storage.setItem(`arrears.qa.draft.url:${url}.rev-old`, JSON.stringify(complete("rev-old")));
      storage.setItem("arrears.qa.draft.url:https://elsewhere/Other.xlsx.rev-other", JSON.stringify(complete("rev-other")));
      expect((await store().loadDrafts()).map((x) => [x.draft.reviewId, x.inBrowser])).toEqual([["rev-old", true]]);
      const id = fake.state.settings["arrears.qa.workbookId"];
      expect(Object.keys(Object.fromEntries(Array.from({ length: storage.length }, (_, i) => [storage.key(i), 1]))).filter((k) => k.startsWith("arrears.qa.draft.")).sort()).toEqual(
        [`arrears.qa.draft.${id}.rev-old`, "arrears.qa.draft.url:https://elsewhere/Other.xlsx.rev-other"].sort(),
      );
    } finally {
      delete (globalThis as Record<string, unknown>).Office;
    }
  });

  it("deletes drafts more than 30 days after their last change, from the browser and the workbook, and offers the rest", async () => {
    // store() says it is 2026-11-20T10:30Z: 30 days back is 2026-10-21T10:30Z.
    const s = store();
    await s.saveDraft({ ...complete("rev-31-days"), updatedAt: "2026-10-21T10:29:00.000Z" });
    await s.saveDraft({ ...complete("rev-29-days"), updatedAt: "2026-10-22T10:30:00.000Z" });
    await s.saveDraft({ ...complete("rev-bad-time"), updatedAt: "last Tuesday" });
    storage.setItem("arrears.qa.draft.another-workbook.rev-x", JSON.stringify({ ...complete("rev-x"), updatedAt: "2026-09-01T00:00:00.000Z" }));
    expect((await store().loadDrafts()).map((x) => x.draft.reviewId)).toEqual(["rev-29-days"]);
    expect(Object.keys(fake.state.settings).filter((k) => k.startsWith("arrears.qa.draft."))).toEqual(["arrears.qa.draft.rev-29-days"]);
    expect(Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k) => k!.startsWith("arrears.qa.draft."))).toEqual([expect.stringMatching(/\.rev-29-days$/)]);
  });

  it("says so when the workbook's drafts cannot be read, rather than offer this computer's copies alone", async () => {
    await store().saveDraft(complete("rev-1"));
    fake.failNext({ kind: "settingsReadFails" });
    await expect(store().loadDrafts()).rejects.toThrow("Could not read the unsaved reviews kept in the workbook's settings: An internal error has occurred. Close and reopen the pane to try again.");
    expect((await store().loadDrafts()).map((x) => x.draft.reviewId)).toEqual(["rev-1"]);
  });

  it("does not show another workbook's drafts", async () => {
    await store().saveDraft(complete("rev-1"));
    const f = createFakeExcel();
    (globalThis as Record<string, unknown>).Excel = f.Excel;
    expect(await store().loadDrafts()).toEqual([]);
  });

  it("remembers the reviewer's name on this machine", () => {
    store().rememberReviewer("  Pat Reviewer ");
    expect(store().rememberedReviewer()).toBe("Pat Reviewer");
  });
});

describe("ExcelReviewStore team, templates, KPIs and sheets", () => {
  it("reads the team list with per-officer targets and the team target", async () => {
    expect(await store().loadTeam()).toEqual({ members: [], teamTarget: 4, found: false });
    await store().createTeamTable();
    expect(fake.state.activeSheet).toBe("QA Team");
    fake.state.tables[0].rows.push(["Sam Officer", "North", ""], ["Alex Agent", "North", 2], ["", "", ""]);
    await store().setTeamTarget(6);
    expect(await store().loadTeam()).toEqual({
      members: [
        { officer: "Alex Agent", team: "North", monthlyTarget: 2 },
        { officer: "Sam Officer", team: "North", monthlyTarget: null },
      ],
      teamTarget: 6,
      found: true,
    });
  });

  it("stores templates in the workbook, refuses to change a stored version, and reports bad ones", async () => {
    const small = parseTemplate(smallTemplateData);
    await store().saveTemplate(small);
    await store().setActiveTemplate("small-test@2");
    let set = await store().loadTemplates();
    expect(set.entries.map((e) => `${e.template.id}@${e.template.version} ${e.source}`)).toEqual(["uk-rent-arrears-call@1 built-in", "small-test@2 workbook"]);
    expect(set.activeKey).toBe("small-test@2");
    const edited = parseTemplate({ ...smallTemplateData, title: "Edited" });
    await expect(store().saveTemplate(edited)).rejects.toThrow("A different template small-test@2 already exists (in this workbook). Give the edited template a new version number and import it again.");
    // Templates stored by earlier versions of the add-in, as one list in one setting, still load.
    fake.state.settings["arrears.qa.templates"] = JSON.stringify([{ ...smallTemplateData, version: 4 }, { ...smallTemplateData, version: 3, bands: [] }]);
    set = await store().loadTemplates();
    expect(set.entries.map((e) => templateKey(e.template))).toEqual(["uk-rent-arrears-call@1", "small-test@4", "small-test@2"]);
    expect(set.problems).toEqual(["Stored template 2 could not be used: template bands: a template needs at least one grade band, got a list"]);
  });

  it("two panes importing at once: both templates are kept, and two different ones under one id@version are both refused", async () => {
    const v2 = parseTemplate(smallTemplateData);
    const v3 = parseTemplate({ ...smallTemplateData, version: 3 });
    fake.lockstep = true;
    await Promise.all([store().saveTemplate(v2), store().saveTemplate(v3)]);
    expect((await store().loadTemplates()).entries.map((e) => templateKey(e.template))).toEqual(["uk-rent-arrears-call@1", "small-test@2", "small-test@3"]);

    const a = parseTemplate({ ...smallTemplateData, version: 5, title: "Team A's edit" });
    const b = parseTemplate({ ...smallTemplateData, version: 5, title: "Team B's edit" });
    const results = await Promise.allSettled([store().saveTemplate(a), store().saveTemplate(b)]);
    expect(results.map((r) => (r.status === "rejected" ? String(r.reason.message) : "ok"))).toEqual([
      "Another pane imported a different template small-test@5 at the same moment, so neither was kept. Import yours again (with a new version number if the other one is wanted too).",
      "Another pane imported a different template small-test@5 at the same moment, so neither was kept. Import yours again (with a new version number if the other one is wanted too).",
    ]);
    const set = await store().loadTemplates();
    expect(set.entries.map((e) => templateKey(e.template))).not.toContain("small-test@5");
    expect(set.problems).toEqual([]);
    fake.lockstep = false;
    await store().saveTemplate(b);
    expect((await store().loadTemplates()).entries.find((e) => templateKey(e.template) === "small-test@5")?.template.title).toBe("Team B's edit");
  });

  it("finds an officer's KPIs for the month in an OfficerKPIs table", async () => {
    fake.addTable("KPIs", "OfficerKPIs", ["Officer", "Month", "Current arrears %", "Notes"], [
      ["Sam Officer", "2026-10", 2.9, ""],
      ["sam officer", "11/2026", 2.4, "improving"],
    ]);
    expect(await store().loadKpis("Sam Officer", "2026-11")).toEqual([
      { label: "Current arrears %", value: 2.4 },
      { label: "Notes", value: "improving" },
    ]);
    expect(await store().loadKpis("Nobody", "2026-11")).toEqual([]);
  });

  it("writes a sheet, and rewriting it replaces the old content", async () => {
    await store().writeSheet({ name: "1-2-1 Sam 2026-11", rows: [["Title", ""], ["=1+1", 5]], headingRows: [0] });
    expect(fake.sheetGrid("1-2-1 Sam 2026-11")).toEqual([["Title", ""], ["'=1+1", 5]]);
    expect(fake.state.activeSheet).toBe("1-2-1 Sam 2026-11");
    await store().writeSheet({ name: "1-2-1 Sam 2026-11", rows: [["New"]], headingRows: [] });
    expect(fake.sheetGrid("1-2-1 Sam 2026-11")).toEqual([["New"]]);
  });
});
