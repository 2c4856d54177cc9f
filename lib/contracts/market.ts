import { z } from "zod";
import { toEpochMs } from "@/lib/domain/orders/request-values";

/**
 * App-internal market data (GET /api/market/…): the venue's pairs and their rules, a ticker, OHLCV
 * candles built from the venue's trade tape, and the expected volume profile that VWAP schedules
 * follow. The dashboard's charts and the order-entry preview read these; the Core Order API has no
 * market endpoints of its own. Decimals are strings, times ISO 8601 UTC.
 */

// --- Limits (shared by the schemas, the services and the error messages) -------------------------

/** Candle intervals, in seconds. */
export const CANDLE_INTERVALS = {
  "1s": 1,
  "5s": 5,
  "15s": 15,
  "1m": 60,
  "5m": 300,
  "15m": 900,
  "1h": 3600,
} as const;
export type TCandleInterval = keyof typeof CANDLE_INTERVALS;
export const CANDLE_INTERVAL_NAMES = Object.keys(CANDLE_INTERVALS) as TCandleInterval[];

/** At most this many candles per request. */
export const MAX_CANDLES = 1500;
/** The tape behind one candles request covers at most this span (the venue replays every trade). */
export const MAX_CANDLE_SPAN_MS = 24 * 3_600_000;
/** Candles default to this many intervals back from `to`. */
export const DEFAULT_CANDLE_COUNT = 120;

/** Volume profile: at most this many buckets, over at most this span. */
export const MAX_PROFILE_BUCKETS = 500;
export const MAX_PROFILE_SPAN_MS = 7 * 24 * 3_600_000;
export const DEFAULT_PROFILE_BUCKETS = 30;
export const DEFAULT_PROFILE_SPAN_MS = 3_600_000;

// --- Requests --------------------------------------------------------------------------------------

/** `{pair}` in the path, e.g. `BTC-USDT` (any case). */
export const ZMarketPairParams = z.object({
  pair: z
    .string()
    .trim()
    .min(1, "pair is required")
    .max(40, "pair is at most 40 characters")
    .transform((pair) => pair.toUpperCase()),
});

const queryTime = (field: "from" | "to") =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return undefined;
      const time = toEpochMs(value);
      if (time === null) {
        ctx.addIssue({ code: "custom", message: "must be an ISO 8601 time or epoch milliseconds" });
        return z.NEVER;
      }
      return time;
    })
    .meta({ description: `ISO 8601 time or epoch milliseconds (${field}).` });

const positiveInt = (max: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === "") return undefined;
      const n = Number(value);
      if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1) {
        ctx.addIssue({ code: "custom", message: "must be a positive integer" });
        return z.NEVER;
      }
      if (n > max) {
        ctx.addIssue({ code: "custom", message: `must be at most ${max}` });
        return z.NEVER;
      }
      return n;
    });

/** GET /api/market/{pair}/candles */
export const ZCandlesQuery = z.object({
  from: queryTime("from"),
  to: queryTime("to"),
  interval: z
    .enum(CANDLE_INTERVAL_NAMES as [TCandleInterval, ...TCandleInterval[]], {
      error: `must be one of ${CANDLE_INTERVAL_NAMES.join(", ")}`,
    })
    .default("1m"),
});
export type TCandlesQuery = z.output<typeof ZCandlesQuery>;

/** GET /api/market/{pair}/volume_profile */
export const ZVolumeProfileQuery = z.object({
  from: queryTime("from"),
  to: queryTime("to"),
  buckets: positiveInt(MAX_PROFILE_BUCKETS),
});
export type TVolumeProfileQuery = z.output<typeof ZVolumeProfileQuery>;

// --- Answers ---------------------------------------------------------------------------------------

/** Best bid / ask and mid of the venue's book at `time`. */
const ZTouch = {
  bid: z.string(),
  ask: z.string(),
  mid: z.string(),
};

