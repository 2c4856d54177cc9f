import "server-only";
import type { CanonicalStatus } from "@/lib/domain/orders/status";
import { isAppError } from "@/lib/domain/shared/errors";
import { db, type Prisma } from "../../db";
import { findAccountNames } from "../accounts/resolve-accounts";

/** What a bulk action did: the orders it changed, the ones it could not, the account names it did not know. */
export interface BulkResult {
  done: string[];
  failures: { orderId: string; reason: string }[];
  missingAccounts: string[];
}

/**
 * Apply `action` to each of the caller's orders in `statuses` (on the named accounts, when given),
 * one at a time, collecting failures instead of stopping at the first: a bulk cancel must cancel
 * everything it can even when one order refuses.
 */
export async function forEachOrder({
  userId,
  statuses,
  accountNames,
  action,
}: {
  userId: string;
  statuses: CanonicalStatus[];
  accountNames?: string[];
  action: (orderId: string) => Promise<unknown>;
}): Promise<BulkResult> {
  const prisma = await db();
  const where: Prisma.OrderWhereInput = { userId, status: { in: statuses } };
  let missingAccounts: string[] = [];
  if (accountNames?.length) {
    const { found, missing } = await findAccountNames(prisma, userId, accountNames);
    missingAccounts = missing;
    where.accountIds = { hasSome: found.map((account) => account.id) };
  }
  const orders = await prisma.order.findMany({ where, select: { id: true }, orderBy: { createdAt: "asc" } });
  const result: BulkResult = { done: [], failures: [], missingAccounts };
  for (const { id } of orders) {
    try {
      await action(id);
      result.done.push(id);
    } catch (error) {
      if (!(error instanceof Error)) throw error;
      // An order that refuses (changed state, a venue timing out) is reported; anything else is logged in full.
      if (isAppError(error)) console.warn(`[orders] bulk action on ${id} refused: ${error.message}`);
      else console.error(`[orders] bulk action on ${id} failed`, error);
      result.failures.push({ orderId: id, reason: error.message });
    }
  }
  return result;
}
