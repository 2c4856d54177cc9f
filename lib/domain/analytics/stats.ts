import { Dec, ZERO } from "../shared/decimal";
import { sideSign, type Side } from "../shared/side";
import {
  averagePrice,
  executedBase,
  executedNotional,
  pctFilled,
  type FillQty,
  type TargetUnit,
} from "../orders/quantity";

/**
 * Execution statistics of one order: how its average price compares with the market at arrival,
 * at departure and over its interval, and how much of the market it took. Everything comes in as
 * arguments (the engine records the mids and the interval's tape), so the same inputs always give
 * the same report. Slippage is in basis points with "positive = cost": side · (avg − benchmark) /
 * benchmark · 10 000, so a buy above its benchmark or a sell below it is a positive number.
 */

/** One of our fills: base size at a quote-per-base price, and the fee charged for it. */
export interface StatsFill extends FillQty {
  fee: Dec;
  feeAsset: string;
}

/** The rest of the market over the order's interval: others' traded volume (base) and notional (quote). */
export interface MarketInterval {
  volume: Dec;
  notional: Dec;
}

export interface ExecutionStatsInput {
  side: Side;
  fills: readonly StatsFill[];
  /** Mid when the order became active; null if it never did. */
  arrivalPrice: Dec | null;
  /** Mid when the order completed, or now while it runs. */
  departurePrice: Dec | null;
  /** Others' trades over [activation, completion or now), excluding our fills; null when unknown. */
  market: MarketInterval | null;
  /** The order's target, for pct_filled; omit when it does not matter. */
  target?: { qty: Dec; unit: TargetUnit };
}

export interface ExecutionStats {
  averagePrice: Dec | null;
  /** Base units. */
  executedQty: Dec;
  /** Quote units. */
  executedNotional: Dec;
  arrivalPrice: Dec | null;
  departurePrice: Dec | null;
  /** Others' VWAP over the interval. */
  intervalVwap: Dec | null;
  /** Others' volume over the interval, base units. */
  intervalVolume: Dec | null;
  /** Basis points, two decimals, positive = cost; null without fills or benchmark. */
  slippageVsArrivalBps: string | null;
  slippageVsVwapBps: string | null;
  slippageVsDepartureBps: string | null;
  /** Our share of all volume traded over the interval: own / (own + market), 0..1. */
  participationRate: Dec | null;
  /** Sum of fees when they share one asset; null without fills or with several fee assets. */
  totalFee: Dec | null;
  feeAsset: string | null;
  /** Fees per asset, in order of first appearance. */
  feesByAsset: Record<string, Dec>;
  /** 0–100; null when no target was given. */
  pctFilled: Dec | null;
}

/** Volume and notional of a list of trades (e.g. the tape over the order's interval). */
export function intervalMarket(trades: readonly FillQty[]): MarketInterval {
  return { volume: executedBase(trades), notional: executedNotional(trades) };
}

/** VWAP of an interval; null when nothing traded. */
export function intervalVwap(market: MarketInterval): Dec | null {
  return market.volume.isZero() ? null : market.notional.dividedBy(market.volume);
}

/** side · (price − benchmark) / benchmark · 10 000, unrounded; null without a price or a positive benchmark. */
export function slippageBps(side: Side, price: Dec | null, benchmark: Dec | null): Dec | null {
  if (price === null || benchmark === null || benchmark.lte(ZERO)) return null;
  return price.minus(benchmark).dividedBy(benchmark).times(10_000).times(sideSign(side));
}

/** Basis points as text with two decimals, half away from zero, never "-0.00". */
export function formatBps(bps: Dec): string {
  const text = bps.toFixed(2, Dec.ROUND_HALF_UP);
  return text === "-0.00" ? "0.00" : text;
}

/** The statistics of one order from its fills, benchmarks and market interval. */
export function executionStats(input: ExecutionStatsInput): ExecutionStats {
  const { side, fills, arrivalPrice, departurePrice, market, target } = input;
  const executedQty = executedBase(fills);
  const notional = executedNotional(fills);
  const average = averagePrice(fills);
  const vwap = market ? intervalVwap(market) : null;
  const bps = (benchmark: Dec | null) => {
    const value = slippageBps(side, average, benchmark);
    return value === null ? null : formatBps(value);
  };

  const total = market ? executedQty.plus(market.volume) : null;
  const participationRate = total === null || total.isZero() ? null : executedQty.dividedBy(total);

  const feesByAsset: Record<string, Dec> = {};
  for (const fill of fills) feesByAsset[fill.feeAsset] = (feesByAsset[fill.feeAsset] ?? ZERO).plus(fill.fee);
  const assets = Object.keys(feesByAsset);
  const feeAsset = assets.length === 1 ? assets[0]! : null;

  return {
    averagePrice: average,
    executedQty,
    executedNotional: notional,
    arrivalPrice,
    departurePrice,
    intervalVwap: vwap,
    intervalVolume: market ? market.volume : null,
    slippageVsArrivalBps: bps(arrivalPrice),
    slippageVsVwapBps: bps(vwap),
    slippageVsDepartureBps: bps(departurePrice),
    participationRate,
    totalFee: feeAsset === null ? null : feesByAsset[feeAsset]!,
    feeAsset,
    feesByAsset,
    pctFilled: target ? pctFilled(target.qty, target.unit === "base" ? executedQty : notional) : null,
  };
}
