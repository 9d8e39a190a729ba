import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEFAULT_TEMPLATE, criteriaOf, headersNeeded, newDraft, reviewToRow, scoreReview, withResponse, type ReviewDraft } from "../../core/qa";
import { launchBrowser, newProfile, openPane, snap } from "./paneHarness";

// The unsaved-reviews list in the built pane (headless Chromium, Excel stand-in): the age
// limit, discarding, opening, the workbook id that keys this computer's drafts, and a
// failed read of QAReviews shown instead of a saved review being offered again.

jest.setTimeout(120_000);

interface FakeState {
  settings: Record<string, unknown>;
  tables: { name: string; rows: unknown[][] }[];
}
declare const window: { __fakeExcel: { state: FakeState; addTable(sheet: string, name: string, headers: string[], rows: unknown[][]): void } };

const DAY = 86_400_000;

/** A draft changed `daysAgo` days before now, with the given officer and reference. */
function draft(id: string, reference: string, daysAgo: number, complete = false): ReviewDraft {
  const at = new Date(Date.now() - daysAgo * DAY);
  let d: ReviewDraft = { ...newDraft(DEFAULT_TEMPLATE, id, at, "Pat Reviewer"), officer: "Sam Officer", callDate: "2026-11-18", reference };
  if (complete) for (const c of criteriaOf(DEFAULT_TEMPLATE)) d = withResponse(d, c.id, { answer: "met" }, at);
  return { ...d, updatedAt: at.toISOString() };
}

/** Puts drafts in the workbook's settings, as another computer's pane would have left them (kept over a reload, as the stand-in keeps its workbook). */
async function putWorkbookDrafts(page: Page, drafts: ReviewDraft[]): Promise<void> {
  await page.evaluate((list) => {
    for (const d of list) window.__fakeExcel.state.settings[`arrears.qa.draft.${d.reviewId}`] = JSON.stringify(d);
    sessionStorage.setItem("fake-excel-workbook", JSON.stringify(window.__fakeExcel.state));
  }, drafts);
}

const draftKeysIn = (page: Page) =>
  page.evaluate(() => ({
    workbook: Object.keys(window.__fakeExcel.state.settings).filter((k) => k.startsWith("arrears.qa.draft.")).sort(),
    browser: Object.keys(localStorage).filter((k) => k.startsWith("arrears.qa.draft.")).sort(),
    workbookId: window.__fakeExcel.state.settings["arrears.qa.workbookId"],
  }));

async function reopen(page: Page): Promise<void> {
  await page.reload();
  await page.getByRole("heading", { name: "Call reviews" }).waitFor({ timeout: 20000 });
}

