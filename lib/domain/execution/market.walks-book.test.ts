import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare, sumSizes } from "./test-support";

/** A market order larger than the touch walks the book: several levels, worse prices as it goes. */
describe.each([
  ["BTC-USDT", "buy"],
  ["ETH-USDT", "sell"],
] as const)("Market %s %s of 5 %% of half an hour's volume", (pair, side) => {
  const seed = `walk-${pair}`;
  const model = marketOf(seed);
  const book = model.book(pair, T0);
  const qty = sizeForShare(model, pair, T0, T0 + 30 * MINUTE, 0.05);
  const result = runScenario(seed, orderOf("Market", { pair, side, targetQty: qty, endTime: null }));
  const levels = side === "buy" ? book.asks : book.bids;

  it("is one child that fills the whole quantity at once", () => {
    expect(result.placements).toHaveLength(1);
    expect(result.placements[0]!.child).toMatchObject({
      kind: "market",
      tif: "IOC",
      price: null,
      size: qty.toFixed(),
    });
    expect(sumSizes(result.fills).toFixed()).toBe(qty.toFixed());
    expect(result.status).toBe("complete");
    expect(result.fills.every((f) => f.time === T0 && f.role === "TAKE")).toBe(true);
  });

  it("takes successive levels of the book at their prices, each worse than the last", () => {
    expect(qty.gt(levels[0]!.size)).toBe(true);
    expect(result.fills.length).toBeGreaterThanOrEqual(3);
    result.fills.forEach((f, i) => {
      expect(f.price.eq(levels[i]!.price)).toBe(true);
      if (i > 0)
        expect(
          side === "buy" ? f.price.gt(result.fills[i - 1]!.price) : f.price.lt(result.fills[i - 1]!.price),
        ).toBe(true);
    });
  });

  it("pays more than the half spread against arrival, plus the taker fee", () => {
    const avg = result.metrics.averagePrice!;
    const touch = (side === "buy" ? book.ask : book.bid).toNumber();
    expect(side === "buy" ? avg > touch : avg < touch).toBe(true);
    const halfSpreadBps = book.ask.sub(book.bid).div(book.mid).mul(5000).toNumber();
    expect(result.metrics.priceCostVsArrivalBps).toBeGreaterThan(halfSpreadBps);
    expect(result.metrics.feesBps).toBeCloseTo(Number(model.spec(pair).takerFeeBps), 6);
    expect(result.metrics.costVsArrivalBps).toBeCloseTo(
      result.metrics.priceCostVsArrivalBps + result.metrics.feesBps,
      1,
    );
  });

  it("with max_clip_size, takes one clip per tick instead", () => {
    const clipped = runScenario(
      seed,
      orderOf("Market", {
        pair,
        side,
        targetQty: qty,
        endTime: null,
        params: { maxClipSize: new Dec(200_000) },
      }),
    );
    expect(clipped.status).toBe("complete");
    expect(clipped.placements.length).toBeGreaterThan(1);
    for (const p of clipped.placements)
      expect(
        new Dec(p.child.size).mul(clipped.fills.find((f) => f.clientId === p.clientId)!.price).lte(210_000),
      ).toBe(true);
    expect(new Set(clipped.placements.map((p) => p.time)).size).toBe(clipped.placements.length);
  });
});
