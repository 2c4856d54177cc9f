import { Dec } from "../shared/decimal";
import type { Side } from "../shared/side";
import { createMarketModel, type SimMarketModel } from "../market/model";
import type { BookLevel, PairSpec } from "../market/types";
import type { OrderSpec, StrategyName, StrategyParams } from "../orders/types";
import { simulate, type SimResult, type SimulateOptions } from "./harness";
import type { Command, MarketView } from "./types";

/**
 * Builders shared by the execution tests: orders with the API's defaults, hand-made market views for
 * reducer-level tests, and a seeded simulated market for scenario tests. Explicit clock everywhere.
 */

/** Monday 2026-11-23 14:00 UTC: a busy hour of the simulated trading day. */
export const T0 = Date.UTC(2026, 10, 23, 14, 0, 0);
export const MINUTE = 60_000;

export const BTC_SPEC: PairSpec = {
  pair: "BTC-USDT",
  base: "BTC",
  quote: "USDT",
  tickSize: "0.01",
  sizeStep: "0.00001",
  minSize: "0.00001",
  minNotional: "5",
  makerFeeBps: "2",
  takerFeeBps: "5",
};

export const DEFAULT_PARAMS: StrategyParams = {
  passiveOnly: false,
  activeLimit: false,
  oolPause: false,
  strictDuration: false,
  maxClipSize: null,
  reduceOnly: false,
};

export type OrderOverrides = Partial<Omit<OrderSpec, "params">> & { params?: Partial<StrategyParams> };

export function orderOf(strategy: StrategyName, overrides: OrderOverrides = {}): OrderSpec {
  const { params, ...rest } = overrides;
  return {
    id: "ord-1",
    pair: "BTC-USDT",
    side: "buy",
    strategy,
    targetQty: new Dec(2),
    targetUnit: "base",
    startTime: T0,
    endTime: T0 + 30 * MINUTE,
    limitPrice: null,
    isReverseLimitPrice: false,
    passiveness: new Dec("0.02"),
    discretion: new Dec("0.06"),
    alphaTilt: new Dec(0),
    povTarget: null,
    povLimit: null,
    ...rest,
    params: { ...DEFAULT_PARAMS, ...params },
  };
}

export interface ViewInput {
  time?: number;
  bid?: number | string;
  ask?: number | string;
  /** Displayed size per level (base units); 10 levels per side, one `levelGap` apart. */
  levelSize?: number | string;
  levelGap?: number | string;
  levels?: number;
  tradedVolume?: number | string;
  tradedNotional?: number | string;
  /** Expected market volume per second (base units), flat. */
  volumePerSecond?: number;
  spec?: PairSpec;
}

/** A hand-built market view: a symmetric book of equal levels around bid/ask. */
export function viewOf(input: ViewInput = {}): MarketView {
  const bid = new Dec(input.bid ?? "90000");
  const ask = new Dec(input.ask ?? "90010");
  const gap = new Dec(input.levelGap ?? "10");
  const size = new Dec(input.levelSize ?? "1");
  const n = input.levels ?? 10;
  const bids: BookLevel[] = [];
  const asks: BookLevel[] = [];
  for (let i = 0; i < n; i++) {
    bids.push({ price: bid.sub(gap.mul(i)), size });
    asks.push({ price: ask.add(gap.mul(i)), size });
  }
  const perSecond = input.volumePerSecond ?? 0.3;
  return {
    time: input.time ?? T0,
    spec: input.spec ?? BTC_SPEC,
    bid,
    ask,
    mid: bid.add(ask).div(2),
    bids,
    asks,
    tradedVolume: new Dec(input.tradedVolume ?? 0),
    tradedNotional: new Dec(input.tradedNotional ?? 0),
    expectedVolume: (from, to) => new Dec(Math.max(0, (to - from) / 1000) * perSecond).toDecimalPlaces(5),
  };
}

export const places = (commands: Command[]) => commands.flatMap((c) => (c.type === "place" ? [c.child] : []));
export const cancels = (commands: Command[]) =>
  commands.flatMap((c) => (c.type === "cancel" ? [c.clientId] : []));
export const logsOf = (commands: Command[]) => commands.flatMap((c) => (c.type === "log" ? [c] : []));

// ── scenarios on the simulated market ─────────────────────────────────────────────────────────

export const marketOf = (seed: string): SimMarketModel => createMarketModel({ seed });

/** Expected market volume of `pair` over the order's interval (base units). */
export function intervalVolume(model: SimMarketModel, pair: string, start: number, end: number): Dec {
  return model.expectedVolume(pair, start, end);
}

/** A quantity that is `share` of the interval's expected volume, on the pair's size grid. */
export function sizeForShare(
  model: SimMarketModel,
  pair: string,
  start: number,
  end: number,
  share: number,
): Dec {
  const step = new Dec(model.spec(pair).sizeStep);
  return intervalVolume(model, pair, start, end).mul(share).div(step).floor().mul(step);
}

export function runScenario(
  seed: string,
  order: OrderSpec,
  options: Partial<Omit<SimulateOptions, "model" | "order">> = {},
): SimResult {
  return simulate({ model: marketOf(seed), order, start: order.startTime, tickMs: 1000, ...options });
}

/** Signed: positive when `price` is worse than `reference` for `side`. */
export const worseBy = (side: Side, price: Dec, reference: Dec): Dec =>
  side === "buy" ? price.sub(reference) : reference.sub(price);

export const sumSizes = (fills: { size: Dec }[]): Dec =>
  fills.reduce((sum, f) => sum.add(f.size), new Dec(0));

/** A simulated market with its own intraday profile (24 hourly weights). */
export const marketWithProfile = (seed: string, hourlyProfile: number[]): SimMarketModel =>
  createMarketModel({ seed, hourlyProfile });

/** Fills' base quantity at or before `time`. */
export const executedBy = (fills: { time: number; size: Dec }[], time: number): Dec =>
  fills.filter((f) => f.time <= time).reduce((sum, f) => sum.add(f.size), new Dec(0));

/** Resting intervals of GTC children: [placed, closed) — closed null while still open. */
export const restingIntervals = (result: SimResult) =>
  result.placements
    .filter((p) => p.child.tif === "GTC" && p.status !== "rejected")
    .map((p) => ({ id: p.clientId, from: p.time, to: p.closedAt ?? Number.POSITIVE_INFINITY, placement: p }));
