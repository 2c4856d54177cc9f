import "server-only";
import type { BookSnapshot, PairSpec } from "@/lib/domain/market/types";
import type { TMarketPair } from "@/lib/contracts/market";

/** The API's times: ISO 8601 UTC. */
export const isoTime = (ms: number): string => new Date(ms).toISOString();

/** A pair's rules and its touch at `book.time`, as GET /api/market/pairs lists it. */
export function serializePair(venueName: string, spec: PairSpec, book: BookSnapshot): TMarketPair {
  return {
    pair: spec.pair,
    venue: venueName,
    base: spec.base,
    quote: spec.quote,
    tick_size: spec.tickSize,
    size_step: spec.sizeStep,
    min_size: spec.minSize,
    min_notional: spec.minNotional,
    maker_fee_bps: spec.makerFeeBps,
    taker_fee_bps: spec.takerFeeBps,
    bid: book.bid.toFixed(),
    ask: book.ask.toFixed(),
    mid: book.mid.toFixed(),
    time: isoTime(book.time),
  };
}
