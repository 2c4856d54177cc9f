import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare, sumSizes } from "./test-support";

/** The harness plays the engine and the venue: its own rules must hold before any strategy is judged. */
describe("the simulation harness", () => {
  const pair = "BTC-USDT";
  const seed = "harness";
  const qty = sizeForShare(marketOf(seed), pair, T0, T0 + 30 * MINUTE, 0.02);
  const twap = runScenario(seed, orderOf("TWAP", { pair, targetQty: qty }));

  it("is deterministic: the same seed and order give the same fills", () => {
    const again = runScenario(seed, orderOf("TWAP", { pair, targetQty: qty }));
    const key = (r: typeof twap) =>
      r.fills.map((f) => `${f.clientId}|${f.time}|${f.price.toFixed()}|${f.size.toFixed()}`);
    expect(key(again)).toEqual(key(twap));
  });

  it("charges maker fees on passive fills and taker fees on takes, from the pair's spec", () => {
    for (const f of twap.fills) {
      const bps = f.role === "MAKE" ? 2 : 5;
      expect(f.fee.toFixed()).toBe(f.price.mul(f.size).mul(bps).div(10_000).toFixed());
    }
  });

  it("keeps each placement's filled size equal to its fills, never above its size", () => {
    for (const p of twap.placements) {
      const filled = sumSizes(twap.fills.filter((f) => f.clientId === p.clientId));
      expect(p.filled.toFixed()).toBe(filled.toFixed());
      expect(filled.lte(p.child.size)).toBe(true);
      if (p.status === "filled") expect(filled.toFixed()).toBe(new Dec(p.child.size).toFixed());
    }
  });

  it("counts others' volume without our own maker fills", () => {
    const last = twap.samples.at(-1)!;
    const tape = marketOf(seed)
      .trades(pair, T0, last.time)
      .reduce((sum, t) => sum.add(t.size), new Dec(0));
    const makers = sumSizes(twap.fills.filter((f) => f.role === "MAKE"));
    // The same prints as the unimpacted tape (impact moves prices, not sizes), less what filled us.
    expect(last.othersVolume.toFixed()).toBe(tape.sub(makers).toFixed());
  });

  it("moves the market with our own trading: a large take lifts the book that follows", () => {
    const big = sizeForShare(marketOf(seed), pair, T0, T0 + 30 * MINUTE, 0.1);
    const quiet = marketOf(seed).book(pair, T0 + 5000).mid;
    const market = runScenario(seed, orderOf("Market", { pair, targetQty: big, endTime: null }));
    expect(market.endMid.gt(quiet)).toBe(true);
    // Without impact the same order leaves the market where it was.
    const none = runScenario(seed, orderOf("Market", { pair, targetQty: big, endTime: null }), {
      impact: null,
    });
    expect(none.endMid.lt(market.endMid)).toBe(true);
  });

  it("rejects children under the pair's minimums with MIN_AMOUNT", () => {
    const tiny = runScenario(seed, orderOf("Market", { pair, targetQty: new Dec("0.00002"), endTime: null }));
    expect(tiny.placements[0]).toMatchObject({ status: "rejected", subStatus: "MIN_AMOUNT" });
  });
});
