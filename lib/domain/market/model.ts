import { Dec } from "../shared/decimal";
import { fieldError } from "../shared/errors";
import { hashInts, hashString, normalOf, RandomStream } from "../shared/rng";
import type { Side } from "../shared/side";
import { ImpactTracker, type ImpactOptions } from "./impact";
import { DEFAULT_MARKET_CONFIG, type MarketConfig, type PairConfig, type PairModelParams } from "./pairs";
import type { BookLevel, BookSnapshot, ImpactFn, MarketModel, PairSpec, TapeTrade } from "./types";

/**
 * The simulated market: a pure function of (seed, pair, time[, our impact]).
 *
 * Why this shape: execution algorithms are judged against a market they cannot move except through
 * their own fills, and a benchmark must replay the exact same market for every algorithm and seed
 * (common random numbers). So nothing here is stateful: the reference price, the book and the tape at
 * any instant are computed directly from hashes of (seed, pair, time) — a worker restarted mid-order,
 * or a second process, sees the same market.
 *
 * - Reference mid F(t): a log-Brownian path (GBM without drift) built by Lévy's midpoint construction
 *   over dyadic millisecond intervals. Anchors every 2^31 ms (~25 days) are independent draws around
 *   the initial price, so the price stays in a plausible band on any date; between anchors each
 *   dyadic midpoint is a Brownian-bridge draw hashed by (level, time), so F(t) costs ~31 hashes with
 *   no replay, and its increments at every scale below the anchor spacing have variance σ²·Δt.
 * - Book: a spread of a few bps around the impacted mid, breathing from second to second, and levels
 *   on a bps grid whose displayed size grows away from the touch (see pairs.ts for the calibration).
 * - Tape: per second, a Poisson number of trades with the intraday intensity, log-normal sizes,
 *   random aggressor, printed at the touch of the book of that instant (large ones walk it).
 */

export interface MarketModelOptions extends Partial<MarketConfig> {
  seed: string;
}

/** The simulated venue's model: the `MarketModel` contract plus its parameters. */
export interface SimMarketModel extends MarketModel {
  readonly config: MarketConfig;
  params(pair: string): PairModelParams;
  /** Average volume of one hour (daily volume / 24), base units, as a number: impact and test scales. */
  hourlyVolume(pair: string): number;
  /** A fresh impact tracker with the pair's volume scale, coefficient and decay (options override). */
  impactTracker(pair: string, options?: Omit<ImpactOptions, "hourlyVolume">): ImpactTracker;
}

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const MINUTES_PER_DAY = 1440;
const MS_PER_YEAR = 365.25 * MS_PER_DAY;
/** Anchor spacing of the reference path: 2^31 ms ≈ 24.9 days. */
const ANCHOR_EXP = 31;
const ANCHOR_SPAN = 2 ** ANCHOR_EXP;
/** Level key of anchor nodes (dyadic levels use 0..30). */
const ANCHOR_LEVEL_KEY = 1000;
/** SPAN[e] = 2^e ms. */
const SPAN = Float64Array.from({ length: ANCHOR_EXP + 1 }, (_, e) => 2 ** e);

/**
 * log(F(t)/F0) by dyadic Brownian-bridge descent. Remembers the chain of intervals of the last query
 * so nearby queries (a tape walked forward in time) resume a few levels up instead of from the top;
 * results do not depend on the memo: the same nodes are computed by the same arithmetic either way.
 */
class ReferencePath {
  private readonly sigmaMs: number; // volatility per √ms
  private readonly anchorSd: number;
  /** Per exponent e (interval length 2^e): interval start and the path at its two ends. */
  private readonly start = new Float64Array(ANCHOR_EXP + 1);
  private readonly left = new Float64Array(ANCHOR_EXP + 1);
  private readonly right = new Float64Array(ANCHOR_EXP + 1);
  private readonly bridgeSd = new Float64Array(ANCHOR_EXP);
  private valid = false;

  constructor(
    private readonly hash: number,
    annualVolatility: number,
  ) {
    this.sigmaMs = annualVolatility / Math.sqrt(MS_PER_YEAR);
    // Independent anchors: their difference has the GBM variance σ²·span over one span.
    this.anchorSd = this.sigmaMs * Math.sqrt(ANCHOR_SPAN / 2);
    // Midpoint of an interval of length 2h: conditional sd σ·√(h/2).
    for (let k = 0; k < ANCHOR_EXP; k++) this.bridgeSd[k] = this.sigmaMs * Math.sqrt(SPAN[k]! / 2);
  }

