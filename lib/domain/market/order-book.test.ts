import { describe, expect, it } from "vitest";
import { dec } from "../shared/decimal";
import { RandomStream } from "../shared/rng";
import type { Side } from "../shared/side";
import { type BookFill, OrderBook, PairOrderBook } from "./order-book";
import { DEFAULT_PAIR_SPECS } from "./pairs";

const limit = (id: string, side: Side, price: number, size: number) => ({ id, side, price, size });

describe("OrderBook: resting orders", () => {
  it("keeps best bid / best ask and aggregated depth sorted best first", () => {
    const book = new OrderBook();
    book.add(limit("b1", "buy", 99, 5));
    book.add(limit("b2", "buy", 97, 3));
    book.add(limit("b3", "buy", 98, 4));
    book.add(limit("b4", "buy", 99, 2));
    book.add(limit("a1", "sell", 103, 1));
    book.add(limit("a2", "sell", 101, 6));
    book.add(limit("a3", "sell", 102, 2));
    expect(book.bestBid()).toBe(99);
    expect(book.bestAsk()).toBe(101);
    expect(book.depth(2)).toEqual({
      bids: [
        { price: 99, size: 7, orders: 2 },
        { price: 98, size: 4, orders: 1 },
      ],
      asks: [
        { price: 101, size: 6, orders: 1 },
        { price: 102, size: 2, orders: 1 },
      ],
    });
    expect(book.stats()).toEqual({ orders: 7, bidLots: 14, askLots: 9, bidLevels: 3, askLevels: 3 });
  });

  it("rejects a duplicate id and non-integer units", () => {
    const book = new OrderBook();
    book.add(limit("x", "buy", 10, 1));
    expect(() => book.add(limit("x", "buy", 11, 1))).toThrow(/already/);
    expect(() => book.add(limit("y", "buy", 10.5, 1))).toThrow(/ticks/);
    expect(() => book.add(limit("y", "buy", 10, 0))).toThrow(/size/);
    expect(() => book.market("buy", 1.5)).toThrow(/size/);
  });
});

describe("OrderBook: matching", () => {
  it("fills FIFO within a level, partially, keeping the partially filled order first in line", () => {
    const book = new OrderBook();
    book.add(limit("a1", "sell", 101, 10));
    book.add(limit("a2", "sell", 101, 10));
    book.add(limit("a3", "sell", 101, 10));
    const first = book.market("buy", 15);
    expect(first.fills).toEqual<BookFill[]>([
      { makerId: "a1", takerId: null, price: 101, size: 10 },
      { makerId: "a2", takerId: null, price: 101, size: 5 },
    ]);
    expect(first).toMatchObject({ filled: 15, remaining: 0 });
    expect(book.remaining("a1")).toBeNull();
    expect(book.remaining("a2")).toBe(5);
    book.add(limit("a4", "sell", 101, 10));
    expect(book.queue("sell", 101)).toEqual(["a2", "a3", "a4"]);
    const second = book.market("buy", 7);
    expect(second.fills.map((m) => [m.makerId, m.size])).toEqual([
      ["a2", 5],
      ["a3", 2],
    ]);
    expect(book.depth(1).asks).toEqual([{ price: 101, size: 18, orders: 2 }]);
  });

  it("walks levels best first and reports what the book could not fill", () => {
    const book = new OrderBook();
    book.add(limit("b1", "buy", 99, 3));
    book.add(limit("b2", "buy", 98, 3));
    const result = book.market("sell", 10);
    expect(result.fills.map((m) => [m.makerId, m.price, m.size])).toEqual([
      ["b1", 99, 3],
      ["b2", 98, 3],
    ]);
    expect(result).toMatchObject({ filled: 6, remaining: 4 });
    expect(book.bestBid()).toBeNull();
  });

  it("fills a crossing limit order at the makers' prices up to its limit, then rests the rest", () => {
    const book = new OrderBook();
    book.add(limit("a1", "sell", 101, 5));
    book.add(limit("a2", "sell", 102, 5));
    book.add(limit("a3", "sell", 103, 5));
    const result = book.add(limit("b1", "buy", 102, 12));
    expect(result.fills).toEqual<BookFill[]>([
      { makerId: "a1", takerId: "b1", price: 101, size: 5 },
      { makerId: "a2", takerId: "b1", price: 102, size: 5 },
    ]);
    expect(result.resting).toBe(2);
    expect(book.bestBid()).toBe(102);
    expect(book.bestAsk()).toBe(103);
    expect(book.remaining("b1")).toBe(2);
  });

  it("fills a crossing limit order completely without leaving it in the book", () => {
    const book = new OrderBook();
    book.add(limit("b1", "buy", 100, 5));
    const result = book.add(limit("s1", "sell", 99, 3));
    expect(result).toEqual({ fills: [{ makerId: "b1", takerId: "s1", price: 100, size: 3 }], resting: 0 });
    expect(book.remaining("s1")).toBeNull();
    expect(book.bestAsk()).toBeNull();
    expect(book.remaining("b1")).toBe(2);
  });
});

