import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import type { Side } from "../shared/side";
import type { StrategyName } from "../orders/types";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare } from "./test-support";

/**
 * A limit price is never traded through: no child is placed beyond it and no fill happens beyond it,
 * for every strategy, both sides, normal and reversed. The limit sits 3 bps on the far side of the
 * arrival mid, so it binds for part of the run.
 */
const strategies: StrategyName[] = [
  "Limit",
  "Market",
  "IOC",
  "Iceberg",
  "TWAP",
  "VWAP",
  "POV",
  "Target Time",
  "IS",
];
const pair = "BTC-USDT";

const cases = strategies.flatMap((strategy) =>
  (["buy", "sell"] as Side[]).map((side) => [strategy, side] as const),
);

describe.each(cases)("%s %s with a limit", (strategy, side) => {
  const seed = `limit-${strategy}-${side}`;
  const model = marketOf(seed);
  const arrival = model.book(pair, T0).mid;
  const limit =
    side === "buy" ? arrival.mul("1.0003").toDecimalPlaces(2) : arrival.mul("0.9997").toDecimalPlaces(2);
  const qty = sizeForShare(model, pair, T0, T0 + 20 * MINUTE, 0.02);
  const order = orderOf(strategy, {
    pair,
    side,
    targetQty: qty,
    endTime: T0 + 20 * MINUTE,
    limitPrice: limit,
    povTarget: strategy === "POV" ? new Dec("0.1") : null,
    params: { maxClipSize: strategy === "Iceberg" ? qty.mul(arrival).div(20).toDecimalPlaces(2) : null },
  });
  const result = runScenario(seed, order);
  const worse = (price: Dec) => (side === "buy" ? price.gt(limit) : price.lt(limit));

  it("never fills beyond the limit", () => {
    expect(result.fills.filter((f) => worse(f.price))).toEqual([]);
    expect(result.violations).toEqual([]);
  });

  it("never places a child priced beyond the limit (market orders become limit-capped)", () => {
    for (const p of result.placements) {
      expect(p.child.price).not.toBeNull();
      expect(worse(new Dec(p.child.price!))).toBe(false);
    }
  });
});

describe("reversed limit", () => {
  it.each(["buy", "sell"] as Side[])("a reversed %s trades only on the other side of its limit", (side) => {
    const seed = `reverse-${side}`;
    const model = marketOf(seed);
    const arrival = model.book(pair, T0).mid;
    // A buy that may only pay at or above 2 bps under arrival; a sell that may only sell at or below 2 bps over.
    const limit =
      side === "buy" ? arrival.mul("0.9998").toDecimalPlaces(2) : arrival.mul("1.0002").toDecimalPlaces(2);
    const qty = sizeForShare(model, pair, T0, T0 + 20 * MINUTE, 0.01);
    const order = orderOf("TWAP", {
      pair,
      side,
      targetQty: qty,
      endTime: T0 + 20 * MINUTE,
      limitPrice: limit,
      isReverseLimitPrice: true,
    });
    const result = runScenario(seed, order);
    const beyond = result.fills.filter((f) => (side === "buy" ? f.price.lt(limit) : f.price.gt(limit)));
    expect(beyond).toEqual([]);
    expect(result.fills.length).toBeGreaterThan(0);
    expect(result.violations).toEqual([]);
  });
});
