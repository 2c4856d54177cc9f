import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare } from "./test-support";

/**
 * With discretion d, a TWAP is never more than d·Q ahead of or behind the linear schedule Q·t/T, at
 * any tick, whatever its passiveness (a lot of slack for rounding: one size step).
 */
describe.each([
  ["0.06", "0.02", "BTC-USDT", "s1"],
  ["0.02", "0.02", "ETH-USDT", "s2"],
  ["0.1", "0.6", "SOL-USDT", "s3"],
  ["0.04", "0", "BTC-USDT", "s4"],
])("discretion %s, passiveness %s on %s", (d, p, pair, seed) => {
  const start = T0;
  const end = T0 + 30 * MINUTE;
  const qty = sizeForShare(marketOf(seed), pair, start, end, 0.05);
  const order = orderOf("TWAP", { pair, targetQty: qty, discretion: new Dec(d), passiveness: new Dec(p) });
  const result = runScenario(seed, order);

  it("stays inside [t/T − d, t/T + d]·Q at every tick and completes", () => {
    const band = Number(d);
    const slack = 1e-6;
    const outside = result.samples
      .filter((s) => s.time <= end)
      .map((s) => ({ t: (s.time - start) / (end - start), done: s.executedShare }))
      .filter(({ t, done }) => done < t - band - slack || done > t + band + slack);
    expect(outside).toEqual([]);
    expect(result.status).toBe("complete");
    expect(result.metrics.completionPct).toBeCloseTo(100, 6);
  });
});
