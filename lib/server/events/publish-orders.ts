import "server-only";
import type { PrismaClient } from "../db";
import { publish } from "./bus";

/** Tell the owners' live streams about orders a service just changed (submit, pause, cancel, …). */
export async function publishOrders(prisma: PrismaClient, orderIds: string[]): Promise<void> {
  if (orderIds.length === 0) return;
  try {
    const orders = await prisma.order.findMany({ where: { id: { in: orderIds } } });
    await publish(
      orders.map((order) => ({
        type: "order" as const,
        userId: order.userId,
        orderId: order.id,
        status: order.status,
        executedBase: order.executedBase.toString(),
        executedQuote: order.executedQuote.toString(),
        targetQty: order.targetQty.toString(),
        targetUnit: order.targetUnit,
        totalFee: order.totalFee.toString(),
        feeAsset: order.feeAsset,
        updatedAt: order.updatedAt.toISOString(),
      })),
    );
  } catch (error) {
    // A live update is a courtesy: the change itself is committed and the next refetch shows it.
    console.error("[events] could not publish order changes", error);
  }
}
