import type { Dec } from "../shared/decimal";
import type { Side } from "../shared/side";

/**
 * The market model's contract, shared by the simulated venue (lib/server/venues/sim), the execution
 * harness (lib/domain/execution/harness.ts) and the benchmarks. Everything here is a pure function of
 * (seed, pair, time[, our own fills]): any process reproduces the same market. Times are epoch ms.
 */

/** Trading rules of one pair, as an exchange publishes them. Decimal strings. */
export interface PairSpec {
  pair: string; // "BTC-USDT"
  base: string; // "BTC"
  quote: string; // "USDT"
  tickSize: string; // price increment
  sizeStep: string; // size (lot) increment, base units
  minSize: string; // smallest order size, base units
  minNotional: string; // smallest order notional, quote units
  makerFeeBps: string;
  takerFeeBps: string;
}

export interface BookLevel {
  price: Dec;
  size: Dec; // base units
}

/** A depth-limited order book at one instant; levels best first. */
export interface BookSnapshot {
  pair: string;
  time: number;
  bid: Dec;
  ask: Dec;
  mid: Dec;
  bids: BookLevel[];
  asks: BookLevel[];
}

/** A trade of the rest of the market (not ours). `id` is stable: same seed, pair, time → same id. */
export interface TapeTrade {
  id: string;
  time: number;
  price: Dec;
  size: Dec; // base units
  /** The side that crossed the spread: "buy" lifted an ask, "sell" hit a bid. */
  aggressor: Side;
}

/**
 * Price impact of our own trading, in basis points of the mid at `time` (positive = price pushed up).
 * The simulated venue builds it from recent fills of every order on the pair (ImpactTracker).
 */
export type ImpactFn = (time: number) => number;

export interface MarketModel {
  readonly seed: string;
  pairs(): PairSpec[];
  /** Throws for a pair the model does not list. */
  spec(pair: string): PairSpec;
  /** The exogenous reference price F(t): the mid without our impact. */
  referenceMid(pair: string, time: number): Dec;
  /** The book at `time` around F(t) shifted by our impact. */
  book(pair: string, time: number, impact?: ImpactFn): BookSnapshot;
  /** Others' trades in [from, to), time-ordered, priced against the impacted book of their instant. */
  trades(pair: string, from: number, to: number, impact?: ImpactFn): TapeTrade[];
  /** The model's expected market volume (base units) over [from, to): the intraday profile's integral. */
  expectedVolume(pair: string, from: number, to: number): Dec;
}
