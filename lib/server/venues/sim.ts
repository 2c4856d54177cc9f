import "server-only";
import { Dec } from "@/lib/domain/shared/decimal";
import type { Side } from "@/lib/domain/shared/side";
import type { BookSnapshot, PairSpec, TapeTrade } from "@/lib/domain/market/types";
import { createMarketModel, type ImpactTracker, type SimMarketModel } from "@/lib/domain/market/model";
import { DEFAULT_MARKET_CONFIG } from "@/lib/domain/market/pairs";
import {
  checkMinimums,
  fee,
  matchResting,
  queueAhead,
  roundPrice,
  roundSize,
  takeLiquidity,
} from "@/lib/domain/market/sim-exchange";
import type { ChildRequest, PlaceResult, PollResult, RestingOrder, Venue, VenueFill } from "./types";

/**
 * The simulated exchange: a deterministic market (seed, pair, time) from lib/domain/market, against
 * which our child orders fill with impact. Takers walk the book; resting orders fill by queue
 * position when the tape trades at or through their price. The venue keeps no state of its own
 * beyond our recent fills' impact: resting orders' queue state lives with the placement rows, so
 * any process (or a restarted one) continues exactly where the last left off.
 */
export class SimVenue implements Venue {
  readonly name = "sim";
  private readonly model: SimMarketModel;
  private readonly impact = new Map<string, ImpactTracker>();
  private readonly tapeCache = new Map<string, { from: number; to: number; trades: TapeTrade[] }>();
  /**
   * The last book built per pair, with the time and impact version it was built for: an engine tick
   * asks for the same pair at the same instant once per order (thousands of times), and the book
   * changes only with the time or with a fill of ours. Snapshots are never mutated by readers.
   */
  private readonly bookCache = new Map<string, { time: number; version: number; book: BookSnapshot }>();
  /** Bumped per pair by every fill of ours the impact model records. */
  private readonly impactVersion = new Map<string, number>();

  constructor(seed: string) {
    this.model = createMarketModel({ ...DEFAULT_MARKET_CONFIG, seed });
  }

  pairs(): PairSpec[] {
    return this.model.pairs();
  }

  spec(pair: string): PairSpec | undefined {
    return this.model.pairs().find((spec) => spec.pair === pair);
  }

  private tracker(pair: string): ImpactTracker {
    let tracker = this.impact.get(pair);
    if (!tracker) {
      tracker = this.model.impactTracker(pair);
      this.impact.set(pair, tracker);
    }
    return tracker;
  }

  book(pair: string, time: number): BookSnapshot {
    const version = this.impactVersion.get(pair) ?? 0;
    const cached = this.bookCache.get(pair);
    if (cached && cached.time === time && cached.version === version) return cached.book;
    const tracker = this.tracker(pair);
    const book = this.model.book(pair, time, (t) => tracker.offsetBps(t));
    this.bookCache.set(pair, { time, version, book });
    return book;
  }

  trades(pair: string, from: number, to: number): TapeTrade[] {
    if (to <= from) return [];
    const cached = this.tapeCache.get(pair);
    if (cached && cached.from <= from && cached.to >= to) {
      return cached.trades.filter((trade) => trade.time >= from && trade.time < to);
    }
    const tracker = this.tracker(pair);
    // Widen to cover the cached window too, so many orders polling overlapping windows in one tick
    // generate the tape once.
    const start = cached && cached.to >= from && cached.from <= from ? cached.from : from;
    const end = Math.max(to, cached?.to ?? to);
    const trades = this.model.trades(pair, start, end, (t) => tracker.offsetBps(t));
    this.tapeCache.set(pair, {
      from: Math.max(start, end - 10 * 60_000),
      to: end,
      trades: trades.filter((t) => t.time >= end - 10 * 60_000),
    });
    return trades.filter((trade) => trade.time >= from && trade.time < to);
  }

  expectedVolume(pair: string, from: number, to: number): Dec {
    return this.model.expectedVolume(pair, from, to);
  }

