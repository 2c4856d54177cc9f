/**
 * Order book benchmark: our `OrderBook` (intrusive FIFO per level + id map, O(1) cancel) against
 * nodejs-order-book (array queue per level, O(level size) cancel) on ONE seeded mixed flow, replayed
 * through both in the same process.
 *
 * Why this mix: real books see mostly adds and cancels away from the touch, with market orders eating
 * the touch; a book that is fast on adds but slow on cancels of deep queues is slow in practice
 * (performance-anchors §3.1: nodejs-order-book 10.1.1 does ~307k adds/s but ~26k ops/s on this mix).
 *
 * The stream is generated once (not timed) from a seeded RandomStream, with our book tracking which
 * orders are still live so every cancel names a resting order. Both books must end in the same state
 * (best bid/ask, levels, lots, and every level's queue in FIFO order with each order's remaining
 * lots): the cross-check that both did the same matching work.
 *
 *   npm run bench:book                 table
 *   npm run bench:book -- --json       one JSON object
 *   options: --ops N (300000) --runs N (5) --seed S; flow shape: --mean-offset TICKS (10) --market-max LOTS (50)
 */
import { OrderBook as TheirBook, Side as TheirSide } from "nodejs-order-book";
import { hashString, RandomStream } from "../../lib/domain/shared/rng";
import { Dec } from "../../lib/domain/shared/decimal";
import { OrderBook, PairOrderBook } from "../../lib/domain/market/order-book";
import { DEFAULT_MARKET_CONFIG } from "../../lib/domain/market/pairs";

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : fallback;
};
const JSON_OUT = args.includes("--json");
const OPS = Number(option("ops", "300000"));
const RUNS = Number(option("runs", "5"));
const SEED = option("seed", "bench-book");

// Flow parameters (pinned: the ratio depends on them).
const P_LIMIT = 0.6;
const P_CANCEL = 0.25; // the rest (0.15) are market orders
const P_CROSSING = 0.05; // share of limit adds priced through the mid (they trade first)
const MID_START = 100_000; // ticks
const MID_STEP_PROB = 0.02; // per op, the mid moves one tick up or down
/** Ticks from the mid, exponential: liquidity concentrates near the touch (smaller = deeper queues). */
const MEAN_OFFSET = Number(option("mean-offset", "10"));
const LIMIT_LOTS_MAX = 100;
const MARKET_LOTS_MAX = Number(option("market-max", "50"));

const enum Kind {
  Limit = 0,
  Cancel = 1,
  Market = 2,
}

interface Stream {
  kind: Uint8Array;
  buy: Uint8Array;
  price: Int32Array;
  size: Int32Array;
  id: string[];
  counts: { limit: number; cancel: number; market: number; crossing: number };
}

/** Live order ids with O(1) random pick and removal. */
class LiveSet {
  private readonly ids: string[] = [];
  private readonly index = new Map<string, number>();
  get size(): number {
    return this.ids.length;
  }
  add(id: string): void {
    this.index.set(id, this.ids.length);
    this.ids.push(id);
  }
  remove(id: string): void {
    const i = this.index.get(id);
    if (i === undefined) return;
    const last = this.ids.pop()!;
    if (last !== id) {
      this.ids[i] = last;
      this.index.set(last, i);
    }
    this.index.delete(id);
  }
  pick(r: number): string {
    return this.ids[Math.floor(r * this.ids.length)]!;
  }
}

function generate(ops: number, seed: string): Stream {
  const rng = new RandomStream(hashString(seed));
  const s: Stream = {
    kind: new Uint8Array(ops),
    buy: new Uint8Array(ops),
    price: new Int32Array(ops),
    size: new Int32Array(ops),
    id: new Array<string>(ops).fill(""),
    counts: { limit: 0, cancel: 0, market: 0, crossing: 0 },
  };
  const book = new OrderBook();
  const live = new LiveSet();
  const settle = (makers: { makerId: string }[]) => {
    for (const m of makers) if (book.remaining(m.makerId) === null) live.remove(m.makerId);
  };
  let mid = MID_START;
  let next = 0;
  for (let i = 0; i < ops; i++) {
    if (rng.next() < MID_STEP_PROB) mid += rng.next() < 0.5 ? -1 : 1;
    const u = rng.next();
    const buy = rng.next() < 0.5;
    if (u < P_LIMIT || (u < P_LIMIT + P_CANCEL && live.size === 0)) {
      const crossing = rng.next() < P_CROSSING;
      const offset = 1 + Math.floor(rng.exponential(MEAN_OFFSET));
      const price = crossing ? (buy ? mid + offset : mid - offset) : buy ? mid - offset : mid + offset;
      const size = 1 + rng.int(LIMIT_LOTS_MAX);
      const id = `o${next++}`;
      s.kind[i] = Kind.Limit;
      s.buy[i] = buy ? 1 : 0;
      s.price[i] = Math.max(1, price);
      s.size[i] = size;
      s.id[i] = id;
      const result = book.add({ id, side: buy ? "buy" : "sell", price: s.price[i]!, size });
      settle(result.fills);
      if (result.resting > 0) live.add(id);
      s.counts.limit++;
      if (crossing) s.counts.crossing++;
    } else if (u < P_LIMIT + P_CANCEL) {
      const id = live.pick(rng.next());
      s.kind[i] = Kind.Cancel;
      s.id[i] = id;
      book.cancel(id);
      live.remove(id);
      s.counts.cancel++;
    } else {
      const size = 1 + rng.int(MARKET_LOTS_MAX);
      s.kind[i] = Kind.Market;
      s.buy[i] = buy ? 1 : 0;
      s.size[i] = size;
      settle(book.market(buy ? "buy" : "sell", size).fills);
      s.counts.market++;
    }
  }
  return s;
}

