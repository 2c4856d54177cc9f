import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { executedOf } from "./inspect";
import { MINUTE, T0, marketOf, orderOf, runScenario, sizeForShare, sumSizes } from "./test-support";

/**
 * Canceled while a resting child is partly filled: every fill is counted exactly once (the fills the
 * venue reported sum to what the order says it executed), nothing is left working, nothing more sent.
 */
describe("cancel in the middle of a slice", () => {
  const pair = "BTC-USDT";
  const seed = "cancel";
  const qty = sizeForShare(marketOf(seed), pair, T0, T0 + 30 * MINUTE, 0.05);
  const order = orderOf("TWAP", { pair, targetQty: qty, passiveness: new Dec("0.3") });
  // Find a moment when a resting child has been partly filled and is still open.
  const probe = runScenario(seed, order);
  const partly = probe.placements.find((p) => {
    if (p.child.tif !== "GTC" || p.closedAt === null) return false;
    const fills = probe.fills.filter((f) => f.clientId === p.clientId);
    return fills.length > 0 && fills[0]!.time + 1000 < p.closedAt && sumSizes(fills).lt(p.child.size);
  })!;
  const firstFill = probe.fills.find((f) => f.clientId === partly.clientId)!;
  const cancelAt = Math.ceil((firstFill.time + 1) / 1000) * 1000;
  const result = runScenario(seed, order, { actions: [{ at: cancelAt, type: "cancel" }] });
  const child = result.placements.find((p) => p.clientId === partly.clientId)!;

  it("the scenario has a partly filled resting child at the cancel", () => {
    expect(partly).toBeDefined();
    expect(child.filled.gt(0)).toBe(true);
    expect(child.filled.lt(child.child.size)).toBe(true);
  });

  it("counts every fill once: Σ fills = executed", () => {
    expect(executedOf(order, result.state)).toBe(sumSizes(result.fills).toFixed());
    const ids = result.fills.map((f) => `${f.clientId}@${f.time}@${f.size.toFixed()}`);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("cancels the children, sends nothing else, and stops", () => {
    expect(result.status).toBe("canceled");
    const after = result.commands.filter((c) => c.time >= cancelAt).map((c) => c.command.type);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((t) => t === "cancel")).toBe(true);
    expect(child.status).toBe("canceled");
    expect(result.placements.filter((p) => p.status === "open")).toEqual([]);
    expect(result.fills.filter((f) => f.time > cancelAt)).toEqual([]);
    expect(result.violations).toEqual([]);
  });
});
