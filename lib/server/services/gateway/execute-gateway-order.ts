import "server-only";
import { keccak256, parseTransaction, type Hex } from "viem";
import type { TExecuteRequest, TExecuteResponse } from "@/lib/contracts/gateway";
import { parsePayload, type EvmTxPayload } from "@/lib/domain/defi/payload";
import { slippageRevertReason } from "@/lib/domain/defi/format";
import { fillOf } from "@/lib/domain/defi/swap-plan";
import { defiToken, type DefiToken } from "@/lib/domain/defi/tokens";
import type { CanonicalStatus } from "@/lib/domain/orders/status";
import { AppError } from "@/lib/domain/shared/errors";
import { verifyStamps } from "../../auth/stamps";
import { db } from "../../db";
import type { Order } from "../../db/generated/client";
import { custodialSigner } from "../../signer";
import { gatewayStatus } from "../../surfaces/gateway/status";
import { defiVenue, TransactionRejected, type Receipt } from "../../venues/amm";
import { getOrderOrThrow } from "../orders/load-order";

/**
 * POST /v1/gateway/orders/{id}/execute — the seed's contract, in this order:
 *  404 not the caller's order · 409 not `initialized` · 400 payloads expired, or not one signature
 *  per payload · 503 the venue cannot take transactions · 400/403 a stamp is malformed / does not
 *  verify against the STORED payload text (or its key is not the caller's) · 409 an earlier order of
 *  the same address must be executed first (its nonces come first).
 * Then, in one transaction, the stamps are consumed and the order moves initialized → pending only
 * if it is still initialized (a concurrent or second execute gets 409 and consumes nothing). Then
 * the custodial signer signs each transaction, the hashes are recorded, the chain includes them in
 * order, and the order ends `complete` (the swap recorded as a fill) or `failed` with the reason.
 */
