import "server-only";
import type { Dec } from "@/lib/domain/shared/decimal";
import { fieldError } from "@/lib/domain/shared/errors";
import type { TapeTrade } from "@/lib/domain/market/types";
import {
  CANDLE_INTERVALS,
  DEFAULT_CANDLE_COUNT,
  MAX_CANDLES,
  MAX_CANDLE_SPAN_MS,
  type TCandle,
  type TCandleInterval,
  type TCandles,
} from "@/lib/contracts/market";
import { getPairOrThrow } from "./get-pair-or-throw";
import { isoTime } from "./serializers";

/** A bar's trades folded together; null for a bar without trades. */
interface Bar {
  open: Dec;
  high: Dec;
  low: Dec;
  close: Dec;
  volume: Dec;
  quoteVolume: Dec;
  trades: number;
}

/**
 * Closed bars never change (the tape is a function of seed, pair and time), so they are kept: a
 * chart polling the last hour replays only the bar still open. Bars that closed less than SETTLE_MS
 * ago are recomputed, so our own latest fills' impact on the tape is in them.
 */
const SETTLE_MS = 10_000;
const CACHE_LIMIT = 20_000;
const cache = new Map<string, Bar | null>();

function remember(key: string, bar: Bar | null): void {
  if (cache.size >= CACHE_LIMIT) {
    // Oldest first (Map keeps insertion order): drop a tenth at once.
    let drop = CACHE_LIMIT / 10;
    for (const stale of cache.keys()) {
      cache.delete(stale);
      if (--drop === 0) break;
    }
  }
  cache.set(key, bar);
}

function fold(trades: TapeTrade[], first: number, step: number, count: number, bars: (Bar | null)[]): void {
  for (const trade of trades) {
    const index = Math.floor((trade.time - first) / step);
    if (index < 0 || index >= count) continue;
    const notional = trade.price.times(trade.size);
    const bar = bars[index];
    if (!bar) {
      bars[index] = {
        open: trade.price,
        high: trade.price,
        low: trade.price,
        close: trade.price,
        volume: trade.size,
        quoteVolume: notional,
        trades: 1,
      };
      continue;
    }
    if (trade.price.gt(bar.high)) bar.high = trade.price;
    if (trade.price.lt(bar.low)) bar.low = trade.price;
    bar.close = trade.price;
    bar.volume = bar.volume.plus(trade.size);
    bar.quoteVolume = bar.quoteVolume.plus(notional);
    bar.trades++;
  }
}

/**
 * OHLCV bars of the venue's trade tape over [from, to), `to` no later than now. Defaults: to = now,
 * from = 120 intervals before. The first bar starts at `from` rounded down to the interval.
 */
export async function getCandles({
  pair,
  from,
  to,
  interval,
  now = Date.now(),
}: {
  pair: string;
  from?: number;
  to?: number;
  interval: TCandleInterval;
  now?: number;
}): Promise<TCandles> {
  const { spec, market } = getPairOrThrow(pair);
  const step = CANDLE_INTERVALS[interval] * 1000;
  if (from !== undefined && to !== undefined && from >= to) throw fieldError("from", "must be before to");
  if (from !== undefined && from >= now) throw fieldError("from", "must be in the past");
  const end = Math.min(to ?? now, now);
  const first = Math.floor((from ?? end - DEFAULT_CANDLE_COUNT * step) / step) * step;
  if (end - first > MAX_CANDLE_SPAN_MS)
    throw fieldError("from", "the range from..to spans more than 24 hours");
  const count = Math.max(1, Math.ceil((end - first) / step));
  if (count > MAX_CANDLES)
    throw fieldError(
      "interval",
      `${count} bars of ${interval} in the range; at most ${MAX_CANDLES} (use a longer interval or a shorter range)`,
    );

  const bars: (Bar | null)[] = new Array<Bar | null>(count).fill(null);
  const settled = now - SETTLE_MS;
  const key = (index: number) => `${spec.pair}|${step}|${first + index * step}`;
  // Runs of bars that are not cached, replayed from the tape chunk by chunk.
  let index = 0;
  while (index < count) {
    // Only settled bars are ever cached, and a settled bar stays settled.
    const cached = cache.get(key(index));
    if (cached !== undefined) {
      bars[index] = cached && { ...cached };
      index++;
      continue;
    }
    let runEnd = index + 1;
    while (runEnd < count && !cache.has(key(runEnd))) runEnd++;
    const runFrom = first + index * step;
    const runTo = Math.min(first + runEnd * step, end);
    // One replay per run: the venue extends every replay to the end of its own cached window (now),
    // so replaying a long range piece by piece would replay the recent tape once per piece.
    fold(market.trades(spec.pair, runFrom, runTo), first, step, count, bars);
    for (let i = index; i < runEnd; i++) {
      if (first + (i + 1) * step <= settled) remember(key(i), bars[i] ? { ...bars[i]! } : null);
    }
    index = runEnd;
  }

  const candles: TCandle[] = [];
  let previousClose: Dec | null = null;
  for (let i = 0; i < count; i++) {
    const time = first + i * step;
    const bar = bars[i];
    if (bar) {
      candles.push({
        time: isoTime(time),
        open: bar.open.toFixed(),
        high: bar.high.toFixed(),
        low: bar.low.toFixed(),
        close: bar.close.toFixed(),
        volume: bar.volume.toFixed(),
        quote_volume: bar.quoteVolume.toFixed(),
        vwap: bar.quoteVolume.div(bar.volume).toDecimalPlaces(8).toFixed(),
        trades: bar.trades,
      });
      previousClose = bar.close;
      continue;
    }
    // No trade in the bar: flat at the last price (or the mid, before the first trade).
    const price = (previousClose ?? market.book(spec.pair, time).mid).toFixed();
    candles.push({
      time: isoTime(time),
      open: price,
      high: price,
      low: price,
      close: price,
      volume: "0",
      quote_volume: "0",
      vwap: null,
      trades: 0,
    });
  }
  return {
    pair: spec.pair,
    interval,
    interval_seconds: step / 1000,
    from: isoTime(first),
    to: isoTime(end),
    candles,
  };
}

/** Tests: forget cached bars. */
export function clearCandleCache(): void {
  cache.clear();
}
