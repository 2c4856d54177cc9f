import { describe, expect, it } from "vitest";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare } from "./test-support";

/**
 * ool_pause: while the price is outside the limit the order cancels its children and waits, saying
 * so once per pause and once per resume, and continues when the price comes back.
 */
describe("TWAP with ool_pause", () => {
  const pair = "BTC-USDT";
  const seed = "ool-3";
  const model = marketOf(seed);
  const end = T0 + 30 * MINUTE;
  // The limit at the median mid of the run: the price is outside it about half the time.
  const mids = Array.from({ length: 30 }, (_, i) =>
    model.referenceMid(pair, T0 + i * MINUTE).toNumber(),
  ).sort((a, b) => a - b);
  const limit = model.referenceMid(pair, T0).mul(0).add(mids[15]!).toDecimalPlaces(2);
  const qty = sizeForShare(model, pair, T0, end, 0.02);
  const result = runScenario(
    seed,
    orderOf("TWAP", { pair, targetQty: qty, limitPrice: limit, params: { oolPause: true } }),
  );
  const outside = result.samples.filter((s) => s.time <= end && s.mid.gt(limit));

  it("has the price outside the limit for a good part of the run", () => {
    expect(outside.length).toBeGreaterThan(60);
  });

  it("has nothing working and places nothing while the price is outside", () => {
    for (const s of outside) {
      expect(result.placements.filter((p) => p.time === s.time)).toEqual([]);
      const working = result.placements.filter(
        (p) => p.time < s.time && (p.closedAt ?? Infinity) > s.time && p.child.tif === "GTC",
      );
      expect(working).toEqual([]);
    }
  });

  it("logs each pause and each resume once", () => {
    const pauses = result.logs.filter((l) => l.message.includes("outside the limit")).length;
    const resumes = result.logs.filter((l) => l.message.includes("back inside the limit")).length;
    expect(pauses).toBeGreaterThan(0);
    expect(resumes === pauses || resumes === pauses - 1).toBe(true);
    // One line per transition, not per tick.
    let transitions = 0;
    for (let i = 1; i < result.samples.length; i++) {
      if (result.samples[i]!.mid.gt(limit) !== result.samples[i - 1]!.mid.gt(limit)) transitions += 1;
    }
    expect(pauses + resumes).toBeLessThanOrEqual(transitions + 1);
  });

  it("never fills beyond the limit", () => {
    expect(result.fills.filter((f) => f.price.gt(limit))).toEqual([]);
    expect(result.fills.length).toBeGreaterThan(0);
  });
});