interface EndState {
  bestBid: number | null;
  bestAsk: number | null;
  bidLots: number;
  askLots: number;
  bidLevels: number;
  askLevels: number;
  orders: number;
  /** Every level's queue, best first: "price:id/lots,id/lots;…" per side — FIFO order included. */
  queues: string;
}

const fingerprint = (levels: { price: number; orders: { id: string; size: number }[] }[]): string =>
  levels.map((l) => `${l.price}:${l.orders.map((o) => `${o.id}/${o.size}`).join(",")}`).join(";");

function oursEndState(book: OrderBook): EndState {
  const stats = book.stats();
  const { bids, asks } = book.depth(Infinity);
  const side = (s: "buy" | "sell", levels: { price: number }[]) =>
    fingerprint(
      levels.map((l) => ({
        price: l.price,
        orders: book.queue(s, l.price).map((id) => ({ id, size: book.remaining(id)! })),
      })),
    );
  return {
    bestBid: book.bestBid(),
    bestAsk: book.bestAsk(),
    bidLots: stats.bidLots,
    askLots: stats.askLots,
    bidLevels: stats.bidLevels,
    askLevels: stats.askLevels,
    orders: stats.orders,
    queues: `${side("buy", bids)} | ${side("sell", asks)}`,
  };
}

function theirsEndState(book: TheirBook): EndState {
  const { bids, asks } = book.snapshot();
  const lots = (levels: typeof bids) =>
    levels.reduce((t, l) => t + l.orders.reduce((u, o) => u + o.size, 0), 0);
  const bestFirstBids = [...bids].sort((a, b) => b.price - a.price);
  const bestFirstAsks = [...asks].sort((a, b) => a.price - b.price);
  return {
    bestBid: bestFirstBids[0]?.price ?? null,
    bestAsk: bestFirstAsks[0]?.price ?? null,
    bidLots: lots(bids),
    askLots: lots(asks),
    bidLevels: bids.length,
    askLevels: asks.length,
    orders: [...bids, ...asks].reduce((t, l) => t + l.orders.length, 0),
    queues: `${fingerprint(bestFirstBids)} | ${fingerprint(bestFirstAsks)}`,
  };
}

function replayOurs(s: Stream): { ms: number; state: EndState } {
  const book = new OrderBook();
  const { kind, buy, price, size, id } = s;
  const start = performance.now();
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i];
    if (k === Kind.Limit)
      book.add({ id: id[i]!, side: buy[i] ? "buy" : "sell", price: price[i]!, size: size[i]! });
    else if (k === Kind.Cancel) book.cancel(id[i]!);
    else book.market(buy[i] ? "buy" : "sell", size[i]!);
  }
  return { ms: performance.now() - start, state: oursEndState(book) };
}

function replayTheirs(s: Stream): { ms: number; state: EndState } {
  const book = new TheirBook();
  const { kind, buy, price, size, id } = s;
  const start = performance.now();
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i];
    if (k === Kind.Limit) {
      book.limit({
        id: id[i]!,
        side: buy[i] ? TheirSide.BUY : TheirSide.SELL,
        price: price[i]!,
        size: size[i]!,
      });
    } else if (k === Kind.Cancel) book.cancel(id[i]!);
    else book.market({ side: buy[i] ? TheirSide.BUY : TheirSide.SELL, size: size[i]! });
  }
  return { ms: performance.now() - start, state: theirsEndState(book) };
}

