import "server-only";
import type { TRfqOrder } from "@/lib/contracts/rfq";
import { rfqError } from "@/lib/domain/rfq/errors";
import { effectiveStatus } from "@/lib/domain/rfq/status";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import { publishRfqOrders } from "../../events/publish-rfq-orders";
import { serializeRfqOrder } from "../../surfaces/rfq/serializers";

/**
 * POST /api/v1/orders/{id}/suspend and /resume (admins): take an open order off the desk (a lock
 * is dropped; never under a fill in flight), and put it back as `pending`.
 */
export async function setRfqOrderSuspended({
  orderId,
  suspended,
}: {
  orderId: string;
  suspended: boolean;
}): Promise<TRfqOrder> {
  const prisma = await db();
  const now = Date.now();
  const order = await prisma.rfqOrder.findUnique({ where: { id: orderId } });
  if (!order) throw new AppError("not_found", `Order ${orderId} not found.`);
  const { count } = suspended
    ? await prisma.rfqOrder.updateMany({
        where: { id: orderId, status: { in: ["pending", "locked"] }, fillingTxHash: null },
        data: {
          status: "suspended",
          suspendedFrom: order.status,
          lockedByUserId: null,
          lockedBy: null,
          lockedAt: null,
          lockExpiresAt: null,
        },
      })
    : await prisma.rfqOrder.updateMany({
        where: { id: orderId, status: "suspended" },
        data: { status: "pending", suspendedFrom: null },
      });
  if (count === 0)
    throw order.fillingTxHash
      ? rfqError("conflict", "fill_in_progress", "A fill of this order is being settled right now.")
      : rfqError(
          "invalid_state",
          "invalid_status",
          `The order is ${effectiveStatus(order, now)}: it cannot be ${suspended ? "suspended" : "resumed"}.`,
        );
  await publishRfqOrders(prisma, [orderId]);
  return serializeRfqOrder(await prisma.rfqOrder.findUniqueOrThrow({ where: { id: orderId } }), now);
}