describe("OrderBook: cancel", () => {
  it("cancels a partially filled order for its unfilled rest and keeps the queue intact", () => {
    const book = new OrderBook();
    book.add(limit("b1", "buy", 100, 10));
    book.add(limit("b2", "buy", 100, 4));
    book.add(limit("b3", "buy", 100, 6));
    book.market("sell", 3);
    expect(book.cancel("b1")).toBe(7);
    expect(book.queue("buy", 100)).toEqual(["b2", "b3"]);
    expect(book.depth(1).bids).toEqual([{ price: 100, size: 10, orders: 2 }]);
    expect(book.cancel("b1")).toBeNull();
    expect(book.cancel("nope")).toBeNull();
    // Cancelling from the middle of the queue.
    book.add(limit("b4", "buy", 100, 1));
    expect(book.cancel("b3")).toBe(6);
    expect(book.queue("buy", 100)).toEqual(["b2", "b4"]);
  });

  it("drops an emptied level so the next one becomes the touch", () => {
    const book = new OrderBook();
    book.add(limit("a1", "sell", 105, 1));
    book.add(limit("a2", "sell", 101, 1));
    book.add(limit("a3", "sell", 103, 1));
    book.cancel("a2");
    expect(book.bestAsk()).toBe(103);
    book.cancel("a3");
    expect(book.bestAsk()).toBe(105);
    expect(book.stats().askLevels).toBe(1);
    book.cancel("a1");
    expect(book.bestAsk()).toBeNull();
  });
});

/** A deliberately naive book (arrays, linear scans) as the reference for randomized flows. */
class NaiveBook {
  orders: { id: string; side: Side; price: number; size: number; seq: number }[] = [];
  private seq = 0;
  private sweep(side: Side, size: number, limitPrice: number, takerId: string | null) {
    const fills: BookFill[] = [];
    let remaining = size;
    while (remaining > 0) {
      const candidates = this.orders.filter(
        (o) => o.side !== side && (side === "buy" ? o.price <= limitPrice : o.price >= limitPrice),
      );
      if (candidates.length === 0) break;
      candidates.sort((a, b) => (side === "buy" ? a.price - b.price : b.price - a.price) || a.seq - b.seq);
      const maker = candidates[0]!;
      const lots = Math.min(maker.size, remaining);
      fills.push({ makerId: maker.id, takerId, price: maker.price, size: lots });
      maker.size -= lots;
      remaining -= lots;
      if (maker.size === 0) this.orders = this.orders.filter((o) => o !== maker);
    }
    return { fills, remaining };
  }
  add(o: { id: string; side: Side; price: number; size: number }) {
    const { fills, remaining } = this.sweep(o.side, o.size, o.price, o.id);
    if (remaining > 0) this.orders.push({ ...o, size: remaining, seq: this.seq++ });
    return { fills, resting: remaining };
  }
  cancel(id: string) {
    const order = this.orders.find((o) => o.id === id);
    if (!order) return null;
    this.orders = this.orders.filter((o) => o !== order);
    return order.size;
  }
  market(side: Side, size: number) {
    const { fills, remaining } = this.sweep(side, size, side === "buy" ? Infinity : -Infinity, null);
    return { fills, filled: size - remaining, remaining };
  }
  depth(n: number) {
    const side = (s: Side) => {
      const levels = new Map<number, { price: number; size: number; orders: number }>();
      for (const o of this.orders.filter((x) => x.side === s)) {
        const level = levels.get(o.price) ?? { price: o.price, size: 0, orders: 0 };
        level.size += o.size;
        level.orders++;
        levels.set(o.price, level);
      }
      return [...levels.values()]
        .sort((a, b) => (s === "buy" ? b.price - a.price : a.price - b.price))
        .slice(0, n);
    };
    return { bids: side("buy"), asks: side("sell") };
  }
}

describe("OrderBook against a naive reference on a random flow", () => {
  it("produces identical fills, cancels and depth for 4,000 mixed operations", () => {
    const rng = new RandomStream(2024);
    const ours = new OrderBook();
    const naive = new NaiveBook();
    const ids: string[] = [];
    for (let i = 0; i < 4000; i++) {
      const u = rng.next();
      const side: Side = rng.next() < 0.5 ? "buy" : "sell";
      if (u < 0.6) {
        const price = 100 + (side === "buy" ? -1 : 1) * (rng.int(8) - 1); // some cross
        const order = { id: `o${i}`, side, price, size: 1 + rng.int(9) };
        ids.push(order.id);
        expect(ours.add(order)).toEqual(naive.add(order));
      } else if (u < 0.85 && ids.length > 0) {
        const id = ids[rng.int(ids.length)]!;
        expect(ours.cancel(id)).toEqual(naive.cancel(id));
      } else {
        const size = 1 + rng.int(15);
        expect(ours.market(side, size)).toEqual(naive.market(side, size));
      }
      if (i % 100 === 0) expect(ours.depth(50)).toEqual(naive.depth(50));
    }
    expect(ours.depth(1000)).toEqual(naive.depth(1000));
    expect(ours.stats().orders).toBe(naive.orders.length);
  });
});

describe("PairOrderBook", () => {
  const btc = DEFAULT_PAIR_SPECS.find((s) => s.pair === "BTC-USDT")!;

  it("speaks decimals on the pair's grid", () => {
    const book = new PairOrderBook(btc);
    book.add({ id: "a1", side: "sell", price: dec("90000.01"), size: dec("0.5") });
    book.add({ id: "a2", side: "sell", price: dec("90000.02"), size: dec("0.25") });
    const result = book.market("buy", dec("0.6"));
    expect(result.fills.map((m) => [m.price.toFixed(), m.size.toFixed()])).toEqual([
      ["90000.01", "0.5"],
      ["90000.02", "0.1"],
    ]);
    expect(result.filled.toFixed()).toBe("0.6");
    expect(book.bestAsk()?.toFixed()).toBe("90000.02");
    expect(book.cancel("a2")?.toFixed()).toBe("0.15");
    expect(book.bestAsk()).toBeNull();
  });

  it("refuses prices and sizes off the grid instead of moving them", () => {
    const book = new PairOrderBook(btc);
    expect(() => book.add({ id: "x", side: "buy", price: dec("90000.005"), size: dec("1") })).toThrow(
      /multiple/,
    );
    expect(() => book.add({ id: "x", side: "buy", price: dec("90000"), size: dec("0.000001") })).toThrow(
      /multiple/,
    );
  });
});
