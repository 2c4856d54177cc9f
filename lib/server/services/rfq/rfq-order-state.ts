import "server-only";
import { rfqError } from "@/lib/domain/rfq/errors";
import { effectiveStatus } from "@/lib/domain/rfq/status";
import type { RfqOrder } from "../../db/generated/client";
import type { Prisma, PrismaClient } from "../../db";
import { AppError } from "@/lib/domain/shared/errors";

/**
 * The orders a taker may take now (lock or reject): open, unexpired, no fill in flight, and not
 * held by another taker's running lock.
 */
export function takeableBy(userId: string, now: number): Prisma.RfqOrderWhereInput {
  return {
    fillingTxHash: null,
    deadline: { gt: BigInt(Math.floor(now / 1000)) },
    OR: [
      { status: "pending" },
      { status: "locked", lockExpiresAt: { lte: new Date(now) } },
      { status: "locked", lockedByUserId: userId },
    ],
  };
}

/** The desk's order with this hash, or a 404. (Every taker sees the desk's orders.) */
export async function getRfqOrderByHash(prisma: PrismaClient, orderHash: string): Promise<RfqOrder> {
  const order = await prisma.rfqOrder.findUnique({ where: { orderHash: orderHash.toLowerCase() } });
  if (!order) throw new AppError("not_found", `Order ${orderHash} not found.`);
  return order;
}

/**
 * Why a taker's conditional write on `order` found nothing to change: a fill in flight, an order
 * past its deadline, another taker's lock, or a status that does not allow `action`.
 */
export function whyNotTakerAction(order: RfqOrder, userId: string, action: string, now: number): AppError {
  const status = effectiveStatus(order, now);
  if (order.fillingTxHash)
    return rfqError("conflict", "fill_in_progress", "A fill of this order is being settled right now.", {
      tx_hash: order.fillingTxHash,
    });
  if (status === "expired")
    return rfqError(
      "bad_request",
      "order_expired",
      `The order expired at ${new Date(Number(order.deadline) * 1000).toISOString()}.`,
    );
  if (status === "locked" && order.lockedByUserId !== userId)
    return rfqError(
      "conflict",
      "locked_by_other",
      `Another taker holds the lock until ${order.lockExpiresAt?.toISOString()}.`,
      {
        locked_by: order.lockedBy,
        expires_at: order.lockExpiresAt?.toISOString(),
      },
    );
  if (status === "pending" && action !== "lock")
    return rfqError("conflict", "order_not_locked", `The order is pending: lock it before you ${action} it.`);
  return rfqError("invalid_state", "invalid_status", `The order is ${status}: it cannot be ${action}ed.`, {
    status,
  });
}
