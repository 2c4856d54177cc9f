import { Dec, ZERO } from "../shared/decimal";
import type { PairSpec } from "../market/types";
import type { OrderSpec } from "../orders/types";
import { isFullyFilled } from "../orders/quantity";
import type { AlgoState } from "./types";
import type { Band } from "./schedule";
import { gridOf } from "./pricing";

/**
 * The reducers' shared state. Plain JSON (decimals as strings): the engine stores it with the order
 * between ticks, and a tick replayed from a stored state sends exactly the same children.
 */

/** A child order as the algorithm last heard of it. Removed once filled, canceled or rejected. */
export interface ChildRecord {
  kind: "limit" | "market";
  tif: "GTC" | "IOC";
  price: string | null;
  size: string;
  filled: string;
  placedAt: number;
  /** sent: no answer yet; open: resting; canceling: a cancel was sent, it may still fill. */
  status: "sent" | "open" | "canceling";
  postOnly: boolean;
  /** Sent below the venue's minimums as the order's last remainder. */
  final: boolean;
}

/**
 * What the last tick decided, kept so that fills and placement answers arriving within the same
 * engine cycle can act on it without a market view (top up a resting clip, send a take that had to
 * wait for a cancel to free the quantity).
 */
export interface Plan {
  time: number;
  /** One taker, consumed once sent. Base units; `ref` is the price quote-sized quantities convert at. */
  take: { size: string; price: string | null; kind: "limit" | "market"; ref: string } | null;
  /**
   * Resting children: "level" keeps executed + resting at `size` (base units, executed included),
   * "standing" keeps `size` resting whatever has filled (an iceberg's clip).
   */
  rest: {
    mode: "level" | "standing";
    size: string;
    price: string;
    postOnly: boolean;
    maxChildren: number;
    /** Smallest top-up worth a new child (base units). */
    quantum: string;
  } | null;
}

export type Phase = "running" | "paused" | "canceling" | "finishing" | "done";

export interface Segment {
  /** The schedule runs from `start` to `end` (null: no end, POV or a resting Limit). */
  start: number;
  end: number | null;
  /** Executed at the segment's start, target units. */
  base: string;
  /** Others' cumulative volume / notional at the segment's start. */
  othersVolume: string;
  othersNotional: string;
  slices: number;
}

export interface CoreState extends AlgoState {
  version: 1;
  strategy: string;
  phase: Phase;
  /** Client-id counter: the next child is `${order.id}:${n}`. */
  n: number;
  spec: PairSpec;
  startTime: number;
  arrivalMid: string;
  lastMid: string;
  lastTick: number;
  /** Interval between the last two ticks (ms), the engine's cadence as the algorithm sees it. */
  tickMs: number;
  executedBase: string;
  executedNotional: string;
  fees: string;
  fills: number;
  /** Others' traded volume (base) and notional (quote) since the order started. */
  othersVolume: string;
  othersNotional: string;
  seg: Segment;
  children: Record<string, ChildRecord>;
  plan: Plan | null;
  /** The schedule band at the last tick, fractions of the target (for the dashboard and tests). */
  band: Band | null;
  oolPaused: boolean;
  /** Set on resume: the next tick's volume covers part of the pause and is prorated. */
  resumedAt: number | null;
  finishNote: { level: "INFO" | "WARN"; message: string } | null;
  finishSince: number | null;
  /** One-time messages already logged (keys), so a condition is reported once, not every tick. */
  said: string[];
  minRejects: number;
  /** Strategy-specific values. */
  x: Record<string, number | string | boolean | null>;
}

/**
 * Decimal text from the state → Dec. The same few strings (executed, sizes, prices) are read many
 * times per step; decimals are immutable, so parsed values are remembered (a bounded memo).
 */
const parsed = new Map<string, Dec>();
export function dec(s: string | number): Dec {
  if (typeof s === "number") return new Dec(s);
  let value = parsed.get(s);
  if (value === undefined) {
    if (parsed.size >= 4096) parsed.clear();
    value = new Dec(s);
    parsed.set(s, value);
  }
  return value;
}

export const executedTarget = (order: Pick<OrderSpec, "targetUnit">, s: CoreState): Dec =>
  order.targetUnit === "quote" ? dec(s.executedNotional) : dec(s.executedBase);

/** Target units → base units at `price`. */
export const toBase = (order: Pick<OrderSpec, "targetUnit">, qty: Dec, price: Dec): Dec =>
  order.targetUnit === "quote" ? (price.gt(0) ? qty.div(price) : ZERO) : qty;

/** Base units → target units at `price`. */
export const toTarget = (order: Pick<OrderSpec, "targetUnit">, base: Dec, price: Dec): Dec =>
  order.targetUnit === "quote" ? base.mul(price) : base;

export const unfilled = (c: ChildRecord): Dec => {
  const rest = dec(c.size).sub(dec(c.filled));
  return rest.lt(0) ? ZERO : rest;
};

export const liveIds = (s: CoreState): string[] => Object.keys(s.children);

export const hasLive = (s: CoreState): boolean => Object.keys(s.children).length > 0;

/** Unfilled size of every live child, canceling ones included (they may still fill). */
export function outstanding(s: CoreState): Dec {
  let total = ZERO;
  for (const c of Object.values(s.children)) total = total.add(unfilled(c));
  return total;
}

export const isResting = (c: ChildRecord): boolean => c.tif === "GTC" && c.kind === "limit";

/** Fully filled by the orders' one rule (less than a lot remains), so every surface agrees. */
export function isFilled(order: Pick<OrderSpec, "targetUnit" | "targetQty">, s: CoreState): boolean {
  const execution = {
    targetQty: order.targetQty,
    targetUnit: order.targetUnit,
    executedBase: dec(s.executedBase),
    executedQuote: dec(s.executedNotional),
  };
  return isFullyFilled(execution, gridOf(s.spec).step);
}

/** Remaining quantity in target units (≥ 0). */
export function remainingTarget(order: Pick<OrderSpec, "targetUnit" | "targetQty">, s: CoreState): Dec {
  const rest = order.targetQty.sub(executedTarget(order, s));
  return rest.lt(0) ? ZERO : rest;
}

/** A short human figure for logs: up to 8 decimals, no exponent. */
export const fmt = (value: Dec | string): string => {
  const d = typeof value === "string" ? new Dec(value) : value;
  return d.toDecimalPlaces(8).toFixed();
};

export const unitOf = (order: Pick<OrderSpec, "targetUnit">, spec: PairSpec): string =>
  order.targetUnit === "quote" ? spec.quote : spec.base;
