import { describe, expect, it } from "vitest";
import { Dec } from "../shared/decimal";
import { T0, orderOf, runScenario } from "./test-support";

describe("insufficient balance", () => {
  it("fails the order with a reason naming what was missing", () => {
    const result = runScenario("balance", orderOf("Market", { targetQty: new Dec(2), endTime: null }), {
      balances: { base: new Dec(0), quote: new Dec(50_000) },
    });
    expect(result.status).toBe("failed");
    expect(result.reason).toMatch(
      /^Insufficient balance for a buy of 2 BTC: needs [\d.]+ USDT, available 50000 USDT$/,
    );
    expect(result.fills).toEqual([]);
    expect(result.endedAt).toBe(T0);
  });

  it("a sell within the balance goes through", () => {
    const result = runScenario(
      "balance",
      orderOf("Market", { side: "sell", targetQty: new Dec(2), endTime: null }),
      {
        balances: { base: new Dec(2), quote: new Dec(0) },
      },
    );
    expect(result.status).toBe("complete");
  });
});