  private anchor(index: number): number {
    return this.anchorSd * normalOf(hashInts(this.hash, ANCHOR_LEVEL_KEY, index));
  }

  logAt(time: number): number {
    const t = Math.floor(time);
    const start = this.start;
    const left = this.left;
    const right = this.right;
    // Deepest remembered interval that still contains t.
    let e = 0;
    if (this.valid) {
      while (e <= ANCHOR_EXP && !(t >= start[e]! && t < start[e]! + SPAN[e]!)) e++;
    } else {
      e = ANCHOR_EXP + 1;
    }
    if (e > ANCHOR_EXP) {
      const index = Math.floor(t / ANCHOR_SPAN);
      e = ANCHOR_EXP;
      start[e] = index * ANCHOR_SPAN;
      left[e] = this.anchor(index);
      right[e] = this.anchor(index + 1);
    }
    for (let k = e - 1; k >= 0; k--) {
      const a = start[k + 1]!;
      const middle = a + SPAN[k]!;
      const xm =
        0.5 * (left[k + 1]! + right[k + 1]!) + this.bridgeSd[k]! * normalOf(hashInts(this.hash, k, middle));
      if (t < middle) {
        start[k] = a;
        left[k] = left[k + 1]!;
        right[k] = xm;
      } else {
        start[k] = middle;
        left[k] = xm;
        right[k] = right[k + 1]!;
      }
    }
    this.valid = true;
    return left[0]!;
  }
}

/**
 * Intraday intensity: the hourly profile interpolated to minutes (piecewise linear between hour
 * centres, wrapping midnight) and normalised to mean 1, with a prefix sum for exact integrals.
 */
class IntradayProfile {
  readonly weights = new Float64Array(MINUTES_PER_DAY);
  private readonly prefix = new Float64Array(MINUTES_PER_DAY + 1);

  constructor(hourly: number[]) {
    if (hourly.length !== 24 || hourly.some((w) => !(w > 0))) {
      throw new RangeError("hourlyProfile needs 24 positive weights");
    }
    for (let m = 0; m < MINUTES_PER_DAY; m++) {
      const x = (m + 0.5) / 60 - 0.5; // hours past the first hour's centre
      const h0 = Math.floor(x);
      const f = x - h0;
      const w0 = hourly[(h0 + 24) % 24]!;
      const w1 = hourly[(h0 + 25) % 24]!;
      this.weights[m] = w0 + (w1 - w0) * f;
    }
    let total = 0;
    for (let m = 0; m < MINUTES_PER_DAY; m++) total += this.weights[m]!;
    const scale = MINUTES_PER_DAY / total;
    for (let m = 0; m < MINUTES_PER_DAY; m++) {
      this.weights[m] = this.weights[m]! * scale;
      this.prefix[m + 1] = this.prefix[m]! + this.weights[m]!;
    }
  }

  /** Intensity multiplier (mean 1 over a day) at `time`. */
  weightAt(time: number): number {
    const intoDay = time - Math.floor(time / MS_PER_DAY) * MS_PER_DAY;
    return this.weights[Math.floor(intoDay / MS_PER_MINUTE)]!;
  }

  /** ∫ weight dt over [from, to), in minutes × weight (a full day integrates to 1440). */
  integral(from: number, to: number): number {
    const dayFrom = Math.floor(from / MS_PER_DAY);
    const dayTo = Math.floor(to / MS_PER_DAY);
    return (
      (dayTo - dayFrom) * MINUTES_PER_DAY +
      this.intoDay(to - dayTo * MS_PER_DAY) -
      this.intoDay(from - dayFrom * MS_PER_DAY)
    );
  }

  private intoDay(ms: number): number {
    const minute = Math.min(MINUTES_PER_DAY - 1, Math.floor(ms / MS_PER_MINUTE));
    return this.prefix[minute]! + this.weights[minute]! * ((ms - minute * MS_PER_MINUTE) / MS_PER_MINUTE);
  }
}

/** The book of one instant in integer ticks; sizes are looked up lazily per level. */
interface Quote {
  second: number;
  midTicks: number;
  halfSpreadTicks: number;
  spacingTicks: number;
}

class PairMarket {
  readonly spec: PairSpec;
  readonly params: PairModelParams;
  private readonly tick: Dec;
  private readonly step: Dec;
  private readonly tickSize: number;
  private readonly sizeStep: number;
  private readonly path: ReferencePath;
  private readonly spreadHash: number;
  private readonly depthHash: number;
  private readonly tapeHash: number;
  private readonly tradesPerSecond: number;
  private readonly logSizeMu: number;

