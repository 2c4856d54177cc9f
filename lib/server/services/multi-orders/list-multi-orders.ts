import "server-only";
import { db } from "../../db";
import { loadMultiBundles, type MultiOrderBundle } from "./get-multi-order";

/** The caller's multi-orders, newest first, paginated. */
export async function listMultiOrders({
  userId,
  page,
  pageSize,
}: {
  userId: string;
  page: number;
  pageSize: number;
}) {
  const prisma = await db();
  const [count, multis] = await Promise.all([
    prisma.multiOrder.count({ where: { userId } }),
    prisma.multiOrder.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
    }),
  ]);
  const bundles: MultiOrderBundle[] = await loadMultiBundles(multis);
  return { bundles, page, pageSize, count, numPages: Math.max(1, Math.ceil(count / pageSize)) };
}
