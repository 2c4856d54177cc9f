import "server-only";
import { BOTH_QTY_MESSAGE, amendOrder as applyAmend } from "@/lib/domain/orders/amend";
import { assertAmendable, type CanonicalStatus } from "@/lib/domain/orders/status";
import { Dec } from "@/lib/domain/shared/decimal";
import { AppError, isAppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import { orderSpecOf } from "../../engine/order-spec";
import { updateOrderChecked } from "./load-order";

/**
 * Amend quantity, duration, pov_target or limit_price under the documented rules (quantity stays
 * ≥5% above what is executed, duration ≥5% above elapsed time, nothing with under 15 s left). The
 * engine re-bases the schedule from the next tick: the remaining quantity over the remaining time.
 * A leg of a multi-order is amended with its parent, never alone. Both quantities at once is a 422
 * (the API's documented example of a refused amend). Every message names the field it is about.
 */
export async function amendOrder({
  userId,
  orderId,
  changes,
  now = Date.now(),
}: {
  userId: string;
  orderId: string;
  changes: unknown;
  now?: number;
}) {
  const prisma = await db();
  return updateOrderChecked(prisma, userId, orderId, (order) => {
    assertAmendable(order.status as CanonicalStatus);
    if (order.parentOrderId) {
      throw new AppError("invalid_state", "Cannot amend a leg of a multi-order on its own.");
    }
    const both = changes as Record<string, unknown> | null;
    if (both && typeof both === "object" && "base_asset_qty" in both && "quote_asset_qty" in both) {
      throw new AppError("invalid_state", BOTH_QTY_MESSAGE, {
        fieldErrors: [{ field: "changes", message: BOTH_QTY_MESSAGE }],
      });
    }
    const spec = orderSpecOf(order, now);
    // A paused order's clock stopped at the pause (resume moves its end by the pause's length):
    // "time left" and "elapsed" are judged as of then.
    const asOf = order.status === "paused" && order.pausedAt ? Math.min(now, order.pausedAt.getTime()) : now;
    const next = withFieldNames(() =>
      applyAmend({
        order: spec,
        executed: {
          base: new Dec(order.executedBase.toString()),
          quote: new Dec(order.executedQuote.toString()),
        },
        now: asOf,
        changes,
      }),
    );
    const durationChanged = next.endTime !== spec.endTime && next.endTime !== null;
    const seconds = durationChanged ? Math.round((next.endTime! - spec.startTime) / 1000) : null;
    const qtyChanged = !next.targetQty.eq(spec.targetQty) || next.targetUnit !== spec.targetUnit;
    return {
      data: {
        targetQty: next.targetQty.toFixed(),
        targetUnit: next.targetUnit,
        ...(qtyChanged
          ? {
              qtyField: next.targetUnit === "base" ? "base_asset_qty" : "quote_asset_qty",
              qtyValue: next.targetQty.toFixed(),
            }
          : {}),
        // A scheduled order has no end time yet: only its duration changes.
        ...(seconds !== null
          ? { duration: seconds, timeEnd: order.timeStart ? new Date(next.endTime!) : null }
          : {}),
        povTarget: next.povTarget?.toFixed() ?? null,
        limitPrice: next.limitPrice?.toFixed() ?? null,
        amendedAt: new Date(now),
      },
      result: { orderId: order.id },
    };
  });
}

/** The domain's amend errors carry bare phrases ("must be a positive number"): name the field in the message. */
function withFieldNames<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!isAppError(error) || error.fieldErrors.length === 0) throw error;
    const message = error.fieldErrors
      .map(({ field, message }) => (/^[A-Z]/.test(message) ? message : `${field}: ${message}`))
      .join("; ");
    throw new AppError(error.code, message, { fieldErrors: error.fieldErrors, cause: error });
  }
}
