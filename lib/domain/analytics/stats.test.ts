import { describe, expect, it } from "vitest";
import { dec, toPlain, type Dec } from "../shared/decimal";
import {
  executionStats,
  formatBps,
  intervalMarket,
  slippageBps,
  type ExecutionStatsInput,
  type StatsFill,
} from "./stats";

const fill = (price: string, size: string, fee = "0", feeAsset = "USDT"): StatsFill => ({
  price: dec(price),
  size: dec(size),
  fee: dec(fee),
  feeAsset,
});
const plain = (value: Dec | null) => (value === null ? null : toPlain(value));

/** The figures a person reads, as text, so expectations are plain literals. */
function report(input: ExecutionStatsInput) {
  const stats = executionStats(input);
  return {
    averagePrice: plain(stats.averagePrice),
    executedQty: plain(stats.executedQty),
    executedNotional: plain(stats.executedNotional),
    intervalVwap: plain(stats.intervalVwap),
    intervalVolume: plain(stats.intervalVolume),
    vsArrival: stats.slippageVsArrivalBps,
    vsVwap: stats.slippageVsVwapBps,
    vsDeparture: stats.slippageVsDepartureBps,
    participation: plain(stats.participationRate),
    totalFee: plain(stats.totalFee),
    feeAsset: stats.feeAsset,
    pctFilled: plain(stats.pctFilled),
  };
}

describe("execution statistics, hand-computed", () => {
  it("a buy that paid up (adverse)", () => {
    // avg = (100.5·1 + 100.1·3) / 4 = 400.8 / 4 = 100.2
    // vs arrival 100:   +1 · 0.2 / 100 · 1e4 = 20 bps (cost)
    // vs VWAP 3603.6/36 = 100.1: 0.1 / 100.1 · 1e4 = 9.99000999… → 9.99
    // vs departure 100.4: −0.2 / 100.4 · 1e4 = −19.9203… → −19.92 (the price kept rising)
    // participation 4 / (4 + 36) = 0.1; fees 0.1005 + 0.3003 = 0.4008 USDT; 4 of 5 BTC = 80%
    expect(
      report({
        side: "buy",
        fills: [fill("100.5", "1", "0.1005"), fill("100.1", "3", "0.3003")],
        arrivalPrice: dec("100"),
        departurePrice: dec("100.4"),
        market: { volume: dec("36"), notional: dec("3603.6") },
        target: { qty: dec("5"), unit: "base" },
      }),
    ).toEqual({
      averagePrice: "100.2",
      executedQty: "4",
      executedNotional: "400.8",
      intervalVwap: "100.1",
      intervalVolume: "36",
      vsArrival: "20.00",
      vsVwap: "9.99",
      vsDeparture: "-19.92",
      participation: "0.1",
      totalFee: "0.4008",
      feeAsset: "USDT",
      pctFilled: "80",
    });
  });

  it("a sell that got more than arrival (favourable)", () => {
    // avg = (2010·0.5 + 2006·1.5) / 2 = 4014 / 2 = 2007
    // vs arrival 2000: −1 · 7 / 2000 · 1e4 = −35 bps (a gain)
    // vs VWAP 196490/98 = 2005: −1 · 2 / 2005 · 1e4 = −9.975… → −9.98
    // vs departure 2004: −1 · 3 / 2004 · 1e4 = −14.970… → −14.97
    // participation 2 / (2 + 98) = 0.02; sized in quote: 4014 of 8028 = 50%
    expect(
      report({
        side: "sell",
        fills: [fill("2010", "0.5", "0.0005", "ETH"), fill("2006", "1.5", "0.0015", "ETH")],
        arrivalPrice: dec("2000"),
        departurePrice: dec("2004"),
        market: { volume: dec("98"), notional: dec("196490") },
        target: { qty: dec("8028"), unit: "quote" },
      }),
    ).toEqual({
      averagePrice: "2007",
      executedQty: "2",
      executedNotional: "4014",
      intervalVwap: "2005",
      intervalVolume: "98",
      vsArrival: "-35.00",
      vsVwap: "-9.98",
      vsDeparture: "-14.97",
      participation: "0.02",
      totalFee: "0.002",
      feeAsset: "ETH",
      pctFilled: "50",
    });
  });

  it.each([
    // side, avg, benchmark, bps
    ["buy", "49975", "50000", "-5.00"], // bought below: favourable
    ["buy", "50025", "50000", "5.00"], // bought above: adverse
    ["sell", "0.99985", "1", "1.50"], // sold below: adverse
    ["sell", "1.00015", "1", "-1.50"], // sold above: favourable
    ["buy", "10000.125", "10000", "0.13"], // 0.125 rounds half away from zero
    ["sell", "10000.125", "10000", "-0.13"],
    ["buy", "10000.00001", "10000", "0.00"], // −0.00 never shows
    ["sell", "10000.00001", "10000", "0.00"],
    ["buy", "100", "100", "0.00"],
  ] as const)("%s at %s vs %s = %s bps", (side, avg, benchmark, bps) => {
    expect(formatBps(slippageBps(side, dec(avg), dec(benchmark))!)).toBe(bps);
  });

  it.each([
    [null, "100"],
    ["100", null],
    ["100", "0"],
  ])("slippage of %s vs %s is undefined", (price, benchmark) => {
    expect(
      slippageBps("buy", price === null ? null : dec(price), benchmark === null ? null : dec(benchmark)),
    ).toBeNull();
  });
});

