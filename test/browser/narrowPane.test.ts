import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEFAULT_TEMPLATE, criteriaOf } from "../../core/qa";
import { FAKE_OFFICE_HOSTS } from "../support/fakeExcel";
import { eventually, launchBrowser, newProfile, openPane, seriousAxeViolations, snap, type AxeFinding } from "./paneHarness";

// The pane at the widths Excel actually gives a task pane (320–350 px), driven in
// headless Chromium against the Excel stand-in: nothing scrolls sideways, no focus
// stop hides under the sticky score bar, Enter never saves, axe finds nothing
// serious, and a dark Office theme gives a dark pane. Screenshots go to
// test-artifacts/call-review/ for people to look at; they are never compared.

jest.setTimeout(180_000);

const CRITERIA = criteriaOf(DEFAULT_TEMPLATE);
const TABS = ["Review", "Summary", "Templates", "Formulas"];
/** 40 officers, as a large income team's QATeam table has. */
const OFFICERS = Array.from({ length: 40 }, (_, i) => `Officer ${String(i + 1).padStart(2, "0")} Longsurname-Doublebarrel`);

/**
 * Findings axe reports that are not the pane's to fix:
 * - aria-hidden-focus on Tabster's focus sentinels (`<i tabindex="0" aria-hidden="true"
 *   data-tabster-dummy>`), which Fluent's FluentProvider puts at the edges of focus
 *   groups: one passes focus on the moment it arrives, so no user ever rests on it,
 *   and it is hidden so screen readers do not announce an empty stop.
 */
const KNOWN = (f: AxeFinding): boolean => f.id === "aria-hidden-focus" && /^<i [^>]*data-tabster-dummy/.test(f.html);

declare const window: Window & { __fakeExcel: { addTable(sheet: string, name: string, headers: string[], rows: (string | number)[][]): void; tableGrid(name: string): unknown[][] | null } };

/** A profile at this width whose workbook has the 40-officer team list, with the pane open on it. */
async function paneAt(browser: Browser, width: number, officeHost?: object): Promise<{ context: BrowserContext; page: Page }> {
  const { context } = await newProfile(browser, { width, height: 700, officeHost });
  const page = await openPane(context);
  await page.evaluate(
    (names) =>
      window.__fakeExcel.addTable(
        "QA Team",
        "QATeam",
        ["Officer", "Team", "Monthly target"],
        names.map((n) => [n, "North", ""]),
      ),
    OFFICERS,
  );
  await page.reload();
  await page.getByRole("heading", { name: "Call reviews" }).waitFor();
  return { context, page };
}

async function sideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number; tabsOverflow: number }> {
  return page.evaluate(() => {
    const list = document.querySelector('[role="tablist"]')!.getBoundingClientRect();
    const lastTab = Math.max(...[...document.querySelectorAll('[role="tab"]')].map((t) => t.getBoundingClientRect().right));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      // How far the last tab runs past the tab list's own box (into the pane's margin or beyond); 0 or less when all four fit.
      tabsOverflow: lastTab - list.right,
    };
  });
}

/** Where focus is, and whether the score bar covers any of it (the bar's own controls are never covered). */
async function focusAgainstBar(page: Page): Promise<{ key: string; covered: boolean; inBar: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const bar = document.querySelector('[data-testid="score-bar"]');
    if (!el || el === document.body) return { key: "body", covered: false, inBar: false };
    const key = `${el.tagName.toLowerCase()}#${el.id}[${el.getAttribute("aria-label") ?? el.textContent?.trim().slice(0, 30) ?? ""}]${el.closest("[data-criterion]")?.getAttribute("data-criterion") ?? ""}`;
    if (!bar || bar.contains(el)) return { key, covered: false, inBar: Boolean(bar?.contains(el)) };
    const r = el.getBoundingClientRect();
    const b = bar.getBoundingClientRect();
    // Covered = any overlap with the bar while the bar is on screen.
    const covered = b.bottom > 0 && r.top < b.bottom && r.bottom > b.top && r.left < b.right && r.right > b.left;
    return { key, covered, inBar: false };
  });
}

/** Answers every criterion (N/A where Met is not offered) with the mouse. */
async function answerAll(page: Page): Promise<void> {
  for (const c of CRITERIA) await page.locator(`#criterion-${c.id}`).getByLabel("Met", { exact: true }).check();
}

