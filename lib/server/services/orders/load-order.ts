import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { Order, PrismaClient } from "../../db/generated/client";
import { publishOrders } from "../../events/publish-orders";

/** The caller's order, or the same 404 a missing one gets (another user's order is never revealed). */
export async function getOrderOrThrow(prisma: PrismaClient, userId: string, orderId: string): Promise<Order> {
  const order = await prisma.order.findFirst({ where: { id: orderId, userId } });
  if (!order) throw new AppError("not_found", `Order ${orderId} not found`);
  return order;
}

/**
 * Change an order with optimistic concurrency against the engine: read, decide, write only if the
 * version is still the one read (the engine bumps it on every tick it writes), retry otherwise.
 * `decide` returns the columns to write, or null to write nothing.
 */
export async function updateOrderChecked<T>(
  prisma: PrismaClient,
  userId: string,
  orderId: string,
  decide: (
    order: Order,
  ) =>
    | { data: Parameters<PrismaClient["order"]["updateMany"]>[0]["data"]; result: T }
    | { data: null; result: T },
): Promise<T> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const order = await getOrderOrThrow(prisma, userId, orderId);
    const decision = decide(order);
    if (decision.data === null) return decision.result;
    const updated = await prisma.order.updateMany({
      where: { id: order.id, version: order.version },
      data: { ...decision.data, version: { increment: 1 } },
    });
    if (updated.count === 1) {
      await publishOrders(prisma, [order.id]);
      return decision.result;
    }
    await new Promise((resolve) => setTimeout(resolve, 5 + attempt * 10));
  }
  throw new AppError("conflict", "The order is changing too fast to update; try again.");
}
