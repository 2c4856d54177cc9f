import type Decimal from "decimal.js";
import { Dec } from "../shared/decimal";
import type { Side } from "../shared/side";
import type { BookLevel, BookSnapshot, PairSpec, TapeTrade } from "./types";

/**
 * How our child orders fill on the simulated venue, as pure functions of a book snapshot and the tape.
 *
 * - A taker walks the displayed levels of the opposite side, never past its limit: the cost of
 *   crossing grows with size because deeper levels are further from the mid.
 * - A maker joins the back of the queue at its price. It fills only when the rest of the market
 *   trades at its price after the displayed size ahead of it has traded (queue position), or trades
 *   *through* its price (the level was swept, so a resting order there would have been hit). Our
 *   fills never exceed the size the market actually traded, and always at our limit price.
 */

export type RoundMode = "down" | "up" | "nearest";

const ROUNDING: Record<RoundMode, Decimal.Rounding> = {
  down: Dec.ROUND_FLOOR,
  up: Dec.ROUND_CEIL,
  nearest: Dec.ROUND_HALF_UP,
};

/** A price on the pair's tick grid. */
export function roundPrice(spec: PairSpec, price: Dec, mode: RoundMode): Dec {
  const tick = new Dec(spec.tickSize);
  return price.div(tick).toDecimalPlaces(0, ROUNDING[mode]).times(tick);
}

/** A size on the pair's size step, rounded down (never trade more than asked). */
export function roundSize(spec: PairSpec, size: Dec): Dec {
  const step = new Dec(spec.sizeStep);
  return size.div(step).toDecimalPlaces(0, Dec.ROUND_FLOOR).times(step);
}

export interface MinimumsViolation {
  /** Sub-status the venue reports with the rejection. */
  subStatus: "MIN_AMOUNT";
  reason: string;
}

/** Why the venue would reject an order of `size` at `price` for being too small, or null. */
export function checkMinimums(spec: PairSpec, size: Dec, price: Dec): MinimumsViolation | null {
  if (size.lt(spec.minSize)) {
    return {
      subStatus: "MIN_AMOUNT",
      reason: `size ${size.toFixed()} is below the minimum ${spec.minSize} ${spec.base}`,
    };
  }
  const notional = size.times(price);
  if (notional.lt(spec.minNotional)) {
    return {
      subStatus: "MIN_AMOUNT",
      reason: `notional ${notional.toFixed()} is below the minimum ${spec.minNotional} ${spec.quote}`,
    };
  }
  return null;
}

export interface LevelFill {
  price: Dec;
  size: Dec;
  /** Index of the level in the book side (0 = touch). */
  level: number;
}

export interface TakeResult {
  fills: LevelFill[];
  filled: Dec;
  remaining: Dec;
  /** Size-weighted average fill price; null when nothing filled. */
  averagePrice: Dec | null;
}

/**
 * A taker of `side` sweeping `size` from the opposite side of `book`, level by level, stopping at
 * `limitPrice` (a buy never pays above it, a sell never sells below it). Whatever the displayed depth
 * cannot fill stays `remaining`.
 */
export function takeLiquidity(
  book: BookSnapshot,
  side: Side,
  size: Dec,
  limitPrice?: Dec | null,
): TakeResult {
  const levels = side === "buy" ? book.asks : book.bids;
  const fills: LevelFill[] = [];
  let remaining = size;
  let filled = new Dec(0);
  let notional = new Dec(0);
  for (let i = 0; i < levels.length && remaining.gt(0); i++) {
    const level = levels[i]!;
    if (limitPrice && (side === "buy" ? level.price.gt(limitPrice) : level.price.lt(limitPrice))) break;
    if (level.size.lte(0)) continue;
    const take = Dec.min(level.size, remaining);
    fills.push({ price: level.price, size: take, level: i });
    filled = filled.plus(take);
    notional = notional.plus(take.times(level.price));
    remaining = remaining.minus(take);
  }
  return { fills, filled, remaining, averagePrice: filled.gt(0) ? notional.div(filled) : null };
}

/**
 * Displayed size ahead of a new resting order of `side` at `price`: the whole level when the price
 * is an existing level of our side of the book, 0 when it improves the touch (inside the spread) or
 * falls between or beyond the displayed levels (nothing displayed there).
 */
export function queueAhead(book: BookSnapshot, side: Side, price: Dec): Dec {
  const levels: BookLevel[] = side === "buy" ? book.bids : book.asks;
  for (const level of levels) {
    if (level.price.eq(price)) return level.size;
  }
  return new Dec(0);
}

export interface RestingOrder {
  side: Side;
  price: Dec;
  size: Dec;
  /** Already filled before these trades. */
  filled: Dec;
  /** Market size still ahead of us at our price. */
  queueAhead: Dec;
}

export interface RestingFill {
  tradeId: string;
  time: number;
  price: Dec;
  size: Dec;
}

export interface MatchRestingResult {
  fills: RestingFill[];
  /** Total filled, including what was filled before. */
  filled: Dec;
  queueAhead: Dec;
}

/**
 * Fills a resting order against others' trades (time-ordered). A resting buy at P is hit only by
 * seller-initiated trades: one printing below P traded through us (fill up to its size, and the queue
 * at P is gone); one printing at P first eats the queue ahead, the excess fills us. Symmetric for a
 * sell. Fills are at our price and never exceed the order's size.
 */
export function matchResting(order: RestingOrder, trades: TapeTrade[]): MatchRestingResult {
  const fills: RestingFill[] = [];
  let filled = order.filled;
  let ahead = order.queueAhead;
  const hitBy: Side = order.side === "buy" ? "sell" : "buy";
  for (const trade of trades) {
    const open = order.size.minus(filled);
    if (open.lte(0)) break;
    if (trade.aggressor !== hitBy) continue;
    const cmp = trade.price.cmp(order.price);
    const through = order.side === "buy" ? cmp < 0 : cmp > 0;
    let available: Dec;
    if (through) {
      available = trade.size;
      ahead = new Dec(0);
    } else if (cmp === 0) {
      if (ahead.gte(trade.size)) {
        ahead = ahead.minus(trade.size);
        continue;
      }
      available = trade.size.minus(ahead);
      ahead = new Dec(0);
    } else {
      continue;
    }
    const size = Dec.min(available, open);
    fills.push({ tradeId: trade.id, time: trade.time, price: order.price, size });
    filled = filled.plus(size);
  }
  return { fills, filled, queueAhead: ahead };
}

/** Fee in quote units on `notional` at `bps` basis points. */
export function fee(notional: Dec, bps: Dec | string | number): Dec {
  return notional.times(bps).div(10_000);
}
