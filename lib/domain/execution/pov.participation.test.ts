import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { MINUTE, T0, marketOf, orderOf, runScenario } from "./test-support";

/**
 * POV 10 % without an end time: own / (own + others) stays within ±20 % of the target (8–12 %) over
 * every window of a tenth of the order's life, and the order runs until its quantity is done.
 */
describe.each([
  ["BTC-USDT", "buy", "0.1", "pov-1"],
  ["SOL-USDT", "sell", "0.1", "pov-2"],
  ["ETH-USDT", "buy", "0.05", "pov-3"],
] as const)("POV on %s %s at %s", (pair, side, target, seed) => {
  const rho = Number(target);
  const model = marketOf(seed);
  // Sized to take about 20 minutes at the target rate.
  const qty = model
    .expectedVolume(pair, T0, T0 + 20 * MINUTE)
    .mul(rho / (1 - rho))
    .toDecimalPlaces(3, Dec.ROUND_DOWN);
  const order = orderOf("POV", { pair, side, targetQty: qty, povTarget: new Dec(target), endTime: null });
  const result = runScenario(seed, order, { tickMs: 1000 });
  const samples = result.samples;

  it("runs until the quantity is done", () => {
    expect(result.status).toBe("complete");
    expect(result.metrics.completionPct).toBeCloseTo(100, 6);
    expect(result.violations).toEqual([]);
    expect(result.logs[0]!.message).toContain(`${rho * 100}% of market volume until done`);
  });

  it("participates at the target over the whole life (±1 pp) and in every tenth of it (±20 %)", () => {
    expect(Math.abs(result.metrics.participation! - rho)).toBeLessThan(0.01);
    const done = samples.findIndex((s) => s.executedShare >= 1 - 1e-9);
    const life = samples.slice(0, done + 1);
    const span = life.at(-1)!.time - T0;
    const window = span / 10;
    const worst = { low: 1, high: 0 };
    for (const a of life) {
      const b = life.find((s) => s.time >= a.time + window);
      if (!b) break;
      const own = b.ownVolume.sub(a.ownVolume).toNumber();
      const others = b.othersVolume.sub(a.othersVolume).toNumber();
      const rate = own / (own + others);
      worst.low = Math.min(worst.low, rate);
      worst.high = Math.max(worst.high, rate);
    }
    expect(worst.low).toBeGreaterThan(rho * 0.8);
    expect(worst.high).toBeLessThan(rho * 1.2);
  });
});

describe("POV amended from 10 % to 20 %", () => {
  it("participates at the new rate after the amendment", () => {
    const pair = "BTC-USDT";
    const seed = "pov-amend";
    const qty = marketOf(seed)
      .expectedVolume(pair, T0, T0 + 40 * MINUTE)
      .mul(0.12)
      .toDecimalPlaces(3, Dec.ROUND_DOWN);
    const order = orderOf("POV", { pair, targetQty: qty, povTarget: new Dec("0.1"), endTime: null });
    const at = T0 + 10 * MINUTE;
    const result = runScenario(seed, order, {
      actions: [{ at, type: "amend", changes: { povTarget: new Dec("0.2") } }],
    });
    const rate = (from: number, to: number) => {
      const a = result.samples.find((s) => s.time >= from)!;
      const b = result.samples.filter((s) => s.time <= to).at(-1)!;
      const own = b.ownVolume.sub(a.ownVolume).toNumber();
      return own / (own + b.othersVolume.sub(a.othersVolume).toNumber());
    };
    expect(Math.abs(rate(T0, at) - 0.1)).toBeLessThan(0.01);
    expect(Math.abs(rate(at + MINUTE, at + 8 * MINUTE) - 0.2)).toBeLessThan(0.02);
    expect(result.status).toBe("complete");
  });
});
