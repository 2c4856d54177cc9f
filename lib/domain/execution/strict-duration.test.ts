import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare } from "./test-support";

/**
 * strict_duration: no catch-up crossing at the end. A patient TWAP (resting well behind the touch)
 * keeps to its band while it runs but stops at the end time, saying what was left, instead of
 * crossing the spread in a final stretch.
 */
describe("TWAP with strict_duration", () => {
  const pair = "ETH-USDT";
  const seed = "strict";
  const end = T0 + 20 * MINUTE;
  const qty = sizeForShare(marketOf(seed), pair, T0, end, 0.05);
  const base = { pair, targetQty: qty, endTime: end, passiveness: new Dec(1), discretion: new Dec("0.1") };
  const strict = runScenario(seed, orderOf("TWAP", { ...base, params: { strictDuration: true } }));
  const normal = runScenario(seed, orderOf("TWAP", base));

  it("stops at the end time with a warning naming what was left", () => {
    expect(strict.status).toBe("complete");
    expect(strict.endedAt).toBeLessThanOrEqual(end + 1000);
    expect(strict.metrics.completionPct).toBeLessThan(100);
    expect(strict.logs.some((l) => l.message.startsWith("Final stretch"))).toBe(false);
    const warn = strict.logs.find((l) => l.level === "WARN")!;
    expect(warn.message).toMatch(
      /^End time reached \(strict_duration: no catch-up at the end\): [\d.]+ ETH of [\d.]+ left unfilled\.$/,
    );
  });

  it("while the normal TWAP crosses its remainder in the final stretch and completes", () => {
    expect(normal.status).toBe("complete");
    expect(normal.metrics.completionPct).toBeCloseTo(100, 6);
    expect(normal.logs.some((l) => l.message.startsWith("Final stretch"))).toBe(true);
    const late = normal.fills.filter((f) => f.time >= end - 60_000 && f.role === "TAKE");
    expect(late.length).toBeGreaterThan(0);
  });
});
