import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import type { StrategyName } from "../orders/types";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare } from "./test-support";

/** passive_only: every child is post-only, nothing ever takes liquidity — even to finish. */
describe.each(["TWAP", "VWAP", "IS", "Target Time", "POV", "Iceberg"] as StrategyName[])(
  "%s passive_only",
  (strategy) => {
    const pair = "BTC-USDT";
    const seed = `passive-${strategy}`;
    const end = T0 + 20 * MINUTE;
    const model = marketOf(seed);
    const qty = sizeForShare(model, pair, T0, end, 0.02);
    const order = orderOf(strategy, {
      pair,
      targetQty: qty,
      endTime: end,
      povTarget: strategy === "POV" ? new Dec("0.1") : null,
      params: {
        passiveOnly: true,
        maxClipSize:
          strategy === "Iceberg" ? qty.mul(model.book(pair, T0).mid).div(20).toDecimalPlaces(0) : null,
      },
    });
    const result = runScenario(seed, order);

    it("sends only post-only children and never takes", () => {
      expect(result.placements.length).toBeGreaterThan(0);
      expect(result.placements.every((p) => p.child.postOnly && p.child.tif === "GTC")).toBe(true);
      expect(result.fills.every((f) => f.role === "MAKE")).toBe(true);
      expect(result.violations).toEqual([]);
    });

    it("ends by the end time: complete, or complete with a warning saying what was left", () => {
      expect(result.status).toBe("complete");
      expect(result.endedAt).toBeLessThanOrEqual(end + 1000);
      if (result.metrics.completionPct < 100 - 1e-6) {
        const warn = result.logs.find((l) => l.level === "WARN")!;
        expect(warn.message).toMatch(
          /^End time reached \(passive_only: no crossing to finish\): [\d.]+ BTC of [\d.]+ left unfilled\.$/,
        );
      }
    });
  },
);

describe("passive_only when the schedule falls behind", () => {
  it("joins the touch instead of crossing", () => {
    // Far behind the touch (passiveness 1) with a tight band: the band forces catch-up, which must stay passive.
    const seed = "passive-catchup";
    const qty = sizeForShare(marketOf(seed), "ETH-USDT", T0, T0 + 20 * MINUTE, 0.05);
    const order = orderOf("TWAP", {
      pair: "ETH-USDT",
      targetQty: qty,
      endTime: T0 + 20 * MINUTE,
      passiveness: new Dec(1),
      discretion: new Dec("0.02"),
      params: { passiveOnly: true },
    });
    const result = runScenario(seed, order);
    const atTouch = result.placements.filter((p) => {
      const book = marketOf(seed).book("ETH-USDT", p.time);
      return p.child.price === book.bid.toFixed();
    });
    expect(atTouch.length).toBeGreaterThan(0);
    expect(result.fills.every((f) => f.role === "MAKE")).toBe(true);
  });
});
