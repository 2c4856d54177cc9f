import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import type { MultiOrder } from "../../db/generated/client";
import { loadOrderBundles, type OrderBundle } from "../orders/order-bundles";

export interface MultiOrderBundle {
  multi: MultiOrder;
  legs: OrderBundle[];
}

/** Multi-orders with their legs (as order bundles), in a few queries for the whole list. */
export async function loadMultiBundles(multis: MultiOrder[]): Promise<MultiOrderBundle[]> {
  const prisma = await db();
  const legs = await prisma.order.findMany({
    where: { parentOrderId: { in: multis.map((m) => m.id) } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const bundles = await loadOrderBundles(prisma, legs);
  return multis.map((multi) => ({ multi, legs: bundles.filter((b) => b.order.parentOrderId === multi.id) }));
}

/** The caller's multi-order, or the same 404 as a missing one. */
export async function getMultiOrder({
  userId,
  id,
}: {
  userId: string;
  id: string;
}): Promise<MultiOrderBundle> {
  const prisma = await db();
  const multi = await prisma.multiOrder.findFirst({ where: { id, userId } });
  if (!multi) throw new AppError("not_found", `Multi order ${id} not found`);
  const [bundle] = await loadMultiBundles([multi]);
  return bundle!;
}
