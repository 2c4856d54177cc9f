import "server-only";
import { planResume, type CanonicalStatus } from "@/lib/domain/orders/status";
import { db } from "../../db";
import { updateOrderChecked } from "./load-order";

/**
 * Resume a paused order: it continues with the remaining quantity over the time it had left when
 * paused, so its end time moves by the length of the pause.
 */
export async function resumeOrder({
  userId,
  orderId,
  now = Date.now(),
}: {
  userId: string;
  orderId: string;
  now?: number;
}) {
  const prisma = await db();
  return updateOrderChecked(prisma, userId, orderId, (order) => {
    planResume(order.status as CanonicalStatus);
    const pausedFor = order.pausedAt ? Math.max(0, now - order.pausedAt.getTime()) : 0;
    const started = order.timeStart !== null;
    return {
      data: {
        status: "active",
        resumedAt: new Date(now),
        timeEnd: order.timeEnd && started ? new Date(order.timeEnd.getTime() + pausedFor) : order.timeEnd,
      },
      result: { orderId: order.id, status: "active" as const },
    };
  });
}