/** A pair as the venue lists it, with its trading rules, fees and current touch. */
export const ZMarketPair = z.object({
  pair: z.string().meta({ description: "BASE-QUOTE, as orders name it." }),
  venue: z.string(),
  base: z.string(),
  quote: z.string(),
  tick_size: z.string().meta({ description: "Price increment." }),
  size_step: z.string().meta({ description: "Quantity increment, base units." }),
  min_size: z.string().meta({ description: "Smallest child order, base units." }),
  min_notional: z.string().meta({ description: "Smallest child order, quote units." }),
  maker_fee_bps: z.string(),
  taker_fee_bps: z.string(),
  ...ZTouch,
  time: z.string(),
});
export type TMarketPair = z.infer<typeof ZMarketPair>;

/** GET /api/market/pairs */
export const ZMarketPairs = z.object({ pairs: z.array(ZMarketPair) });
export type TMarketPairs = z.infer<typeof ZMarketPairs>;

/** GET /api/market/{pair}/ticker */
export const ZTicker = z.object({
  pair: z.string(),
  venue: z.string(),
  time: z.string(),
  ...ZTouch,
  bid_size: z.string().meta({ description: "Displayed size at the best bid, base units." }),
  ask_size: z.string(),
  spread_bps: z.string(),
  last_price: z.string().nullable().meta({ description: "Last trade of the past minute, if any." }),
  last_trade_time: z.string().nullable(),
  open_24h: z.string().meta({ description: "Mid 24 hours ago." }),
  change_24h_pct: z.string(),
  expected_volume_24h: z
    .string()
    .meta({ description: "The venue's expected volume over the past 24 h, base units." }),
});
export type TTicker = z.infer<typeof ZTicker>;

/** One OHLCV bar; a bar without trades repeats the previous close with volume 0. */
export const ZCandle = z.object({
  time: z.string().meta({ description: "Start of the bar." }),
  open: z.string(),
  high: z.string(),
  low: z.string(),
  close: z.string(),
  volume: z.string().meta({ description: "Base units." }),
  quote_volume: z.string(),
  vwap: z.string().nullable().meta({ description: "Volume-weighted price; null without trades." }),
  trades: z.int(),
});
export type TCandle = z.infer<typeof ZCandle>;

/** GET /api/market/{pair}/candles */
export const ZCandles = z.object({
  pair: z.string(),
  interval: z.enum(CANDLE_INTERVAL_NAMES as [TCandleInterval, ...TCandleInterval[]]),
  interval_seconds: z.int(),
  from: z.string().meta({ description: "Start of the first bar (aligned to the interval)." }),
  to: z.string().meta({ description: "End of the range (never after now)." }),
  candles: z.array(ZCandle),
});
export type TCandles = z.infer<typeof ZCandles>;

/** One bucket of the expected volume profile. */
export const ZVolumeBucket = z.object({
  start: z.string(),
  end: z.string(),
  volume: z.string().meta({ description: "Expected market volume, base units." }),
  fraction: z.string().meta({ description: "Share of the range's volume, 0..1." }),
});
export type TVolumeBucket = z.infer<typeof ZVolumeBucket>;

/** GET /api/market/{pair}/volume_profile */
export const ZVolumeProfile = z.object({
  pair: z.string(),
  from: z.string(),
  to: z.string(),
  total_volume: z.string(),
  buckets: z.array(ZVolumeBucket),
});
export type TVolumeProfile = z.infer<typeof ZVolumeProfile>;

/** The market's reference prices over one order's life (null until the order has started). */
export const ZOrderBenchmark = z.object({
  order_id: z.string(),
  arrival_price: z.string().nullable().meta({ description: "Mid when the order started." }),
  vwap: z.string().nullable().meta({ description: "Market VWAP since the order started." }),
  interval_volume: z.string().nullable().meta({ description: "Market volume since the start, base units." }),
});
export type TOrderBenchmark = z.infer<typeof ZOrderBenchmark>;

/** GET /api/market/order_benchmarks: the caller's unfinished orders (at most 1000, newest first). */
export const ZOrderBenchmarks = z.object({ benchmarks: z.array(ZOrderBenchmark) });
export type TOrderBenchmarks = z.infer<typeof ZOrderBenchmarks>;