describe.each([320, 350])("call-review pane at %i px", (width) => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await paneAt(browser, width));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("has no sideways scroll on any tab, with all four tabs in view", async () => {
    for (const tab of TABS) {
      await page.getByRole("tab", { name: tab }).click();
      const m = await sideways(page);
      expect({ tab, fits: m.scrollWidth <= m.clientWidth, tabsFit: m.tabsOverflow <= 0 }).toEqual({ tab, fits: true, tabsFit: true });
      await snap(page, `narrow-${width}-${tab.toLowerCase()}`, true);
    }
    await page.getByRole("tab", { name: "Review" }).click();
  });

  it("keeps every focus stop clear of the score bar, tabbing down and back up", async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator("#officer").focus();
    const down: string[] = [];
    const covered: string[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press("Tab");
      const f = await focusAgainstBar(page);
      if (f.key.startsWith("textarea#notes")) break;
      down.push(f.key);
      if (f.covered) covered.push(`down ${f.key}`);
    }
    // 4 call details, New review, Save, next/fold, 10 sections, 27 answers, 2 critical ticks, 27 "Add comment": every stop, not just some.
    expect(down.length).toBeGreaterThanOrEqual(27 * 2 + 10);
    const up: string[] = [];
    for (let i = 0; i < down.length; i++) {
      await page.keyboard.press("Shift+Tab");
      const f = await focusAgainstBar(page);
      up.push(f.key);
      if (f.covered) covered.push(`up ${f.key}`);
    }
    expect(up.reverse()).toEqual(down);
    expect(covered).toEqual([]);
  });

  it("keeps the score bar to one line, and marks the score provisional until every criterion is answered", async () => {
    const bar = page.getByTestId("score-bar");
    const save = bar.getByRole("button", { name: "Save review" });
    await page.locator("#criterion-A1").getByLabel("Met", { exact: true }).check();
    await eventually(async () => expect(await page.locator("#running-score").textContent()).toBe("Provisional score 100, Excellent so far. 1 of 27 answered."));
    expect(await bar.textContent()).toContain("provisional");
    expect(await page.getByTestId("section-A-status").textContent()).toBe("1 of 3 answered · section score 100");
    // One line: the bar is no taller than its Save button plus its padding.
    const [barBox, saveBox] = [await bar.boundingBox(), await save.boundingBox()];
    expect(barBox!.height).toBeLessThanOrEqual(saveBox!.height + 12);
    await answerAll(page);
    await eventually(async () => expect(await page.locator("#running-score").textContent()).toBe("Score 100, Excellent. 27 of 27 answered."));
    expect(await page.getByTestId("score-visible").textContent()).not.toContain("provisional");
    expect((await bar.boundingBox())!.height).toBeLessThanOrEqual(saveBox!.height + 12);
    await snap(page, `narrow-${width}-complete`);
  });

  it("never saves on Enter in a text box; a comment takes new lines; only Save saves, and its message goes with the next review", async () => {
    await page.selectOption("#officer", OFFICERS[39]);
    await page.fill("#callDate", "2025-03-07");
    await page.fill("#reviewer", "Pat Reviewer");
    await page.locator("#reference").focus();
    await page.keyboard.type("ACC-7");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "Add comment on B1" }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toBe("Comment on B1");
    await page.keyboard.type("Balance given.");
    await page.keyboard.press("Enter");
    await page.keyboard.type("Weekly charge missed.");
    expect(await page.inputValue('[aria-label="Comment on B1"]')).toBe("Balance given.\nWeekly charge missed.");
    // Nothing was saved by either Enter: no table, no message.
    expect(await page.evaluate(() => window.__fakeExcel.tableGrid("QAReviews"))).toBeNull();
    expect(await page.locator("#save-status").textContent()).toBe("");

    await page.getByRole("button", { name: "Save review" }).click();
    // en-GB (the stand-in's languages): 7 March 2025 is day/month/year.
    await eventually(async () => expect(await page.locator("#save-status").textContent()).toContain("call on 07/03/2025"));
    await eventually(async () => expect(await page.locator("#save-status").textContent()).toContain("score 100 (Excellent)"));
    expect(await page.locator("#save-status").isVisible()).toBe(true);
    const grid = (await page.evaluate(() => window.__fakeExcel.tableGrid("QAReviews")))!;
    // The Comments column holds one line per criterion (core/qa/reviewTable), so the two lines are joined there.
    expect(grid[1][grid[0].indexOf("Comments")]).toMatch(/^B1: Balance given\.\s+Weekly charge missed\.$/);
    // The next review starts: the first answer clears the last review's message.
    await page.locator("#criterion-A1").getByLabel("Met", { exact: true }).check();
    await eventually(async () => expect(await page.locator("#save-status").textContent()).toBe(""));
    // The new review has no comment boxes open until asked for.
    expect(await page.locator('[aria-label="Comment on B1"]').count()).toBe(0);
  });

  it("folds sections, and 'Next unanswered' opens the section and focuses the criterion", async () => {
    await page.getByRole("button", { name: "New review" }).click();
    // The review started in the last test is now an unsaved draft, listed once (one place to switch drafts):
    // opened, its long label must not widen the page.
    expect(await page.locator("#drafts-list").count()).toBe(1);
    expect(await page.locator("select#draft-switcher").count()).toBe(0);
    await page.locator("#drafts-list > summary").click();
    expect(await page.locator("#drafts-list li").count()).toBeGreaterThanOrEqual(1);
    const m = await sideways(page);
    expect(m.scrollWidth).toBeLessThanOrEqual(m.clientWidth);
    await page.locator("#drafts-list > summary").click();
    const full = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.getByRole("button", { name: "Collapse all sections" }).click();
    const folded = await page.evaluate(() => document.documentElement.scrollHeight);
    // Folded, the checklist is ten headings: the whole review fits in about two screens.
    expect(folded).toBeLessThan(1600);
    expect(folded).toBeLessThan(full / 3);
    expect(await page.locator("#criterion-A1").isVisible()).toBe(false);
    await snap(page, `narrow-${width}-folded`, true);

    await page.getByRole("button", { name: /^A\. / }).click();
    expect(await page.getByRole("button", { name: /^A\. / }).getAttribute("aria-expanded")).toBe("true");
    await page.locator("#criterion-A1").getByLabel("Met", { exact: true }).check();
    await page.locator("#criterion-A2").getByLabel("Met", { exact: true }).check();
    await page.getByRole("button", { name: "Next unanswered" }).click();
    // A3 follows A2, the last answered, and is in the open section.
    expect(await page.evaluate(() => document.activeElement?.closest("[data-criterion]")?.getAttribute("data-criterion"))).toBe("A3");
    await page.locator("#criterion-A3").getByLabel("Met", { exact: true }).check();
    await page.getByRole("button", { name: "Next unanswered" }).click();
    // B1 is in a folded section: it opens.
    expect(await page.evaluate(() => document.activeElement?.closest("[data-criterion]")?.getAttribute("data-criterion"))).toBe("B1");
    expect(await page.getByRole("button", { name: /^B\. / }).getAttribute("aria-expanded")).toBe("true");
    expect(await focusAgainstBar(page)).toMatchObject({ covered: false });
    await page.getByRole("button", { name: "Expand all sections" }).click();
  });

  it("shows every officer's 1-2-1 action in view, named with its visible text", async () => {
    await page.getByRole("tab", { name: "Summary" }).click();
    const buttons = page.getByRole("button", { name: /^Write 1-2-1 sheet for / });
    expect(await buttons.count()).toBe(40);
    const out = await buttons.evaluateAll((els) =>
      els.filter((b) => {
        const r = b.getBoundingClientRect();
        return r.left < 0 || r.right > document.documentElement.clientWidth || !(b.getAttribute("aria-label") ?? "").includes(b.textContent ?? "\u0000");
      }).length,
    );
    expect(out).toBe(0);
    const last = page.getByRole("button", { name: `Write 1-2-1 sheet for ${OFFICERS[39]}` });
    await last.scrollIntoViewIfNeeded();
    await snap(page, `narrow-${width}-summary-40-officers`);
  });

  it("has no serious or critical axe violation on any tab", async () => {
    const found: AxeFinding[] = [];
    for (const tab of TABS) {
      await page.getByRole("tab", { name: tab }).click();
      found.push(...(await seriousAxeViolations(page, KNOWN)).map((f) => ({ ...f, targets: [tab, ...f.targets] })));
    }
    expect(found).toEqual([]);
  });

  it("raised no page errors", () => {
    expect((page as Page & { errors?: string[] }).errors ?? []).toEqual([]);
  });
});

