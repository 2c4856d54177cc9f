import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { call, createTestUser } from "@/lib/server/testing/api-client";
import { ZCandles, ZMarketPairs, ZTicker, ZVolumeProfile } from "@/lib/contracts/market";
import { clearCandleCache } from "@/lib/server/services/market/get-candles";
import { GET as pairsRoute } from "./pairs/route";
import { GET as tickerRoute } from "./[pair]/ticker/route";
import { GET as candlesRoute } from "./[pair]/candles/route";
import { GET as profileRoute } from "./[pair]/volume_profile/route";

/** 2026-11-02 14:00 UTC, a weekday afternoon: the simulated market is busy. */
const T0 = Date.UTC(2026, 10, 2, 14, 0, 0);
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

beforeAll(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});
afterAll(() => vi.useRealTimers());

const candles = (token: string, pair: string, query: string) =>
  call(candlesRoute, { token, path: `/api/market/${pair}/candles?${query}`, params: { pair } });
const profile = (token: string, pair: string, query: string) =>
  call(profileRoute, { token, path: `/api/market/${pair}/volume_profile?${query}`, params: { pair } });

describe("[MARKET] GET /api/market/pairs", () => {
  it("lists the venue's pairs with rules, fees and a sane touch", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    const response = await call(pairsRoute, { token, path: "/api/market/pairs" });
    expect(response.status).toBe(200);
    const body = ZMarketPairs.parse(response.body);
    expect(body.pairs.map((p) => p.pair)).toEqual(["BTC-USDT", "ETH-USDT", "SOL-USDT"]);
    const btc = body.pairs[0]!;
    expect(btc).toMatchObject({
      venue: "sim",
      base: "BTC",
      quote: "USDT",
      tick_size: "0.01",
      min_size: "0.00001",
      min_notional: "5",
      maker_fee_bps: "2",
      taker_fee_bps: "5",
      time: iso(T0),
    });
    expect(Number(btc.bid)).toBeLessThan(Number(btc.ask));
    expect(Number(btc.mid)).toBeGreaterThan(Number(btc.bid));
    expect(Number(btc.mid)).toBeLessThan(Number(btc.ask));
  });

  it("needs credentials (401) and the read scope (403)", async () => {
    expect((await call(pairsRoute, { path: "/api/market/pairs" })).status).toBe(401);
    const { token } = await createTestUser({ scopes: ["taker"] });
    expect((await call(pairsRoute, { token, path: "/api/market/pairs" })).status).toBe(403);
    expect((await call(pairsRoute, { token: "trn_nope", path: "/api/market/pairs" })).status).toBe(401);
  });
});

describe("[MARKET] GET /api/market/{pair}/ticker", () => {
  it("answers the touch, spread, last trade and 24 h change; the pair in any case", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    const response = await call(tickerRoute, {
      token,
      path: "/api/market/eth-usdt/ticker",
      params: { pair: "eth-usdt" },
    });
    expect(response.status).toBe(200);
    const ticker = ZTicker.parse(response.body);
    expect(ticker.pair).toBe("ETH-USDT");
    expect(ticker.time).toBe(iso(T0));
    expect(Number(ticker.bid)).toBeLessThan(Number(ticker.ask));
    expect(Number(ticker.spread_bps)).toBeGreaterThan(0);
    expect(Number(ticker.spread_bps)).toBeLessThan(20);
    expect(ticker.last_price).not.toBeNull();
    expect(Date.parse(ticker.last_trade_time!)).toBeLessThanOrEqual(T0);
    expect(Number(ticker.expected_volume_24h)).toBeGreaterThan(100_000);
  });

  it("404s an unknown pair, naming the pairs it does trade", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    const response = await call(tickerRoute, {
      token,
      path: "/api/market/DOGE-USDT/ticker",
      params: { pair: "DOGE-USDT" },
    });
    expect(response.status).toBe(404);
    expect(response.body.error).toContain("Unknown pair DOGE-USDT");
    expect(response.body.error).toContain("BTC-USDT");
  });
});

