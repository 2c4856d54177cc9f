import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { minChildSize, passivePrice, priceBound, roundSizeDown, sweepPrice, withinBound } from "./pricing";
import { BTC_SPEC, viewOf } from "./test-support";

const touch = { bid: new Dec("90000"), ask: new Dec("90010"), mid: new Dec("90005") };

describe("passive prices", () => {
  it.each([
    ["buy", 0.02, "90000"],
    ["buy", 0.1, "90000"],
    ["sell", 0.05, "90010"],
  ] as const)("%s at passiveness %s joins the touch (%s)", (side, p, price) => {
    expect(passivePrice(BTC_SPEC, side, touch, p, null)?.toFixed()).toBe(price);
  });

  it("rests further behind the touch as passiveness grows, up to 5 bps at 1", () => {
    const prices = [0.2, 0.5, 1].map((p) => passivePrice(BTC_SPEC, "buy", touch, p, null)!);
    expect(prices[0]!.lt(touch.bid)).toBe(true);
    expect(prices[1]!.lt(prices[0]!)).toBe(true);
    // 5 bps of 90005 = 45.0025 → 89954.99 on the tick grid, rounded away from the touch.
    expect(prices[2]!.toFixed()).toBe("89954.99");
    const sell = passivePrice(BTC_SPEC, "sell", touch, 1, null)!;
    expect(sell.toFixed()).toBe("90055.01");
  });

  it("never crosses the spread and never passes the limit", () => {
    const bound = priceBound({ side: "buy", limitPrice: new Dec("89990.5"), isReverseLimitPrice: false });
    expect(passivePrice(BTC_SPEC, "buy", touch, 0.05, bound)?.toFixed()).toBe("89990.5");
    // A sell limit through the bid: the last passive price is one tick above the bid.
    const sellBound = priceBound({ side: "sell", limitPrice: new Dec("89000"), isReverseLimitPrice: false });
    expect(passivePrice(BTC_SPEC, "sell", touch, 0.05, sellBound)?.toFixed()).toBe("90010");
    // A reversed buy limit (buy only at or above) through the ask: no passive price exists.
    const reverse = priceBound({ side: "buy", limitPrice: new Dec("90020"), isReverseLimitPrice: true });
    expect(passivePrice(BTC_SPEC, "buy", touch, 0.05, reverse)).toBeNull();
  });
});

describe("the limit price as a bound", () => {
  it.each([
    ["buy", false, "max"],
    ["sell", false, "min"],
    ["buy", true, "min"],
    ["sell", true, "max"],
  ] as const)("%s reverse=%s bounds prices from the %s side", (side, reverse, kind) => {
    const bound = priceBound({ side, limitPrice: new Dec(100), isReverseLimitPrice: reverse })!;
    expect(bound.kind).toBe(kind);
    expect(withinBound(bound, new Dec(100))).toBe(true);
    expect(withinBound(bound, new Dec(kind === "max" ? 101 : 99))).toBe(false);
  });
});

describe("taker sweep price", () => {
  const view = viewOf({ levelSize: 1, levelGap: 10 });
  it("reaches the level that covers the size", () => {
    expect(sweepPrice(BTC_SPEC, "buy", view.asks, view, new Dec("0.5"), null)?.toFixed()).toBe("90010");
    expect(sweepPrice(BTC_SPEC, "buy", view.asks, view, new Dec("2.5"), null)?.toFixed()).toBe("90030");
    expect(sweepPrice(BTC_SPEC, "sell", view.bids, view, new Dec("3"), null)?.toFixed()).toBe("89980");
  });
  it("is capped by the limit, and refused when the far touch is already beyond it", () => {
    const bound = priceBound({ side: "buy", limitPrice: new Dec("90025"), isReverseLimitPrice: false });
    expect(sweepPrice(BTC_SPEC, "buy", view.asks, view, new Dec("5"), bound)?.toFixed()).toBe("90025");
    const tight = priceBound({ side: "buy", limitPrice: new Dec("90005"), isReverseLimitPrice: false });
    expect(sweepPrice(BTC_SPEC, "buy", view.asks, view, new Dec("1"), tight)).toBeNull();
  });
});

describe("sizes", () => {
  it("round down to the size step and respect both minimums", () => {
    expect(roundSizeDown(BTC_SPEC, new Dec("0.123456789")).toFixed()).toBe("0.12345");
    // 5 USDT at 90,000 = 0.0000556 BTC → 0.00006 on the grid.
    expect(minChildSize(BTC_SPEC, new Dec(90000)).toFixed()).toBe("0.00006");
  });
});
