import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import type { StrategyName } from "../orders/types";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare, sumSizes } from "./test-support";

/** In a normal market every strategy finishes its quantity, on every pair. */
const strategies: StrategyName[] = [
  "Market",
  "Limit",
  "IOC",
  "Iceberg",
  "TWAP",
  "VWAP",
  "POV",
  "Target Time",
  "IS",
];
const pairs = ["BTC-USDT", "ETH-USDT", "SOL-USDT"];

describe.each(pairs)("%s", (pair) => {
  it.each(strategies)("%s completes its quantity", (strategy) => {
    const seed = `all-${pair}`;
    const model = marketOf(seed);
    const book = model.book(pair, T0);
    const end = T0 + 20 * MINUTE;
    // IOC takes only what the touch shows: size it within the touch.
    const qty =
      strategy === "IOC"
        ? book.asks[0]!.size.div(2).toDecimalPlaces(3, Dec.ROUND_DOWN)
        : sizeForShare(model, pair, T0, end, 0.01);
    const order = orderOf(strategy, {
      pair,
      targetQty: qty,
      endTime: ["Market", "Limit", "IOC", "Iceberg", "POV"].includes(strategy) ? null : end,
      // A marketable limit a few bps through the touch.
      limitPrice: strategy === "Limit" ? book.ask.mul("1.001").toDecimalPlaces(2) : null,
      povTarget: strategy === "POV" ? new Dec("0.1") : null,
      params: { maxClipSize: strategy === "Iceberg" ? qty.mul(book.mid).div(10).toDecimalPlaces(0) : null },
    });
    const result = runScenario(seed, order, { maxTime: T0 + 60 * MINUTE });
    expect(result.status).toBe("complete");
    expect(sumSizes(result.fills).toFixed()).toBe(qty.toFixed());
    expect(result.violations).toEqual([]);
    expect(result.logs.filter((l) => l.level !== "INFO")).toEqual([]);
  });
});
