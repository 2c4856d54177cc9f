import { describe, expect, it } from "vitest";
import { Dec, dec } from "../shared/decimal";
import { createMarketModel } from "./model";
import { DEFAULT_PAIR_SPECS } from "./pairs";
import {
  checkMinimums,
  fee,
  matchResting,
  queueAhead,
  roundPrice,
  roundSize,
  takeLiquidity,
  type RestingOrder,
} from "./sim-exchange";
import type { BookSnapshot, TapeTrade } from "./types";

const btc = DEFAULT_PAIR_SPECS.find((s) => s.pair === "BTC-USDT")!;
const sol = DEFAULT_PAIR_SPECS.find((s) => s.pair === "SOL-USDT")!;

const level = (price: string, size: string) => ({ price: dec(price), size: dec(size) });
/** bid 99.9/99.8/99.7, ask 100.1/100.2/100.3 */
const book: BookSnapshot = {
  pair: "TEST",
  time: 0,
  bid: dec("99.9"),
  ask: dec("100.1"),
  mid: dec("100"),
  bids: [level("99.9", "1"), level("99.8", "2"), level("99.7", "3")],
  asks: [level("100.1", "1"), level("100.2", "2"), level("100.3", "3")],
};

describe("rounding and minimums", () => {
  it.each([
    ["down", "90000.019", "90000.01"],
    ["up", "90000.011", "90000.02"],
    ["nearest", "90000.015", "90000.02"],
    ["nearest", "90000.014", "90000.01"],
    ["down", "90000.01", "90000.01"],
  ] as const)("rounds a price %s to the tick: %s → %s", (mode, price, expected) => {
    expect(roundPrice(btc, dec(price), mode).toFixed()).toBe(expected);
  });

  it("rounds sizes down to the size step", () => {
    expect(roundSize(btc, dec("0.123456789")).toFixed()).toBe("0.12345");
    expect(roundSize(sol, dec("12.3459")).toFixed()).toBe("12.345");
    expect(roundSize(btc, dec("0.000009")).toFixed()).toBe("0");
  });

  it("rejects sizes below the minimum size and notionals below the minimum notional as MIN_AMOUNT", () => {
    expect(checkMinimums(btc, dec("0.000001"), dec("90000"))).toMatchObject({ subStatus: "MIN_AMOUNT" });
    const smallNotional = checkMinimums(btc, dec("0.00005"), dec("90000")); // 4.5 USDT
    expect(smallNotional?.subStatus).toBe("MIN_AMOUNT");
    expect(smallNotional?.reason).toMatch(/notional 4.5 is below the minimum 5 USDT/);
    expect(checkMinimums(btc, dec("0.0001"), dec("90000"))).toBeNull(); // 9 USDT
    expect(checkMinimums(sol, dec("0.034"), dec("150"))).toBeNull(); // 5.1 USDT
  });

  it("charges fees in bps of the notional", () => {
    expect(fee(dec("10000"), "5").toFixed()).toBe("5");
    expect(fee(dec("1234.5"), dec("2")).toFixed()).toBe("0.2469");
  });
});

describe("takeLiquidity", () => {
  it("walks the asks level by level for a buy", () => {
    const result = takeLiquidity(book, "buy", dec("2.5"));
    expect(result.fills.map((f) => [f.price.toFixed(), f.size.toFixed(), f.level])).toEqual([
      ["100.1", "1", 0],
      ["100.2", "1.5", 1],
    ]);
    expect(result.filled.toFixed()).toBe("2.5");
    expect(result.remaining.toFixed()).toBe("0");
    expect(result.averagePrice?.toFixed()).toBe("100.16"); // (100.1 + 1.5·100.2) / 2.5
  });

  it("walks the bids for a sell and never sells below the limit", () => {
    const result = takeLiquidity(book, "sell", dec("5"), dec("99.8"));
    expect(result.fills.map((f) => f.price.toFixed())).toEqual(["99.9", "99.8"]);
    expect(result.filled.toFixed()).toBe("3");
    expect(result.remaining.toFixed()).toBe("2");
  });

  it("never buys above the limit, and fills nothing when the limit is below the ask", () => {
    expect(takeLiquidity(book, "buy", dec("10"), dec("100.25")).filled.toFixed()).toBe("3");
    const none = takeLiquidity(book, "buy", dec("1"), dec("100"));
    expect(none.fills).toEqual([]);
    expect(none.averagePrice).toBeNull();
    expect(none.remaining.toFixed()).toBe("1");
  });

  it("leaves what the displayed depth cannot fill", () => {
    const result = takeLiquidity(book, "buy", dec("10"));
    expect(result.filled.toFixed()).toBe("6");
    expect(result.remaining.toFixed()).toBe("4");
  });

  it("costs more per unit for larger market orders, concavely (≈ square-root law) in the model's book", () => {
    const model = createMarketModel({ seed: "concavity" });
    for (const pair of ["BTC-USDT", "ETH-USDT", "SOL-USDT"]) {
      const hourly = model.hourlyVolume(pair);
      const fractions = [0.0025, 0.005, 0.01, 0.02, 0.04, 0.08];
      const t0 = Date.UTC(2026, 10, 23, 10);
      const costs = fractions.map((fraction) => {
        let total = 0;
        for (let i = 0; i < 20; i++) {
          const snapshot = model.book(pair, t0 + i * 300_000);
          const size = roundSize(model.spec(pair), new Dec(hourly * fraction));
          const taken = takeLiquidity(snapshot, "buy", size);
          expect(taken.remaining.isZero()).toBe(true);
          total += taken.averagePrice!.div(snapshot.mid).minus(1).times(10_000).toNumber();
        }
        return total / 20;
      });
      for (let i = 1; i < costs.length; i++) {
        expect(costs[i]!).toBeGreaterThan(costs[i - 1]!); // bigger costs more…
        expect(costs[i]! / costs[i - 1]!).toBeLessThan(2); // …but less than proportionally
      }
      // 1 % of an hour's volume walks a few bps; 10 % ≈ √10 × as much (between 2× and 5×).
      const onePct = costs[2]!;
      expect(onePct).toBeGreaterThan(1);
      expect(onePct).toBeLessThan(6);
      const tenPct = (() => {
        const snapshot = model.book(pair, t0);
        const taken = takeLiquidity(snapshot, "buy", roundSize(model.spec(pair), new Dec(hourly * 0.1)));
        return taken.averagePrice!.div(snapshot.mid).minus(1).times(10_000).toNumber();
      })();
      expect(tenPct / onePct).toBeGreaterThan(2);
      expect(tenPct / onePct).toBeLessThan(5);
    }
  });
});

