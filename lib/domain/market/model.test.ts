import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { createMarketModel } from "./model";
import { DEFAULT_MARKET_CONFIG } from "./pairs";
import type { BookSnapshot, TapeTrade } from "./types";

const PAIRS = ["BTC-USDT", "ETH-USDT", "SOL-USDT"];
const T0 = Date.UTC(2026, 10, 23, 9, 30, 0, 250); // a Monday morning, UTC
const HOUR = 3_600_000;
const YEAR = 365.25 * 24 * HOUR;

const plainBook = (b: BookSnapshot) => JSON.stringify(b);
const plainTrades = (ts: TapeTrade[]) =>
  ts.map((t) => `${t.id}|${t.time}|${t.price.toFixed()}|${t.size.toFixed()}|${t.aggressor}`);
const onGrid = (value: Dec, step: string) => value.div(step).isInteger();
const std = (xs: number[]) => {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1));
};

describe("determinism", () => {
  it("is pinned: the same seed gives the same market in every process (golden values)", () => {
    const model = createMarketModel({ seed: "golden" });
    expect(model.referenceMid("BTC-USDT", T0).toFixed()).toBe("93050.18");
    expect(model.referenceMid("ETH-USDT", T0).toFixed()).toBe("3313.71");
    expect(model.referenceMid("SOL-USDT", T0).toFixed()).toBe("171.765");
    const book = model.book("BTC-USDT", T0);
    expect([book.bid.toFixed(), book.ask.toFixed(), book.bids[0]!.size.toFixed()]).toEqual([
      "93045.96",
      "93054.4",
      "1.13665",
    ]);
    expect(plainTrades(model.trades("BTC-USDT", T0, T0 + 5000)).slice(0, 2)).toEqual([
      "BTC-USDT:1795426201:0|1795426201055|93032.83|0.04092|sell",
      "BTC-USDT:1795426201:1|1795426201995|93057.27|0.05076|buy",
    ]);
  });

  it("answers the same for the same (seed, pair, time) regardless of query order or model instance", () => {
    const a = createMarketModel({ seed: "s1" });
    const b = createMarketModel({ seed: "s1" });
    const times = Array.from({ length: 50 }, (_, i) => T0 + ((i * 7_919_777) % (40 * 24 * HOUR)));
    const forward = times.map((t) => a.referenceMid("ETH-USDT", t).toFixed());
    const backward = [...times]
      .reverse()
      .map((t) => b.referenceMid("ETH-USDT", t).toFixed())
      .reverse();
    expect(backward).toEqual(forward);
    expect(plainBook(a.book("SOL-USDT", T0 + 123))).toBe(plainBook(b.book("SOL-USDT", T0 + 123)));
  });

  it("gives different, independent paths for different seeds and pairs", () => {
    const returns = (seed: string, pair: string) => {
      const model = createMarketModel({ seed });
      return Array.from({ length: 200 }, (_, i) => {
        const t = T0 + i * HOUR;
        return Math.log(
          model
            .referenceMid(pair, t + HOUR)
            .div(model.referenceMid(pair, t))
            .toNumber(),
        );
      });
    };
    const corr = (x: number[], y: number[]) => {
      const mx = x.reduce((s, v) => s + v, 0) / x.length;
      const my = y.reduce((s, v) => s + v, 0) / y.length;
      let sxy = 0;
      let sxx = 0;
      let syy = 0;
      x.forEach((v, i) => {
        sxy += (v - mx) * (y[i]! - my);
        sxx += (v - mx) ** 2;
        syy += (y[i]! - my) ** 2;
      });
      return sxy / Math.sqrt(sxx * syy);
    };
    const a = returns("alpha", "BTC-USDT");
    expect(returns("alpha", "BTC-USDT")).toEqual(a);
    expect(Math.abs(corr(a, returns("beta", "BTC-USDT")))).toBeLessThan(0.2);
    expect(Math.abs(corr(a, returns("alpha", "ETH-USDT")))).toBeLessThan(0.2);
  });

  it("throws a field error for an unknown pair", () => {
    const model = createMarketModel({ seed: "s" });
    expect(() => model.book("DOGE-USDT", T0)).toThrow(/unknown pair DOGE-USDT/);
    expect(model.pairs().map((p) => p.pair)).toEqual(PAIRS);
  });
});