  constructor(
    config: PairConfig,
    seedHash: number,
    private readonly profile: IntradayProfile,
  ) {
    this.spec = config.spec;
    this.params = config.model;
    this.tick = new Dec(config.spec.tickSize);
    this.step = new Dec(config.spec.sizeStep);
    this.tickSize = this.tick.toNumber();
    this.sizeStep = this.step.toNumber();
    const pairHash = hashString(config.spec.pair, seedHash);
    // Separate streams per component: changing the spread model never moves the price path.
    this.path = new ReferencePath(hashString("path", pairHash), config.model.annualVolatility);
    this.spreadHash = hashString("spread", pairHash);
    this.depthHash = hashString("depth", pairHash);
    this.tapeHash = hashString("tape", pairHash);
    this.tradesPerSecond = config.model.tradesPerDay / 86_400;
    const meanSize = config.model.dailyVolume / config.model.tradesPerDay;
    this.logSizeMu = Math.log(meanSize) - (config.model.tradeSizeSigma * config.model.tradeSizeSigma) / 2;
  }

  referencePrice(time: number): number {
    return this.params.initialPrice * Math.exp(this.path.logAt(time));
  }

  referenceMid(time: number): Dec {
    return this.tick.times(Math.round(this.referencePrice(time) / this.tickSize));
  }

  /** Multiplier of the typical spread in one second (log-normal, mean 1, clamped to [0.5, 2]). */
  spreadFactor(second: number): number {
    const jitter = this.params.spreadJitter;
    const z = normalOf(hashInts(this.spreadHash, second));
    return Math.min(2, Math.max(0.5, Math.exp(jitter * z - (jitter * jitter) / 2)));
  }

  quote(time: number, impactBps: number, spreadFactor?: number): Quote {
    const p = this.params;
    const second = Math.floor(time / MS_PER_SECOND);
    const factor = spreadFactor ?? this.spreadFactor(second);
    const mid = this.referencePrice(time) * (1 + impactBps / 10_000);
    return {
      second,
      midTicks: Math.max(1, Math.round(mid / this.tickSize)),
      halfSpreadTicks: Math.max(1, Math.round((mid * p.spreadBps * factor) / 20_000 / this.tickSize)),
      spacingTicks: Math.max(1, Math.round((mid * p.levelSpacingBps) / 10_000 / this.tickSize)),
    };
  }

  /** Price of level `level` (0 = touch) on `bookSide`, ticks. */
  levelTicks(quote: Quote, bookSide: Side, level: number): number {
    const offset = quote.halfSpreadTicks + level * quote.spacingTicks;
    return bookSide === "buy" ? quote.midTicks - offset : quote.midTicks + offset;
  }

  /** Displayed size of level `level` on `bookSide` in the given second, lots (at least one). */
  levelLots(second: number, bookSide: Side, level: number): number {
    const p = this.params;
    const noise =
      p.depthNoise * normalOf(hashInts(this.depthHash, second, bookSide === "buy" ? level : 1000 + level));
    const size = (p.touchDepth + p.depthGrowth * level) * Math.exp(noise - (p.depthNoise * p.depthNoise) / 2);
    return Math.max(1, Math.round(size / this.sizeStep));
  }

  book(time: number, impact?: ImpactFn): BookSnapshot {
    const quote = this.quote(time, impact ? impact(time) : 0);
    const bids: BookLevel[] = [];
    const asks: BookLevel[] = [];
    for (let level = 0; level < this.params.levels; level++) {
      const bidTicks = this.levelTicks(quote, "buy", level);
      if (bidTicks > 0) {
        bids.push({
          price: this.tick.times(bidTicks),
          size: this.step.times(this.levelLots(quote.second, "buy", level)),
        });
      }
      asks.push({
        price: this.tick.times(this.levelTicks(quote, "sell", level)),
        size: this.step.times(this.levelLots(quote.second, "sell", level)),
      });
    }
    return {
      pair: this.spec.pair,
      time,
      bid: bids[0]?.price ?? this.tick,
      ask: asks[0]!.price,
      mid: this.tick.times(quote.midTicks),
      bids,
      asks,
    };
  }

