// bench:ui — the dashboard under live load, in Debian's Chromium. Starts the built app (building it
// first when the sources changed) on a temporary embedded database, seeds 1,000 active TWAP orders
// through the Core Order API, lets the engine work them so the stream carries ~20 fill events a
// second (measured on the stream itself), then signs in and measures:
//   - the Orders page's first render: navigation → first row of the active table painted, FCP, LCP;
//   - its first-load JavaScript (Σ encodedBodySize of script resources, gzip on the wire);
//   - the frame budget over 10 s while updates flow (rAF loop: fps, p50/p95 frame, long tasks),
//     beside a blank page of the same browser session measured just before (the ratio).
// Stops by itself, kills the server and removes its temporary files; bounded to 5 minutes.
//
// The fill rate comes from the engine's own work: the TWAPs (passiveness 0, one-minute slices,
// child orders capped by max_clip_size) are sized so each crosses --rate / (N / 60) times a minute,
// one taker fill each, and are submitted evenly over one cross period so the crosses are even (see
// seed.ts); the rate the stream actually carried is measured and printed.
//
//   npm run bench:ui -- [--orders 1000] [--rate 20] [--seconds 10] [--spread <s>] [--passiveness 0] [--json]
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { chromium, type Browser } from "playwright-core";
import { startApp, type AppServer } from "./server";
import { countStream, type StreamCounter } from "./stream-counter";
import { seedOrders } from "./seed";
import { blankPage, launch, openOrdersPage, sampleFrames, signIn, type FrameFigures } from "./measure";

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const ORDERS = Number(flag("orders", "1000"));
const SECONDS = Number(flag("seconds", "10"));
/** Seconds to spread the submissions over; by default one cross period of the orders (seed.ts). */
const SPREAD_SECONDS = flag("spread", "") === "" ? undefined : Number(flag("spread", ""));
const PASSIVENESS = flag("passiveness", "0");
/** Fill events a second the stream should carry (sets the TWAPs' slice and clip sizes). */
const TARGET_RATE = Number(flag("rate", "20"));
const JSON_OUT = args.includes("--json");
const TIME_LIMIT_MS = 5 * 60_000 - 10_000;
/** The budget for the Orders page's first-load JavaScript. */
const JS_BUDGET_BYTES = 300 * 1024;

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
const started = Date.now();
const log = (message: string) => {
  if (!JSON_OUT) console.log(`[bench:ui +${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
  else console.error(`[bench:ui +${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
};
const round = (value: number | null, digits = 1) =>
  value === null ? null : Math.round(value * 10 ** digits) / 10 ** digits;

let server: AppServer | null = null;
let browser: Browser | null = null;
let stream: StreamCounter | null = null;

async function cleanup() {
  stream?.close();
  await browser?.close().catch(() => undefined);
  await server?.stop().catch(() => undefined);
}

const watchdog = setTimeout(() => {
  console.error(`[bench:ui] time limit (${TIME_LIMIT_MS / 1000} s) reached: stopping`);
  void cleanup().finally(() => process.exit(2));
}, TIME_LIMIT_MS);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void cleanup().finally(() => process.exit(130)));

/** The Orders page's scripts gzipped -9 from the build output (a cross-check of what was served). */
function buildGzipBytes(urls: string[]): number | null {
  let total = 0;
  for (const url of urls) {
    const pathname = new URL(url).pathname;
    if (!pathname.startsWith("/_next/static/")) return null;
    const file = path.join(ROOT, ".next/static", decodeURIComponent(pathname.slice("/_next/static/".length)));
    if (!fs.existsSync(file)) return null;
    total += zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
  return total;
}

const frameRow = (figures: FrameFigures) => ({
  fps: round(figures.fps),
  p50_frame_ms: round(figures.p50FrameMs),
  p95_frame_ms: round(figures.p95FrameMs),
  max_frame_ms: round(figures.maxFrameMs),
  long_tasks: figures.longTasks,
  long_task_ms: round(figures.longTaskMs, 0),
  dom_mutations: figures.mutations,
});

async function main() {
  log(`starting the app (building first if the sources changed)`);
  server = await startApp({
    root: ROOT,
    timeoutMs: 200_000,
    paperBalances: { USDT: "1000000000", BTC: "100000", ETH: "1000000", SOL: "100000000" },
  });
  log(`app up at ${server.baseUrl}`);
  stream = await countStream(server.baseUrl, server.admin.token);

  log(`seeding ${ORDERS} TWAP orders (passiveness ${PASSIVENESS}) for ~${TARGET_RATE} fills/s`);
  const seeded = await seedOrders({
    baseUrl: server.baseUrl,
    token: server.admin.token,
    orders: ORDERS,
    spreadMs: SPREAD_SECONDS === undefined ? undefined : SPREAD_SECONDS * 1000,
    durationSeconds: 4 * 3600,
    passiveness: PASSIVENESS,
    targetFillsPerSecond: TARGET_RATE,
  });
  if (seeded.created !== ORDERS)
    throw new Error(
      `only ${seeded.created} of ${ORDERS} orders were accepted: ${seeded.failed.slice(0, 3).join(" | ")}`,
    );
  log(
    `seeded ${seeded.created} orders over ${(seeded.ms / 1000).toFixed(1)} s (${seeded.retried} retried): slices of ${seeded.sliceNotional} USDT, clips of ${seeded.clipNotional ?? "—"} USDT, ${seeded.crossesPerMinute.toFixed(2)} crosses/min each`,
  );

  // The first crosses come one slice (60 s) after each order started.
  const flowing = seeded.firstAt + 62_000 - Date.now();
  if (flowing > 0) {
    log(`waiting ${(flowing / 1000).toFixed(0)} s for the first slices to fall due`);
    await new Promise((resolve) => setTimeout(resolve, flowing));
  }

  browser = await launch(chromium);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await signIn(context, server.baseUrl, server.admin.email, server.admin.password);

  log(`baseline: a blank page for ${SECONDS} s`);
  const blank = await blankPage(context);
  const baselineFrom = Date.now();
  const baseline = await sampleFrames(blank, SECONDS * 1000);
  const baselineTo = Date.now();
  await blank.close();

  log("opening the Orders page");
  const { page, first } = await openOrdersPage(context, server.baseUrl, 60_000);
  log(
    `first row after ${first.firstRowMs.toFixed(0)} ms; measuring frames for ${SECONDS} s while updates flow`,
  );
  const measureFrom = Date.now();
  const orders = await sampleFrames(page, SECONDS * 1000, 'table[aria-label="Active orders"]');
  const measureTo = Date.now();
  const activeRows = await page.locator('table[aria-label="Active orders"] tbody tr').count();
  await page.close();

  const events = {
    target_fill_per_s: TARGET_RATE,
    fill_per_s: round(stream.rate("fill", measureFrom, measureTo), 1),
    order_per_s: round(stream.rate("order", measureFrom, measureTo), 1),
    placement_per_s: round(stream.rate("placement", measureFrom, measureTo), 1),
    fill_per_s_during_baseline: round(stream.rate("fill", baselineFrom, baselineTo), 1),
  };
  const buildGzip = buildGzipBytes(first.scriptUrls);
  const result = {
    orders: {
      seeded: seeded.created,
      retried: seeded.retried,
      seed_seconds: round(seeded.ms / 1000),
      slice_notional_usdt: seeded.sliceNotional,
      clip_notional_usdt: seeded.clipNotional,
      crosses_per_minute_each: round(seeded.crossesPerMinute, 2),
      rows_rendered: activeRows,
    },
    stream: events,
    first_render: {
      ttfb_ms: round(first.ttfbMs, 0),
      fcp_ms: round(first.fcpMs, 0),
      lcp_ms: round(first.lcpMs, 0),
      first_row_ms: round(first.firstRowMs, 0),
      dom_content_loaded_ms: round(first.domContentLoadedMs, 0),
    },
    first_load_js: {
      scripts: first.scripts,
      transferred_kb: round(first.jsTransferredBytes / 1024),
      encoding: first.jsEncodings.join(","),
      decoded_kb: round(first.jsDecodedBytes / 1024),
      build_gzip9_kb: buildGzip === null ? null : round(buildGzip / 1024),
      budget_kb: JS_BUDGET_BYTES / 1024,
      within_budget: first.jsTransferredBytes <= JS_BUDGET_BYTES,
    },
    frames: {
      seconds: SECONDS,
      blank_page: frameRow(baseline),
      orders_page: frameRow(orders),
      fps_ratio: round(orders.fps / baseline.fps, 3),
      p95_ratio: round(orders.p95FrameMs / baseline.p95FrameMs, 3),
    },
    run_seconds: round((Date.now() - started) / 1000),
  };

  if (JSON_OUT) {
    console.log(JSON.stringify(result));
    return;
  }
  const rows: [string, string][] = [
    [
      "active orders seeded",
      `${result.orders.seeded} (in ${result.orders.seed_seconds} s; ${activeRows} rows in the DOM)`,
    ],
    [
      "stream: fill events/s (measured)",
      `${events.fill_per_s} while on the Orders page (${events.fill_per_s_during_baseline} during the blank baseline; target ${TARGET_RATE}; order ${events.order_per_s}/s, placement ${events.placement_per_s}/s)`,
    ],
    ["Orders page: TTFB", `${result.first_render.ttfb_ms} ms`],
    ["Orders page: FCP", `${result.first_render.fcp_ms} ms`],
    ["Orders page: LCP", `${result.first_render.lcp_ms} ms`],
    ["Orders page: first row painted", `${result.first_render.first_row_ms} ms`],
    [
      "Orders page: first-load JS",
      `${result.first_load_js.transferred_kb} KB ${result.first_load_js.encoding} in ${first.scripts} scripts (${result.first_load_js.decoded_kb} KB decoded; build gzip -9 ${result.first_load_js.build_gzip9_kb ?? "n/a"} KB; budget 300 KB: ${result.first_load_js.within_budget ? "within" : "OVER"})`,
    ],
    [
      "frames: blank page",
      `${round(baseline.fps)} fps, p50 ${round(baseline.p50FrameMs)} ms, p95 ${round(baseline.p95FrameMs)} ms, ${baseline.longTasks} long tasks`,
    ],
    [
      "frames: Orders page, live",
      `${round(orders.fps)} fps, p50 ${round(orders.p50FrameMs)} ms, p95 ${round(orders.p95FrameMs)} ms, max ${round(orders.maxFrameMs)} ms, ${orders.longTasks} long tasks (${round(orders.longTaskMs, 0)} ms), ${orders.mutations} DOM mutations`,
    ],
    ["ratio Orders/blank", `fps ${result.frames.fps_ratio}, p95 frame ${result.frames.p95_ratio}`],
    ["run time", `${result.run_seconds} s`],
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  console.log("");
  for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
  console.log("");
}

try {
  await main();
} catch (error) {
  console.error(`[bench:ui] failed: ${(error as Error).message}`);
  const running = server as AppServer | null;
  if (running) console.error(`--- server output (last lines) ---\n${running.log().slice(-6000)}`);
  process.exitCode = 1;
} finally {
  clearTimeout(watchdog);
  await cleanup();
}