describe("reference price F(t)", () => {
  it("has the configured volatility across seeds (1-hour log returns)", () => {
    for (const { spec, model: params } of DEFAULT_MARKET_CONFIG.pairs) {
      const returns = Array.from({ length: 400 }, (_, i) => {
        const model = createMarketModel({ seed: `vol-${i}` });
        return Math.log(
          model
            .referenceMid(spec.pair, T0 + HOUR)
            .div(model.referenceMid(spec.pair, T0))
            .toNumber(),
        );
      });
      const expected = params.annualVolatility * Math.sqrt(HOUR / YEAR);
      expect(std(returns) / expected).toBeGreaterThan(0.85);
      expect(std(returns) / expected).toBeLessThan(1.15);
    }
  });

  it("has the configured volatility along one path (1-minute returns over two days)", () => {
    const model = createMarketModel({ seed: "realized" });
    const prices = Array.from({ length: 2 * 1440 + 1 }, (_, i) =>
      model.referenceMid("BTC-USDT", T0 + i * 60_000).toNumber(),
    );
    const returns = prices.slice(1).map((p, i) => Math.log(p / prices[i]!));
    const expected = 0.55 * Math.sqrt(60_000 / YEAR);
    expect(std(returns) / expected).toBeGreaterThan(0.93);
    expect(std(returns) / expected).toBeLessThan(1.07);
  });

  it("moves smoothly below a second: a millisecond apart differs by far less than a bps", () => {
    const model = createMarketModel({ seed: "smooth" });
    for (let i = 0; i < 100; i++) {
      const t = T0 + i * 10_007;
      const move = model
        .referenceMid("BTC-USDT", t + 1)
        .div(model.referenceMid("BTC-USDT", t))
        .minus(1)
        .abs();
      expect(move.toNumber()).toBeLessThan(0.5e-4);
    }
  });

  it("stays in a plausible band around the initial price on any date", () => {
    const model = createMarketModel({ seed: "years" });
    for (let i = 0; i < 120; i++) {
      const price = model.referenceMid("BTC-USDT", Date.UTC(2015, 0, 1) + i * 31 * 24 * HOUR).toNumber();
      expect(price).toBeGreaterThan(90_000 / 2.5);
      expect(price).toBeLessThan(90_000 * 2.5);
    }
  });
});

describe("book", () => {
  const model = createMarketModel({ seed: "book" });

  it("is uncrossed, ordered, on the tick grid and size step, 20 levels a side", () => {
    for (const { spec, model: params } of DEFAULT_MARKET_CONFIG.pairs) {
      for (let i = 0; i < 100; i++) {
        const book = model.book(spec.pair, T0 + i * 61_003);
        expect(book.bids).toHaveLength(20);
        expect(book.asks).toHaveLength(20);
        expect(book.bid.eq(book.bids[0]!.price) && book.ask.eq(book.asks[0]!.price)).toBe(true);
        expect(book.bid.lt(book.mid) && book.mid.lt(book.ask)).toBe(true);
        for (let l = 1; l < 20; l++) {
          expect(book.bids[l]!.price.lt(book.bids[l - 1]!.price)).toBe(true);
          expect(book.asks[l]!.price.gt(book.asks[l - 1]!.price)).toBe(true);
        }
        for (const level of [...book.bids, ...book.asks]) {
          expect(onGrid(level.price, spec.tickSize)).toBe(true);
          expect(onGrid(level.size, spec.sizeStep)).toBe(true);
          expect(level.size.gte(spec.sizeStep)).toBe(true);
        }
        expect(onGrid(book.mid, spec.tickSize)).toBe(true);
        const spreadBps = book.ask.minus(book.bid).div(book.mid).times(10_000).toNumber();
        expect(spreadBps).toBeGreaterThan(params.spreadBps * 0.45);
        expect(spreadBps).toBeLessThan(params.spreadBps * 2.1);
      }
    }
  });

  it("centres on F(t) and grows its displayed size away from the touch", () => {
    let touch = 0;
    let deep = 0;
    for (let i = 0; i < 200; i++) {
      const t = T0 + i * 1_000;
      const book = model.book("BTC-USDT", t);
      expect(book.mid.minus(model.referenceMid("BTC-USDT", t)).abs().lte("0.01")).toBe(true);
      touch += book.bids[0]!.size.toNumber() + book.asks[0]!.size.toNumber();
      deep += book.bids[19]!.size.toNumber() + book.asks[19]!.size.toNumber();
    }
    expect(deep / touch).toBeGreaterThan(12); // touch 1.5, level 19: 1.5 + 19·1.5 = 30 BTC on average
    expect(deep / touch).toBeLessThan(28);
  });

  it("shifts by our impact", () => {
    const t = T0 + 5_000;
    const plain = model.book("ETH-USDT", t);
    const pushed = model.book("ETH-USDT", t, () => 10);
    const shift = pushed.mid.div(plain.mid).minus(1).times(10_000).toNumber();
    expect(shift).toBeCloseTo(10, 1);
    expect(pushed.bids.map((l) => l.size.toFixed())).toEqual(plain.bids.map((l) => l.size.toFixed()));
  });
});

