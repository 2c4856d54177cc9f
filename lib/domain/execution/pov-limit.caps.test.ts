import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import type { StrategyName } from "../orders/types";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare } from "./test-support";

/**
 * pov_limit caps every strategy: own volume never exceeds limit/(1 − limit) of others' volume since
 * the start (plus one minimum size). A TWAP of 5 % of the volume under a 2 % cap cannot finish: it
 * says so at the end instead of breaking the cap.
 */
describe.each(["TWAP", "VWAP", "Market", "IS"] as StrategyName[])("%s with pov_limit 2 %%", (strategy) => {
  const pair = "SOL-USDT";
  const seed = `povlimit-${strategy}`;
  const end = T0 + 20 * MINUTE;
  const qty = sizeForShare(marketOf(seed), pair, T0, end, 0.05);
  const limit = 0.02;
  const result = runScenario(
    seed,
    orderOf(strategy, { pair, targetQty: qty, endTime: end, povLimit: new Dec(limit) }),
  );
  const minSize = Number(marketOf(seed).spec(pair).minSize);

  it("never trades more than the cap allows", () => {
    for (const s of result.samples) {
      const cap = (limit / (1 - limit)) * s.othersVolume.toNumber() + minSize;
      expect(s.ownVolume.toNumber()).toBeLessThanOrEqual(cap + 1e-9);
    }
    expect(result.violations).toEqual([]);
  });

  it("trades close to the cap, and ends with a warning about what the cap left undone", () => {
    expect(result.metrics.participation!).toBeGreaterThan(0.015);
    expect(result.metrics.completionPct).toBeLessThan(60);
    expect(result.status).toBe("complete");
    const warn = result.logs.find((l) => l.level === "WARN")!;
    expect(warn.message).toMatch(
      /^Could not finish by the end time within the pov_limit: [\d.]+ SOL of [\d.]+ left unfilled\.$/,
    );
  });
});
