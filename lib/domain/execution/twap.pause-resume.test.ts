import { describe, expect, it } from "vitest";
import {
  MINUTE,
  T0,
  marketOf,
  orderOf,
  restingIntervals,
  runScenario,
  sizeForShare,
  sumSizes,
} from "./test-support";

/** Paused at minute 10 for 5 minutes: nothing works during the pause, the end moves by 5 minutes. */
describe("TWAP paused and resumed", () => {
  const pair = "BTC-USDT";
  const seed = "pause";
  const qty = sizeForShare(marketOf(seed), pair, T0, T0 + 30 * MINUTE, 0.03);
  const pauseAt = T0 + 10 * MINUTE;
  const resumeAt = T0 + 15 * MINUTE;
  const result = runScenario(seed, orderOf("TWAP", { pair, targetQty: qty }), {
    actions: [
      { at: pauseAt, type: "pause" },
      { at: resumeAt, type: "resume" },
    ],
  });

  it("has no child working and no fill during the pause", () => {
    expect(result.fills.filter((f) => f.time > pauseAt && f.time <= resumeAt)).toEqual([]);
    expect(result.placements.filter((p) => p.time > pauseAt && p.time < resumeAt)).toEqual([]);
    const overlapping = restingIntervals(result).filter((i) => i.from <= pauseAt && i.to > pauseAt);
    expect(overlapping).toEqual([]);
  });

  it("re-bases the schedule from the resume: the remainder over the shifted remaining time", () => {
    expect(result.finalOrder.endTime).toBe(T0 + 35 * MINUTE);
    expect(result.logs.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^Resumed: [\d.]+ BTC remaining over 20\.0 min\.$/),
    );
    const atResume = result.samples.find((s) => s.time > resumeAt)!;
    const done = sumSizes(result.fills.filter((f) => f.time <= resumeAt))
      .div(qty)
      .toNumber();
    // Right after the resume the schedule starts from what was done, not from where a straight line would be.
    expect(Math.abs(atResume.target! - done)).toBeLessThan(0.01);
    const halfway = result.samples.find((s) => s.time >= resumeAt + 10 * MINUTE)!;
    expect(Math.abs(halfway.target! - (done + (1 - done) / 2))).toBeLessThan(0.01);
  });

  it("completes by the shifted end time, and not before the original end", () => {
    expect(result.status).toBe("complete");
    expect(result.metrics.completionPct).toBeCloseTo(100, 6);
    const last = Math.max(...result.fills.map((f) => f.time));
    expect(last).toBeLessThanOrEqual(T0 + 35 * MINUTE);
    expect(last).toBeGreaterThan(T0 + 30 * MINUTE);
    expect(result.violations).toEqual([]);
  });
});
