import "server-only";
import type { TQuote, TQuoteRequest } from "@/lib/contracts/gateway";
import { AmountError, fromBaseUnits, toBaseUnits } from "@/lib/domain/defi/units";
import { getAmountIn, getAmountOut, PoolMathError } from "@/lib/domain/defi/amm-math";
import { priceOf } from "@/lib/domain/defi/price";
import { takeLiquidity } from "@/lib/domain/market/sim-exchange";
import { Dec } from "@/lib/domain/shared/decimal";
import { AppError } from "@/lib/domain/shared/errors";
import { venue } from "../../venues";
import { defiVenue } from "../../venues/amm";
import { CEFI_VENUE, cefiMarket, defiMarket } from "./markets";

/** Decimal places of an indicative CeFi quantity and of every quoted price. */
const QUOTE_PLACES = 8;

/**
 * An indicative quote; creates nothing. `qty` in the answer is the other side of the trade — what a
 * buy sized in quote receives in base, what a sell sized in base receives in quote, what a trade
 * sized in base costs or pays in quote — and `price` is quote per base, the venue's fee included.
 * CeFi: walks the simulated exchange's book at `now`. DeFi: the chain's pool, as a swap would pay now.
 */
export async function getQuote({
  request,
  now = Date.now(),
}: {
  request: TQuoteRequest;
  now?: number;
}): Promise<TQuote> {
  return request.chain === undefined ? cefiQuote(request, now) : defiQuote(request, request.chain);
}

function cefiQuote(request: TQuoteRequest, now: number): TQuote {
  const spec = cefiMarket(request.base_asset, request.quote_asset);
  const book = venue(CEFI_VENUE).book(spec.pair, now);
  const qty = new Dec(request.qty);
  const feeFactor = new Dec(spec.takerFeeBps).div(10_000);
  const sign = request.side === "buy" ? 1 : -1;
  // Average price of taking `size` base from the book; beyond the displayed depth, the last level.
  const averageFor = (size: Dec): Dec => {
    const taken = takeLiquidity(book, request.side, size);
    const levels = request.side === "buy" ? book.asks : book.bids;
    const last = levels[levels.length - 1]?.price ?? book.mid;
    const notional = (taken.averagePrice ?? last).mul(taken.filled).add(taken.remaining.mul(last));
    return notional.div(size);
  };
  let base: Dec;
  let average: Dec;
  if (request.qty_unit === "base") {
    base = qty;
    average = averageFor(base);
  } else {
    // Sized in quote: estimate the base at the touch, then once more at the average it would get.
    const touch = request.side === "buy" ? book.ask : book.bid;
    average = averageFor(qty.div(touch));
    base = qty.div(average.mul(feeFactor.mul(sign).add(1)));
    average = averageFor(base);
  }
  const price = average.mul(feeFactor.mul(sign).add(1));
  const answer =
    request.qty_unit === "base"
      ? { qty: price.mul(base), qty_unit: "quote" as const }
      : { qty: qty.div(price), qty_unit: "base" as const };
  return {
    qty: answer.qty.toDecimalPlaces(QUOTE_PLACES, Dec.ROUND_DOWN).toFixed(),
    qty_unit: answer.qty_unit,
    price: price.toDecimalPlaces(QUOTE_PLACES).toFixed(),
  };
}

async function defiQuote(request: TQuoteRequest, chain: string): Promise<TQuote> {
  const amm = defiVenue(chain);
  const { base, quote } = defiMarket(request.base_asset, request.quote_asset, chain);
  await amm.assertAvailable();
  const pays = request.qty_unit === "quote" ? quote : base; // the token the qty is in
  const buysBase = request.side === "buy";
  let amount: bigint;
  try {
    amount = toBaseUnits(request.qty, pays.decimals, pays.symbol);
  } catch (error) {
    if (error instanceof AmountError) throw new AppError("bad_request", `qty: ${error.message}`);
    throw error;
  }
  try {
    // Exact input when the qty is what goes into the pool (a buy in quote, a sell in base);
    // otherwise the input that yields the qty, by the inverse formula.
    const exactIn = (buysBase && request.qty_unit === "quote") || (!buysBase && request.qty_unit === "base");
    const [tokenIn, tokenOut] = buysBase ? [quote, base] : [base, quote];
    const pool = await amm.pool(tokenIn.symbol, tokenOut.symbol);
    const amountIn = exactIn ? amount : getAmountIn(amount, pool.reserveIn, pool.reserveOut, pool.feeBps);
    const amountOut = exactIn ? getAmountOut(amountIn, pool.reserveIn, pool.reserveOut, pool.feeBps) : amount;
    if (amountOut === 0n) throw new PoolMathError("INSUFFICIENT_OUTPUT_AMOUNT");
    const [baseUnits, quoteUnits] = buysBase ? [amountOut, amountIn] : [amountIn, amountOut];
    const other = exactIn ? { units: amountOut, token: tokenOut } : { units: amountIn, token: tokenIn };
    return {
      qty: fromBaseUnits(other.units, other.token.decimals),
      qty_unit: request.qty_unit === "base" ? "quote" : "base",
      price: priceOf(quoteUnits, quote.decimals, baseUnits, base.decimals)
        .toDecimalPlaces(QUOTE_PLACES)
        .toFixed(),
    };
  } catch (error) {
    if (error instanceof PoolMathError) {
      throw new AppError(
        "bad_request",
        `qty: the ${base.symbol}/${quote.symbol} pool cannot quote this amount (${error.message}).`,
      );
    }
    throw error;
  }
}
