import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { tilt } from "./schedule";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare } from "./test-support";

/** Alpha tilt bends the TWAP schedule: +1 does most of the work early, −1 late; both finish on time. */
describe.each([
  ["1", (x: number) => x > 0.75],
  ["-1", (x: number) => x < 0.25],
  ["0.4", (x: number) => x > 0.55 && x < 0.75],
])("alpha tilt %s", (a, atHalf) => {
  const pair = "ETH-USDT";
  const seed = `tilt-${a}`;
  const end = T0 + 30 * MINUTE;
  const qty = sizeForShare(marketOf(seed), pair, T0, end, 0.03);
  const order = orderOf("TWAP", { pair, targetQty: qty, alphaTilt: new Dec(a) });
  const result = runScenario(seed, order);

  it("shapes the schedule as the tilt says", () => {
    const half = result.samples.find((s) => s.time >= T0 + 15 * MINUTE)!;
    expect(half.target!).toBeCloseTo(tilt(0.5, Number(a)), 2);
    expect(atHalf(half.executedShare)).toBe(true);
  });

  it("keeps the schedule monotone and the order inside its band", () => {
    const targets = result.samples.filter((s) => s.target !== null).map((s) => s.target!);
    for (let i = 1; i < targets.length; i++)
      expect(targets[i]!).toBeGreaterThanOrEqual(targets[i - 1]! - 1e-12);
    expect(result.metrics.bandViolations).toBe(0);
  });

  it("completes on time", () => {
    expect(result.status).toBe("complete");
    expect(result.metrics.completionPct).toBeCloseTo(100, 6);
    expect(Math.max(...result.fills.map((f) => f.time))).toBeLessThanOrEqual(end);
  });
});
