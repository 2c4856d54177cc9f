import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { T0, marketOf, orderOf, runScenario, sumSizes } from "./test-support";

describe("IOC", () => {
  const pair = "BTC-USDT";
  const seed = "ioc";
  const book = marketOf(seed).book(pair, T0);

  it("at the touch takes what the touch shows, cancels the rest, and completes saying so", () => {
    const qty = book.asks[0]!.size.mul(3);
    const result = runScenario(seed, orderOf("IOC", { pair, targetQty: qty, endTime: null }));
    expect(result.placements).toHaveLength(1);
    expect(result.placements[0]!.child).toMatchObject({ tif: "IOC", price: book.ask.toFixed() });
    expect(result.placements[0]!.status).toBe("canceled");
    expect(sumSizes(result.fills).toFixed()).toBe(book.asks[0]!.size.toFixed());
    expect(result.fills.every((f) => f.price.eq(book.ask))).toBe(true);
    expect(result.status).toBe("complete");
    expect(result.reason).toContain(
      `IOC done: filled ${book.asks[0]!.size.toFixed()} of ${qty.toFixed()} BTC; the rest was canceled.`,
    );
    expect(result.endedAt).toBe(T0);
  });

  it("within the touch's size, fills completely", () => {
    const qty = book.bids[0]!.size.div(2).toDecimalPlaces(5, Dec.ROUND_DOWN);
    const result = runScenario(seed, orderOf("IOC", { pair, side: "sell", targetQty: qty, endTime: null }));
    expect(sumSizes(result.fills).toFixed()).toBe(qty.toFixed());
    expect(result.status).toBe("complete");
  });

  it("at a limit below the ask fills nothing and completes at once", () => {
    const result = runScenario(
      seed,
      orderOf("IOC", { pair, targetQty: new Dec(1), endTime: null, limitPrice: book.bid }),
    );
    expect(result.fills).toEqual([]);
    expect(result.placements).toHaveLength(1);
    expect(result.placements[0]!.child.price).toBe(book.bid.toFixed());
    expect(result.status).toBe("complete");
    expect(result.reason).toContain("filled 0 of 1 BTC");
  });
});