describe("[MARKET] GET /api/market/{pair}/candles", () => {
  it("builds OHLCV bars from the tape, aligned to the interval and deterministic", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    const query = `from=${iso(T0 - 30 * MIN + 25_000)}&to=${iso(T0 - 10 * MIN)}&interval=1m`;
    const response = await candles(token, "BTC-USDT", query);
    expect(response.status).toBe(200);
    const body = ZCandles.parse(response.body);
    expect(body).toMatchObject({
      pair: "BTC-USDT",
      interval: "1m",
      interval_seconds: 60,
      from: iso(T0 - 30 * MIN),
      to: iso(T0 - 10 * MIN),
    });
    expect(body.candles).toHaveLength(20);
    expect(body.candles.map((c) => Date.parse(c.time))).toEqual(
      Array.from({ length: 20 }, (_, i) => T0 - 30 * MIN + i * MIN),
    );
    for (const bar of body.candles) {
      const [open, high, low, close] = [bar.open, bar.high, bar.low, bar.close].map(Number) as number[];
      expect(high).toBeGreaterThanOrEqual(Math.max(open!, close!));
      expect(low).toBeLessThanOrEqual(Math.min(open!, close!));
      // A busy afternoon: two trades a second on BTC.
      expect(bar.trades).toBeGreaterThan(30);
      expect(Number(bar.vwap)).toBeGreaterThanOrEqual(low!);
      expect(Number(bar.vwap)).toBeLessThanOrEqual(high!);
      expect(Number(bar.quote_volume)).toBeCloseTo(Number(bar.vwap) * Number(bar.volume), 0);
    }

    // Same market in another request, from the cache or from the tape alike.
    const again = await candles(token, "BTC-USDT", query);
    expect(again.body).toEqual(response.body);
    clearCandleCache();
    const replayed = await candles(token, "BTC-USDT", query);
    expect(replayed.body).toEqual(response.body);
  });

  it("defaults to 120 bars of 1m up to now, and never goes past now", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    const byDefault = ZCandles.parse((await candles(token, "SOL-USDT", "")).body);
    expect(byDefault.interval).toBe("1m");
    expect(byDefault.candles).toHaveLength(120);
    expect(byDefault.to).toBe(iso(T0));

    const future = await candles(token, "SOL-USDT", `from=${T0 - 5 * MIN}&to=${T0 + 60 * MIN}&interval=1m`);
    expect(future.status).toBe(200);
    expect(future.body.to).toBe(iso(T0));
    expect(future.body.candles).toHaveLength(5);
  });

  it("answers 400s that name the field: bad times, inverted or oversized ranges, unknown intervals", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    const cases: [string, string][] = [
      ["from=yesterday", "from: must be an ISO 8601 time or epoch milliseconds"],
      [`from=${T0 - MIN}&to=${T0 - 2 * MIN}`, "from: must be before to"],
      [`from=${T0 + MIN}`, "from: must be in the past"],
      [`from=${T0 - 25 * 60 * MIN}&interval=1h`, "from: the range from..to spans more than 24 hours"],
      [`from=${T0 - 60 * MIN}&interval=1s`, "interval: 3600 bars of 1s in the range; at most 1500"],
      ["interval=2m", "interval: must be one of 1s, 5s, 15s, 1m, 5m, 15m, 1h"],
    ];
    for (const [query, message] of cases) {
      const response = await candles(token, "BTC-USDT", query);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(response.body), query).toContain(message);
    }
  });

  it("404s an unknown pair and needs the read scope", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    expect((await candles(token, "NOPE", "")).status).toBe(404);
    expect(
      (await call(candlesRoute, { path: "/api/market/BTC-USDT/candles", params: { pair: "BTC-USDT" } }))
        .status,
    ).toBe(401);
  });
});

describe("[MARKET] GET /api/market/{pair}/volume_profile", () => {
  it("splits the expected volume into buckets whose fractions add up to one", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    const response = await profile(token, "BTC-USDT", `from=${iso(T0)}&to=${iso(T0 + 60 * MIN)}&buckets=12`);
    expect(response.status).toBe(200);
    const body = ZVolumeProfile.parse(response.body);
    expect(body).toMatchObject({ pair: "BTC-USDT", from: iso(T0), to: iso(T0 + 60 * MIN) });
    expect(body.buckets).toHaveLength(12);
    expect(body.buckets[0]).toMatchObject({ start: iso(T0), end: iso(T0 + 5 * MIN) });
    expect(body.buckets.at(-1)!.end).toBe(iso(T0 + 60 * MIN));
    const fractions = body.buckets.reduce((sum, b) => sum + Number(b.fraction), 0);
    expect(fractions).toBeCloseTo(1, 4);
    const volumes = body.buckets.reduce((sum, b) => sum + Number(b.volume), 0);
    expect(volumes).toBeCloseTo(Number(body.total_volume), 4);
    // ~20,000 BTC a day, busier than average at the US open.
    expect(Number(body.total_volume)).toBeGreaterThan(20_000 / 24);
  });

  it("follows the intraday profile: the US open is busier than the Asian afternoon", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    const day = Date.UTC(2026, 10, 2);
    const hourly = ZVolumeProfile.parse(
      (await profile(token, "ETH-USDT", `from=${day}&to=${day + 24 * 60 * MIN}&buckets=24`)).body,
    );
    const at = (hour: number) => Number(hourly.buckets[hour]!.volume);
    expect(at(14)).toBeGreaterThan(at(4) * 1.5);
  });

  it("defaults to the next hour in 30 buckets; 400s bad ranges and bucket counts", async () => {
    const { token } = await createTestUser({ scopes: ["read"] });
    const byDefault = ZVolumeProfile.parse((await profile(token, "SOL-USDT", "")).body);
    expect(byDefault.from).toBe(iso(T0));
    expect(byDefault.to).toBe(iso(T0 + 60 * MIN));
    expect(byDefault.buckets).toHaveLength(30);

    const cases: [string, string][] = [
      [`from=${T0}&to=${T0}`, "from: must be before to"],
      [`from=${T0}&to=${T0 + 8 * 24 * 60 * MIN}`, "to: the range from..to spans more than 7 days"],
      ["buckets=0", "buckets: must be a positive integer"],
      ["buckets=501", "buckets: must be at most 500"],
      [`from=${T0}&to=${T0 + 10_000}&buckets=20`, "buckets: too many buckets for the range"],
      ["to=soon", "to: must be an ISO 8601 time or epoch milliseconds"],
    ];
    for (const [query, message] of cases) {
      const response = await profile(token, "SOL-USDT", query);
      expect(response.status, query).toBe(400);
      expect(JSON.stringify(response.body), query).toContain(message);
    }
    expect((await profile(token, "XRP-USDT", "")).status).toBe(404);
  });
});