export async function executeGatewayOrder({
  userId,
  orderId,
  request,
  now = Date.now(),
}: {
  userId: string;
  orderId: string;
  request: TExecuteRequest;
  now?: number;
}): Promise<TExecuteResponse> {
  const prisma = await db();
  const order = await getOrderOrThrow(prisma, userId, orderId);
  if (order.status !== "initialized") {
    const status = gatewayStatus(order.status as CanonicalStatus, order.strategy);
    throw new AppError(
      "conflict",
      `Order ${order.id} is ${status}, not initialized: it cannot be executed (again).`,
    );
  }
  if (!order.chainName || order.evmChainId === null || order.payloads.length === 0) {
    throw new AppError("conflict", `Order ${order.id} has no payloads to execute.`);
  }
  if (!order.payloadsExpiresAt || order.payloadsExpiresAt.getTime() <= now) {
    throw new AppError(
      "bad_request",
      `The payloads of order ${order.id} expired at ${order.payloadsExpiresAt?.toISOString()}; create a new order.`,
    );
  }
  if (request.signatures.length !== order.payloads.length) {
    throw new AppError(
      "bad_request",
      `Expected ${order.payloads.length} signatures (one per payload, in order), got ${request.signatures.length}.`,
    );
  }
  const payloads = order.payloads.map((text) => parsePayload(text));
  const chainId = order.evmChainId;
  const amm = defiVenue(order.chainName);
  await amm.assertAvailable(prisma);

  const verification = await verifyStamps({
    userId,
    payloads: order.payloads,
    signatures: request.signatures,
    authType: request.auth_type,
  });

  const from = payloads[0]!.from as Hex;
  const firstNonce = BigInt(parseTransaction(payloads[0]!.unsignedTransaction as Hex).nonce ?? 0);
  const chainNonce = await amm.nonceOf(from, prisma);
  if (firstNonce > chainNonce) {
    throw new AppError(
      "conflict",
      `An earlier order from ${from} (nonce ${chainNonce}) is waiting for signatures: execute it first, or wait until it expires.`,
    );
  }

  await prisma.$transaction(async (tx) => {
    await verification.commit(tx);
    const { count } = await tx.order.updateMany({
      where: { id: order.id, userId, status: "initialized" },
      data: { status: "pending", timeStart: new Date(now), version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("conflict", `Order ${order.id} was executed by another request.`);
    await tx.orderMessage.create({
      data: {
        orderId: order.id,
        level: "INFO",
        message: `${payloads.length} payloads authorized (${request.auth_type}); signing and submitting to ${order.chainName}.`,
        createdAt: new Date(now),
      },
    });
  });

  // Sign every step first and record the hashes before anything is broadcast: whatever happens
  // next, the order names the transactions that may be on the chain.
  const signer = custodialSigner();
  const signed: Hex[] = [];
  try {
    for (const payload of payloads) {
      const unsignedTransaction = payload.unsignedTransaction as Hex;
      signed.push(await signer.signTransaction({ userId, chainId, unsignedTransaction }));
    }
  } catch (error) {
    // Nothing was broadcast: the order fails now rather than wait forever (the cause is logged with the 500).
    await finish(order, payloads, [], "The custodial signer could not sign the transactions.", now);
    throw error;
  }
  await prisma.order.update({
    where: { id: order.id },
    data: { txHashes: signed.map((raw) => keccak256(raw)), version: { increment: 1 } },
  });

  const receipts: Receipt[] = [];
  let failure: string | null = null;
  for (const [index, raw] of signed.entries()) {
    const step = stepName(payloads[index]!);
    try {
      const receipt = await amm.submit(raw, { now, orderId: order.id });
      receipts.push(receipt);
      if (receipt.status === "reverted") {
        failure = revertMessage(step, receipt, order);
        break;
      }
    } catch (error) {
      if (!(error instanceof TransactionRejected)) throw error;
      failure = `${step} transaction was rejected by the ${order.chainName} chain: ${error.message}.`;
      break;
    }
  }
  const status = await finish(order, payloads, receipts, failure, now);
  return { status: gatewayStatus(status, order.strategy) };
}

const stepName = (payload: EvmTxPayload): string =>
  payload.summary.startsWith("Approve") ? "Approve" : "Swap";

function tokensOf(order: Order): { base: DefiToken; quote: DefiToken } {
  return { base: defiToken(order.baseAsset)!, quote: defiToken(order.quoteAsset)! };
}

function revertMessage(step: string, receipt: Receipt, order: Order): string {
  if (receipt.revertData) {
    const { base, quote } = tokensOf(order);
    const tokenOut = order.side === "buy" ? base : quote;
    return slippageRevertReason(
      BigInt(receipt.revertData.amountOut),
      BigInt(receipt.revertData.amountOutMin),
      tokenOut,
    );
  }
  return `${step} reverted: ${receipt.revertReason ?? "no reason given"}`;
}

/** Record the outcome in one transaction: the swap as a fill and the order complete, or failed. */
async function finish(
  order: Order,
  payloads: EvmTxPayload[],
  receipts: Receipt[],
  failure: string | null,
  now: number,
): Promise<CanonicalStatus> {
  const prisma = await db();
  const wallet = await prisma.custodialWallet.findUniqueOrThrow({
    where: { userId_chainId: { userId: order.userId, chainId: order.evmChainId! } },
  });
  const included = receipts.map((receipt) => receipt.hash);
  const swapReceipt = receipts.find((receipt) => receipt.method === "swapExactTokensForTokens");
  const swapLog = swapReceipt?.logs.find((log) => log.event === "Swap");
  const { base, quote } = tokensOf(order);
  const time = new Date(now);
  return prisma.$transaction(async (tx) => {
    if (failure || !swapReceipt || swapReceipt.status !== "success" || !swapLog || swapLog.event !== "Swap") {
      const reason = failure ?? "The swap was not confirmed.";
      if (swapReceipt) {
        await tx.placement.create({
          data: placementData(order, wallet.id, swapReceipt.hash, time, {
            status: "rejected",
            size: order.targetUnit === "base" ? order.targetQty.toString() : "0",
            reason,
          }),
        });
      }
      await tx.order.update({
        where: { id: order.id },
        data: {
          status: "failed",
          failureReason: reason,
          txHashes: included,
          completedAt: time,
          version: { increment: 1 },
          messages: { create: { level: "ERROR", message: `Order failed: ${reason}`, createdAt: time } },
        },
      });
      return "failed";
    }
    const fill = fillOf({
      side: order.side,
      base,
      quote,
      amountIn: BigInt(swapLog.amountIn),
      amountOut: BigInt(swapLog.amountOut),
      feeBps: swapLog.feeBps,
    });
    const placement = await tx.placement.create({
      data: placementData(order, wallet.id, swapReceipt.hash, time, {
        status: "filled",
        size: fill.size.toFixed(),
        price: fill.price.toFixed(),
      }),
    });
    await tx.fill.create({
      data: {
        orderId: order.id,
        placementId: placement.id,
        accountId: wallet.id,
        userId: order.userId,
        venue: "amm",
        pair: order.pair,
        side: order.side,
        externalId: swapReceipt.hash,
        price: fill.price.toFixed(),
        size: fill.size.toFixed(),
        notional: fill.notional.toFixed(),
        fee: fill.fee.toFixed(),
        feeAsset: fill.feeAsset,
        role: "TAKE",
        time,
      },
    });
    const summary = payloads[payloads.length - 1]!.summary;
    await tx.order.update({
      where: { id: order.id },
      data: {
        status: "complete",
        txHashes: included,
        completedAt: time,
        executedBase: fill.size.toFixed(),
        executedQuote: fill.notional.toFixed(),
        totalFee: fill.fee.toFixed(),
        feeAsset: fill.feeAsset,
        departurePrice: fill.price.toFixed(),
        version: { increment: 1 },
        messages: {
          create: {
            level: "INFO",
            message: `Order complete: ${summary.replace(/ for ≥ .*/, "")} filled ${fill.size.toFixed()} ${base.symbol} at ${fill.price.toDecimalPlaces(8).toFixed()} ${quote.symbol} in block ${swapReceipt.blockNumber} (tx ${swapReceipt.hash}).`,
            createdAt: time,
          },
        },
      },
    });
    return "complete";
  });
}

function placementData(
  order: Order,
  walletId: string,
  hash: string,
  time: Date,
  outcome: { status: "filled" | "rejected"; size: string; price?: string; reason?: string },
) {
  return {
    orderId: order.id,
    accountId: walletId,
    clientId: `${order.id}:swap`,
    venue: "amm",
    pair: order.pair,
    side: order.side,
    kind: "swap",
    tif: "IOC",
    placementType: "TAKE" as const,
    price: outcome.price ?? null,
    size: outcome.size,
    filled: outcome.status === "filled" ? outcome.size : "0",
    status: outcome.status,
    reason: outcome.reason ?? null,
    externalId: hash,
    createdAt: time,
    closedAt: time,
  };
}
