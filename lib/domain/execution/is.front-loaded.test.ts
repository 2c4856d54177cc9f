import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { algorithmFor } from "./index";
import { scheduleBand } from "./inspect";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare, viewOf } from "./test-support";

/** IS trades early (arrival-price urgency), more so when less passive, and completes on time. */
describe("IS on the simulated market", () => {
  const pair = "ETH-USDT";
  const seed = "is-1";
  const end = T0 + 30 * MINUTE;
  const qty = sizeForShare(marketOf(seed), pair, T0, end, 0.03);
  const urgent = runScenario(seed, orderOf("IS", { pair, targetQty: qty, passiveness: new Dec("0.02") }));
  const patient = runScenario(seed, orderOf("IS", { pair, targetQty: qty, passiveness: new Dec("0.8") }));
  const twap = runScenario(seed, orderOf("TWAP", { pair, targetQty: qty }));
  const shareAt = (r: typeof twap, t: number) => r.samples.filter((s) => s.time <= t).at(-1)!.executedShare;
  const quarter = T0 + 7.5 * MINUTE;

  it("is well ahead of a TWAP a quarter of the way in", () => {
    expect(shareAt(twap, quarter)).toBeLessThan(0.35);
    expect(shareAt(urgent, quarter)).toBeGreaterThan(0.55);
  });

  it("is less front-loaded at high passiveness, yet still ahead of linear", () => {
    expect(shareAt(patient, quarter)).toBeLessThan(shareAt(urgent, quarter));
    expect(shareAt(patient, quarter)).toBeGreaterThan(0.25);
  });

  it("completes on time with no contract breach", () => {
    for (const r of [urgent, patient]) {
      expect(r.status).toBe("complete");
      expect(r.metrics.completionPct).toBeCloseTo(100, 6);
      expect(Math.max(...r.fills.map((f) => f.time))).toBeLessThanOrEqual(end);
      expect(r.violations).toEqual([]);
      expect(r.metrics.bandViolations).toBe(0);
    }
  });
});

describe("IS adapts to the price moving away from arrival", () => {
  it("schedules more when the market runs away from a buy, less when it comes back", () => {
    const order = orderOf("IS", { passiveness: new Dec("0.5") });
    const algo = algorithmFor(order);
    const { state } = algo.init(order, viewOf({ bid: "90000", ask: "90010" }));
    const t = T0 + 5 * MINUTE;
    const at = (bid: number) =>
      scheduleBand(
        algo.step(order, state, { type: "tick", time: t, market: viewOf({ time: t, bid, ask: bid + 10 }) })
          .state,
      )!.target;
    const flat = at(90000);
    const away = at(90000 * 1.002); // +20 bps against a buy
    const back = at(90000 * 0.999); // −10 bps in its favour
    expect(away).toBeGreaterThan(flat + 0.05);
    expect(back).toBeLessThan(flat);
  });
});
