import "server-only";
import type { TGatewayOrder } from "@/lib/contracts/gateway";
import { db } from "../../db";
import { serializeGatewayOrder } from "../../surfaces/gateway/serializers";
import { getOrderOrThrow } from "../orders/load-order";

/** One of the caller's orders with its fills; another user's order is the same 404 as a missing one. */
export async function getGatewayOrder({
  userId,
  orderId,
}: {
  userId: string;
  orderId: string;
}): Promise<TGatewayOrder> {
  const prisma = await db();
  const order = await getOrderOrThrow(prisma, userId, orderId);
  const fills = await prisma.fill.findMany({
    where: { orderId },
    orderBy: [{ time: "asc" }, { createdAt: "asc" }],
  });
  return serializeGatewayOrder(order, fills);
}
