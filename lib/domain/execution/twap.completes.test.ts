import { describe, expect, it } from "vitest";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare, sumSizes } from "./test-support";

/** A TWAP of 2 % of the interval's volume, every pair, both sides: done on time, to the lot, passively. */
describe.each([
  ["BTC-USDT", "buy"],
  ["ETH-USDT", "sell"],
  ["SOL-USDT", "buy"],
] as const)("TWAP %s %s", (pair, side) => {
  const seed = `twap-${pair}`;
  const qty = sizeForShare(marketOf(seed), pair, T0, T0 + 30 * MINUTE, 0.02);
  const order = orderOf("TWAP", { pair, side, targetQty: qty });
  const result = runScenario(seed, order);

  it("completes the exact quantity by the end time", () => {
    expect(result.status).toBe("complete");
    expect(sumSizes(result.fills).toFixed()).toBe(qty.toFixed());
    expect(Math.max(...result.fills.map((f) => f.time))).toBeLessThanOrEqual(order.endTime!);
    expect(result.violations).toEqual([]);
  });

  it("announces its schedule once and does not spam the log", () => {
    expect(result.logs[0]!.message).toMatch(
      /^Generating execution schedule: 30 slices over 30\.0 min \(TWAP/,
    );
    expect(result.logs.filter((l) => l.level !== "INFO")).toEqual([]);
    expect(result.logs.length).toBeLessThanOrEqual(3);
  });

  it("trades mostly passively, and costs less against the unimpacted price than one market order would", () => {
    expect(result.metrics.passiveShare).toBeGreaterThan(0.8);
    const market = runScenario(seed, orderOf("Market", { pair, side, targetQty: qty, endTime: null }));
    expect(result.metrics.costVsReferenceBps!).toBeLessThan(market.metrics.costVsReferenceBps!);
  });
});
