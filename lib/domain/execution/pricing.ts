import { Dec, ZERO } from "../shared/decimal";
import type { Side } from "../shared/side";
import type { BookLevel, PairSpec } from "../market/types";
import type { OrderSpec } from "../orders/types";

/**
 * Prices and sizes of child orders: rounding to the pair's grid, where a passive child rests for a
 * given passiveness, how far a taker must sweep, and the limit price as a bound on every fill.
 *
 * Passiveness is measured in the larger of ticks and bps, because a tick is 1 bp on some pairs and a
 * thousandth of one on others: "3 ticks behind" means nothing on a pair whose tick is 0.01 at 90,000.
 */

/** Below this passiveness the algorithm crosses the spread instead of resting. */
export const CROSS_BELOW_PASSIVENESS = 0.02;
/** Up to this passiveness a child joins the touch. */
export const TOUCH_UP_TO_PASSIVENESS = 0.1;
/** At passiveness 1 a child rests this far behind the touch (the larger of the two). */
export const MAX_BEHIND_BPS = 5;
export const MAX_BEHIND_TICKS = 5;

export type RoundMode = "down" | "up" | "nearest";

/** The pair's grid as decimals, parsed once per distinct spec (specs are a handful of constants). */
export interface Grid {
  tick: Dec;
  step: Dec;
  minSize: Dec;
  minNotional: Dec;
}
const gridsByKey = new Map<string, Grid>();
const gridsBySpec = new WeakMap<PairSpec, Grid>();
export function gridOf(spec: PairSpec): Grid {
  let grid = gridsBySpec.get(spec);
  if (grid) return grid;
  const key = `${spec.tickSize}|${spec.sizeStep}|${spec.minSize}|${spec.minNotional}`;
  grid = gridsByKey.get(key);
  if (!grid) {
    grid = {
      tick: new Dec(spec.tickSize),
      step: new Dec(spec.sizeStep),
      minSize: new Dec(spec.minSize),
      minNotional: new Dec(spec.minNotional),
    };
    gridsByKey.set(key, grid);
  }
  gridsBySpec.set(spec, grid);
  return grid;
}

const ROUNDING = { down: Dec.ROUND_FLOOR, up: Dec.ROUND_CEIL, nearest: Dec.ROUND_HALF_EVEN } as const;
/** Decimal places of a step that is a power of ten (0.01 → 2, 1 → 0), else null. */
const powerOfTen = new Map<string, number | null>();
function placesOf(step: Dec): number | null {
  const key = step.toString();
  let dp = powerOfTen.get(key);
  if (dp === undefined) {
    const exponent = Math.round(Math.log10(step.toNumber()));
    dp = new Dec(10).pow(exponent).eq(step) ? Math.max(0, -exponent) : null;
    if (dp === 0 && exponent > 0) dp = null;
    powerOfTen.set(key, dp);
  }
  return dp;
}

export function roundToStep(value: Dec, step: Dec, mode: RoundMode): Dec {
  if (step.lte(0)) return value;
  // Steps are almost always powers of ten: rounding to decimal places is one cheap operation.
  const dp = placesOf(step);
  if (dp !== null) return value.toDecimalPlaces(dp, ROUNDING[mode]);
  const units = value.div(step);
  const whole =
    mode === "down"
      ? units.floor()
      : mode === "up"
        ? units.ceil()
        : units.toDecimalPlaces(0, Dec.ROUND_HALF_EVEN);
  return whole.mul(step);
}

/** A price on the tick grid. Buys round down and sells up when the rounding must not worsen a bound. */
export const roundPriceTo = (spec: PairSpec, price: Dec, mode: RoundMode): Dec =>
  roundToStep(price, gridOf(spec).tick, mode);

/** Sizes always round down: a child never exceeds what was asked. */
export const roundSizeDown = (spec: PairSpec, size: Dec): Dec => {
  const rounded = roundToStep(size, gridOf(spec).step, "down");
  return rounded.lt(0) ? ZERO : rounded;
};

/** The smallest child the venue accepts at `price`: min size and min notional, on the size grid. */
/** The last few answers (asked many times per tick at the same few prices). */
const minimumMemo: { grid: Grid; price: Dec; size: Dec }[] = [];

export function minChildSize(spec: PairSpec, price: Dec): Dec {
  const grid = gridOf(spec);
  for (const m of minimumMemo) if (m.grid === grid && m.price.eq(price)) return m.size;
  const size = computeMinChildSize(grid, price);
  minimumMemo.unshift({ grid, price, size });
  if (minimumMemo.length > 6) minimumMemo.pop();
  return size;
}

function computeMinChildSize(grid: Grid, price: Dec): Dec {
  const floor = roundToStep(Dec.max(grid.minSize, grid.step), grid.step, "up");
  if (!price.gt(0)) return floor;
  // The smallest size on the grid whose notional reaches the minimum: estimated in floats, then
  // settled exactly with two multiplications (a decimal division is the slow operation here).
  const steps = Math.max(1, Math.ceil(grid.minNotional.toNumber() / price.toNumber() / grid.step.toNumber()));
  let size = grid.step.mul(steps);
  while (size.mul(price).lt(grid.minNotional)) size = size.add(grid.step);
  while (size.gt(grid.step) && size.sub(grid.step).mul(price).gte(grid.minNotional))
    size = size.sub(grid.step);
  return Dec.max(floor, size);
}

export const meetsMinimums = (spec: PairSpec, size: Dec, price: Dec): boolean =>
  size.gte(spec.minSize) && size.mul(price).gte(spec.minNotional) && size.gt(0);

