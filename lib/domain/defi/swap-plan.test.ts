import { describe, expect, it } from "vitest";
import { fillOf, planSwap } from "./swap-plan";
import { DEFI_TOKENS } from "./tokens";

const { ETH, USDC, SOL } = DEFI_TOKENS;
const POOL_ETH = { reserveIn: 10_000_000n * 10n ** 6n, reserveOut: 3_125n * 10n ** 18n, feeBps: 30 };

describe("[DEFI] a Gateway order as an exact-input swap", () => {
  it("a buy spends quote for base, with min-out at the slippage tolerance", () => {
    const plan = planSwap({
      side: "buy",
      base: ETH,
      quote: USDC,
      amountIn: 1_000n * 10n ** 6n,
      pool: POOL_ETH,
      slippageBps: 50,
    });
    expect(plan.tokenIn).toBe(USDC);
    expect(plan.tokenOut).toBe(ETH);
    expect(plan.expectedOut).toBe(311_531_440_315_400_554n);
    expect(plan.minOut).toBe((311_531_440_315_400_554n * 9_950n) / 10_000n);
    // 1,000 / 0.311531… ≈ 3,209.95: the mid (3,200) plus the 0.3 % fee plus a little impact
    expect(plan.price.toDecimalPlaces(2).toFixed()).toBe("3209.95");
  });

  it("a sell spends base for quote", () => {
    const pool = { reserveIn: 60_000n * 10n ** 9n, reserveOut: 9_000_000n * 10n ** 6n, feeBps: 30 };
    const plan = planSwap({
      side: "sell",
      base: SOL,
      quote: USDC,
      amountIn: 10n * 10n ** 9n,
      pool,
      slippageBps: 100,
    });
    expect(plan.tokenIn).toBe(SOL);
    expect(plan.tokenOut).toBe(USDC);
    expect(plan.expectedOut).toBe(1_495_251_539n); // 1,495.25 USDC for 10 SOL at 150, less the 0.3 % fee and impact
    expect(plan.price.toFixed()).toBe("149.5251539");
  });

  it("refuses an input too small to buy anything", () => {
    expect(() =>
      planSwap({
        side: "buy",
        base: ETH,
        quote: USDC,
        amountIn: 1n,
        pool: { ...POOL_ETH, reserveOut: 1n },
        slippageBps: 50,
      }),
    ).toThrow("INSUFFICIENT_OUTPUT_AMOUNT");
  });

  it.each([
    [
      "buy" as const,
      1_000n * 10n ** 6n,
      311_531_440_315_400_554n,
      "0.311531440315400554",
      "1000",
      "3",
      "USDC",
    ],
    ["sell" as const, 10n ** 18n, 3_187_222_339n, "1", "3187.222339", "0.003", "ETH"],
  ])(
    "a confirmed %s is a fill in base with the fee in the input token",
    (side, amountIn, amountOut, size, notional, fee, feeAsset) => {
      const fill = fillOf({ side, base: ETH, quote: USDC, amountIn, amountOut, feeBps: 30 });
      expect(fill.size.toFixed()).toBe(size);
      expect(fill.notional.toFixed()).toBe(notional);
      expect(fill.fee.toFixed()).toBe(fee);
      expect(fill.feeAsset).toBe(feeAsset);
      expect(fill.price.toFixed()).toBe(fill.notional.div(fill.size).toDecimalPlaces(18).toFixed());
    },
  );
});
