import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { DEFAULT_TEMPLATE, criteriaOf, type Answer } from "../../core/qa";
import * as fs from "node:fs";
import * as path from "node:path";
import { ARTIFACTS, eventually, focused, launchBrowser, newProfile, openPane, snap } from "./paneHarness";

/** Saves what the pane wrote to the workbook as CSV next to the screenshots. */
function writeCsv(name: string, rows: unknown[][]): void {
  const cell = (v: unknown) => (/[",\n]/.test(String(v ?? "")) ? `"${String(v).replace(/"/g, '""')}"` : String(v ?? ""));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, name), rows.map((r) => r.map(cell).join(",")).join("\n") + "\n");
}

// The built pane in headless Chromium, driven like a team leader would, against the
// in-memory Excel stand-in (the real ExcelReviewStore runs; only Excel is fake).
// Screenshots of each state go to test-artifacts/call-review/.

jest.setTimeout(120_000);

type Cell = string | number | boolean;
interface FakeControl {
  tableGrid(name: string): Cell[][] | null;
  sheetGrid(name: string): Cell[][];
  protectSheet(name: string, on: boolean): void;
  addTable(sheet: string, name: string, headers: string[], rows: Cell[][]): void;
  state: { activeSheet: string };
}
declare const window: { __fakeExcel: FakeControl };

const CRITERIA = criteriaOf(DEFAULT_TEMPLATE);

/** Yesterday as ISO and as an Excel serial. */
function yesterday(): { iso: string; serial: number } {
  const d = new Date(Date.now() - 86_400_000);
  const iso = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  return { iso, serial: Math.round((Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(1899, 11, 30)) / 86_400_000) };
}

/**
 * The digits to type into a date input for an ISO date. The field order (dd/mm or
 * mm/dd) follows the browser's locale, which a bare CI machine may not set, so
 * probe it with a scratch input first.
 */
async function dateDigits(page: Page, iso: string): Promise<string> {
  await page.evaluate(() => {
    const probe = document.createElement("input");
    probe.type = "date";
    probe.id = "date-order-probe";
    document.body.append(probe);
  });
  await page.focus("#date-order-probe");
  await page.keyboard.type("01022026");
  const dayFirst = (await page.inputValue("#date-order-probe")) === "2026-02-01";
  await page.evaluate(() => document.getElementById("date-order-probe")?.remove());
  const [y, m, d] = iso.split("-");
  return dayFirst ? `${d}${m}${y}` : `${m}${d}${y}`;
}

async function tabUntil(page: Page, test: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 15): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (test(await focused(page))) return;
  }
  throw new Error(`focus never reached the target; last on ${JSON.stringify(await focused(page))}`);
}

/**
 * Answers every criterion from the keyboard only: Tab into each radio group (focus
 * lands on its first answer), Space or arrow keys to choose, Tab past the
 * critical tick to "Add comment" (Enter opens the box, where typing goes), and
 * past each section's fold button.
 */
async function scoreByKeyboard(page: Page, answers: Record<string, Answer>, comments: Record<string, string>): Promise<void> {
  await tabUntil(page, (f) => f.criterion === CRITERIA[0].id && f.type === "radio", 30);
  const firstOfSection = new Set(DEFAULT_TEMPLATE.sections.slice(1).map((s) => s.criteria[0].id));
  for (const c of CRITERIA) {
    if (firstOfSection.has(c.id)) {
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-expanded"))).toBe("true");
      await page.keyboard.press("Tab");
    }
    const f = await focused(page);
    expect([f.criterion, f.type]).toEqual([c.id, "radio"]);
    const want = answers[c.id] ?? "met";
    const steps = c.answers.indexOf(want);
    if (steps === 0) await page.keyboard.press("Space");
    // Arrow keys move through the group and choose as they go, as native radio groups do.
    for (let i = 0; i < steps; i++) await page.keyboard.press("ArrowRight");
    if (c.critical?.trigger === "flag") await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect((await focused(page)).criterion).toBe(c.id);
    if (comments[c.id]) {
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe(`Comment on ${c.id}`);
      await page.keyboard.type(comments[c.id]);
    }
    if (c !== CRITERIA[CRITERIA.length - 1]) await page.keyboard.press("Tab");
  }
}

async function checkedAnswer(page: Page, id: string): Promise<string | null> {
  return page.evaluate((cid) => document.querySelector<HTMLInputElement>(`#criterion-${cid} input:checked`)?.value ?? null, id);
}

/** Calls a control of the Excel stand-in inside the page. */
async function fake<K extends keyof FakeControl>(page: Page, method: K, ...args: unknown[]): Promise<FakeControl[K] extends (...a: never[]) => infer R ? R : never> {
  return page.evaluate(({ m, a }) => (window.__fakeExcel[m as keyof FakeControl] as (...x: unknown[]) => unknown)(...a), { m: method, a: args }) as never;
}


const hasText = (loc: Locator, text: string) => eventually(async () => expect(await loc.textContent()).toContain(text));
const exactText = (loc: Locator, text: string) => eventually(async () => expect((await loc.textContent())?.trim()).toBe(text));

describe("call-review pane in Chromium", () => {
  let browser: Browser;
  let context: BrowserContext;
  let outside: string[];
  let page: Page;
  const day = yesterday();

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ context, outside } = await newProfile(browser));
    page = await openPane(context);
    // A workbook with a team list, as a team leader would have set it up.
    await fake(page, "addTable", "QA Team", "QATeam", ["Officer", "Team", "Monthly target"], [["Sam Officer", "North", ""], ["Alex Agent", "North", 2]]);
    await page.reload();
    await page.getByRole("heading", { name: "Call reviews" }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("scores a call by keyboard alone, announces the score, and saves it as a QAReviews row", async () => {
    // Saving an empty form explains what is missing and moves focus to the first gap.
    const typedDate = await dateDigits(page, day.iso);
    await page.getByRole("button", { name: "Save review" }).click();
    await hasText(page.locator("#save-alert"), "Not saved: 5 things need fixing");
    await hasText(page.locator("#save-problems"), "Choose the officer whose call this is.");
    expect((await focused(page)).id).toBe("officer");
    await snap(page, "01-missing-fields");

    await page.keyboard.press("ArrowDown"); // first officer in the (sorted) team list: Alex Agent
    await page.keyboard.press("ArrowDown"); // Sam Officer
    expect(await page.inputValue("#officer")).toBe("Sam Officer");
    // The list of things to fix shrinks as they are fixed.
    await eventually(async () => expect(await page.locator("#save-problems").textContent()).not.toContain("Choose the officer"));
    await page.keyboard.press("Tab");
    expect((await focused(page)).id).toBe("callDate");
    await page.keyboard.type(typedDate);
    // Chromium's date input moves through day, month and year as digits are typed; Tab then leaves it.
    await tabUntil(page, (f) => f.id === "reference", 3);
    await page.keyboard.type("=ACC-1001");
    await page.keyboard.press("Tab");
    expect((await focused(page)).id).toBe("reviewer");
    await page.keyboard.type("Pat Reviewer");
    expect(await page.inputValue("#callDate")).toBe(day.iso);

    // Screen-reader structure: each section a group named by its legend, each criterion a
    // radio group named by its text and described by its guidance.
    for (const sec of DEFAULT_TEMPLATE.sections) expect(await page.getByRole("group", { name: new RegExp(`^${sec.id}\\. ${sec.title}`) }).count()).toBe(1);
    for (const c of CRITERIA) {
      const group = page.getByRole("radiogroup", { name: new RegExp(`^${c.id} ${c.text.slice(0, 20)}`) });
      expect(await group.count()).toBe(1);
      if (c.guidance) expect(await group.getAttribute("aria-describedby")).toBeTruthy();
    }

    await scoreByKeyboard(page, { A3: "na", B1: "partly" }, { B1: "Balance given but not the weekly charge" });
    await eventually(async () => expect(await page.locator("#save-problems").count()).toBe(0));
    // A3 N/A leaves the denominator (98); B1 half of 5: 95.5 / 98 = 97.4.
    await exactText(page.locator("#running-score"), "Score 97.4, Excellent. 27 of 27 answered.");
    expect(await page.locator("#running-score").getAttribute("aria-live")).toBe("polite");
    expect(await checkedAnswer(page, "A3")).toBe("na");
    await snap(page, "02-scored-by-keyboard");
    await snap(page, "02b-whole-checklist", true);

    // Enter in a text box never saves; the Save control, reached from the keyboard, does.
    await page.focus("#reviewer");
    await page.keyboard.press("Enter");
    expect(await fake(page, "tableGrid", "QAReviews")).toBeNull();
    await page.getByRole("button", { name: "Save review" }).focus();
    await page.keyboard.press("Enter");
    await hasText(page.locator("#save-status"), "Saved and checked in QAReviews: Sam Officer");
    await hasText(page.locator("#save-status"), "score 97.4 (Excellent)");
    await snap(page, "03-saved");

    const grid = (await fake(page, "tableGrid", "QAReviews"))!;
    expect(grid).toHaveLength(2);
    const row = Object.fromEntries(grid[0].map((h, i) => [h, grid[1][i]]));
    expect(row).toMatchObject({ Officer: "Sam Officer", Reference: "'=ACC-1001", Reviewer: "Pat Reviewer", "Call date": day.serial, Score: 97.4, "Raw score": 97.4, Grade: "Excellent", "Critical fail": false, "Template ID": "uk-rent-arrears-call", "Template version": 1, A1: "Met", A3: "N/A", B1: "Partly", J2: "Met" });
    expect(row.Comments).toBe("B1: Balance given but not the weekly charge");
    expect(String(row["Review ID"])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    // The form is ready for the next call: same officer, reviewer remembered, no answers.
    expect(await page.inputValue("#officer")).toBe("Sam Officer");
    expect(await page.inputValue("#reviewer")).toBe("Pat Reviewer");
    expect(await checkedAnswer(page, "A1")).toBeNull();
  });

  it("restores a draft after the pane is reloaded mid-review", async () => {
    await page.fill("#reference", "ACC-2002");
    await page.fill("#callDate", day.iso);
    await page.locator("#criterion-A1").getByLabel("Partly").check();
    await page.locator("#criterion-A2").getByLabel("Not met").check();
    await page.getByRole("button", { name: "Add comment on A2" }).click();
    await page.getByLabel("Comment on A2").fill("Discussed the balance before checking date of birth");
    await hasText(page.locator("#running-score"), "Critical fail: A2.");
    await hasText(page.locator("#autosave-status"), "Draft saved at");
    // The autosave runs 300 ms after the last change; wait for the one holding the comment, not an earlier one.
    await eventually(async () =>
      expect(await page.evaluate(() => Object.keys(localStorage).some((k) => k.startsWith("arrears.qa.draft.") && localStorage.getItem(k)!.includes("Discussed the balance")))).toBe(true),
    );
    await snap(page, "04-mid-review");

    await page.reload();
    await page.getByRole("heading", { name: "Call reviews" }).waitFor();
    await page.getByText(/Restored your unsaved review \(Sam Officer · ACC-2002/).waitFor();
    expect(await page.inputValue("#reference")).toBe("ACC-2002");
    expect(await page.inputValue("#reviewer")).toBe("Pat Reviewer");
    expect(await checkedAnswer(page, "A1")).toBe("partly");
    expect(await checkedAnswer(page, "A2")).toBe("notMet");
    expect(await page.inputValue('[aria-label="Comment on A2"]')).toBe("Discussed the balance before checking date of birth");
    // Raw: A1 half of 3, A2 none of 5: 1.5 / 8 = 18.75 → 18.8; the critical fail zeroes it.
    await exactText(page.locator("#running-score"), "Provisional score 0, Critical fail so far. 2 of 27 answered. Critical fail: A2. Score before the critical fail 18.8.");
    await snap(page, "05-draft-restored");

    // Excel closed without saving: a new page has a fresh copy of the last saved workbook
    // (no draft in its settings), yet the draft comes back from this computer's storage.
    const again = await openPane(context);
    expect(await again.evaluate(() => Object.keys((window as unknown as { __fakeExcel: { state: { settings: object } } }).__fakeExcel.state.settings).some((k) => k.startsWith("arrears.qa.draft.")))).toBe(false);
    await again.getByText(/Restored your unsaved review \(Sam Officer · ACC-2002/).waitFor();
    expect(await checkedAnswer(again, "A2")).toBe("notMet");
    expect(await again.inputValue("#officer")).toBe("Sam Officer");
    await snap(again, "05b-draft-restored-after-excel-closed");
    await again.close();
  });

  it("keeps everything when the write fails, then saves once the sheet is unprotected", async () => {
    for (const c of CRITERIA.slice(2)) await page.locator(`#criterion-${c.id}`).getByLabel("Met", { exact: true }).check();
    await fake(page, "protectSheet", "QA Reviews", true);
    await page.getByRole("button", { name: "Save review" }).click();
    await hasText(page.locator("#save-alert"), "Not saved.");
    await hasText(page.locator("#save-alert"), "protected");
    await hasText(page.locator("#save-alert"), "nothing is lost");
    expect((await fake(page, "tableGrid", "QAReviews"))!.length).toBe(2);
    expect(await page.inputValue("#reference")).toBe("ACC-2002");
    expect(await checkedAnswer(page, "A2")).toBe("notMet");
    expect(await checkedAnswer(page, "J2")).toBe("met");
    const drafts = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("arrears.qa.draft.")).length);
    expect(drafts).toBe(1);
    await snap(page, "06-save-failed");

    // Even a reload now brings the complete review back.
    await page.reload();
    await page.getByRole("heading", { name: "Call reviews" }).waitFor();
    expect(await checkedAnswer(page, "J2")).toBe("met");

    await fake(page, "protectSheet", "QA Reviews", false);
    await page.getByRole("button", { name: "Save review" }).click();
    await hasText(page.locator("#save-status"), "score 0 (Critical fail)");
    const grid = (await fake(page, "tableGrid", "QAReviews"))!;
    expect(grid).toHaveLength(3);
    const row = Object.fromEntries(grid[0].map((h, i) => [h, grid[2][i]]));
    expect(row).toMatchObject({ Reference: "ACC-2002", Score: 0, "Critical fail": true, "Critical items": "A2 (CF1)", A2: "Not met" });
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("arrears.qa.draft.")).length)).toBe(0);
  });

  it("shows the month's summary with officers below target and writes a one-to-one sheet", async () => {
    await page.getByRole("tab", { name: "Summary" }).click();
    await page.fill("#summary-month", day.iso.slice(0, 7));
    const sam = page.locator("#summary-table tbody tr", { hasText: "Sam Officer" });
    const alex = page.locator("#summary-table tbody tr", { hasText: "Alex Agent" });
    // Sam: two reviews (97.4 and 0) against the team target of 4.
    await hasText(sam, "2 of 4");
    await hasText(sam, "Below target");
    await exactText(sam.locator("td").nth(1), "48.7");
    await exactText(sam.locator("td").nth(2), "1");
    await hasText(alex, "0 of 2");
    await snap(page, "07-summary");

    await page.getByRole("button", { name: "Write 1-2-1 sheet for Sam Officer" }).click();
    const name = `1-2-1 Sam Officer ${day.iso.slice(0, 7)}`;
    await hasText(page.getByRole("status").filter({ hasText: "Wrote the one-to-one sheet" }), name);
    const sheet = await fake(page, "sheetGrid", name);
    expect(String(sheet[0][0])).toMatch(/^One-to-one: call quality, Sam Officer, /);
    expect(sheet.find((r) => r[0] === "Calls reviewed")?.[1]).toBe(2);
    expect(sheet.some((r) => r[1] === "B1 States the correct balance, what it is made of, and the current weekly or monthly charge" && r[3] === "Balance given but not the weekly charge")).toBe(true);
    expect(await page.evaluate(() => window.__fakeExcel.state.activeSheet)).toBe(name);
    await snap(page, "08-one-to-one-written");
    writeCsv("qareviews-table.csv", (await fake(page, "tableGrid", "QAReviews"))!);
    writeCsv("one-to-one-sheet.csv", sheet);
  });

  it("exports a template, rejects a bad import with the reason, and uses an imported new version", async () => {
    await page.getByRole("tab", { name: "Templates" }).click();
    const exported = JSON.parse(await page.inputValue("#template-export"));
    expect([exported.id, exported.version, exported.sections.length]).toEqual(["uk-rent-arrears-call", 1, 10]);

    const edited = { ...exported, sections: exported.sections.map((sec: { id: string; criteria: { weight: number }[] }) => (sec.id === "J" ? { ...sec, criteria: sec.criteria.map((c) => ({ ...c, weight: 0 })) } : sec)) };
    await page.fill("#template-import", JSON.stringify(edited));
    await page.getByRole("button", { name: "Import template" }).click();
    await hasText(page.getByRole("alert").filter({ hasText: "Not imported" }), "criterion weight must be more than 0");
    // Same id and version but different content would rewrite history: refused.
    await page.fill("#template-import", JSON.stringify({ ...exported, title: "Edited title" }));
    await page.getByRole("button", { name: "Import template" }).click();
    await hasText(page.getByRole("alert").filter({ hasText: "Not imported" }), "Give the edited template a new version number");
    await snap(page, "09-template-import-refused");

    await page.fill("#template-import", JSON.stringify({ ...exported, version: 2, title: "Rent arrears call review (team edit)" }));
    await page.getByRole("button", { name: "Import template" }).click();
    await hasText(page.getByRole("status").filter({ hasText: "Imported" }), "uk-rent-arrears-call@2");
    await page.selectOption("#template-select", "uk-rent-arrears-call@2");
    await page.getByRole("button", { name: "Use for new reviews" }).click();
    await hasText(page.getByRole("status").filter({ hasText: "New reviews will use" }), "version 2");
    await snap(page, "10-template-imported");

    // The next new review is scored against version 2; saved reviews keep version 1.
    await page.getByRole("tab", { name: "Review" }).click();
    await page.getByRole("button", { name: "New review" }).click();
    await hasText(page.locator("form"), "Rent arrears call review (team edit) (version 2)");
    const grid = (await fake(page, "tableGrid", "QAReviews"))!;
    expect(grid.slice(1).map((r) => r[grid[0].indexOf("Template version")])).toEqual([1, 1]);
  });

  it("re-enters ARREARS formulas stuck at #NAME? from the Formulas tab, leaving protected sheets alone", async () => {
    await page.evaluate(() => {
      const st = (window as unknown as { __fakeExcel: { state: { sheets: { name: string; protected: boolean; cells: Record<string, unknown>; bold: string[] }[] } } }).__fakeExcel.state;
      st.sheets.push({ name: "Trend", protected: false, cells: { "0,0": "=_xldudf_ARREARS_TREND(B2:C3)", "0,1": 5, "1,0": "=SUM(B1)" }, bold: [] });
      st.sheets.push({ name: "Locked", protected: true, cells: { "0,0": "=ARREARS.KPI(A1)" }, bold: [] });
    });
    await page.getByRole("tab", { name: "Formulas" }).click();
    await page.getByRole("button", { name: "Re-enter ARREARS formulas" }).click();
    await hasText(page.getByRole("status").filter({ hasText: "Re-entered" }), "Re-entered 1 ARREARS formula on 1 sheet.");
    await hasText(page.getByRole("alert").filter({ hasText: "Protected" }), "Protected sheets were left alone (unprotect them and run this again): Locked.");
    expect(await fake(page, "sheetGrid", "Trend")).toEqual([
      ["=ARREARS.TREND(B2:C3)", 5],
      ["=SUM(B1)"],
    ]);
    expect(await fake(page, "sheetGrid", "Locked")).toEqual([["=ARREARS.KPI(A1)"]]);
    await snap(page, "11-formulas-reentered");
  });

  it("re-enters from the ribbon: the Arrears group's button opens the Formulas tab and runs it there", async () => {
    await page.evaluate(() => {
      const st = (window as unknown as { __fakeExcel: { state: { sheets: { name: string; protected: boolean; cells: Record<string, unknown>; bold: string[] }[] } } }).__fakeExcel.state;
      st.sheets.push({ name: "Ageing", protected: false, cells: { "0,0": "=_xldudf_ARREARS_AGEING(A2:B9)", "1,0": "=_xldudf_ARREARS_KPI(A1)" }, bold: [] });
    });
    await page.getByRole("tab", { name: "Review" }).click();
    // What Excel does when the button is pressed: call the function the add-in associated, with an event to complete.
    const completed = await page.evaluate(async () => {
      let done = false;
      const actions = (window as unknown as { __officeActions: Record<string, (e: { completed(): void }) => Promise<void>> }).__officeActions;
      await actions.reenterArrearsFormulas({ completed: () => (done = true) });
      return done;
    });
    expect(completed).toBe(true);
    expect(await page.getByRole("tab", { name: "Formulas" }).getAttribute("aria-selected")).toBe("true");
    // Ageing's two, and Trend's one again (re-entry also covers formulas already in their ARREARS. form); Locked is still protected.
    await hasText(page.getByRole("status").filter({ hasText: "Re-entered" }), "Re-entered 3 ARREARS formulas on 2 sheets.");
    expect(await fake(page, "sheetGrid", "Ageing")).toEqual([["=ARREARS.AGEING(A2:B9)"], ["=ARREARS.KPI(A1)"]]);
    // Once: going to another tab and back does not run it again.
    await page.getByRole("tab", { name: "Summary" }).click();
    await page.getByRole("tab", { name: "Formulas" }).click();
    expect(await page.getByRole("status").filter({ hasText: "Re-entered" }).count()).toBe(0);
  });

  it("made no request outside the add-in and raised no page errors", () => {
    expect(outside).toEqual([]);
    expect((page as Page & { errors?: string[] }).errors ?? []).toEqual([]);
  });
});
