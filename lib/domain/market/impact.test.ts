import { describe, expect, it } from "vitest";
import { dec } from "../shared/decimal";
import { ImpactTracker } from "./impact";

// Hourly volume 1000 base units, k = 25 bps, τ = 2 min: a 10-unit (1 %) take moves the mid 2.5 bps.
const T0 = 1_800_000_000_000;
const tracker = () =>
  new ImpactTracker({ hourlyVolume: 1000, coefficientBps: 25, decayMs: 120_000, makerWeight: 0.1 });

describe("ImpactTracker", () => {
  it("is zero without fills and before the first fill", () => {
    const impact = tracker();
    expect(impact.offsetBps(T0)).toBe(0);
    impact.record({ time: T0, side: "buy", size: dec("10"), role: "TAKE" });
    expect(impact.offsetBps(T0 - 1)).toBe(0);
  });

  it("pushes the mid in the fill's direction by k·√(size / hourly volume)", () => {
    const buy = tracker();
    buy.record({ time: T0, side: "buy", size: dec("10"), role: "TAKE" });
    expect(buy.offsetBps(T0)).toBeCloseTo(2.5, 10);
    const sell = tracker();
    sell.record({ time: T0, side: "sell", size: 10, role: "TAKE" });
    expect(sell.offsetBps(T0)).toBeCloseTo(-2.5, 10);
  });

  it("is concave in size: 10× the size moves the mid √10× as far", () => {
    const small = tracker();
    const large = tracker();
    small.record({ time: T0, side: "buy", size: 10, role: "TAKE" });
    large.record({ time: T0, side: "buy", size: 100, role: "TAKE" });
    expect(large.offsetBps(T0) / small.offsetBps(T0)).toBeCloseTo(Math.sqrt(10), 10);
  });

  it("decays: the pressure halves every τ·ln2, the offset with its square root", () => {
    const impact = tracker();
    impact.record({ time: T0, side: "buy", size: 10, role: "TAKE" });
    const at = (ms: number) => impact.offsetBps(T0 + ms);
    expect(at(120_000)).toBeCloseTo(2.5 * Math.exp(-0.5), 10);
    expect(at(30_000)).toBeLessThan(at(0));
    expect(at(60_000)).toBeLessThan(at(30_000));
    expect(at(20 * 60_000)).toBeLessThan(0.02);
  });

  it("counts MAKE fills at a tenth of their size", () => {
    const impact = tracker();
    impact.record({ time: T0, side: "buy", size: 10, role: "MAKE" });
    expect(impact.offsetBps(T0)).toBeCloseTo(2.5 * Math.sqrt(0.1), 10);
  });

  it("rewards slicing: ten 1 % clips three minutes apart never reach the impact of one 10 % clip", () => {
    const sliced = tracker();
    for (let i = 0; i < 10; i++)
      sliced.record({ time: T0 + i * 180_000, side: "buy", size: 10, role: "TAKE" });
    const peak = Math.max(...Array.from({ length: 10 }, (_, i) => sliced.offsetBps(T0 + i * 180_000)));
    const block = tracker();
    block.record({ time: T0, side: "buy", size: 100, role: "TAKE" });
    expect(peak).toBeLessThan(3.2);
    expect(block.offsetBps(T0)).toBeCloseTo(7.906, 3);
  });

  it("nets opposite fills and accepts fills out of time order", () => {
    const impact = tracker();
    impact.record({ time: T0 + 1000, side: "sell", size: 10, role: "TAKE" });
    impact.record({ time: T0, side: "buy", size: 10, role: "TAKE" });
    expect(impact.offsetBps(T0 + 500)).toBeGreaterThan(2.4);
    expect(Math.abs(impact.offsetBps(T0 + 1000))).toBeLessThan(0.3);
  });

  it("prunes old fills into a residual without changing later offsets", () => {
    const impact = tracker();
    for (let i = 0; i < 50; i++) {
      impact.record({ time: T0 + i * 10_000, side: i % 3 === 0 ? "sell" : "buy", size: 5, role: "TAKE" });
    }
    const later = [T0 + 400_000, T0 + 490_000, T0 + 600_000].map((t) => impact.offsetBps(t));
    impact.prune(T0 + 400_000);
    expect(impact.size).toBe(10);
    const after = [T0 + 400_000, T0 + 490_000, T0 + 600_000].map((t) => impact.offsetBps(t));
    after.forEach((value, i) => expect(value).toBeCloseTo(later[i]!, 10));
  });

  it("is usable as an ImpactFn", () => {
    const impact = tracker();
    impact.record({ time: T0, side: "buy", size: 10, role: "TAKE" });
    const fn = impact.fn();
    expect(fn(T0)).toBe(impact.offsetBps(T0));
  });
});
