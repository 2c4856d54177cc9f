import "server-only";
import type { TCancelResponse } from "@/lib/contracts/gateway";
import type { CanonicalStatus } from "@/lib/domain/orders/status";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import { gatewayStatus } from "../../surfaces/gateway/status";
import { cancelOrder } from "../orders/cancel-order";
import { getOrderOrThrow } from "../orders/load-order";

/**
 * DELETE /v1/gateway/orders/{id}: only pending or active orders (409 otherwise, as the Gateway
 * documents it). CeFi orders go through the engine's cancel (cancel_pending until the venue
 * confirms, or canceled at once when nothing was placed). A DeFi order's transactions, once
 * submitted, are the chain's: it cannot be canceled; an initialized one expires unsigned, and
 * the engine's sweep then cancels it.
 */
export async function cancelGatewayOrder({
  userId,
  orderId,
  now = Date.now(),
}: {
  userId: string;
  orderId: string;
  now?: number;
}): Promise<TCancelResponse> {
  const prisma = await db();
  const order = await getOrderOrThrow(prisma, userId, orderId);
  const status = gatewayStatus(order.status as CanonicalStatus, order.strategy);
  if (status !== "pending" && status !== "active") {
    throw new AppError(
      "invalid_state",
      `Only pending or active orders can be canceled; order ${order.id} is ${status}.${status === "initialized" ? ` Its unsigned payloads expire at ${order.payloadsExpiresAt?.toISOString()}, and it is canceled then.` : ""}`,
    );
  }
  // A DeFi order's transactions, or a funding transfer, in flight: cancelOrder refuses (409).
  const result = await cancelOrder({ userId, orderId, now });
  return { order_id: order.id, status: gatewayStatus(result.status as CanonicalStatus, order.strategy) };
}
