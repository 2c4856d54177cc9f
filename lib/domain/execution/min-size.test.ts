import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { minChildSize } from "./pricing";
import { BTC_SPEC, MINUTE, T0, orderOf, runScenario, sumSizes } from "./test-support";

/** The pair's minimums (BTC-USDT: 0.00001 BTC, 5 USDT): small orders are cut into fewer, legal slices. */
describe("minimum order size", () => {
  it("a TWAP too small for 30 one-minute slices uses fewer and never sends a child under the minimum", () => {
    // 0.0004 BTC ≈ 40 USDT: room for only a handful of children of the 5 USDT minimum.
    const order = orderOf("TWAP", { targetQty: new Dec("0.0004") });
    const result = runScenario("min-1", order);
    const fit = new Dec("0.0004").div(minChildSize(BTC_SPEC, result.arrivalMid)).floor().toNumber();
    const slices = Number(
      /^Generating execution schedule: (\d+) slices over 30\.0 min/.exec(result.logs[0]!.message)![1],
    );
    expect(fit).toBeLessThan(30);
    expect(slices).toBe(fit);
    for (const p of result.placements) {
      const notional = new Dec(p.child.size).mul(p.child.price ?? result.arrivalMid);
      expect(notional.gte(5)).toBe(true);
    }
    expect(result.placements.filter((p) => p.status === "rejected")).toEqual([]);
    expect(result.status).toBe("complete");
    expect(sumSizes(result.fills).toFixed()).toBe("0.0004");
  });

  it("an order below the minimum is rejected by the venue with a clear message, and completes short", () => {
    const order = orderOf("Market", { targetQty: new Dec(3), targetUnit: "quote", endTime: null });
    const result = runScenario("min-2", order);
    expect(result.placements).toHaveLength(1);
    expect(result.placements[0]).toMatchObject({ status: "rejected", subStatus: "MIN_AMOUNT" });
    const warnings = result.logs.filter((l) => l.level === "WARN").map((l) => l.message);
    expect(warnings).toContainEqual(
      expect.stringContaining(
        "rejected: below the pair's minimum order (min size 0.00001 BTC, min notional 5 USDT)",
      ),
    );
    expect(warnings).toContainEqual(
      "The remaining 3 USDT is below the pair's minimum order (min size 0.00001 BTC, min notional 5 USDT) and cannot be placed: order completed short.",
    );
    expect(result.status).toBe("complete");
    expect(result.fills).toEqual([]);
  });

  it("a quote-sized TWAP never leaves a remainder it cannot place", () => {
    const order = orderOf("TWAP", {
      targetQty: new Dec("12345.67"),
      targetUnit: "quote",
      endTime: T0 + 10 * MINUTE,
    });
    const result = runScenario("min-3", order);
    expect(result.status).toBe("complete");
    expect(result.placements.filter((p) => p.status === "rejected")).toEqual([]);
    const notional = result.fills.reduce((sum, f) => sum.add(f.price.mul(f.size)), new Dec(0));
    // Within one size step's worth (0.00001 BTC ≈ 0.9 USDT) of the target, never above it.
    expect(notional.lte("12345.67")).toBe(true);
    expect(notional.gt(new Dec("12345.67").sub(1))).toBe(true);
  });
});
