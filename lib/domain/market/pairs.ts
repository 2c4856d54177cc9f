import type { PairSpec } from "./types";

/**
 * The simulated venue's pairs and the parameters of their synthetic markets.
 *
 * The numbers are picked so execution costs land in the ranges desks publish (Talos' pre-trade model
 * puts a $1M one-hour VWAP order at ~4 / 7 / 12 bps for BTC / ETH / SOL): a market order of ~1 % of
 * an hour's volume walks a few bps, ~10 % walks roughly √10 times further. That comes from a book
 * whose displayed size grows linearly away from the touch (cumulative depth ∝ distance², so the price
 * reached grows like √size — the square-root law). Liquidity is expressed per level in base units
 * and the level grid in bps, so a pair's cost profile is the same at any price level.
 */

/** Parameters of one pair's synthetic market. Plain numbers: model internals, not money. */
export interface PairModelParams {
  /** Reference price F at the path's anchors (the path wanders around it, log-normally). */
  initialPrice: number;
  /** Annualised volatility of F (fraction: 0.55 = 55 %). */
  annualVolatility: number;
  /** Others' volume per day, base units, before the intraday profile. */
  dailyVolume: number;
  /** Others' trades per day (sets the mean trade size = dailyVolume / tradesPerDay). */
  tradesPerDay: number;
  /** Standard deviation of log trade size (heavy right tail: a few large prints). */
  tradeSizeSigma: number;
  /** Typical bid-ask spread, bps of the mid. */
  spreadBps: number;
  /** Standard deviation of the log spread from second to second (mild breathing). */
  spreadJitter: number;
  /** Price distance between displayed levels, bps of the mid (a liquidity band per level). */
  levelSpacingBps: number;
  /** Displayed size at the touch, base units (mean; each level carries hashed noise). */
  touchDepth: number;
  /** Extra displayed size per level further from the touch, base units. */
  depthGrowth: number;
  /** Standard deviation of the log size noise per level. */
  depthNoise: number;
  /** Displayed levels per side. */
  levels: number;
  /**
   * Our own impact (ImpactTracker): bps when the decayed pressure of our fills equals one hour's
   * volume — so 1 % of it moves the mid k/10 bps, like the walk of a 1 % market order in this book.
   */
  impactCoefficientBps: number;
  /** Time constant of the book's refill after our fills, ms. */
  impactDecayMs: number;
}

export interface PairConfig {
  spec: PairSpec;
  model: PairModelParams;
}

export interface MarketConfig {
  pairs: PairConfig[];
  /**
   * Relative activity of each UTC hour (index 0 = 00:00–01:00). Normalised to mean 1 by the model and
   * interpolated to a per-minute intensity, so its shape, not its scale, matters.
   */
  hourlyProfile: number[];
}

const spotSpec = (base: string, tickSize: string, sizeStep: string, minSize: string): PairSpec => ({
  pair: `${base}-USDT`,
  base,
  quote: "USDT",
  tickSize,
  sizeStep,
  minSize,
  minNotional: "5",
  makerFeeBps: "2",
  takerFeeBps: "5",
});

/**
 * A crypto trading day in UTC: busiest at the US equity open (13:30–16:00), a second hump at the
 * Asian open / daily candle close around 00:00, the European open at 07:00–08:00 and the US close at
 * 20:00, quietest between the Asian afternoon and the European morning (03:00–06:00).
 */
export const DEFAULT_HOURLY_PROFILE: number[] = [
  1.25, 1.15, 0.95, 0.85, 0.75, 0.7, 0.75, 0.9, 1.0, 0.95, 0.85, 0.85, 0.95, 1.15, 1.45, 1.4, 1.2, 1.05, 1.0,
  1.0, 1.1, 0.95, 0.95, 1.1,
];

export const DEFAULT_MARKET_CONFIG: MarketConfig = {
  pairs: [
    {
      spec: spotSpec("BTC", "0.01", "0.00001", "0.00001"),
      model: {
        initialPrice: 90_000,
        annualVolatility: 0.55,
        dailyVolume: 20_000,
        tradesPerDay: 172_800, // 2 per second on average; mean print ≈ 0.116 BTC
        tradeSizeSigma: 1.2,
        spreadBps: 1,
        spreadJitter: 0.25,
        levelSpacingBps: 1,
        touchDepth: 1.5,
        depthGrowth: 1.5,
        depthNoise: 0.3,
        levels: 20,
        impactCoefficientBps: 25,
        impactDecayMs: 120_000,
      },
    },
    {
      spec: spotSpec("ETH", "0.01", "0.0001", "0.0001"),
      model: {
        initialPrice: 3_200,
        annualVolatility: 0.7,
        dailyVolume: 300_000,
        tradesPerDay: 172_800, // mean print ≈ 1.7 ETH
        tradeSizeSigma: 1.2,
        spreadBps: 1.5,
        spreadJitter: 0.25,
        levelSpacingBps: 1.6,
        touchDepth: 22.5,
        depthGrowth: 22.5,
        depthNoise: 0.3,
        levels: 20,
        impactCoefficientBps: 40,
        impactDecayMs: 120_000,
      },
    },
    {
      spec: spotSpec("SOL", "0.001", "0.001", "0.001"),
      model: {
        initialPrice: 150,
        annualVolatility: 0.9,
        dailyVolume: 5_000_000,
        tradesPerDay: 129_600, // 1.5 per second; mean print ≈ 39 SOL
        tradeSizeSigma: 1.2,
        spreadBps: 2.5,
        spreadJitter: 0.25,
        levelSpacingBps: 2.6,
        touchDepth: 375,
        depthGrowth: 375,
        depthNoise: 0.3,
        levels: 20,
        impactCoefficientBps: 65,
        impactDecayMs: 120_000,
      },
    },
  ],
  hourlyProfile: DEFAULT_HOURLY_PROFILE,
};

export const DEFAULT_PAIR_SPECS: PairSpec[] = DEFAULT_MARKET_CONFIG.pairs.map((p) => p.spec);