describe("unsaved reviews list in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let outside: string[];
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, outside } = await newProfile(browser));
    page = await openPane(context);
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("lists the workbook's drafts with their deletion dates, deletes those past 30 days, and keys this computer's copies by the workbook id", async () => {
    await putWorkbookDrafts(page, [draft("rev-old", "ACC-OLD", 31), draft("rev-a", "ACC-A", 2), draft("rev-b", "ACC-B", 1)]);
    await reopen(page);
    // The newest draft opens in the form; the 31-day-old one is gone from the workbook.
    await page.getByText(/Restored your unsaved review \(Sam Officer · ACC-B/).waitFor();
    const summary = page.locator("#drafts-list summary");
    expect(await summary.textContent()).toBe("Unsaved reviews in this workbook (2)");
    await summary.click();
    const items = page.locator("#drafts-list li");
    expect(await items.count()).toBe(2);
    expect(await items.nth(0).textContent()).toContain("Sam Officer · ACC-B · call 18/11/2026 (open now)");
    // Changed a day ago: deleted 30 days after that, i.e. 29 days from today (dd/mm/yyyy).
    const expiry = new Date(Date.now() + 29 * DAY);
    const ddmmyyyy = `${String(expiry.getDate()).padStart(2, "0")}/${String(expiry.getMonth() + 1).padStart(2, "0")}/${expiry.getFullYear()}`;
    expect(await items.nth(0).textContent()).toContain(`deleted after ${ddmmyyyy} unless saved`);
    expect(await page.locator("#drafts-list").textContent()).toContain("for 30 days after the last change, then deleted when the pane next opens");
    const keys = await draftKeysIn(page);
    expect(keys.workbook).toEqual(["arrears.qa.draft.rev-a", "arrears.qa.draft.rev-b"]);
    expect(typeof keys.workbookId).toBe("string");
    await snap(page, "20-drafts-list");

    // An edit autosaves this computer's copy under the workbook's id, not the file's address.
    await page.fill("#notes", "Follow up on the arrangement");
    await page.locator("#autosave-status").getByText(/Draft saved at/).waitFor();
    expect((await draftKeysIn(page)).browser).toEqual([`arrears.qa.draft.${keys.workbookId}.rev-b`]);
  });

  it("opens another draft from the list, and discards one only after confirming", async () => {
    const list = page.locator("#drafts-list");
    await list.getByRole("button", { name: "Open Sam Officer · ACC-A · call 18/11/2026" }).click();
    expect(await page.inputValue("#reference")).toBe("ACC-A");
    await list.getByRole("button", { name: "Discard Sam Officer · ACC-B · call 18/11/2026" }).click();
    await list.getByRole("group", { name: "Confirm discarding Sam Officer · ACC-B · call 18/11/2026" }).getByRole("button", { name: "Keep it" }).click();
    expect(await list.locator("li").count()).toBe(2);
    await list.getByRole("button", { name: "Discard Sam Officer · ACC-B · call 18/11/2026" }).click();
    await list.getByRole("button", { name: "Yes, discard" }).click();
    await list.getByRole("status").getByText("Unsaved review discarded.").waitFor();
    expect(await list.locator("li").count()).toBe(1);
    const keys = await draftKeysIn(page);
    expect(keys.workbook).toEqual(["arrears.qa.draft.rev-a"]);
    expect(keys.browser.some((k) => k.endsWith(".rev-b"))).toBe(false);
    // The open review is untouched.
    expect(await page.inputValue("#reference")).toBe("ACC-A");
    await snap(page, "21-draft-discarded");
  });

  it("says so when QAReviews cannot be read on opening, and never offers a saved review again", async () => {
    // rev-saved is in the table already; its draft was left behind (the pane closed mid clean-up).
    const saved = draft("rev-saved", "ACC-SAVED", 0, true);
    const headers = headersNeeded(DEFAULT_TEMPLATE, []);
    const row = reviewToRow(headers, saved, DEFAULT_TEMPLATE, scoreReview(DEFAULT_TEMPLATE, saved.responses), new Date());
    await page.evaluate(({ h, r }) => window.__fakeExcel.addTable("QA Reviews", "QAReviews", h, [r]), { h: headers, r: row });
    await putWorkbookDrafts(page, [saved]);
    await page.evaluate(() => sessionStorage.setItem("fake-excel-faults", JSON.stringify([{ kind: "tableReadFails", table: "QAReviews" }])));
    await page.reload();
    const alert = page.getByRole("alert").filter({ hasText: "could not be read" });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/An internal error has occurred/);
    expect(await page.locator("form").count()).toBe(0);
    await snap(page, "22-reviews-table-unreadable");

    await reopen(page);
    await page.locator("#drafts-list summary").click();
    expect(await page.locator("#drafts-list li").allTextContents()).toEqual([expect.stringContaining("ACC-A")]);
    expect(await page.inputValue("#reference")).toBe("ACC-A");
    expect(await page.evaluate(() => window.__fakeExcel.state.tables.find((t) => t.name === "QAReviews")!.rows.length)).toBe(1);
    expect((await draftKeysIn(page)).workbook).toEqual(["arrears.qa.draft.rev-a"]);
  });

  it("made no request outside the add-in and raised no page errors", () => {
    expect(outside).toEqual([]);
    expect((page as Page & { errors?: string[] }).errors ?? []).toEqual([]);
  });
});
