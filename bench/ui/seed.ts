// Seeds active orders through POST /api/orders/ (the Core Order API, with the admin's token), spread
// evenly over a window so their one-minute slices fall due at different seconds.
//
// How the fill rate is set: with passiveness 0 a TWAP crosses the spread (one taker fill at these
// sizes) whenever it is a whole slice behind its schedule. A slice worth S of notional with child
// orders capped at C (max_clip_size) < S is worked as crosses of C, each as soon as a slice's worth
// is due again: S / C crosses a minute. So N orders make N / 60 · S / C fills a second, and the
// target rate picks S / C. Sizes follow the current mid of each pair.
//
// Every order first crosses one slice (60 s) after it starts, then every 60 / (S / C) s. Submitting
// them evenly over one such period makes the crosses even from the first one on: the stream carries
// the target rate from 60 s after the first submission.
import { Dec } from "@/lib/domain/shared/decimal";
import type { TMarketPairs } from "@/lib/contracts/market";

export interface SeedOptions {
  baseUrl: string;
  token: string;
  orders: number;
  /** Spread the submissions over this long (ms); by default one cross period (60 s / crosses a minute). */
  spreadMs?: number;
  durationSeconds: number;
  passiveness: string;
  /** Fill events a second all the orders together should make. */
  targetFillsPerSecond: number;
}

export interface SeedResult {
  created: number;
  retried: number;
  failed: string[];
  ms: number;
  /** When the first order was submitted (epoch ms): its first cross is a slice (60 s) later. */
  firstAt: number;
  spreadMs: number;
  /** Crosses a minute each order makes (S / C), and the notional of its slices and clips. */
  crossesPerMinute: number;
  sliceNotional: string;
  clipNotional: string | null;
}

const PAIRS = ["BTC-USDT", "ETH-USDT", "SOL-USDT"] as const;
/** The smallest max_clip_size the API accepts (quote notional). */
const CLIP = new Dec(100);

export async function seedOrders(options: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  const headers = { Authorization: `Token ${options.token}`, "Content-Type": "application/json" };
  const market = (await (
    await fetch(`${options.baseUrl}/api/market/pairs`, { headers })
  ).json()) as TMarketPairs;
  const slices = Math.max(1, Math.round(options.durationSeconds / 60));
  const crossesPerMinute = Math.max(1, options.targetFillsPerSecond / (options.orders / 60));
  const clipped = crossesPerMinute > 1;
  const sliceNotional = clipped ? CLIP.times(crossesPerMinute.toFixed(4)) : CLIP;
  const qtyOf = (pair: string) => {
    const spec = market.pairs.find((candidate) => candidate.pair === pair);
    if (!spec) throw new Error(`the venue does not list ${pair}`);
    const step = new Dec(spec.size_step);
    return sliceNotional.times(slices).dividedBy(spec.mid).dividedBy(step).floor().times(step).toFixed();
  };
  const quantities = Object.fromEntries(PAIRS.map((pair) => [pair, qtyOf(pair)]));
  const spreadMs = options.spreadMs ?? 60_000 / crossesPerMinute;

  const failed: string[] = [];
  let created = 0;
  let retried = 0;
  let next = 0;
  const submit = async (i: number, attempt = 1): Promise<void> => {
    const pair = PAIRS[i % PAIRS.length]!;
    const response = await fetch(`${options.baseUrl}/api/orders/`, {
      method: "POST",
      headers,
      body: JSON.stringify({
        pair,
        side: i % 2 === 0 ? "buy" : "sell",
        accounts: ["paper"],
        strategy: "TWAP",
        duration: options.durationSeconds,
        base_asset_qty: quantities[pair],
        engine_passiveness: options.passiveness,
        ...(clipped ? { strategy_params: { max_clip_size: CLIP.toFixed() } } : {}),
        custom_order_id: `bench-ui-${i}`,
      }),
    });
    if (response.status === 201) created += 1;
    // The embedded database can refuse a request under concurrency (see the bench's report): retry.
    else if ((response.status >= 500 || response.status === 401) && attempt < 3) {
      retried += 1;
      return submit(i, attempt + 1);
    } else if (failed.length < 5) failed.push(`${response.status} ${await response.text()}`);
    else failed.push(String(response.status));
  };
  // One at a time, each at its due time (the submissions take ~50 ms each, well inside the spread).
  while (next < options.orders) {
    const i = next++;
    const wait = started + (i * spreadMs) / options.orders - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    await submit(i);
  }
  return {
    created,
    retried,
    failed,
    ms: Date.now() - started,
    firstAt: started,
    spreadMs,
    crossesPerMinute,
    sliceNotional: sliceNotional.toFixed(),
    clipNotional: clipped ? CLIP.toFixed() : null,
  };
}
