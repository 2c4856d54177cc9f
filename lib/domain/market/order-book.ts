import { Dec } from "../shared/decimal";
import type { Side } from "../shared/side";
import type { PairSpec } from "./types";

/**
 * A price-time priority limit order book, for matching many orders (the zero-intelligence flow of the
 * execution benchmarks, an internal crossing engine).
 *
 * Why this layout: real flow is dominated by adds and cancels far from the touch, and popular JS books
 * cancel in O(orders at the level) because each level is an array that is re-indexed on removal.
 * Here every level is an intrusive doubly-linked FIFO queue and a Map(id → node) finds an order, so a
 * cancel is O(1) (plus O(log L) when it empties a level). Levels per side sit in a sorted array of
 * prices with the best price at the END, so consuming or creating the touch is a push/pop and other
 * levels are found by binary search.
 *
 * `OrderBook` works in integer ticks and lots (exact, fast). `PairOrderBook` wraps it with a pair's
 * tick size and size step so callers speak `Dec`.
 */

export interface BookOrder {
  id: string;
  side: Side;
  /** Limit price, ticks. */
  price: number;
  /** Size, lots. */
  size: number;
}

/** One execution between an incoming (taker) order and a resting (maker) order. */
export interface BookFill {
  makerId: string;
  /** The incoming order's id; null for a market order. */
  takerId: string | null;
  /** Maker's price, ticks. */
  price: number;
  /** Lots. */
  size: number;
}

export interface AddResult {
  fills: BookFill[];
  /** Lots of the incoming order left resting in the book (0 when it filled completely). */
  resting: number;
}

export interface MarketResult {
  fills: BookFill[];
  filled: number;
  /** Lots that found no liquidity. */
  remaining: number;
}

export interface DepthLevel {
  price: number;
  size: number;
  orders: number;
}

interface Level {
  price: number;
  total: number;
  count: number;
  head: Node | null;
  tail: Node | null;
}

interface Node {
  id: string;
  side: Side;
  remaining: number;
  level: Level;
  prev: Node | null;
  next: Node | null;
}

/** One side: price → level, and the prices sorted so the best is last. */
class BookSide {
  readonly levels = new Map<number, Level>();
  /** Bids ascending, asks descending: the best price is always `prices[length - 1]`. */
  readonly prices: number[] = [];
  total = 0;

  constructor(private readonly isBid: boolean) {}

  best(): Level | undefined {
    const n = this.prices.length;
    return n === 0 ? undefined : this.levels.get(this.prices[n - 1]!);
  }

  /** True if `a` is a worse (further from the touch) price than `b` on this side. */
  private worse(a: number, b: number): boolean {
    return this.isBid ? a < b : a > b;
  }

  /** Index where `price` is, or would be inserted, in `prices`. */
  private search(price: number): number {
    const prices = this.prices;
    let lo = 0;
    let hi = prices.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.worse(prices[mid]!, price)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  levelFor(price: number): Level {
    let level = this.levels.get(price);
    if (level) return level;
    level = { price, total: 0, count: 0, head: null, tail: null };
    this.levels.set(price, level);
    const prices = this.prices;
    const n = prices.length;
    if (n === 0 || this.worse(prices[n - 1]!, price)) prices.push(price);
    else prices.splice(this.search(price), 0, price);
    return level;
  }

  append(node: Node): void {
    const level = node.level;
    node.prev = level.tail;
    node.next = null;
    if (level.tail) level.tail.next = node;
    else level.head = node;
    level.tail = node;
    level.total += node.remaining;
    level.count++;
    this.total += node.remaining;
  }

  /** Unlinks a node; removes its level when that empties it. */
  unlink(node: Node): void {
    const level = node.level;
    if (node.prev) node.prev.next = node.next;
    else level.head = node.next;
    if (node.next) node.next.prev = node.prev;
    else level.tail = node.prev;
    node.prev = node.next = null;
    level.total -= node.remaining;
    level.count--;
    this.total -= node.remaining;
    if (level.count === 0) this.dropLevel(level.price);
  }

  /** Reduces a resting node's size in place (a partial fill keeps its queue position). */
  reduce(node: Node, lots: number): void {
    node.remaining -= lots;
    node.level.total -= lots;
    this.total -= lots;
  }

  private dropLevel(price: number): void {
    this.levels.delete(price);
    const prices = this.prices;
    const n = prices.length;
    if (prices[n - 1] === price) prices.pop();
    else prices.splice(this.search(price), 1);
  }

  depth(count: number): DepthLevel[] {
    const out: DepthLevel[] = [];
    for (let i = this.prices.length - 1; i >= 0 && out.length < count; i--) {
      const level = this.levels.get(this.prices[i]!)!;
      out.push({ price: level.price, size: level.total, orders: level.count });
    }
    return out;
  }
}

export class OrderBook {
  private readonly bids = new BookSide(true);
  private readonly asks = new BookSide(false);
  private readonly orders = new Map<string, Node>();

