import "server-only";
import { pauseOrder } from "./pause-order";
import { forEachOrder, type BulkResult } from "./bulk";

/** Pause every active order of the caller (on the named accounts, when given). */
export async function pauseAllOrders({
  userId,
  accountNames,
  now,
}: {
  userId: string;
  accountNames?: string[];
  now?: number;
}): Promise<BulkResult> {
  return forEachOrder({
    userId,
    statuses: ["active"],
    accountNames,
    action: (orderId) => pauseOrder({ userId, orderId, now }),
  });
}
