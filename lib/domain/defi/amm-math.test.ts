import { describe, expect, it } from "vitest";
import {
  feeOf,
  getAmountIn,
  getAmountOut,
  minOutWithSlippage,
  PoolMathError,
  reservesAtPrice,
} from "./amm-math";

const USDC = 10n ** 6n;
const ETH = 10n ** 18n;

describe("[DEFI] constant-product pool math", () => {
  it.each([
    // amountIn, reserveIn, reserveOut, feeBps, expected out (Uniswap V2 getAmountOut, fee 0.3 %)
    [1_000n * USDC, 10_000_000n * USDC, 3_125n * ETH, 30, 311_531_440_315_400_554n],
    [1n * ETH, 1_000n * ETH, 3_200_000n * USDC, 30, 3_187_222_339n],
    [100n, 1_000n, 1_000n, 0, 90n],
    [100n, 1_000n, 1_000n, 30, 90n],
    [1n, 1_000_000n, 1_000_000n, 30, 0n],
  ])("in %s against (%s, %s) at %i bps → %s", (amountIn, rIn, rOut, fee, out) => {
    expect(getAmountOut(amountIn, rIn, rOut, fee)).toBe(out);
  });

  it("matches the closed form in·(1−fee)·Rout/(Rin + in·(1−fee)), rounded down", () => {
    const amountIn = 12_345n * USDC;
    const rIn = 7_000_000n * USDC;
    const rOut = 2_200n * ETH;
    const inWithFee = amountIn * 9_970n;
    expect(getAmountOut(amountIn, rIn, rOut, 30)).toBe((inWithFee * rOut) / (rIn * 10_000n + inWithFee));
  });

  it("never lowers k, and a larger trade gets a worse price", () => {
    const rIn = 10_000_000n * USDC;
    const rOut = 3_125n * ETH;
    const small = getAmountOut(1_000n * USDC, rIn, rOut, 30);
    const large = getAmountOut(1_000_000n * USDC, rIn, rOut, 30);
    expect((rIn + 1_000n * USDC) * (rOut - small) >= rIn * rOut).toBe(true);
    expect(large * 1_000n < small * 1_000_000n).toBe(true);
  });

  it.each([
    [0n, 1n, 1n, 30, "INSUFFICIENT_INPUT_AMOUNT"],
    [1n, 0n, 1n, 30, "INSUFFICIENT_LIQUIDITY"],
    [1n, 1n, 1n, 10_000, "BAD_FEE"],
  ])("refuses in %s against (%s, %s) at %i bps: %s", (amountIn, rIn, rOut, fee, reason) => {
    expect(() => getAmountOut(amountIn, rIn, rOut, fee)).toThrow(new PoolMathError(reason));
  });

  it("getAmountIn is the least input whose output reaches the amount", () => {
    const rIn = 10_000_000n * USDC;
    const rOut = 3_125n * ETH;
    for (const want of [ETH / 1_000n, ETH / 10n, ETH, 7n * ETH]) {
      const amountIn = getAmountIn(want, rIn, rOut, 30);
      expect(getAmountOut(amountIn, rIn, rOut, 30) >= want).toBe(true);
      expect(getAmountOut(amountIn - 2n, rIn, rOut, 30) < want).toBe(true);
    }
    expect(() => getAmountIn(rOut, rIn, rOut, 30)).toThrow("INSUFFICIENT_LIQUIDITY");
  });

  it.each([
    [1_000_000n, 50, 995_000n],
    [1_000_000n, 0, 1_000_000n],
    [999n, 50, 994n], // 994.005 rounds down
    [11_269_000_000_000_000n, 100, 11_156_310_000_000_000n],
  ])("min-out of %s with %i bps slippage is %s", (out, bps, min) => {
    expect(minOutWithSlippage(out, bps)).toBe(min);
  });

  it("takes the fee from the input, rounded down", () => {
    expect(feeOf(1_000n * USDC, 30)).toBe(3n * USDC);
    expect(feeOf(333n, 30)).toBe(0n);
  });

  it("seeds reserves at a price: 10M USDC at 3,200 USDC/ETH is 3,125 ETH", () => {
    expect(
      reservesAtPrice({
        quoteDepth: 10_000_000n * USDC,
        priceNum: 3_200n,
        priceDen: 1n,
        baseDecimals: 18,
        quoteDecimals: 6,
      }),
    ).toEqual({ base: 3_125n * ETH, quote: 10_000_000n * USDC });
    // 90,000.5 USDC per BTC as 1800010/20
    const btc = reservesAtPrice({
      quoteDepth: 9_000_050n * USDC,
      priceNum: 1_800_010n,
      priceDen: 20n,
      baseDecimals: 8,
      quoteDecimals: 6,
    });
    expect(btc.base).toBe(100n * 10n ** 8n);
  });
});
