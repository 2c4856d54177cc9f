import "server-only";
import type { TRfqOrder } from "@/lib/contracts/rfq";
import { db } from "../../db";
import { publishRfqOrders } from "../../events/publish-rfq-orders";
import { serializeRfqOrder } from "../../surfaces/rfq/serializers";
import { getRfqOrderByHash, whyNotTakerAction } from "./rfq-order-state";

/** POST /api/v1/orders/unlock: the lock's holder lets the order go; it is `pending` again. */
export async function unlockRfqOrder({
  userId,
  orderHash,
}: {
  userId: string;
  orderHash: string;
}): Promise<TRfqOrder> {
  const prisma = await db();
  const order = await getRfqOrderByHash(prisma, orderHash);
  const now = Date.now();
  const { count } = await prisma.rfqOrder.updateMany({
    where: {
      id: order.id,
      status: "locked",
      lockedByUserId: userId,
      fillingTxHash: null,
      lockExpiresAt: { gt: new Date(now) },
    },
    data: { status: "pending", lockedByUserId: null, lockedBy: null, lockedAt: null, lockExpiresAt: null },
  });
  if (count === 0)
    throw whyNotTakerAction(
      await prisma.rfqOrder.findUniqueOrThrow({ where: { id: order.id } }),
      userId,
      "unlock",
      now,
    );
  await publishRfqOrders(prisma, [order.id]);
  return serializeRfqOrder(await prisma.rfqOrder.findUniqueOrThrow({ where: { id: order.id } }), now);
}
