import { describe, expect, it } from "vitest";
import { buyerCost, fillAmounts, maxTakerIncentive, orderFromWire, orderToWire, parseUint } from "./order";

const seed = {
  maker: "0x1234567890123456789012345678901234567890",
  principal: "0xabcdefabcdefabcdefabcdefabcdefabcdefabcd",
  is_buy: true,
  ticker: "AAPL",
  exchange: 0,
  asset: "0x0000000000000000000000000000000000000001",
  price: "150250000000000000000",
  quantity: "100",
  incentive: "1000000000000000000",
  deadline: 1735689600,
  nonce: 1,
};

describe("RFQ order arithmetic (the seed's fill example)", () => {
  it("fills 50 of 100 at 150.25 for 7512.5, a 1 % fee of 75.125 and half the incentive", () => {
    const order = orderFromWire(seed);
    expect(maxTakerIncentive(order, 50n)).toBe(500000000000000000n);
    expect(fillAmounts(order.price, 50n, 100, 500000000000000000n)).toEqual({
      filledAmount: 7512500000000000000000n,
      feeAmount: 75125000000000000000n,
      incentiveAmount: 500000000000000000n,
    });
    expect(buyerCost(order, 100)).toBe(
      15025000000000000000000n + 150250000000000000000n + 1000000000000000000n,
    );
  });

  it("rounds the incentive share and the fee down, as the contract does", () => {
    expect(maxTakerIncentive({ incentive: 10n, quantity: 3n }, 1n)).toBe(3n);
    expect(fillAmounts(1n, 99n, 100, 0n).feeAmount).toBe(0n);
  });

  it("round-trips the wire form, with large integers as strings", () => {
    const big = {
      ...seed,
      nonce: "115792089237316195423570985008687907853269984665640564039457584007913129639935",
    };
    expect(orderToWire(orderFromWire(big))).toEqual({ ...big, deadline: 1735689600 });
  });

  it.each([
    ["price", { price: "1.5" }],
    ["price", { price: "-1" }],
    ["nonce", { nonce: 1.5 }],
    ["deadline", { deadline: "18446744073709551616" }],
    ["exchange", { exchange: 70000 }],
    ["maker", { maker: "0x12" }],
  ])("refuses a bad %s", (field, patch) => {
    expect(() => orderFromWire({ ...seed, ...patch } as typeof seed)).toThrow(new RegExp(`order.${field}`));
  });

  it("refuses integers beyond uint256", () => {
    expect(() => parseUint("x", (1n << 256n).toString())).toThrow(/out of range/);
  });
});
