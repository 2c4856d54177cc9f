import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import type { OrderMessage } from "../../db/generated/client";
import { listWindowStart } from "./order-bundles";

/**
 * The per-order log (INFO / WARN / ERROR), newest first, by order id: for the given orders (each one
 * the caller's, or the documented 404 naming it), or for every order of the caller's past 12 months
 * that has messages.
 */
export async function listOrderMessages({
  userId,
  orderIds,
  now = Date.now(),
}: {
  userId: string;
  orderIds?: string[];
  now?: number;
}): Promise<Map<string, OrderMessage[]>> {
  const prisma = await db();
  const byOrder = new Map<string, OrderMessage[]>();
  if (orderIds) {
    const owned = await prisma.order.findMany({
      where: { id: { in: orderIds }, userId },
      select: { id: true },
    });
    const ownedIds = new Set(owned.map((order) => order.id));
    const missing = orderIds.find((id) => !ownedIds.has(id));
    if (missing) throw new AppError("not_found", `Order ${missing} not found`);
    for (const id of orderIds) byOrder.set(id, []);
  }
  const messages = await prisma.orderMessage.findMany({
    where: orderIds
      ? { orderId: { in: orderIds } }
      : { order: { userId, createdAt: { gte: listWindowStart(now) } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  for (const message of messages) {
    const list = byOrder.get(message.orderId) ?? [];
    list.push(message);
    byOrder.set(message.orderId, list);
  }
  return byOrder;
}
