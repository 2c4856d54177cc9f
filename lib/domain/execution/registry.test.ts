import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { STRATEGIES } from "../orders/types";
import { ALGORITHMS, algorithmFor } from "./index";
import { orderOf } from "./test-support";

describe("algorithmFor", () => {
  it("has a reducer for every strategy name", () => {
    for (const name of STRATEGIES) expect(ALGORITHMS[name]).toBeDefined();
  });

  it("works any order with pov_target as POV, whatever its strategy name", () => {
    const order = orderOf("TWAP", { povTarget: new Dec("0.1") });
    expect(algorithmFor(order)).toBe(ALGORITHMS.POV);
    expect(algorithmFor(orderOf("TWAP"))).toBe(ALGORITHMS.TWAP);
  });
});

describe("validate", () => {
  it.each([
    ["Limit", {}, "limit_price"],
    ["Iceberg", {}, "max_clip_size"],
    ["TWAP", { endTime: null }, "duration"],
    ["VWAP", { endTime: null }, "duration"],
    ["IS", { endTime: null }, "duration"],
    ["Target Time", { endTime: null }, "duration"],
    ["IOC", { params: { passiveOnly: true } }, "passive_only"],
    ["Market", { params: { passiveOnly: true } }, "passive_only"],
    ["TWAP", { targetQty: new Dec(0) }, "quantity"],
    ["TWAP", { passiveness: new Dec("1.5") }, "engine_passiveness"],
    ["TWAP", { alphaTilt: new Dec(2) }, "alpha_tilt"],
  ] as const)("%s with %o is rejected, naming %s", (strategy, overrides, word) => {
    const order = orderOf(strategy, overrides);
    const problems = algorithmFor(order).validate(order);
    expect(problems.join("; ")).toContain(word);
  });

  it("accepts a complete order of each kind", () => {
    const orders = [
      orderOf("Market"),
      orderOf("Limit", { limitPrice: new Dec(90000), endTime: null }),
      orderOf("IOC"),
      orderOf("Iceberg", { params: { maxClipSize: new Dec(1000) } }),
      orderOf("TWAP"),
      orderOf("VWAP"),
      orderOf("POV", { povTarget: new Dec("0.1"), endTime: null }),
      orderOf("Target Time"),
      orderOf("IS"),
    ];
    for (const order of orders) expect(algorithmFor(order).validate(order)).toEqual([]);
  });
});
