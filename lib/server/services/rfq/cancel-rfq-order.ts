import "server-only";
import type { TRfqOrder } from "@/lib/contracts/rfq";
import { rfqError } from "@/lib/domain/rfq/errors";
import { effectiveStatus } from "@/lib/domain/rfq/status";
import { AppError } from "@/lib/domain/shared/errors";
import type { MakerPrincipal } from "../../auth/maker-session";
import { db } from "../../db";
import { publishRfqOrders } from "../../events/publish-rfq-orders";
import { serializeRfqOrder } from "../../surfaces/rfq/serializers";

/**
 * POST /api/v1/orders/{id}/cancel: the maker withdraws an open order (pending, locked or suspended;
 * never under a fill in flight). The desk stops offering it; to make the signature worthless on the
 * chain too, the maker calls RFQSettlement.invalidateNonce(nonce) from its wallet.
 */
export async function cancelRfqOrder({
  maker,
  orderId,
}: {
  maker: MakerPrincipal;
  orderId: string;
}): Promise<TRfqOrder> {
  const prisma = await db();
  const now = new Date();
  const order = await prisma.rfqOrder.findFirst({ where: { id: orderId, maker: maker.wallet } });
  if (!order) throw new AppError("not_found", `Order ${orderId} not found.`);
  const { count } = await prisma.rfqOrder.updateMany({
    where: { id: order.id, status: { in: ["pending", "locked", "suspended"] }, fillingTxHash: null },
    data: { status: "cancelled", cancelledAt: now, lockExpiresAt: null },
  });
  if (count === 0) {
    const current = await prisma.rfqOrder.findUniqueOrThrow({ where: { id: order.id } });
    throw current.fillingTxHash
      ? rfqError(
          "conflict",
          "fill_in_progress",
          "A fill of this order is being settled; it cannot be cancelled now.",
        )
      : rfqError(
          "invalid_state",
          "invalid_status",
          `The order is ${effectiveStatus(current, now.getTime())}: only open orders can be cancelled.`,
        );
  }
  await publishRfqOrders(prisma, [order.id]);
  return serializeRfqOrder(
    await prisma.rfqOrder.findUniqueOrThrow({ where: { id: order.id } }),
    now.getTime(),
  );
}
