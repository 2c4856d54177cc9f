import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import { DEFAULT_SLIPPAGE_BPS, type TCreateOrderRequest } from "@/lib/contracts/gateway";
import { PoolMathError } from "@/lib/domain/defi/amm-math";
import { approveSummary, formatUnits, swapSummary } from "@/lib/domain/defi/format";
import { buildPayload, MAX_PAYLOAD_TTL_MS } from "@/lib/domain/defi/payload";
import { planSwap } from "@/lib/domain/defi/swap-plan";
import { AmountError, toBaseUnits } from "@/lib/domain/defi/units";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import type { Order } from "../../db/generated/client";
import { custodialSigner } from "../../signer";
import { defiVenue } from "../../venues/amm";
import { lockChain } from "../../venues/amm/venue";
import { defiMarket } from "./markets";
import { nextNonce } from "./nonces";

/** A swap's deadline is the payloads' expiry plus this margin (seconds of block time). */
const DEADLINE_MARGIN_SECONDS = 60n;

/**
 * A DeFi Gateway order: an exact-input swap on the chain's pool from the caller's custodial address,
 * as two unsigned EIP-1559 transactions — approve(router, amountIn) with nonce n, then
 * swapExactTokensForTokens(amountIn, minOut, [in, out], self, deadline) with nonce n+1 — wrapped
 * in canonical payload envelopes. The order is stored `initialized` with the payloads verbatim;
 * nothing moves until execute verifies a stamp for each.
 *
 * Nonces: n is the address's next nonce on the chain, or the one after those already handed out
 * to its other orders still waiting for signatures (so two orders in a row both execute, in order).
 * The wallet must hold amountIn now; the chain checks it again at execution.
 */
export async function createDefiOrder({
  userId,
  request,
  chain,
  now,
}: {
  userId: string;
  request: TCreateOrderRequest;
  chain: string;
  now: number;
}): Promise<Order> {
  const amm = defiVenue(chain);
  const { base, quote } = defiMarket(request.base_asset, request.quote_asset, chain);
  const side = request.side;
  const [tokenIn, tokenOut] = side === "buy" ? [quote, base] : [base, quote];
  let amountIn: bigint;
  try {
    amountIn = toBaseUnits(request.qty, tokenIn.decimals, tokenIn.symbol);
  } catch (error) {
    if (error instanceof AmountError) throw new AppError("bad_request", `qty: ${error.message}`);
    throw error;
  }
  const prisma = await db();
  const { router } = await amm.assertAvailable(prisma);
  const slippageBps = request.slippage_bps ?? DEFAULT_SLIPPAGE_BPS;
  const orderId = randomUUID();
  const expiresAt = now + MAX_PAYLOAD_TTL_MS;

  return prisma.$transaction(async (tx) => {
    // Under the chain's lock: nonces are reserved against every other create and every inclusion.
    await lockChain(tx, amm.chainId);
    const from = await custodialSigner().addressFor(tx, userId, amm.chainId);
    const pool = await amm.pool(tokenIn.symbol, tokenOut.symbol, tx);
    let plan;
    try {
      plan = planSwap({ side, base, quote, amountIn, pool, slippageBps });
    } catch (error) {
      if (error instanceof PoolMathError)
        throw new AppError(
          "bad_request",
          `qty: the ${base.symbol}/${quote.symbol} pool cannot fill this amount (${error.message}).`,
        );
      throw error;
    }
    const balance =
      (await amm.balancesOf(from, tx)).find((b) => b.token.symbol === tokenIn.symbol)?.amount ?? 0n;
    if (balance < amountIn) {
      throw new AppError(
        "bad_request",
        `Insufficient ${tokenIn.symbol} on ${chain}: the order needs ${formatUnits(amountIn, tokenIn.decimals)}, ${from} holds ${formatUnits(balance, tokenIn.decimals)}.`,
      );
    }
    const nonce = await nextNonce(tx, {
      userId,
      chainId: amm.chainId,
      from,
      chainNonce: await amm.nonceOf(from, tx),
      now,
    });
    const [tokenInAddress, tokenOutAddress] = await Promise.all([
      amm.tokenAddress(tokenIn.symbol, tx),
      amm.tokenAddress(tokenOut.symbol, tx),
    ]);
    const steps = [
      {
        unsignedTransaction: amm.unsignedApprove({
          token: tokenInAddress,
          spender: router,
          amount: amountIn,
          nonce,
        }),
        summary: approveSummary(amountIn, tokenIn),
      },
      {
        unsignedTransaction: amm.unsignedSwap({
          router,
          amountIn,
          amountOutMin: plan.minOut,
          path: [tokenInAddress, tokenOutAddress],
          to: from,
          deadline: BigInt(Math.floor(expiresAt / 1000)) + DEADLINE_MARGIN_SECONDS,
          nonce: nonce + 1n,
        }),
        summary: swapSummary(amountIn, tokenIn, plan.minOut, tokenOut),
      },
    ];
    const payloads = steps.map(
      (step, index) =>
        buildPayload({
          orderId,
          userId,
          step: index,
          of: steps.length,
          nonce: randomBytes(16).toString("hex"),
          now,
          chainId: amm.chainId,
          from,
          unsignedTransaction: step.unsignedTransaction,
          summary: step.summary,
        }).text,
    );
    return tx.order.create({
      data: {
        id: orderId,
        userId,
        accountIds: [],
        venue: "amm",
        pair: `${base.symbol}-${quote.symbol}`,
        baseAsset: base.symbol,
        quoteAsset: quote.symbol,
        side,
        strategy: "Market",
        qtyField: request.qty_unit === "base" ? "base_asset_qty" : "quote_asset_qty",
        qtyValue: request.qty,
        targetQty: request.qty,
        targetUnit: request.qty_unit,
        startAt: new Date(now),
        arrivalPrice: plan.price.toFixed(),
        enginePassiveness: "0",
        scheduleDiscretion: "0",
        alphaTilt: "0",
        strategyParams: { slippage_bps: slippageBps, min_out: plan.minOut.toString() },
        status: "initialized",
        gatewayType: request.type,
        gatewayQtyUnit: request.qty_unit,
        chainName: chain,
        evmChainId: amm.chainId,
        payloads,
        payloadsExpiresAt: new Date(expiresAt),
        messages: {
          create: {
            level: "INFO",
            message: `Order submitted via gateway on ${chain}: ${steps.map((s) => s.summary).join(", then ")} from ${from}. Waiting for ${steps.length} signatures until ${new Date(expiresAt).toISOString()}.`,
            createdAt: new Date(now),
          },
        },
      },
    });
  });
}
