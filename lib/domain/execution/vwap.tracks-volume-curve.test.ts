import { describe, expect, it } from "vitest";
import { simulate } from "./harness";
import { MINUTE, orderOf, marketWithProfile, sizeForShare } from "./test-support";

/**
 * A market whose activity triples within the hour (hour 13 is quiet, hour 14 busy): a VWAP over
 * 13:30–14:30 must follow the expected volume, doing about a third of its quantity in the first half,
 * where a TWAP does half.
 */
const profile = Array.from({ length: 24 }, (_, h) => (h === 13 ? 0.5 : h === 14 ? 3 : 1));
const start = Date.UTC(2026, 10, 23, 13, 30);
const end = start + 60 * MINUTE;
const seed = "vwap-curve";
const model = marketWithProfile(seed, profile);
const qty = sizeForShare(model, "ETH-USDT", start, end, 0.03);
const run = (strategy: "VWAP" | "TWAP") =>
  simulate({
    model: marketWithProfile(seed, profile),
    order: orderOf(strategy, { pair: "ETH-USDT", targetQty: qty, startTime: start, endTime: end }),
    start,
    tickMs: 2000,
  });
const vwap = run("VWAP");
const twap = run("TWAP");
const half = start + 30 * MINUTE;
const shareAt = (r: typeof vwap, t: number) => r.samples.filter((s) => s.time <= t).at(-1)!.executedShare;
const expectedShare = (t: number) =>
  model
    .expectedVolume("ETH-USDT", start, t)
    .div(model.expectedVolume("ETH-USDT", start, end))
    .toNumber();

describe("VWAP on a rising volume curve", () => {
  it("does about the expected-volume share by mid-interval, where TWAP does half", () => {
    expect(expectedShare(half)).toBeLessThan(0.4);
    expect(Math.abs(shareAt(vwap, half) - expectedShare(half))).toBeLessThan(0.06);
    expect(Math.abs(shareAt(twap, half) - 0.5)).toBeLessThan(0.06);
  });

  it("stays within the discretion band around the volume curve at every tick", () => {
    const outside = vwap.samples
      .filter((s) => s.time <= end)
      .filter((s) => Math.abs(s.executedShare - expectedShare(s.time)) > 0.06 + 1e-6);
    expect(outside).toEqual([]);
  });

  it("completes on time with no contract breach", () => {
    expect(vwap.status).toBe("complete");
    expect(vwap.metrics.completionPct).toBeCloseTo(100, 6);
    expect(Math.max(...vwap.fills.map((f) => f.time))).toBeLessThanOrEqual(end);
    expect(vwap.violations).toEqual([]);
  });
});
