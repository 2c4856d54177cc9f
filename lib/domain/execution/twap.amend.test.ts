import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare, sumSizes } from "./test-support";

/** Amending a working TWAP: the schedule re-bases from the amendment to the new quantity / end / limit. */
const pair = "BTC-USDT";
const seed = "amend";
const qty = sizeForShare(marketOf(seed), pair, T0, T0 + 30 * MINUTE, 0.02);
const at = T0 + 10 * MINUTE;
const base = orderOf("TWAP", { pair, targetQty: qty });

describe("TWAP amended at minute 10", () => {
  it("quantity up: completes the new quantity by the end", () => {
    const bigger = qty.mul(1.5).toDecimalPlaces(5, Dec.ROUND_DOWN);
    const r = runScenario(seed, base, { actions: [{ at, type: "amend", changes: { targetQty: bigger } }] });
    expect(r.status).toBe("complete");
    expect(sumSizes(r.fills).toFixed()).toBe(bigger.toFixed());
    expect(Math.max(...r.fills.map((f) => f.time))).toBeLessThanOrEqual(T0 + 30 * MINUTE);
    expect(r.logs.map((l) => l.message)).toContainEqual(
      expect.stringMatching(/^Amended: .* remaining over 20\.0 min\.$/),
    );
    expect(r.violations).toEqual([]);
  });

  it("quantity down: stops at the new quantity, never beyond it", () => {
    const smaller = qty.mul(0.5).toDecimalPlaces(5, Dec.ROUND_DOWN);
    const r = runScenario(seed, base, { actions: [{ at, type: "amend", changes: { targetQty: smaller } }] });
    expect(r.status).toBe("complete");
    expect(sumSizes(r.fills).toFixed()).toBe(smaller.toFixed());
    expect(r.violations).toEqual([]);
  });

  it("duration: a longer end time stretches the rest of the schedule", () => {
    const end = T0 + 40 * MINUTE;
    const r = runScenario(seed, base, { actions: [{ at, type: "amend", changes: { endTime: end } }] });
    expect(r.status).toBe("complete");
    const last = Math.max(...r.fills.map((f) => f.time));
    expect(last).toBeGreaterThan(T0 + 35 * MINUTE);
    expect(last).toBeLessThanOrEqual(end);
    // Re-based at minute 10: what was done then, plus the rest spread evenly over the 30 minutes left.
    const done = r.samples.find((s) => s.time > at)!.target!;
    const later = r.samples.find((s) => s.time >= T0 + 25 * MINUTE)!;
    expect(later.target!).toBeCloseTo(done + (1 - done) * 0.5, 2);
  });

  it("limit: children beyond the new limit are canceled at once and no later fill crosses it", () => {
    const model = marketOf(seed);
    const mid = model.book(pair, at).mid;
    const limit = mid.mul("0.9998").toDecimalPlaces(2);
    const r = runScenario(seed, base, { actions: [{ at, type: "amend", changes: { limitPrice: limit } }] });
    const late = r.fills.filter((f) => f.time >= at);
    expect(late.filter((f) => f.price.gt(limit))).toEqual([]);
    const survivors = r.placements.filter(
      (p) =>
        p.time < at &&
        p.child.tif === "GTC" &&
        (p.closedAt ?? Infinity) > at &&
        new Dec(p.child.price!).gt(limit),
    );
    expect(survivors).toEqual([]);
    expect(r.violations).toEqual([]);
  });
});
