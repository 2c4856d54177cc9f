import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import { cancelOrder } from "../orders/cancel-order";
import { resolveConnector } from "./resolve-connector";

const ACTIVE = ["scheduled", "active", "paused", "finishing", "cancel_pending"] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Cancel an active order by its client order id (or order id) on an account's connector. */
export async function cancelTrade({
  userId,
  accountName,
  connectorName,
  clientOrderId,
  now = Date.now(),
}: {
  userId: string;
  accountName: string;
  connectorName: string;
  clientOrderId: string;
  now?: number;
}) {
  const { account } = await resolveConnector(userId, accountName, connectorName);
  const prisma = await db();
  const order = await prisma.order.findFirst({
    where: {
      userId,
      accountIds: { has: account.id },
      status: { in: [...ACTIVE] },
      OR: [{ customOrderId: clientOrderId }, ...(UUID.test(clientOrderId) ? [{ id: clientOrderId }] : [])],
    },
  });
  if (!order) throw new AppError("not_found", `Order '${clientOrderId}' not found in active orders`);
  await cancelOrder({ userId, orderId: order.id, now });
  return { message: `Order cancellation initiated for ${clientOrderId}` };
}
