import { describe, expect, it } from "vitest";
import { hashInts, hashString, inverseNormalCdf, normalOf, RandomStream, uniformOf } from "./rng";

const moments = (xs: number[]) => {
  const mean = xs.reduce((a, x) => a + x, 0) / xs.length;
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
};

describe("counter-based hashing", () => {
  it("is pinned: the same keys give the same numbers in every process and version (golden values)", () => {
    expect(hashString("tranche")).toBe(80960506);
    expect(hashInts(hashString("tranche"), 7, 1795269600123)).toBe(487488141);
    expect(normalOf(hashInts(1, 2, 3))).toBeCloseTo(-0.3138913363983324, 12);
  });

  it("changes completely with any key, including the high word of large integers", () => {
    const base = hashString("seed");
    const a = hashInts(base, 1, 2);
    expect(hashInts(base, 1, 3)).not.toBe(a);
    expect(hashInts(base, 2, 2)).not.toBe(a);
    expect(hashInts(hashString("seeD"), 1, 2)).not.toBe(a);
    // Two times 2^32 ms apart share their low 32 bits.
    expect(hashInts(base, 0, 1_700_000_000_000)).not.toBe(hashInts(base, 0, 1_700_000_000_000 - 2 ** 32));
    expect(hashInts(base, 0, -5)).not.toBe(hashInts(base, 0, 5));
  });

  it("gives uniforms in [0,1) with mean 1/2 and variance 1/12", () => {
    const base = hashString("uniform");
    const xs = Array.from({ length: 100_000 }, (_, i) => uniformOf(hashInts(base, i)));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const { mean, variance } = moments(xs);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(variance).toBeCloseTo(1 / 12, 3);
  });

  it("gives standard normals", () => {
    const base = hashString("normal");
    const xs = Array.from({ length: 100_000 }, (_, i) => normalOf(hashInts(base, i)));
    const { mean, variance } = moments(xs);
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(variance).toBeCloseTo(1, 1);
    expect(xs.filter((x) => Math.abs(x) > 1.96).length / xs.length).toBeCloseTo(0.05, 2);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

describe("RandomStream", () => {
  it("replays the same sequence for the same seed and another for another seed", () => {
    const a = new RandomStream(42);
    const b = new RandomStream(42);
    const c = new RandomStream(43);
    const seqA = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(seqA);
    expect(seqA.slice(0, 2)).toEqual([1368468047, 3502313070]);
  });

  it.each([0.3, 2.5, 9.9, 10, 40, 250])("draws Poisson(%s) with the right mean and variance", (lambda) => {
    const stream = new RandomStream(hashInts(hashString("poisson"), lambda * 10));
    const xs = Array.from({ length: 40_000 }, () => stream.poisson(lambda));
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    const { mean, variance } = moments(xs);
    expect(mean / lambda).toBeGreaterThan(0.97);
    expect(mean / lambda).toBeLessThan(1.03);
    expect(variance / lambda).toBeGreaterThan(0.93);
    expect(variance / lambda).toBeLessThan(1.07);
  });

  it("draws exponentials and log-normals with the requested means", () => {
    const stream = new RandomStream(7);
    const exp = Array.from({ length: 50_000 }, () => stream.exponential(3));
    expect(moments(exp).mean).toBeCloseTo(3, 1);
    const sigma = 0.8;
    const ln = Array.from({ length: 100_000 }, () =>
      stream.lognormal(Math.log(2) - (sigma * sigma) / 2, sigma),
    );
    expect(moments(ln).mean / 2).toBeCloseTo(1, 1);
    expect(stream.poisson(0)).toBe(0);
  });
});
