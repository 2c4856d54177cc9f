import "server-only";
import type { PrismaClient } from "../db";
import { serializeRfqOrder } from "../surfaces/rfq/serializers";
import { publish, RFQ_DESK_AUDIENCE } from "./bus";

/** Tell every taker's live stream about RFQ orders a service just changed. */
export async function publishRfqOrders(prisma: PrismaClient, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  try {
    const now = Date.now();
    const orders = await prisma.rfqOrder.findMany({ where: { id: { in: orderIds } } });
    await publish(
      orders.map((order) => ({
        type: "rfq_order" as const,
        userId: RFQ_DESK_AUDIENCE,
        order: serializeRfqOrder(order, now),
      })),
    );
  } catch (error) {
    // A live update is a courtesy: the change itself is committed and the next refetch shows it.
    console.error("[events] could not publish RFQ order changes", error);
  }
}
