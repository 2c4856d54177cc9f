import type { Dec } from "../shared/decimal";
import type { Side } from "../shared/side";
import { feeOf, getAmountOut, minOutWithSlippage, PoolMathError } from "./amm-math";
import { priceOf, unitsToDec as unitsDec } from "./price";
import type { DefiToken } from "./tokens";

/**
 * A Gateway DeFi order as a swap of an exact input: a buy spends quote (market buys are sized in
 * quote), a sell spends base (DeFi sells are sized in base). The plan is what the payloads encode.
 */
export interface SwapPlan {
  side: Side;
  base: DefiToken;
  quote: DefiToken;
  tokenIn: DefiToken;
  tokenOut: DefiToken;
  amountIn: bigint;
  /** What the pool would pay now. */
  expectedOut: bigint;
  /** The least the swap accepts (expectedOut less the slippage tolerance). */
  minOut: bigint;
  /** Expected quote per base. */
  price: Dec;
}

export interface PoolReserves {
  /** Reserves of the input and output tokens, base units. */
  reserveIn: bigint;
  reserveOut: bigint;
  feeBps: number;
}

export function planSwap(options: {
  side: Side;
  base: DefiToken;
  quote: DefiToken;
  amountIn: bigint;
  pool: PoolReserves;
  slippageBps: number;
}): SwapPlan {
  const { side, base, quote, amountIn, pool, slippageBps } = options;
  const [tokenIn, tokenOut] = side === "buy" ? [quote, base] : [base, quote];
  const expectedOut = getAmountOut(amountIn, pool.reserveIn, pool.reserveOut, pool.feeBps);
  // Too small to buy anything at this price (the swap would be all fee and rounding).
  if (expectedOut === 0n) throw new PoolMathError("INSUFFICIENT_OUTPUT_AMOUNT");
  const minOut = minOutWithSlippage(expectedOut, slippageBps);
  const { price } = fillOf({ side, base, quote, amountIn, amountOut: expectedOut, feeBps: pool.feeBps });
  return { side, base, quote, tokenIn, tokenOut, amountIn, expectedOut, minOut, price };
}

/** A confirmed swap as a fill, in the order's terms. */
export interface SwapFill {
  /** Quote per base, the pool's fee included (it is taken from the input). */
  price: Dec;
  /** Base moved, whole tokens (decimal text). */
  size: Dec;
  /** Quote moved. */
  notional: Dec;
  /** The pool's fee, in the input token (already in the price: shown, not charged again). */
  fee: Dec;
  feeAsset: string;
}

export function fillOf(options: {
  side: Side;
  base: DefiToken;
  quote: DefiToken;
  amountIn: bigint;
  amountOut: bigint;
  feeBps: number;
}): SwapFill {
  const { side, base, quote, amountIn, amountOut, feeBps } = options;
  const [baseUnits, quoteUnits] = side === "buy" ? [amountOut, amountIn] : [amountIn, amountOut];
  const tokenIn = side === "buy" ? quote : base;
  const price = priceOf(quoteUnits, quote.decimals, baseUnits, base.decimals);
  return {
    price,
    size: unitsDec(baseUnits, base.decimals),
    notional: unitsDec(quoteUnits, quote.decimals),
    fee: unitsDec(feeOf(amountIn, feeBps), tokenIn.decimals),
    feeAsset: tokenIn.symbol,
  };
}