describe("queueAhead", () => {
  it("is the whole displayed level when joining an existing level", () => {
    expect(queueAhead(book, "buy", dec("99.8")).toFixed()).toBe("2");
    expect(queueAhead(book, "sell", dec("100.1")).toFixed()).toBe("1");
  });

  it("is zero inside the spread and between displayed levels", () => {
    expect(queueAhead(book, "buy", dec("100")).toFixed()).toBe("0");
    expect(queueAhead(book, "sell", dec("100.05")).toFixed()).toBe("0");
    expect(queueAhead(book, "buy", dec("99.85")).toFixed()).toBe("0");
  });
});

describe("matchResting", () => {
  let n = 0;
  const trade = (aggressor: "buy" | "sell", price: string, size: string): TapeTrade => ({
    id: `t${++n}`,
    time: 1000 + n,
    price: dec(price),
    size: dec(size),
    aggressor,
  });
  const restingBuy = (size: string, ahead: string, filled = "0"): RestingOrder => ({
    side: "buy",
    price: dec("100"),
    size: dec(size),
    filled: dec(filled),
    queueAhead: dec(ahead),
  });

  it("waits for the queue ahead at our price to trade before filling, at our price", () => {
    const result = matchResting(restingBuy("3", "2"), [
      trade("sell", "100", "1.5"), // queue 2 → 0.5
      trade("buy", "100", "5"), // a buyer lifting an ask never fills our bid
      trade("sell", "100", "1"), // 0.5 eats the queue, 0.5 fills us
      trade("sell", "100.5", "4"), // a sell above our bid: not us
    ]);
    expect(result.fills.map((f) => [f.size.toFixed(), f.price.toFixed()])).toEqual([["0.5", "100"]]);
    expect(result.filled.toFixed()).toBe("0.5");
    expect(result.queueAhead.toFixed()).toBe("0");
  });

  it("fills on a trade-through up to the trade's size, and never over-fills", () => {
    const result = matchResting(restingBuy("3", "10", "0.5"), [
      trade("sell", "99.5", "1"), // through our price: the level was swept, the queue with it
      trade("sell", "99", "5"),
      trade("sell", "98", "5"),
    ]);
    expect(result.fills.map((f) => [f.size.toFixed(), f.price.toFixed()])).toEqual([
      ["1", "100"],
      ["1.5", "100"],
    ]);
    expect(result.filled.toFixed()).toBe("3");
    expect(result.queueAhead.toFixed()).toBe("0");
  });

  it("is symmetric for a resting sell", () => {
    const order: RestingOrder = {
      side: "sell",
      price: dec("101"),
      size: dec("2"),
      filled: dec("0"),
      queueAhead: dec("1"),
    };
    const result = matchResting(order, [
      trade("sell", "100", "5"), // seller-initiated: cannot hit our ask
      trade("buy", "101", "1.25"), // 1 eats the queue, 0.25 fills us
      trade("buy", "100.9", "3"), // below our ask: not us
      trade("buy", "101.2", "0.5"), // through: fill 0.5
    ]);
    expect(result.fills.map((f) => [f.size.toFixed(), f.price.toFixed()])).toEqual([
      ["0.25", "101"],
      ["0.5", "101"],
    ]);
    expect(result.filled.toFixed()).toBe("0.75");
  });

  it("does nothing for a filled order", () => {
    expect(matchResting(restingBuy("1", "0", "1"), [trade("sell", "99", "5")]).fills).toEqual([]);
  });
});
