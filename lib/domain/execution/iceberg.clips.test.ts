import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
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

/** An iceberg shows one clip of at most max_clip_size notional at a time, the next after the last fills. */
describe.each([
  ["BTC-USDT", "buy", "ice-1"],
  ["SOL-USDT", "sell", "ice-2"],
] as const)("Iceberg %s %s", (pair, side, seed) => {
  const model = marketOf(seed);
  const mid = model.book(pair, T0).mid;
  const qty = sizeForShare(model, pair, T0, T0 + 30 * MINUTE, 0.01);
  const clip = qty.mul(mid).div(20).toDecimalPlaces(0, Dec.ROUND_DOWN);
  const order = orderOf("Iceberg", {
    pair,
    side,
    targetQty: qty,
    endTime: null,
    params: { maxClipSize: clip },
  });
  const result = runScenario(seed, order);
  const intervals = restingIntervals(result).sort((a, b) => a.from - b.from || a.id.localeCompare(b.id));

  it("is sized to need many clips", () => {
    expect(qty.mul(mid).div(clip).toNumber()).toBeGreaterThanOrEqual(20);
  });

  it("never shows more than one clip, each within max_clip_size", () => {
    for (let i = 1; i < intervals.length; i++)
      expect(intervals[i]!.from).toBeGreaterThanOrEqual(intervals[i - 1]!.to);
    for (const p of result.placements) {
      expect(new Dec(p.child.size).mul(p.child.price!).lte(clip)).toBe(true);
    }
  });

  it("puts the next clip up only after the previous one filled (or was re-pegged)", () => {
    for (let i = 1; i < intervals.length; i++) {
      const prev = intervals[i - 1]!.placement;
      expect(["filled", "canceled"]).toContain(prev.status);
    }
    const refills = intervals.filter((x) => x.placement.status === "filled").length;
    expect(refills).toBeGreaterThan(10);
  });

  it("completes the quantity, passively", () => {
    expect(result.status).toBe("complete");
    expect(sumSizes(result.fills).toFixed()).toBe(qty.toFixed());
    expect(result.fills.every((f) => f.role === "MAKE")).toBe(true);
    expect(result.violations).toEqual([]);
  });
});
