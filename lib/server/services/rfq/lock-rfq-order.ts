import "server-only";
import { getAddress } from "viem";
import type { TLockRequest, TLockResponse } from "@/lib/contracts/rfq";
import { rfqError } from "@/lib/domain/rfq/errors";
import { db } from "../../db";
import { publishRfqOrders } from "../../events/publish-rfq-orders";
import { openDesk } from "./desk";
import { ensureTakerWallet } from "./ensure-taker-wallet";
import { getRfqOrderByHash, takeableBy, whyNotTakerAction } from "./rfq-order-state";

/** How long a lock holds without a fill: TRANCHE_RFQ_LOCK_SECONDS, default 60. */
export function lockSeconds(): number {
  const raw = process.env.TRANCHE_RFQ_LOCK_SECONDS;
  const seconds = raw ? Number(raw) : 60;
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600)
    throw new Error(`TRANCHE_RFQ_LOCK_SECONDS must be an integer from 1 to 3600 (got "${raw}").`);
  return seconds;
}

/**
 * POST /api/v1/orders/lock: the taker takes an order exclusively for a while, to work the real
 * trade before filling. One conditional write decides between racing takers; a lock that ran out
 * is free again, and the holder may renew its own. `taker_address` is the caller's desk wallet
 * (GET /api/v1/takers/wallet), which fills from it.
 */
export async function lockRfqOrder({
  userId,
  request,
}: {
  userId: string;
  request: TLockRequest;
}): Promise<TLockResponse> {
  const desk = await openDesk();
  const prisma = await db();
  const wallet = await ensureTakerWallet(desk, userId);
  if (getAddress(request.taker_address.toLowerCase()) !== wallet)
    throw rfqError(
      "bad_request",
      "taker_address_mismatch",
      `taker_address must be your desk wallet ${wallet}.`,
      {
        desk_wallet: wallet,
      },
    );
  const order = await getRfqOrderByHash(prisma, request.order_hash);
  const now = Date.now();
  const at = new Date(now);
  const expiresAt = new Date(now + lockSeconds() * 1000);
  const { count } = await prisma.rfqOrder.updateMany({
    where: { id: order.id, ...takeableBy(userId, now) },
    data: {
      status: "locked",
      lockedByUserId: userId,
      lockedBy: wallet,
      lockedAt: at,
      lockExpiresAt: expiresAt,
    },
  });
  if (count === 0)
    throw whyNotTakerAction(
      await prisma.rfqOrder.findUniqueOrThrow({ where: { id: order.id } }),
      userId,
      "lock",
      now,
    );
  await publishRfqOrders(prisma, [order.id]);
  return {
    order_hash: order.orderHash,
    status: "locked",
    locked_by: wallet,
    locked_at: at.toISOString(),
    expires_at: expiresAt.toISOString(),
  };
}
