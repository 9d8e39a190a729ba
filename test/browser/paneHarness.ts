import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/**
 * Runs the built task pane (dist/, exactly as `npm run build` makes it) in
 * headless Chromium with the in-memory Excel stand-in served in place of
 * office.js. Nothing reaches the network: every request is answered from dist/
 * or refused and recorded, so a test can also check the pane makes no calls out.
 */

export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "call-review");
/** The manifest's task-pane address; requests to it are answered from dist/. */
export const PANE_URL = "https://localhost:3000/taskpane.html";
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
/** axe-core served from the add-in's own origin, so the pane's Content-Security-Policy stays on while it runs. */
const AXE_URL = "https://localhost:3000/__test/axe.min.js";

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".png": "image/png", ".map": "application/json" };

/** The stand-in as one browser script: fakeExcel.ts transpiled, then installed as Office/Excel globals. */
function fakeOfficeScript(): string {
  const source = fs.readFileSync(path.resolve(__dirname, "../support/fakeExcel.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  return `(function(){var exports={};var module={exports:exports};\n${js}\nexports.installFakeOffice(window);})();`;
}

/** Launches Debian's Chromium; fails with a clear message when it is missing (CI installs it with apt). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: install it with apt-get install chromium (see .ci/run) or set CHROMIUM_PATH.`);
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) throw new Error("dist/taskpane.html is missing: run `npm run build` first (npm test does).");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--lang=en-GB"],
  });
}

/** How a profile's pane is shown: its width (Excel gives 320–350 px, more if the user drags it wider) and what Office says about the user. */
export interface ProfileOptions {
  width?: number;
  height?: number;
  /** Merged into Office.context by the stand-in (languages, officeTheme); see FAKE_OFFICE_HOSTS. */
  officeHost?: object;
}

/** A browser profile (one machine): its localStorage lasts across pages; `outside` lists refused requests. */
export async function newProfile(browser: Browser, { width = 380, height = 900, officeHost }: ProfileOptions = {}): Promise<{ context: BrowserContext; outside: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: "en-GB", timezoneId: "Europe/London" });
  if (officeHost) await context.addInitScript((host) => Object.assign(window, { __fakeOfficeHost: host }), officeHost);
  const outside: string[] = [];
  const fake = fakeOfficeScript();
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: "text/javascript", body: fake });
    if (url === AXE_URL) return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(require.resolve("axe-core/axe.min.js")) });
    if (url.startsWith("https://localhost:3000/")) {
      const rel = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, "");
      const file = path.join(DIST, rel);
      if (file.startsWith(DIST) && fs.existsSync(file) && fs.statSync(file).isFile()) {
        return route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? "application/octet-stream", body: fs.readFileSync(file) });
      }
    }
    outside.push(url);
    return route.abort();
  });
  return { context, outside };
}

/** Opens the pane and waits until it has read the workbook. */
export async function openPane(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(PANE_URL);
  await page.getByRole("heading", { name: "Call reviews" }).waitFor({ timeout: 20000 });
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

/** Saves a screenshot for people to look at (test-artifacts/ is git-ignored). */
export async function snap(page: Page, name: string, fullPage = false): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}

/** The id of the criterion holding keyboard focus, or what has focus. */
export async function focused(page: Page): Promise<{ criterion: string | null; id: string; tag: string; type: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      criterion: el?.closest("[data-criterion]")?.getAttribute("data-criterion") ?? null,
      id: el?.id ?? "",
      tag: el?.tagName ?? "",
      type: (el as HTMLInputElement | null)?.type ?? "",
    };
  });
}

/** One axe finding, flattened for a readable test failure. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
  /** The element's opening tag as axe shows it. */
  html: string;
}

/**
 * Runs axe-core (WCAG 2.0–2.2 A and AA rules plus best practice) on the page as
 * it is and returns the serious and critical violations, each node listed, except
 * those `known` accepts (give the reason where it is called).
 */
export async function seriousAxeViolations(page: Page, known: (f: AxeFinding) => boolean = () => false): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ url: AXE_URL });
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; html: string }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.flatMap((v) => v.nodes.map((n) => ({ id: v.id, impact: v.impact ?? "", help: v.help, targets: n.target.map(String), html: n.html })));
  });
  return found.filter((f) => (f.impact === "serious" || f.impact === "critical") && !known(f));
}
/** Waits (up to 10 s) until an assertion holds: the page updates asynchronously. Not a timing assertion. */
export async function eventually(check: () => Promise<void>, timeout = 10_000): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
