import "server-only";
import { AppError, isAppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import { cancelOrder } from "../orders/cancel-order";
import { pauseOrder } from "../orders/pause-order";
import { resumeOrder } from "../orders/resume-order";

const ACTIONS = {
  cancel: { run: cancelOrder, applies: ["scheduled", "active", "paused", "finishing"], word: "canceled" },
  pause: { run: pauseOrder, applies: ["active"], word: "paused" },
  resume: { run: resumeOrder, applies: ["paused"], word: "resumed" },
} as const;

/**
 * Cancel, pause or resume every leg of a multi-order that the action applies to. Legs already past
 * it are left alone; if none applies, the multi-order is in a state the action cannot change (422).
 */
export async function actOnMultiOrder({
  userId,
  id,
  action,
  now = Date.now(),
}: {
  userId: string;
  id: string;
  action: keyof typeof ACTIONS;
  now?: number;
}): Promise<{ message: string }> {
  const prisma = await db();
  const multi = await prisma.multiOrder.findFirst({ where: { id, userId }, include: { orders: true } });
  if (!multi) throw new AppError("not_found", `Multi order ${id} not found`);
  const { run, applies, word } = ACTIONS[action];
  const legs = multi.orders.filter((leg) => (applies as readonly string[]).includes(leg.status));
  if (legs.length === 0) {
    throw new AppError(
      "invalid_state",
      action === "pause"
        ? "Multi order is not running."
        : action === "resume"
          ? "Multi order is not paused."
          : "Multi order already finished.",
    );
  }
  const failures: string[] = [];
  for (const leg of legs) {
    try {
      await run({ userId, orderId: leg.id, now });
    } catch (error) {
      if (!isAppError(error)) throw error;
      failures.push(`${leg.id}: ${error.message}`);
    }
  }
  if (failures.length > 0) {
    throw new AppError(
      "invalid_state",
      `${word[0]!.toUpperCase()}${word.slice(1)} ${legs.length - failures.length} legs with ${failures.length} failures: ${JSON.stringify(failures)}`,
    );
  }
  return { message: `Successfully ${word} multi order.` };
}
