import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare } from "./test-support";

/** Target Time finishes by the end time, passively for the most part, hurrying only near the end. */
describe.each([
  ["BTC-USDT", "buy", "tt-1"],
  ["SOL-USDT", "sell", "tt-2"],
] as const)("Target Time %s %s", (pair, side, seed) => {
  const end = T0 + 30 * MINUTE;
  const qty = sizeForShare(marketOf(seed), pair, T0, end, 0.05);
  const order = orderOf("Target Time", { pair, side, targetQty: qty, passiveness: new Dec("0.6") });
  const result = runScenario(seed, order);
  const twap = runScenario(
    seed,
    orderOf("TWAP", { pair, side, targetQty: qty, passiveness: new Dec("0.6") }),
  );
  const shareAt = (r: typeof result, t: number) => r.samples.filter((s) => s.time <= t).at(-1)!.executedShare;

  it("completes the quantity by the end time", () => {
    expect(result.status).toBe("complete");
    expect(result.metrics.completionPct).toBeCloseTo(100, 6);
    expect(Math.max(...result.fills.map((f) => f.time))).toBeLessThanOrEqual(end);
    expect(result.violations).toEqual([]);
  });

  it("is mostly passive and lags a TWAP in the first half (back-loaded)", () => {
    expect(result.metrics.passiveShare).toBeGreaterThan(0.8);
    expect(shareAt(result, T0 + 15 * MINUTE)).toBeLessThan(shareAt(twap, T0 + 15 * MINUTE));
  });

  it("rests closer to the touch as the end approaches (urgency ramps up)", () => {
    const distanceBps = (t0: number, t1: number) => {
      const gaps = result.placements
        .filter((p) => p.child.tif === "GTC" && p.time >= t0 && p.time < t1)
        .map((p) => {
          const mid = result.samples.find((s) => s.time >= p.time)?.mid ?? result.arrivalMid;
          return (Math.abs(Number(p.child.price) - mid.toNumber()) / mid.toNumber()) * 10_000;
        });
      return gaps.reduce((a, b) => a + b, 0) / gaps.length;
    };
    expect(distanceBps(T0, T0 + 5 * MINUTE)).toBeGreaterThan(
      distanceBps(T0 + 20 * MINUTE, T0 + 27 * MINUTE) + 0.5,
    );
  });
});