// ── the limit price as a bound ────────────────────────────────────────────────────────────────

/**
 * Every fill price must satisfy the bound: "max" (a buy's limit, or a reversed sell) means
 * price ≤ limit, "min" (a sell's limit, or a reversed buy) means price ≥ limit.
 */
export interface PriceBound {
  kind: "max" | "min";
  price: Dec;
}

export function priceBound(
  order: Pick<OrderSpec, "side" | "limitPrice" | "isReverseLimitPrice">,
): PriceBound | null {
  if (!order.limitPrice) return null;
  const buyLike = (order.side === "buy") !== order.isReverseLimitPrice;
  return { kind: buyLike ? "max" : "min", price: order.limitPrice };
}

export const withinBound = (bound: PriceBound | null, price: Dec): boolean =>
  !bound || (bound.kind === "max" ? price.lte(bound.price) : price.gte(bound.price));

/** The price is outside the limit when the mid violates the bound ("the market is through my limit"). */
export const isOutsideLimit = (bound: PriceBound | null, mid: Dec): boolean => !withinBound(bound, mid);

// ── where children go ─────────────────────────────────────────────────────────────────────────

export interface Touch {
  bid: Dec;
  ask: Dec;
  mid: Dec;
}

/** Near touch: where a passive child of `side` joins the queue. */
export const nearTouch = (side: Side, touch: Touch): Dec => (side === "buy" ? touch.bid : touch.ask);
/** Far touch: where a taker of `side` starts to fill. */
export const farTouch = (side: Side, touch: Touch): Dec => (side === "buy" ? touch.ask : touch.bid);

/** How far behind the touch a child rests for passiveness `p`, in quote units (≥ 0). */
export function behindDistance(spec: PairSpec, mid: Dec, p: number): Dec {
  if (p <= TOUCH_UP_TO_PASSIVENESS) return ZERO;
  const share = Math.min(1, (p - TOUCH_UP_TO_PASSIVENESS) / (1 - TOUCH_UP_TO_PASSIVENESS));
  const tick = gridOf(spec).tick;
  const maxBehind = Dec.max(tick.mul(MAX_BEHIND_TICKS), mid.mul(MAX_BEHIND_BPS).div(10_000));
  return maxBehind.mul(share.toFixed(6));
}

/**
 * The price of a passive child for passiveness `p`, on the tick grid, never crossing the spread and
 * never outside the bound; null when no passive price satisfies both (a reversed limit through the
 * far touch, say).
 */
export function passivePrice(
  spec: PairSpec,
  side: Side,
  touch: Touch,
  p: number,
  bound: PriceBound | null,
): Dec | null {
  const tick = gridOf(spec).tick;
  const behind = behindDistance(spec, touch.mid, p);
  let price =
    side === "buy"
      ? roundPriceTo(spec, touch.bid.sub(behind), "down")
      : roundPriceTo(spec, touch.ask.add(behind), "up");
  if (bound) {
    if (bound.kind === "max" && price.gt(bound.price)) price = roundPriceTo(spec, bound.price, "down");
    if (bound.kind === "min" && price.lt(bound.price)) price = roundPriceTo(spec, bound.price, "up");
  }
  // Still passive? A buy must stay below the ask, a sell above the bid.
  const lastPassive = side === "buy" ? touch.ask.sub(tick) : touch.bid.add(tick);
  if (side === "buy" ? price.gt(lastPassive) : price.lt(lastPassive)) {
    const clamped = lastPassive;
    if (!withinBound(bound, clamped)) return null;
    price = clamped;
  }
  if (price.lte(0) || !withinBound(bound, price)) return null;
  return price;
}

/**
 * Price for a taker of `size` that sweeps the displayed book: the level where the cumulative size
 * reaches `size` (the last displayed level when the book is thinner). Capped by a "max"/"min" bound;
 * null when even the far touch violates the bound (nothing can be taken within the limit).
 */
export function sweepPrice(
  spec: PairSpec,
  side: Side,
  levels: BookLevel[],
  touch: Touch,
  size: Dec,
  bound: PriceBound | null,
): Dec | null {
  const far = farTouch(side, touch);
  if (!withinBound(bound, far)) return null;
  let price = far;
  let cumulative = ZERO;
  for (const level of levels) {
    price = level.price;
    cumulative = cumulative.add(level.size);
    if (cumulative.gte(size)) break;
  }
  if (bound) {
    // A taker's worst price moves away from the touch: buys up, sells down. Only a bound on that
    // side can cap it; a bound on the other side was checked at the far touch above.
    if (side === "buy" && bound.kind === "max" && price.gt(bound.price)) price = bound.price;
    if (side === "sell" && bound.kind === "min" && price.lt(bound.price)) price = bound.price;
  }
  return roundPriceTo(spec, price, side === "buy" ? "down" : "up");
}

/** Sum of displayed size we would take between the far touch and `price` inclusive. */
export function depthUpTo(side: Side, levels: BookLevel[], price: Dec): Dec {
  let total = ZERO;
  for (const level of levels) {
    if (side === "buy" ? level.price.gt(price) : level.price.lt(price)) break;
    total = total.add(level.size);
  }
  return total;
}

/** Signed distance of `a` behind `b` for `side` (positive: `a` is the less aggressive price). */
export const behindBy = (side: Side, a: Dec, b: Dec): Dec => (side === "buy" ? b.sub(a) : a.sub(b));
