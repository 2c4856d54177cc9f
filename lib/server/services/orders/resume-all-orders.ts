import "server-only";
import { resumeOrder } from "./resume-order";
import { forEachOrder, type BulkResult } from "./bulk";

/** Resume every paused order of the caller (on the named accounts, when given). */
export async function resumeAllOrders({
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
    statuses: ["paused"],
    accountNames,
    action: (orderId) => resumeOrder({ userId, orderId, now }),
  });
}