describe("tape", () => {
  const model = createMarketModel({ seed: "tape" });

  it("is additive: any split of a window gives the same trades, with stable ids", () => {
    const impact = (t: number) => ((t - T0) / HOUR) * 3;
    const whole = model.trades("BTC-USDT", T0, T0 + 600_000, impact);
    for (const cut of [T0 + 1, T0 + 123_456, T0 + 300_000, T0 + 599_999]) {
      const parts = [
        ...model.trades("BTC-USDT", T0, cut, impact),
        ...model.trades("BTC-USDT", cut, T0 + 600_000, impact),
      ];
      expect(plainTrades(parts)).toEqual(plainTrades(whole));
    }
    expect(whole.length).toBeGreaterThan(600);
    expect(new Set(whole.map((t) => t.id)).size).toBe(whole.length);
    expect(whole.every((t, i) => i === 0 || t.time >= whole[i - 1]!.time)).toBe(true);
    expect(whole.every((t) => t.time >= T0 && t.time < T0 + 600_000)).toBe(true);
    expect(model.trades("BTC-USDT", T0, T0)).toEqual([]);
  });

  it("prints buys at the ask and sells at the bid of the book of their instant; large ones walk it", () => {
    const impact = () => -4;
    let walked = 0;
    for (const trade of model.trades("SOL-USDT", T0, T0 + 900_000, impact)) {
      const book = model.book("SOL-USDT", trade.time, impact);
      const levels = trade.aggressor === "buy" ? book.asks : book.bids;
      const index = levels.findIndex((l) => l.price.eq(trade.price));
      expect(index).toBeGreaterThanOrEqual(0);
      const ahead = levels.slice(0, index).reduce((sum, l) => sum.plus(l.size), new Dec(0));
      expect(trade.size.gt(ahead)).toBe(true); // walked only as far as its size needed
      if (index > 0) walked++;
      expect(trade.size.div("0.001").isInteger()).toBe(true);
    }
    expect(walked).toBeGreaterThan(0);
  });

  it("trades the expected volume over a long window (within 3 %), for every pair", () => {
    for (const pair of PAIRS) {
      const from = Date.UTC(2026, 10, 24, 0);
      const to = from + 12 * HOUR;
      const volume = model.trades(pair, from, to).reduce((sum, t) => sum + t.size.toNumber(), 0);
      const expected = model.expectedVolume(pair, from, to).toNumber();
      expect(volume / expected).toBeGreaterThan(0.97);
      expect(volume / expected).toBeLessThan(1.03);
    }
  });

  it("follows a U-shaped intraday profile: the US open trades about twice the Asian afternoon", () => {
    const day = Date.UTC(2026, 10, 24);
    const hourVolume = (h: number) =>
      model.expectedVolume("BTC-USDT", day + h * HOUR, day + (h + 1) * HOUR).toNumber();
    expect(hourVolume(14) / hourVolume(5)).toBeGreaterThan(1.7);
    expect(hourVolume(0) / hourVolume(5)).toBeGreaterThan(1.4);
    const fullDay = model.expectedVolume("BTC-USDT", day, day + 24 * HOUR).toNumber();
    expect(fullDay).toBeCloseTo(20_000, 3);
    // The integral is additive to the size step and over day boundaries.
    const split = model.expectedVolume("BTC-USDT", day - HOUR, day + 90_000).toNumber();
    const parts =
      model.expectedVolume("BTC-USDT", day - HOUR, day).toNumber() +
      model.expectedVolume("BTC-USDT", day, day + 90_000).toNumber();
    expect(Math.abs(split - parts)).toBeLessThanOrEqual(0.00002);
    const tapeRatio =
      model.trades("BTC-USDT", day + 14 * HOUR, day + 15 * HOUR).length /
      model.trades("BTC-USDT", day + 5 * HOUR, day + 6 * HOUR).length;
    expect(tapeRatio).toBeGreaterThan(1.5);
  });
});

describe("impact tracker from the model", () => {
  it("scales to the pair: a 1 % take moves the mid about like walking the book for 1 %", () => {
    const model = createMarketModel({ seed: "impact" });
    const tracker = model.impactTracker("BTC-USDT");
    tracker.record({
      time: T0,
      side: "buy",
      size: new Dec(model.hourlyVolume("BTC-USDT") * 0.01),
      role: "TAKE",
    });
    expect(tracker.offsetBps(T0)).toBeCloseTo(2.5, 6);
    const before = model.book("BTC-USDT", T0 - 1, tracker.fn());
    const after = model.book("BTC-USDT", T0, tracker.fn());
    expect(after.mid.div(before.mid).minus(1).times(10_000).toNumber()).toBeGreaterThan(2);
  });
});