  /**
   * Adds a limit order: it first trades against the opposite side at prices at least as good as its
   * limit (makers' prices, FIFO within a level), and the rest rests at its limit.
   */
  add(order: BookOrder): AddResult {
    if (this.orders.has(order.id)) throw new RangeError(`order ${order.id} is already in the book`);
    if (!(order.size > 0) || !Number.isInteger(order.size))
      throw new RangeError("size must be a positive integer");
    if (!Number.isInteger(order.price)) throw new RangeError("price must be an integer number of ticks");
    const fills: BookFill[] = [];
    const remaining = this.sweep(order.side, order.size, order.price, order.id, fills);
    if (remaining > 0) {
      const side = order.side === "buy" ? this.bids : this.asks;
      const node: Node = {
        id: order.id,
        side: order.side,
        remaining,
        level: side.levelFor(order.price),
        prev: null,
        next: null,
      };
      side.append(node);
      this.orders.set(order.id, node);
    }
    return { fills, resting: remaining };
  }

  /** Removes a resting order; returns its unfilled lots, or null when it is not in the book. */
  cancel(id: string): number | null {
    const node = this.orders.get(id);
    if (!node) return null;
    this.orders.delete(id);
    const remaining = node.remaining;
    (node.side === "buy" ? this.bids : this.asks).unlink(node);
    return remaining;
  }

  /** Takes up to `size` lots from the opposite side at any price. */
  market(side: Side, size: number): MarketResult {
    if (!(size > 0) || !Number.isInteger(size)) throw new RangeError("size must be a positive integer");
    const fills: BookFill[] = [];
    const remaining = this.sweep(side, size, side === "buy" ? Infinity : -Infinity, null, fills);
    return { fills, filled: size - remaining, remaining };
  }

  /** Matches an incoming order against the opposite side up to `limit`; returns the unfilled lots. */
  private sweep(side: Side, size: number, limit: number, takerId: string | null, out: BookFill[]): number {
    const book = side === "buy" ? this.asks : this.bids;
    let remaining = size;
    while (remaining > 0) {
      const level = book.best();
      if (!level || (side === "buy" ? level.price > limit : level.price < limit)) break;
      let node = level.head;
      while (node && remaining > 0) {
        const next = node.next;
        const lots = node.remaining < remaining ? node.remaining : remaining;
        out.push({ makerId: node.id, takerId, price: level.price, size: lots });
        remaining -= lots;
        if (lots === node.remaining) {
          this.orders.delete(node.id);
          book.unlink(node); // may drop the level; we move on via `next` or the new best
        } else {
          book.reduce(node, lots);
        }
        node = next;
      }
    }
    return remaining;
  }

  bestBid(): number | null {
    return this.bids.best()?.price ?? null;
  }

  bestAsk(): number | null {
    return this.asks.best()?.price ?? null;
  }

