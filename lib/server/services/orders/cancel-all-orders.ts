import "server-only";
import type { CanonicalStatus } from "@/lib/domain/orders/status";
import { cancelOrder } from "./cancel-order";
import { forEachOrder, type BulkResult } from "./bulk";

/** Cancel every unfinished order of the caller (paused ones only when `excludePaused` is false). */
export async function cancelAllOrders({
  userId,
  excludePaused,
  accountNames,
  now,
}: {
  userId: string;
  excludePaused: boolean;
  accountNames?: string[];
  now?: number;
}): Promise<BulkResult> {
  const statuses: CanonicalStatus[] = ["scheduled", "initialized", "pending", "active", "finishing"];
  if (!excludePaused) statuses.push("paused");
  return forEachOrder({
    userId,
    statuses,
    accountNames,
    action: (orderId) => cancelOrder({ userId, orderId, now }),
  });
}
