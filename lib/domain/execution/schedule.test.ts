import { describe, expect, it } from "vitest";
import { almgrenChriss, sliceCount, tilt } from "./schedule";

const grid = Array.from({ length: 101 }, (_, i) => i / 100);

describe("alpha tilt", () => {
  it.each([-1, -0.5, 0, 0.3, 1])("keeps the schedule monotone from 0 to 1 (tilt %s)", (a) => {
    const values = grid.map((u) => tilt(u, a));
    expect(values[0]).toBe(0);
    expect(values[100]).toBeCloseTo(1, 12);
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeGreaterThanOrEqual(values[i - 1]!);
  });

  it("front-loads when positive and back-loads when negative", () => {
    expect(tilt(0.5, 0)).toBeCloseTo(0.5);
    expect(tilt(0.5, 1)).toBeGreaterThan(0.75);
    expect(tilt(0.5, -1)).toBeLessThan(0.25);
    expect(tilt(0.5, 0.5)).toBeGreaterThan(0.5);
    expect(tilt(0.5, 0.5)).toBeLessThan(tilt(0.5, 1));
  });
});

describe("Almgren–Chriss trajectory", () => {
  it("is linear without urgency and front-loaded with it", () => {
    expect(almgrenChriss(0.3, 0)).toBeCloseTo(0.3);
    expect(almgrenChriss(0.3, 1)).toBeGreaterThan(0.3);
    expect(almgrenChriss(0.3, 4)).toBeGreaterThan(almgrenChriss(0.3, 1));
    expect(almgrenChriss(1, 4)).toBeCloseTo(1);
    expect(almgrenChriss(0, 4)).toBeCloseTo(0);
    // No overflow for extreme urgency.
    expect(almgrenChriss(0.5, 800)).toBeCloseTo(1);
  });
});

describe("slices", () => {
  it("makes one slice a minute unless the quantity cannot fill that many minimum orders", () => {
    expect(sliceCount(30 * 60_000, 10_000)).toBe(30);
    expect(sliceCount(30 * 60_000, 7.5)).toBe(7);
    expect(sliceCount(20_000, 100)).toBe(1);
  });
});