  /** The trades of one second, time-ordered, ids `${pair}:${second}:${k}`. */
  private bucket(
    second: number,
    impact: ImpactFn | undefined,
    out: TapeTrade[],
    from: number,
    to: number,
  ): void {
    const stream = new RandomStream(hashInts(this.tapeHash, second));
    const count = stream.poisson(this.tradesPerSecond * this.profile.weightAt(second * MS_PER_SECOND));
    if (count === 0) return;
    // Draw order is fixed (offsets, then side and size per draw) so ids never depend on the window.
    const draws: { offset: number; draw: number; aggressor: Side; lots: number }[] = [];
    for (let i = 0; i < count; i++)
      draws.push({ offset: stream.int(MS_PER_SECOND), draw: i, aggressor: "buy", lots: 0 });
    for (const d of draws) {
      d.aggressor = stream.next() < 0.5 ? "buy" : "sell";
      const size = stream.lognormal(this.logSizeMu, this.params.tradeSizeSigma);
      d.lots = Math.max(1, Math.round(size / this.sizeStep));
    }
    draws.sort((x, y) => x.offset - y.offset || x.draw - y.draw);
    // Per-second parts of the book, shared by the trades of this second.
    const spreadFactor = this.spreadFactor(second);
    const touchBid = this.levelLots(second, "buy", 0);
    const touchAsk = this.levelLots(second, "sell", 0);
    for (let k = 0; k < draws.length; k++) {
      const d = draws[k]!;
      const time = second * MS_PER_SECOND + d.offset;
      if (time < from || time >= to) continue;
      const quote = this.quote(time, impact ? impact(time) : 0, spreadFactor);
      // The aggressor sweeps the opposite side: a buy lifts asks, a sell hits bids.
      const bookSide: Side = d.aggressor === "buy" ? "sell" : "buy";
      let level = 0;
      let remaining = d.lots - (bookSide === "buy" ? touchBid : touchAsk);
      while (remaining > 0 && level < this.params.levels - 1) {
        level++;
        remaining -= this.levelLots(second, bookSide, level);
      }
      const ticks = Math.max(1, this.levelTicks(quote, bookSide, level));
      out.push({
        id: `${this.spec.pair}:${second}:${k}`,
        time,
        price: this.tick.times(ticks),
        size: this.step.times(d.lots),
        aggressor: d.aggressor,
      });
    }
  }

  trades(from: number, to: number, impact?: ImpactFn): TapeTrade[] {
    const out: TapeTrade[] = [];
    if (!(to > from)) return out;
    const first = Math.floor(from / MS_PER_SECOND);
    const last = Math.ceil(to / MS_PER_SECOND) - 1;
    for (let second = first; second <= last; second++) this.bucket(second, impact, out, from, to);
    return out;
  }

  expectedVolume(from: number, to: number): Dec {
    if (!(to > from)) return new Dec(0);
    const volume = (this.params.dailyVolume / MINUTES_PER_DAY) * this.profile.integral(from, to);
    return this.step.times(Math.round(volume / this.sizeStep));
  }
}

/** Builds the simulated market for `seed` over the configured pairs (defaults: DEFAULT_MARKET_CONFIG). */
export function createMarketModel(options: MarketModelOptions): SimMarketModel {
  const config: MarketConfig = {
    pairs: options.pairs ?? DEFAULT_MARKET_CONFIG.pairs,
    hourlyProfile: options.hourlyProfile ?? DEFAULT_MARKET_CONFIG.hourlyProfile,
  };
  const seedHash = hashString(options.seed);
  const profile = new IntradayProfile(config.hourlyProfile);
  const markets = new Map<string, PairMarket>();
  for (const pair of config.pairs) markets.set(pair.spec.pair, new PairMarket(pair, seedHash, profile));

  const market = (pair: string): PairMarket => {
    const found = markets.get(pair);
    if (!found) throw fieldError("pair", `unknown pair ${pair}`);
    return found;
  };

  return {
    seed: options.seed,
    config,
    pairs: () => config.pairs.map((p) => p.spec),
    spec: (pair) => market(pair).spec,
    params: (pair) => market(pair).params,
    hourlyVolume: (pair) => market(pair).params.dailyVolume / 24,
    impactTracker: (pair, impactOptions) => {
      const p = market(pair).params;
      return new ImpactTracker({
        coefficientBps: p.impactCoefficientBps,
        decayMs: p.impactDecayMs,
        ...impactOptions,
        hourlyVolume: p.dailyVolume / 24,
      });
    },
    referenceMid: (pair, time) => market(pair).referenceMid(time),
    book: (pair, time, impact) => market(pair).book(time, impact),
    trades: (pair, from, to, impact) => market(pair).trades(from, to, impact),
    expectedVolume: (pair, from, to) => market(pair).expectedVolume(from, to),
  };
}

export { ImpactTracker } from "./impact";
