import { describe, expect, it } from "vitest";
import { Dec } from "@/lib/domain/shared/decimal";
import { SimVenue } from "./sim";

const T = Date.UTC(2026, 10, 2, 14, 0, 0);

describe("SimVenue books", () => {
  it("is a function of seed, pair and time: another venue on the same seed builds the same book", () => {
    const a = new SimVenue("seed-1");
    const b = new SimVenue("seed-1");
    for (const time of [T, T + 1_000, T + 3_600_000]) {
      expect(a.book("BTC-USDT", time)).toEqual(b.book("BTC-USDT", time));
    }
    expect(a.book("BTC-USDT", T).mid.eq(new SimVenue("seed-2").book("BTC-USDT", T).mid)).toBe(false);
  });

  it("rebuilds the book after a fill of ours moves it, and answers repeats with the same snapshot", () => {
    const venue = new SimVenue("seed-1");
    const before = venue.book("ETH-USDT", T);
    expect(venue.book("ETH-USDT", T)).toBe(before);
    const bought = venue.place({
      clientId: "impact-1",
      pair: "ETH-USDT",
      side: "buy",
      kind: "market",
      price: null,
      size: new Dec("200"),
      tif: "IOC",
      postOnly: false,
      time: T,
    });
    expect(bought.fills.length).toBeGreaterThan(0);
    // Our buy pushed the price up at the same instant: the cached book must not hide it.
    const after = venue.book("ETH-USDT", T);
    expect(after.mid.gt(before.mid)).toBe(true);
    // A fresh venue that saw the same fill agrees with it.
    const replay = new SimVenue("seed-1");
    replay.observeFills(
      bought.fills.map((fill) => ({
        pair: "ETH-USDT",
        time: fill.time,
        side: "buy",
        size: fill.size,
        role: fill.role,
      })),
    );
    expect(replay.book("ETH-USDT", T)).toEqual(after);
    // Other pairs are untouched.
    expect(venue.book("BTC-USDT", T)).toEqual(new SimVenue("seed-1").book("BTC-USDT", T));
  });
});
