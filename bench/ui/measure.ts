// What the browser measures: the Orders page's first render (navigation → first row of the active
// table painted, FCP, LCP), its first-load JavaScript, and the frame budget of a page while live
// updates flow (a requestAnimationFrame loop, plus long tasks), in Debian's Chromium.
import type { Browser, BrowserContext, BrowserType, Page } from "playwright-core";
import { CHROMIUM_LAUNCH } from "../../e2e/chromium";

/** Registered before any page script runs: paint observers and the first-row probe. */
const INIT_SCRIPT = `(() => {
  const bench = (window.__bench = { lcp: null, longTasks: [], firstRowAt: null });
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.lcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {}
  const probe = () => {
    const link = document.querySelector('table[aria-label="Active orders"] tbody tr a[href^="/orders/"]');
    if (link && link.getBoundingClientRect().height > 0) bench.firstRowAt = performance.now();
    else requestAnimationFrame(probe);
  };
  requestAnimationFrame(probe);
})();`;

/** The first render's figures, read in the page once the first row is painted. */
const FIRST_RENDER = `(() => {
  const bench = window.__bench;
  const navigation = performance.getEntriesByType("navigation")[0];
  const fcp = performance.getEntriesByName("first-contentful-paint")[0];
  const scripts = performance
    .getEntriesByType("resource")
    .filter((entry) => entry.initiatorType === "script" || /\\.js(\\?|$)/.test(entry.name));
  return {
    ttfbMs: navigation.responseStart,
    fcpMs: fcp ? fcp.startTime : null,
    lcpMs: bench.lcp,
    firstRowMs: bench.firstRowAt,
    domContentLoadedMs: navigation.domContentLoadedEventEnd,
    scripts: scripts.length,
    jsTransferredBytes: scripts.reduce((sum, entry) => sum + entry.encodedBodySize, 0),
    jsDecodedBytes: scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
    scriptUrls: scripts.map((entry) => entry.name),
  };
})()`;

export interface FrameFigures {
  seconds: number;
  frames: number;
  fps: number;
  p50FrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  longTasks: number;
  longTaskMs: number;
  /** DOM mutations under the watched element meanwhile (proof the page was updating). */
  mutations: number;
}

export interface FirstRender {
  ttfbMs: number;
  fcpMs: number | null;
  lcpMs: number | null;
  firstRowMs: number;
  domContentLoadedMs: number;
  scripts: number;
  /** Σ encodedBodySize of script resources: what crossed the wire (gzip when the server compresses). */
  jsTransferredBytes: number;
  jsDecodedBytes: number;
  /** Content-Encoding the scripts came with. */
  jsEncodings: string[];
  /** The same script files gzipped (-9) from the build output, as a cross-check. */
  scriptUrls: string[];
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

/** Frame times of the page for `ms`, from a requestAnimationFrame loop, and the long tasks meanwhile. */
/**
 * In-page code is passed as text: functions handed to page.evaluate would carry the helpers tsx adds
 * to named functions (`__name`), which do not exist in the page.
 */
const FRAME_SAMPLER = `async ([duration, selector]) => {
  const tasks = [];
  let changed = 0;
  const target = selector ? document.querySelector(selector) : null;
  const mutations = new MutationObserver((records) => (changed += records.length));
  if (target) mutations.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
  let longTasks = null;
  try {
    longTasks = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push([entry.startTime, entry.duration]);
    });
    longTasks.observe({ type: "longtask" });
  } catch {}
  const deltas = await new Promise((resolve) => {
    const out = [];
    let last = null;
    let start = null;
    const frame = (time) => {
      if (start === null) start = time;
      if (last !== null) out.push(time - last);
      last = time;
      if (time - start < duration) requestAnimationFrame(frame);
      else resolve(out);
    };
    requestAnimationFrame(frame);
  });
  if (longTasks) longTasks.disconnect();
  mutations.disconnect();
  return { frames: deltas, longTasks: tasks, mutations: changed };
}`;

/** Frame times of the page for `ms`, from a requestAnimationFrame loop, and the long tasks meanwhile. */
export async function sampleFrames(page: Page, ms: number, watch?: string): Promise<FrameFigures> {
  const { frames, longTasks, mutations } = (await page.evaluate(
    `(${FRAME_SAMPLER})(${JSON.stringify([ms, watch ?? null])})`,
  )) as { frames: number[]; longTasks: [number, number][]; mutations: number };
  const sorted = [...frames].sort((a, b) => a - b);
  const total = frames.reduce((sum, value) => sum + value, 0);
  return {
    seconds: total / 1000,
    frames: frames.length,
    fps: total > 0 ? (frames.length * 1000) / total : 0,
    p50FrameMs: percentile(sorted, 50),
    p95FrameMs: percentile(sorted, 95),
    maxFrameMs: sorted[sorted.length - 1] ?? 0,
    longTasks: longTasks.length,
    longTaskMs: longTasks.reduce((sum, [, duration]) => sum + duration, 0),
    mutations,
  };
}

/** Sign in through the login page, as a person does. */
export async function signIn(context: BrowserContext, baseUrl: string, email: string, password: string) {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
  await page.close();
}

/** A blank page of the same browser session: the frame budget's baseline. */
export async function blankPage(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  await page.setContent("<!doctype html><html><head><title>blank</title></head><body></body></html>");
  return page;
}

/** Open the Orders page cold and time its first render. */
export async function openOrdersPage(
  context: BrowserContext,
  baseUrl: string,
  timeoutMs: number,
): Promise<{ page: Page; first: FirstRender }> {
  const page = await context.newPage();
  const encodings = new Set<string>();
  page.on("response", (response) => {
    if (response.request().resourceType() === "script")
      encodings.add(response.headers()["content-encoding"] ?? "identity");
  });
  await page.addInitScript(INIT_SCRIPT);
  await page.goto(`${baseUrl}/orders`, { waitUntil: "load" });
  await page.waitForFunction("window.__bench.firstRowAt !== null", undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
  // LCP settles after the first render; give it a moment.
  await page.waitForTimeout(500);
  const figures = (await page.evaluate(FIRST_RENDER)) as Omit<FirstRender, "jsEncodings">;
  return { page, first: { ...figures, jsEncodings: [...encodings] } };
}

export async function launch(chromium: BrowserType): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH);
}
