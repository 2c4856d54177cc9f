import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import { db } from "../../db";
import type { OrderChain } from "../../db/generated/client";
import { loadOrderBundles, type OrderBundle } from "../orders/order-bundles";

export interface ChainBundle {
  chain: OrderChain;
  steps: { priority: number; bundle: OrderBundle }[];
}

/** The caller's chained order with its orders by priority, or the same 404 as a missing one. */
export async function getChainedOrder({ userId, id }: { userId: string; id: string }): Promise<ChainBundle> {
  const prisma = await db();
  const chain = await prisma.orderChain.findFirst({ where: { id, userId } });
  if (!chain) throw new AppError("not_found", `Chained order ${id} not found`);
  return loadChain(chain);
}

export async function loadChain(chain: OrderChain): Promise<ChainBundle> {
  const prisma = await db();
  const orders = await prisma.order.findMany({
    where: { chainId: chain.id },
    orderBy: [{ chainPriority: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const bundles = await loadOrderBundles(prisma, orders);
  return { chain, steps: bundles.map((bundle) => ({ priority: bundle.order.chainPriority ?? 0, bundle })) };
}