describe("undefined figures are null", () => {
  it("an order without fills", () => {
    expect(
      report({
        side: "buy",
        fills: [],
        arrivalPrice: dec("100"),
        departurePrice: dec("101"),
        market: { volume: dec("50"), notional: dec("5010") },
        target: { qty: dec("1"), unit: "base" },
      }),
    ).toEqual({
      averagePrice: null,
      executedQty: "0",
      executedNotional: "0",
      intervalVwap: "100.2",
      intervalVolume: "50",
      vsArrival: null,
      vsVwap: null,
      vsDeparture: null,
      participation: "0",
      totalFee: null,
      feeAsset: null,
      pctFilled: "0",
    });
  });

  it("an order that never became active, with no market data and no target", () => {
    const stats = executionStats({
      side: "sell",
      fills: [],
      arrivalPrice: null,
      departurePrice: null,
      market: null,
    });
    expect([stats.intervalVwap, stats.intervalVolume, stats.participationRate, stats.pctFilled]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(stats.feesByAsset).toEqual({});
  });

  it("a quiet market: our fills are all the volume and there is no interval VWAP", () => {
    const stats = executionStats({
      side: "buy",
      fills: [fill("100", "2")],
      arrivalPrice: dec("100"),
      departurePrice: null,
      market: { volume: dec("0"), notional: dec("0") },
    });
    expect(stats.intervalVwap).toBeNull();
    expect(stats.slippageVsVwapBps).toBeNull();
    expect(stats.slippageVsDepartureBps).toBeNull();
    expect(stats.slippageVsArrivalBps).toBe("0.00");
    expect(plain(stats.participationRate)).toBe("1");
  });

  it("fees in several assets have no single total", () => {
    const stats = executionStats({
      side: "buy",
      fills: [
        fill("100", "1", "0.1", "USDT"),
        fill("100", "1", "0.0002", "BNB"),
        fill("100", "1", "0.1", "USDT"),
      ],
      arrivalPrice: null,
      departurePrice: null,
      market: null,
    });
    expect([stats.totalFee, stats.feeAsset]).toEqual([null, null]);
    expect(Object.entries(stats.feesByAsset).map(([asset, fee]) => [asset, toPlain(fee)])).toEqual([
      ["USDT", "0.2"],
      ["BNB", "0.0002"],
    ]);
  });
});

describe("intervalMarket", () => {
  it("sums the tape's volume and notional exactly", () => {
    const market = intervalMarket([
      { price: dec("100.1"), size: dec("0.1") },
      { price: dec("100.2"), size: dec("0.2") },
    ]);
    expect([toPlain(market.volume), toPlain(market.notional)]).toEqual(["0.3", "30.05"]);
  });
});
