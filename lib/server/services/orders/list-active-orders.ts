import "server-only";
import type { CanonicalStatus } from "@/lib/domain/orders/status";
import { db, type Prisma } from "../../db";
import { resolveAccountNames } from "../accounts/resolve-accounts";
import { loadOrderBundles, type OrderBundle } from "./order-bundles";

/** Executing now. */
const RUNNING: CanonicalStatus[] = ["pending", "active", "finishing"];
/** Not finished and not being canceled: running, or waiting for a start time, condition or signatures. */
const OPEN: CanonicalStatus[] = ["scheduled", "initialized", ...RUNNING];

/**
 * The caller's unfinished orders with their fills (newest first), like the Core Order API's
 * GET /api/active_orders/: paused ones unless `excludePaused`; only executing ones with `onlyActive`.
 */
export async function listActiveOrders({
  userId,
  excludePaused,
  onlyActive,
  accountNames,
}: {
  userId: string;
  excludePaused: boolean;
  onlyActive: boolean;
  accountNames?: string[];
}): Promise<OrderBundle[]> {
  const prisma = await db();
  const statuses = onlyActive ? RUNNING : excludePaused ? OPEN : [...OPEN, "paused" as const];
  const where: Prisma.OrderWhereInput = { userId, status: { in: statuses } };
  if (accountNames?.length) {
    const accounts = await resolveAccountNames(prisma, userId, accountNames);
    where.accountIds = { hasSome: accounts.map((account) => account.id) };
  }
  const orders = await prisma.order.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
  return loadOrderBundles(prisma, orders, { fills: true });
}
