import "server-only";
import type { PrismaClient } from "../../db";
import { publishRfqOrders } from "../../events/publish-rfq-orders";

/**
 * Write down what time has done to the desk's orders: open orders past their deadline become
 * `expired`, locks that ran out go back to `pending` (never under a fill in flight). Run before
 * every listing and lock, and by the sweep, so stored statuses are the effective ones; the changes
 * go out on the live stream.
 */
export async function refreshRfqStatuses(prisma: PrismaClient, now = Date.now()): Promise<string[]> {
  const seconds = BigInt(Math.floor(now / 1000));
  const at = new Date(now);
  const expired = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "RfqOrder" SET "status" = 'expired', "updatedAt" = ${at}
    WHERE "status" IN ('pending', 'locked') AND "fillingTxHash" IS NULL AND "deadline" <= ${seconds}
    RETURNING "id"`;
  const released = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE "RfqOrder" SET "status" = 'pending', "lockedByUserId" = NULL, "lockedBy" = NULL,
      "lockedAt" = NULL, "lockExpiresAt" = NULL, "updatedAt" = ${at}
    WHERE "status" = 'locked' AND "fillingTxHash" IS NULL AND "lockExpiresAt" <= ${at}
    RETURNING "id"`;
  const ids = [...expired, ...released].map((row) => row.id);
  await publishRfqOrders(prisma, ids);
  return ids;
}
