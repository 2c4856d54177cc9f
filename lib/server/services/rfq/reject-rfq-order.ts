import "server-only";
import type { TRejectRequest } from "@/lib/contracts/rfq";
import { db } from "../../db";
import { publishRfqOrders } from "../../events/publish-rfq-orders";
import { getRfqOrderByHash, takeableBy, whyNotTakerAction } from "./rfq-order-state";

/**
 * POST /api/v1/orders/reject: the desk refuses an order, with a reason the maker sees. A pending
 * order, or one the caller has locked; final.
 */
export async function rejectRfqOrder({ userId, request }: { userId: string; request: TRejectRequest }) {
  const prisma = await db();
  const order = await getRfqOrderByHash(prisma, request.order_hash);
  const now = Date.now();
  const { count } = await prisma.rfqOrder.updateMany({
    where: { id: order.id, ...takeableBy(userId, now) },
    data: { status: "rejected", rejectReason: request.reason, lockExpiresAt: null },
  });
  if (count === 0)
    throw whyNotTakerAction(
      await prisma.rfqOrder.findUniqueOrThrow({ where: { id: order.id } }),
      userId,
      "reject",
      now,
    );
  await publishRfqOrders(prisma, [order.id]);
  return { order_hash: order.orderHash, status: "rejected" as const, reason: request.reason };
}
