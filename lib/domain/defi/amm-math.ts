/**
 * Constant-product pool math (Uniswap V2), in integer base units with bigint and rounding as the
 * contract rounds: the fee is taken from the input, the output rounds down.
 *
 *   amountOut = in·(1−fee)·Rout / (Rin + in·(1−fee))      fee = feeBps / 10 000
 *
 * so the pool's k = Rin·Rout never decreases.
 */

export const BPS = 10_000n;

export class PoolMathError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PoolMathError";
  }
}

/** Output for an exact input; throws for an empty pool, a zero input or a fee outside [0, 100 %). */
export function getAmountOut(
  amountIn: bigint,
  reserveIn: bigint,
  reserveOut: bigint,
  feeBps: number,
): bigint {
  if (amountIn <= 0n) throw new PoolMathError("INSUFFICIENT_INPUT_AMOUNT");
  if (reserveIn <= 0n || reserveOut <= 0n) throw new PoolMathError("INSUFFICIENT_LIQUIDITY");
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps >= 10_000) throw new PoolMathError("BAD_FEE");
  const inWithFee = amountIn * (BPS - BigInt(feeBps));
  return (inWithFee * reserveOut) / (reserveIn * BPS + inWithFee);
}

/** The least input that yields `amountOut` (Uniswap V2 getAmountIn: rounded up, plus one unit). */
export function getAmountIn(
  amountOut: bigint,
  reserveIn: bigint,
  reserveOut: bigint,
  feeBps: number,
): bigint {
  if (amountOut <= 0n) throw new PoolMathError("INSUFFICIENT_OUTPUT_AMOUNT");
  if (reserveIn <= 0n || reserveOut <= 0n || amountOut >= reserveOut)
    throw new PoolMathError("INSUFFICIENT_LIQUIDITY");
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps >= 10_000) throw new PoolMathError("BAD_FEE");
  return (reserveIn * amountOut * BPS) / ((reserveOut - amountOut) * (BPS - BigInt(feeBps))) + 1n;
}

/** The fee kept by the pool from an input, in the input token's base units (rounded down). */
export function feeOf(amountIn: bigint, feeBps: number): bigint {
  return (amountIn * BigInt(feeBps)) / BPS;
}

/** The least output accepted: the quote less `slippageBps`, rounded down. */
export function minOutWithSlippage(amountOut: bigint, slippageBps: number): bigint {
  if (!Number.isInteger(slippageBps) || slippageBps < 0 || slippageBps >= 10_000)
    throw new PoolMathError("BAD_SLIPPAGE");
  return (amountOut * (BPS - BigInt(slippageBps))) / BPS;
}

/**
 * Reserves that put the pool's price at `price` (quote per base, as a fraction num/den of whole
 * tokens) with `quoteDepth` base units of quote: used to seed pools near another venue's mid.
 */
export function reservesAtPrice(options: {
  quoteDepth: bigint;
  priceNum: bigint;
  priceDen: bigint;
  baseDecimals: number;
  quoteDecimals: number;
}): { base: bigint; quote: bigint } {
  const { quoteDepth, priceNum, priceDen, baseDecimals, quoteDecimals } = options;
  if (priceNum <= 0n || priceDen <= 0n) throw new PoolMathError("BAD_PRICE");
  // base tokens = quote tokens / price  →  base units = quoteDepth·10^bd·den / (10^qd·num)
  const base =
    (quoteDepth * 10n ** BigInt(baseDecimals) * priceDen) / (10n ** BigInt(quoteDecimals) * priceNum);
  return { base, quote: quoteDepth };
}
