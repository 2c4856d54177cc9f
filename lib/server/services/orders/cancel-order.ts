import "server-only";
import { planCancel, type CanonicalStatus } from "@/lib/domain/orders/status";
import { AppError, isAppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import type { Order } from "../../db/generated/client";
import { updateOrderChecked } from "./load-order";

export interface CancelResult {
  orderId: string;
  alreadyCanceled: boolean;
  /** Nothing was written: a cancel requested earlier is still being confirmed by the engine. */
  alreadyRequested: boolean;
  status: string;
}

/**
 * Cancel an order (idempotent). A never-started order is canceled at once; a working one goes to
 * cancel_pending and the engine cancels its live children on the next tick, counting fills of
 * resting children only up to this moment.
 */
export async function cancelOrder({
  userId,
  orderId,
  now = Date.now(),
  withSiblings = true,
  reason,
}: {
  userId: string;
  orderId: string;
  now?: number;
  /** A leg of a multi-order takes its sibling legs with it (the product cancels them together). */
  withSiblings?: boolean;
  /** Why, when it is not the user's own request (kept as the order's failure reason). */
  reason?: string;
}): Promise<CancelResult> {
  const prisma = await db();
  let parentOrderId: string | null = null;
  const result = await updateOrderChecked(prisma, userId, orderId, (order) => {
    parentOrderId = order.parentOrderId;
    assertNoTransferInFlight(order);
    const plan = planCancel(order.status as CanonicalStatus);
    if (plan.next === null) {
      return {
        data: null,
        result: {
          orderId: order.id,
          alreadyCanceled: plan.alreadyCanceled,
          alreadyRequested: !plan.alreadyCanceled,
          status: order.status,
        },
      };
    }
    const data = {
      ...(plan.next === "canceled"
        ? { status: "canceled" as const, completedAt: new Date(now), cancelRequestedAt: new Date(now) }
        : { status: "cancel_pending" as const, cancelRequestedAt: new Date(now) }),
      ...(reason ? { failureReason: reason } : {}),
    };
    return {
      data,
      result: { orderId: order.id, alreadyCanceled: false, alreadyRequested: false, status: plan.next },
    };
  });
  if (withSiblings && parentOrderId && !result.alreadyCanceled && !result.alreadyRequested) {
    const siblings = await prisma.order.findMany({
      where: {
        parentOrderId,
        userId,
        id: { not: orderId },
        status: { in: ["scheduled", "active", "paused", "finishing"] },
      },
      select: { id: true },
    });
    for (const sibling of siblings) {
      const why = `Canceled with sibling leg ${orderId} of its multi-order.`;
      await cancelOrder({ userId, orderId: sibling.id, now, withSiblings: false, reason: why }).catch(
        (error) => {
          // A sibling that finished meanwhile cannot be canceled; the engine cancels the rest anyway.
          if (!isAppError(error)) throw error;
        },
      );
    }
  }
  return result;
}

/**
 * A Gateway order whose signed transactions are on their way to a chain cannot be canceled from any
 * surface: the chain may include them whatever we write, and the outcome must be recorded as it
 * lands (a swap's fill, a funding credit). A funded CeFi order can be canceled once funded.
 */
function assertNoTransferInFlight(order: Order): void {
  if (order.status !== "pending") return;
  if (order.fundingChain) {
    throw new AppError(
      "invalid_state",
      `Order ${order.id} is waiting for its funding transfer on ${order.fundingChain}: it can be canceled once the funds arrive.`,
    );
  }
  if (order.chainName) {
    throw new AppError(
      "invalid_state",
      `Order ${order.id} is a DeFi order already submitted to ${order.chainName}: it cannot be canceled.`,
    );
  }
}
