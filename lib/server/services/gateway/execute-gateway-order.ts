import "server-only";
import type { Hex } from "viem";
import type { TExecuteRequest, TExecuteResponse } from "@/lib/contracts/gateway";
import { parsePayload } from "@/lib/domain/defi/payload";
import { assertTransition, type CanonicalStatus } from "@/lib/domain/orders/status";
import { AppError } from "@/lib/domain/shared/errors";
import { verifyStamps } from "../../auth/stamps";
import { db } from "../../db";
import { publishOrders } from "../../events/publish-orders";
import { gatewayStatus } from "../../surfaces/gateway/status";
import { defiVenue } from "../../venues/amm";
import { getOrderOrThrow } from "../orders/load-order";
import { heldNonces, transactionNonce } from "./nonces";
import { settleDefiOrder } from "./settle-defi-order";

/**
 * POST /v1/gateway/orders/{id}/execute — the seed's contract, in this order:
 *  404 not the caller's order · 409 not `initialized` · 400 payloads expired, or not one signature
 *  per payload · 503 the venue cannot take transactions · 400/403 a stamp is malformed / does not
 *  verify against the STORED payload text (or its key is not the caller's) · 409 an earlier order of
 *  the same address must be executed first (its nonces come first).
 * Then, in one transaction, the stamps are consumed and the order moves initialized → pending only
 * if it is still initialized (a concurrent or second execute gets 409 and consumes nothing). Then
 * settleDefiOrder signs, records and broadcasts the steps and writes the outcome; if this request
 * dies half-way, the sweep takes the pending order up again (sweep-gateway-orders.ts).
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
  const chain = order.chainName ?? order.fundingChain;
  if (!chain || order.evmChainId === null || order.payloads.length === 0) {
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
  const amm = defiVenue(chain);
  await amm.assertAvailable(prisma);

  const verification = await verifyStamps({
    userId,
    payloads: order.payloads,
    signatures: request.signatures,
    authType: request.auth_type,
  });

  const from = payloads[0]!.from as Hex;
  const firstNonce = transactionNonce(payloads[0]!.unsignedTransaction);
  const chainNonce = await amm.nonceOf(from, prisma);
  if (firstNonce > chainNonce) {
    const holder = (await heldNonces(prisma, { userId, chainId: order.evmChainId, from, now })).get(
      chainNonce,
    );
    const earlier = holder?.status === "initialized" ? holder.orderId : null;
    throw new AppError(
      "conflict",
      earlier
        ? `An earlier order from ${from} (${earlier}, nonce ${chainNonce}) is waiting for signatures: execute it first, or wait until it expires.`
        : `Order ${order.id} starts at nonce ${firstNonce}, but ${from} is at nonce ${chainNonce} and no order waiting for signatures holds the nonces in between (an earlier one expired or was canceled unsigned): it can never execute; create a new order.`,
    );
  }

  assertTransition("initialized", "pending", "execute");
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
        message: `${payloads.length} payloads authorized (${request.auth_type}); signing and submitting to ${chain}.`,
        createdAt: new Date(now),
      },
    });
  });

  await publishOrders(prisma, [order.id]);
  let status: CanonicalStatus;
  try {
    status = await settleDefiOrder(order.id, { now });
  } catch (error) {
    // The signatures are accepted and the order is the chain's business now: a fault half-way
    // (the chain unreachable) leaves it `pending` — submitted, not confirmed — and the sweep
    // finishes it; a signer fault has already failed it. Either way the answer is its status.
    console.error(`[gateway] settling order ${order.id} stopped half-way`, error);
    const current = await prisma.order.findUniqueOrThrow({
      where: { id: order.id },
      select: { status: true },
    });
    status = current.status as CanonicalStatus;
  }
  return { status: gatewayStatus(status, order.strategy) };
}