describe("call-review pane in Office's dark theme, for a US user", () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    ({ page } = await paneAt(browser, 320, FAKE_OFFICE_HOSTS.darkUs));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("follows the dark theme: dark page, light text", async () => {
    const colours = await page.evaluate(() => {
      const lum = (c: string) => {
        const [r, g, b] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
        return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
      };
      const heading = document.querySelector("h1")!;
      return { body: lum(getComputedStyle(document.body).backgroundColor), text: lum(getComputedStyle(heading).color), scheme: getComputedStyle(document.documentElement).colorScheme };
    });
    // Office's Black theme: a near-black page (webDarkTheme's #292929 is about 0.16) and near-white text.
    expect(colours.body).toBeLessThan(0.25);
    expect(colours.text).toBeGreaterThan(0.75);
    expect(colours.scheme).toBe("dark");
    await snap(page, "dark-320-review");
  });

  it("writes dates in the user's format (US: month first)", async () => {
    await page.selectOption("#officer", OFFICERS[0]);
    await page.fill("#callDate", "2025-03-07");
    await page.fill("#reference", "ACC-US");
    await page.fill("#reviewer", "Pat Reviewer");
    await answerAll(page);
    await page.getByRole("button", { name: "Save review" }).click();
    // en-US with two-digit day and month: 7 March 2025 is 03/07/2025.
    await eventually(async () => expect(await page.locator("#save-status").textContent()).toContain("call on 03/07/2025"));
  });

  it("has no serious or critical axe violation on any tab in the dark theme (contrast included)", async () => {
    const found: AxeFinding[] = [];
    for (const tab of TABS) {
      await page.getByRole("tab", { name: tab }).click();
      await snap(page, `dark-320-${tab.toLowerCase()}`, true);
      found.push(...(await seriousAxeViolations(page, KNOWN)).map((f) => ({ ...f, targets: [tab, ...f.targets] })));
    }
    expect(found).toEqual([]);
  });
});

