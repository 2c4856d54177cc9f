import "server-only";
import { planPause, type CanonicalStatus } from "@/lib/domain/orders/status";
import { db } from "../../db";
import { updateOrderChecked } from "./load-order";

/** Pause an active order: the engine cancels its live children on its next tick and stops. */
export async function pauseOrder({
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
    planPause(order.status as CanonicalStatus);
    return {
      data: { status: "paused", pausedAt: new Date(now) },
      result: { orderId: order.id, status: "paused" as const },
    };
  });
}
