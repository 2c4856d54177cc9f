import "server-only";
import { Dec } from "@/lib/domain/shared/decimal";
import type { TTicker } from "@/lib/contracts/market";
import { MARKET_VENUE, getPairOrThrow } from "./get-pair-or-throw";
import { isoTime } from "./serializers";

const DAY_MS = 86_400_000;
/** How far back the last trade is looked for (the tape prints a few times a second). */
const LAST_TRADE_WINDOW_MS = 60_000;

/** The pair's touch, spread, last trade and 24-hour change, now. */
export async function getTicker({
  pair,
  now = Date.now(),
}: {
  pair: string;
  now?: number;
}): Promise<TTicker> {
  const { spec, market } = getPairOrThrow(pair);
  const book = market.book(spec.pair, now);
  const last = market.trades(spec.pair, now - LAST_TRADE_WINDOW_MS, now).at(-1);
  const open = market.book(spec.pair, now - DAY_MS).mid;
  return {
    pair: spec.pair,
    venue: MARKET_VENUE,
    time: isoTime(now),
    bid: book.bid.toFixed(),
    ask: book.ask.toFixed(),
    mid: book.mid.toFixed(),
    bid_size: (book.bids[0]?.size ?? new Dec(0)).toFixed(),
    ask_size: (book.asks[0]?.size ?? new Dec(0)).toFixed(),
    spread_bps: book.ask.minus(book.bid).div(book.mid).times(10_000).toDecimalPlaces(2).toFixed(),
    last_price: last ? last.price.toFixed() : null,
    last_trade_time: last ? isoTime(last.time) : null,
    open_24h: open.toFixed(),
    change_24h_pct: book.mid.minus(open).div(open).times(100).toDecimalPlaces(2).toFixed(),
    expected_volume_24h: market.expectedVolume(spec.pair, now - DAY_MS, now).toFixed(),
  };
}