/** The same flow through the decimal facade, on BTC-USDT's grid (conversion cost included). */
function replayOursDecimal(s: Stream, prices: Dec[], sizes: Dec[]): { ms: number; state: EndState } {
  const spec = DEFAULT_MARKET_CONFIG.pairs[0]!.spec;
  const book = new PairOrderBook(spec);
  const { kind, buy, id } = s;
  const start = performance.now();
  for (let i = 0; i < kind.length; i++) {
    const k = kind[i];
    if (k === Kind.Limit)
      book.add({ id: id[i]!, side: buy[i] ? "buy" : "sell", price: prices[i]!, size: sizes[i]! });
    else if (k === Kind.Cancel) book.cancel(id[i]!);
    else book.market(buy[i] ? "buy" : "sell", sizes[i]!);
  }
  return { ms: performance.now() - start, state: oursEndState(book.book) };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const sameState = (a: EndState, b: EndState): boolean =>
  (Object.keys(a) as (keyof EndState)[]).every((key) => a[key] === b[key]);

function main(): void {
  const genStart = performance.now();
  const stream = generate(OPS, SEED);
  const genMs = performance.now() - genStart;
  const spec = DEFAULT_MARKET_CONFIG.pairs[0]!.spec;
  const tick = new Dec(spec.tickSize);
  const step = new Dec(spec.sizeStep);
  const decPrices = Array.from(stream.price, (p) => tick.times(p));
  const decSizes = Array.from(stream.size, (q) => step.times(q));

  // Warm-up (JIT, and the cross-check on the warm-up results).
  const ours0 = replayOurs(stream);
  const theirs0 = replayTheirs(stream);
  const decimal0 = replayOursDecimal(stream, decPrices, decSizes);
  const consistent = sameState(ours0.state, theirs0.state) && sameState(ours0.state, decimal0.state);

  const oursMs: number[] = [];
  const theirsMs: number[] = [];
  const decimalMs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    // Alternate the order so neither book always runs on a freshly collected heap.
    if (r % 2 === 0) {
      oursMs.push(replayOurs(stream).ms);
      theirsMs.push(replayTheirs(stream).ms);
    } else {
      theirsMs.push(replayTheirs(stream).ms);
      oursMs.push(replayOurs(stream).ms);
    }
    decimalMs.push(replayOursDecimal(stream, decPrices, decSizes).ms);
  }
  const opsPerSec = (ms: number) => Math.round((OPS / ms) * 1000);
  const result = {
    benchmark: "book",
    node: process.version,
    seed: SEED,
    ops: OPS,
    runs: RUNS,
    mix: stream.counts,
    flow: { meanOffsetTicks: MEAN_OFFSET, limitLotsMax: LIMIT_LOTS_MAX, marketLotsMax: MARKET_LOTS_MAX },
    generateMs: Math.round(genMs),
    endState: { ...ours0.state, queues: undefined },
    consistent,
    ours: {
      medianMs: Math.round(median(oursMs)),
      opsPerSec: opsPerSec(median(oursMs)),
      runsMs: oursMs.map(Math.round),
    },
    oursDecimal: {
      medianMs: Math.round(median(decimalMs)),
      opsPerSec: opsPerSec(median(decimalMs)),
      runsMs: decimalMs.map(Math.round),
    },
    theirs: {
      library: "nodejs-order-book@10.1.1",
      medianMs: Math.round(median(theirsMs)),
      opsPerSec: opsPerSec(median(theirsMs)),
      runsMs: theirsMs.map(Math.round),
    },
    ratio: Number((median(theirsMs) / median(oursMs)).toFixed(2)),
  };
  if (JSON_OUT) {
    console.log(JSON.stringify(result));
  } else {
    const { mix } = result;
    console.log(
      `book benchmark — ${OPS} ops (seed "${SEED}"), ${RUNS} timed runs after a warm-up, ${process.version}`,
    );
    console.log(
      `mix: ${mix.limit} limit (${mix.crossing} crossing), ${mix.cancel} cancel, ${mix.market} market; ` +
        `end: ${result.endState.bidLevels}+${result.endState.askLevels} levels, ` +
        `${result.endState.orders} orders (${(result.endState.orders / (result.endState.bidLevels + result.endState.askLevels)).toFixed(0)} per level), ` +
        `${result.endState.bidLots}+${result.endState.askLots} lots resting`,
    );
    const rows: [string, { medianMs: number; opsPerSec: number }][] = [
      ["ours (OrderBook, ticks/lots)", result.ours],
      ["ours (PairOrderBook, Dec edges)", result.oursDecimal],
      ["nodejs-order-book 10.1.1", result.theirs],
    ];
    console.log("");
    console.log(`${"book".padEnd(34)}${"median ms".padStart(10)}${"ops/s".padStart(12)}`);
    for (const [name, r] of rows) {
      console.log(
        `${name.padEnd(34)}${String(r.medianMs).padStart(10)}${r.opsPerSec.toLocaleString("en-US").padStart(12)}`,
      );
    }
    console.log("");
    console.log(`ratio ours/theirs (ops/s): ${result.ratio}×`);
    console.log(
      `cross-check (same best bid/ask, levels, lots and every queue in FIFO order): ${consistent ? "OK" : "MISMATCH"}`,
    );
  }
  if (!consistent) {
    console.error("end states differ:", {
      ours: ours0.state,
      theirs: theirs0.state,
      decimal: decimal0.state,
    });
    process.exitCode = 1;
  }
}

main();