  place(request: ChildRequest): PlaceResult {
    const spec = this.spec(request.pair);
    const externalId = `sim-${request.clientId}`;
    if (!spec)
      return {
        status: "rejected",
        subStatus: "UNKNOWN_PAIR",
        reason: `${request.pair} is not listed`,
        fills: [],
        externalId,
      };
    const size = roundSize(spec, request.size);
    const book = this.book(request.pair, request.time);
    const price =
      request.price === null ? null : roundPrice(spec, request.price, request.side === "buy" ? "down" : "up");
    const minimum = checkMinimums(spec, size, price ?? book.mid);
    if (minimum)
      return {
        status: "rejected",
        subStatus: minimum.subStatus,
        reason: minimum.reason,
        fills: [],
        externalId,
      };

    const crosses = price === null || (request.side === "buy" ? price.gte(book.ask) : price.lte(book.bid));
    if (crosses && request.postOnly) {
      return {
        status: "rejected",
        subStatus: "POST_ONLY_WOULD_TAKE",
        reason: `post-only ${request.side} at ${price?.toFixed()} would take liquidity (touch ${request.side === "buy" ? book.ask.toFixed() : book.bid.toFixed()})`,
        fills: [],
        externalId,
      };
    }
    const fills: VenueFill[] = [];
    let remaining = size;
    if (crosses) {
      const taken = takeLiquidity(book, request.side, size, price);
      for (const part of taken.fills) {
        const notional = part.price.mul(part.size);
        fills.push({
          externalId: `${request.clientId}:T${part.level}`,
          time: request.time,
          price: part.price,
          size: part.size,
          fee: fee(notional, new Dec(spec.takerFeeBps)),
          feeAsset: spec.quote,
          role: "TAKE",
        });
      }
      remaining = taken.remaining;
      this.observeFills(
        fills.map((f) => ({
          pair: request.pair,
          time: f.time,
          side: request.side,
          size: f.size,
          role: f.role,
        })),
      );
    }
    if (remaining.lte(0)) return { status: "filled", fills, externalId };
    if (request.kind === "market" || request.tif === "IOC" || price === null) {
      return {
        status: "canceled",
        reason:
          request.kind === "market" ? "book depth exhausted: remainder canceled" : "IOC remainder canceled",
        fills,
        externalId,
      };
    }
    return {
      status: "open",
      fills,
      queueAhead: queueAhead(this.book(request.pair, request.time), request.side, price),
      externalId,
    };
  }

  poll(resting: RestingOrder[], to: number): PollResult[] {
    return resting.map((order) => {
      const spec = this.spec(order.pair);
      if (!spec || to <= order.matchedUntil) {
        return {
          clientId: order.clientId,
          fills: [],
          filled: order.filled,
          queueAhead: order.queueAhead,
          matchedUntil: order.matchedUntil,
        };
      }
      const trades = this.trades(order.pair, order.matchedUntil, to);
      const matched = matchResting(
        {
          side: order.side,
          price: order.price,
          size: order.size,
          filled: order.filled,
          queueAhead: order.queueAhead,
        },
        trades,
      );
      const fills: VenueFill[] = matched.fills.map((part) => ({
        externalId: `${order.clientId}:${part.tradeId}`,
        time: part.time,
        price: part.price,
        size: part.size,
        fee: fee(part.price.mul(part.size), new Dec(spec.makerFeeBps)),
        feeAsset: spec.quote,
        role: "MAKE" as const,
      }));
      this.observeFills(
        fills.map((f) => ({ pair: order.pair, time: f.time, side: order.side, size: f.size, role: f.role })),
      );
      return {
        clientId: order.clientId,
        fills,
        filled: matched.filled,
        queueAhead: matched.queueAhead,
        matchedUntil: to,
      };
    });
  }

  cancel(): void {
    // Resting orders live in our placement rows; canceling needs nothing from the simulator.
  }

  observeFills(fills: { pair: string; time: number; side: Side; size: Dec; role: "MAKE" | "TAKE" }[]): void {
    for (const fill of fills) {
      const tracker = this.tracker(fill.pair);
      tracker.record({ time: fill.time, side: fill.side, size: fill.size, role: fill.role });
      this.impactVersion.set(fill.pair, (this.impactVersion.get(fill.pair) ?? 0) + 1);
      // Older fills fold into one residual: memory stays bounded however long the process runs.
      if (tracker.size > 2_000) tracker.prune(fill.time - 10 * 60_000);
    }
  }
}
