// bench:execution — execution quality of every strategy against two naive baselines, on the same
// simulated markets (common random numbers): ≥100 seeds × the three pairs × five parent sizes
// (0.1 %, 1 %, 2 %, 5 %, 10 % of the interval's expected volume), a fixed 30-minute horizon. Prints,
// per size bucket, each contender's mean cost vs arrival (fees included), its spread across cases,
// its cost vs the unimpacted reference price F(t) and vs the interval VWAP, and its ratio to B-MKT.
//
//   npm run bench:execution -- [--seeds 100] [--pairs BTC-USDT,ETH-USDT,SOL-USDT] [--sizes 0.001,0.01,0.02,0.05,0.1]
//                              [--horizon 30] [--tick 5000] [--workers 2] [--contenders TWAP,VWAP,…] [--json]
import os from "node:os";
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { DEFAULT_MARKET_CONFIG } from "@/lib/domain/market/pairs";
import { DEFAULT_MAKER_WEIGHT } from "@/lib/domain/market/impact";
import { CONTENDERS, runCase, type BenchSettings, type CaseRow, type Contender } from "./cases";
import { summarize, table } from "./report";

interface Job {
  settings: BenchSettings;
  cases: { seed: string; pair: string; size: number }[];
}

if (!isMainThread) {
  const { settings, cases } = workerData as Job;
  for (const c of cases) {
    const rows = runCase(settings, c.seed, c.pair, c.size);
    parentPort!.postMessage({ rows });
  }
  parentPort!.postMessage({ done: true });
} else {
  await main();
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const flag = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const json = args.includes("--json");
  const contenders = flag("contenders", CONTENDERS.join(","))
    .split(",")
    .map((c) => c.trim()) as Contender[];
  for (const c of contenders)
    if (!CONTENDERS.includes(c)) throw new Error(`unknown contender ${c}; known: ${CONTENDERS.join(", ")}`);
  if (!contenders.includes("B-MKT")) contenders.unshift("B-MKT");
  const settings: BenchSettings = {
    seeds: Number(flag("seeds", "100")),
    seedOffset: Number(flag("seed-offset", "0")),
    pairs: flag("pairs", DEFAULT_MARKET_CONFIG.pairs.map((p) => p.spec.pair).join(",")).split(","),
    sizes: flag("sizes", "0.001,0.01,0.02,0.05,0.1").split(",").map(Number),
    horizonMin: Number(flag("horizon", "30")),
    tickMs: Number(flag("tick", "5000")),
    // A Monday 14:00 UTC: the busy US-open hours of the simulated day, the same clock for every seed.
    start: Date.parse(flag("start", "2026-11-23T14:00:00Z")),
    slices: Number(flag("slices", "30")),
    contenders,
  };
  const workers = Math.max(
    1,
    Math.min(Number(flag("workers", String(Math.min(2, os.availableParallelism())))), 16),
  );

  const cases: Job["cases"] = [];
  for (let i = 0; i < settings.seeds; i++) {
    for (const pair of settings.pairs)
      for (const size of settings.sizes) cases.push({ seed: `seed-${settings.seedOffset + i}`, pair, size });
  }

  const log = (line = "") => {
    if (!json) console.log(line);
  };
  log("Execution benchmark — simulated market, common random numbers (every contender on the same seeds)");
  log(
    `  seeds ${settings.seeds} (even: buy, odd: sell) × pairs ${settings.pairs.join(", ")} × sizes ${settings.sizes.map((s) => `${s * 100}%`).join(", ")}`,
  );
  log(
    `  horizon ${settings.horizonMin} min from ${new Date(settings.start).toISOString()}, tick ${settings.tickMs} ms, ${settings.slices} slices (B-EQ, Iceberg clips)`,
  );
  log(
    `  strategies: passiveness 0.02, discretion 0.06, alpha tilt 0; POV 10 % runs until done; IS cost = vs arrival mid, fees included`,
  );
  log(
    `  our impact: k × √(decayed pressure of our fills / hourly volume) bps, maker fills weighted ${DEFAULT_MAKER_WEIGHT}`,
  );
  for (const p of DEFAULT_MARKET_CONFIG.pairs.filter((x) => settings.pairs.includes(x.spec.pair))) {
    const m = p.model;
    log(
      `  ${p.spec.pair}: F0 ${m.initialPrice}, vol ${Number((m.annualVolatility * 100).toFixed(2))}%/y, ${m.dailyVolume} ${p.spec.base}/day in ${m.tradesPerDay} trades (σ log size ${m.tradeSizeSigma}), impact k ${m.impactCoefficientBps} bps, decay ${m.impactDecayMs / 1000} s, spread ${m.spreadBps} bps, ${m.levels} levels every ${m.levelSpacingBps} bps, depth ${m.touchDepth}+${m.depthGrowth}/level; fees maker ${p.spec.makerFeeBps} / taker ${p.spec.takerFeeBps} bps`,
    );
  }
  log(`  ${cases.length} cases × ${contenders.length} contenders on ${workers} worker(s)…`);

  const started = performance.now();
  const rows: CaseRow[] = [];
  const chunks = Array.from({ length: workers }, (_, w) => cases.filter((_, i) => i % workers === w));
  let doneCases = 0;
  await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<void>((resolve, reject) => {
          if (chunk.length === 0) return resolve();
          // Workers do not inherit tsx's loader from the main thread (Node 20): a bootstrap registers it.
          const bootstrap = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
          const worker = new Worker(bootstrap, {
            eval: true,
            workerData: { settings, cases: chunk } satisfies Job,
          });
          worker.on("message", (message: { rows?: CaseRow[]; done?: boolean }) => {
            if (message.rows) {
              rows.push(...message.rows);
              doneCases += 1;
              if (!json && process.stderr.isTTY)
                process.stderr.write(`\r  ${doneCases}/${cases.length} cases`);
            }
            if (message.done) void worker.terminate().then(() => resolve());
          });
          worker.on("error", reject);
        }),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  if (!json && process.stderr.isTTY) process.stderr.write("\n");

  const buckets = settings.sizes.map((size) => ({ size, summaries: summarize(rows, size, contenders) }));
  const violations = rows.reduce((a, r) => a + r.violations, 0);

  // The product's goal: TWAP and VWAP cost less than one market order for sizes above 1 % of volume.
  const goal = buckets
    .filter((b) => b.size > 0.01)
    .flatMap((b) =>
      b.summaries
        .filter((s) => s.contender === "TWAP" || s.contender === "VWAP")
        .map((s) => ({
          size: b.size,
          contender: s.contender,
          arrival: s.ratioArrival < 1,
          reference: s.ratioReference < 1,
        })),
    );
  const pass = goal.every((g) => g.arrival && g.reference);

  if (json) {
    const out = {
      settings: {
        ...settings,
        start: new Date(settings.start).toISOString(),
        workers,
        cases: cases.length,
        seconds: Number(seconds.toFixed(1)),
      },
      market: DEFAULT_MARKET_CONFIG.pairs.filter((p) => settings.pairs.includes(p.spec.pair)),
      buckets: Object.fromEntries(
        buckets.map((b) => [
          `${b.size * 100}%`,
          Object.fromEntries(
            b.summaries.map((s) => [
              s.contender,
              {
                n: s.n,
                mean_cost_bps: round(s.arrival.mean),
                spread_bps: round(s.arrival.sd),
                se_bps: round(s.arrival.se),
                ratio_to_market: round(s.ratioArrival, 3),
                cost_vs_reference_bps: round(s.reference.mean),
                cost_vs_reference_se_bps: round(s.reference.se),
                ratio_to_market_vs_reference: round(s.ratioReference, 3),
                cost_vs_interval_vwap_bps: round(s.ivwap.mean),
                fees_bps: round(s.fees),
                paired_diff_to_market_bps: round(s.pairedArrival.mean),
                paired_diff_to_market_se_bps: round(s.pairedArrival.se),
                completion_pct: round(s.completionPct),
                passive_share: round(s.passiveShare, 3),
                participation: round(s.participation, 4),
                max_linear_deviation: round(s.maxLinearDeviation, 4),
                duration_min: round(s.durationMin),
                violations: s.violations,
              },
            ]),
          ),
        ]),
      ),
      goal: { twap_vwap_below_market_above_1pct: pass, checks: goal },
    };
    console.log(JSON.stringify(out, null, 2));
  } else {
    log();
    log(
      "Columns: IS = cost vs arrival mid in bps (fees and unfilled opportunity included), ±SE and sd across cases;",
    );
    log(
      "vs F = cost vs the unimpacted reference price at each fill (price only); vsIVWAP = vs the interval VWAP of others'",
    );
    log(
      "trades (price only); R = mean cost ÷ B-MKT's mean cost; ΔIS vs MKT = paired per-case difference to B-MKT, ±SE.",
    );
    for (const b of buckets) {
      log();
      log(table(b.size, b.summaries));
    }
    log();
    for (const g of goal) {
      log(
        `  goal ${g.contender} at ${(g.size * 100).toFixed(0)} %: vs arrival ${g.arrival ? "below" : "NOT below"} B-MKT, vs F ${g.reference ? "below" : "NOT below"} B-MKT`,
      );
    }
    log(`Goal (TWAP and VWAP cheaper than B-MKT above 1 % of volume): ${pass ? "PASS" : "FAIL"}`);
    log(`Harness contract violations: ${violations}. ${rows.length} runs in ${seconds.toFixed(1)} s.`);
  }
}

function round(x: number, digits = 2): number | null {
  return Number.isFinite(x) ? Number(x.toFixed(digits)) : null;
}