  /** Resting lots of an order, or null when it is not in the book. */
  remaining(id: string): number | null {
    return this.orders.get(id)?.remaining ?? null;
  }

  /** The best `levels` levels of each side, best first. */
  depth(levels: number): { bids: DepthLevel[]; asks: DepthLevel[] } {
    return { bids: this.bids.depth(levels), asks: this.asks.depth(levels) };
  }

  /** Ids at one price level in queue order (for tests and inspection). */
  queue(side: Side, price: number): string[] {
    const ids: string[] = [];
    for (
      let node = (side === "buy" ? this.bids : this.asks).levels.get(price)?.head ?? null;
      node;
      node = node.next
    ) {
      ids.push(node.id);
    }
    return ids;
  }

  /** Resting orders, lots and price levels per side. */
  stats(): { orders: number; bidLots: number; askLots: number; bidLevels: number; askLevels: number } {
    return {
      orders: this.orders.size,
      bidLots: this.bids.total,
      askLots: this.asks.total,
      bidLevels: this.bids.prices.length,
      askLevels: this.asks.prices.length,
    };
  }
}

/** A fill of `PairOrderBook`, in decimals. */
export interface PairBookFill {
  makerId: string;
  takerId: string | null;
  price: Dec;
  size: Dec;
}

/**
 * `OrderBook` on a pair's grid: prices and sizes in and out as `Dec`. Prices must sit on the tick
 * grid and sizes on the size step (round them with `roundPrice` / `roundSize` first): an off-grid
 * value is a caller bug, so it throws instead of silently moving an order.
 */
export class PairOrderBook {
  readonly book = new OrderBook();
  private readonly tick: Dec;
  private readonly step: Dec;

  constructor(readonly spec: PairSpec) {
    this.tick = new Dec(spec.tickSize);
    this.step = new Dec(spec.sizeStep);
  }

  private units(value: Dec, unit: Dec, what: string): number {
    const n = value.div(unit);
    if (!n.isInteger())
      throw new RangeError(`${what} ${value.toFixed()} is not a multiple of ${unit.toFixed()}`);
    return n.toNumber();
  }

  private toFills(fills: BookFill[]): PairBookFill[] {
    return fills.map((m) => ({
      makerId: m.makerId,
      takerId: m.takerId,
      price: this.tick.times(m.price),
      size: this.step.times(m.size),
    }));
  }

  add(order: { id: string; side: Side; price: Dec; size: Dec }): { fills: PairBookFill[]; resting: Dec } {
    const result = this.book.add({
      id: order.id,
      side: order.side,
      price: this.units(order.price, this.tick, "price"),
      size: this.units(order.size, this.step, "size"),
    });
    return { fills: this.toFills(result.fills), resting: this.step.times(result.resting) };
  }

  cancel(id: string): Dec | null {
    const lots = this.book.cancel(id);
    return lots === null ? null : this.step.times(lots);
  }

  market(side: Side, size: Dec): { fills: PairBookFill[]; filled: Dec; remaining: Dec } {
    const result = this.book.market(side, this.units(size, this.step, "size"));
    return {
      fills: this.toFills(result.fills),
      filled: this.step.times(result.filled),
      remaining: this.step.times(result.remaining),
    };
  }

  bestBid(): Dec | null {
    const ticks = this.book.bestBid();
    return ticks === null ? null : this.tick.times(ticks);
  }

  bestAsk(): Dec | null {
    const ticks = this.book.bestAsk();
    return ticks === null ? null : this.tick.times(ticks);
  }

  depth(levels: number): { bids: { price: Dec; size: Dec }[]; asks: { price: Dec; size: Dec }[] } {
    const { bids, asks } = this.book.depth(levels);
    const convert = (l: DepthLevel) => ({ price: this.tick.times(l.price), size: this.step.times(l.size) });
    return { bids: bids.map(convert), asks: asks.map(convert) };
  }
}
