import "server-only";
import { db } from "../../db";
import { getOrderOrThrow } from "./load-order";
import { loadOrderBundles, type BundleParts, type OrderBundle } from "./order-bundles";

/** One of the caller's orders with the parts asked for; another user's order is the same 404 as a missing one. */
export async function getOrder({
  userId,
  orderId,
  include = {},
}: {
  userId: string;
  orderId: string;
  include?: BundleParts;
}): Promise<OrderBundle> {
  const prisma = await db();
  const order = await getOrderOrThrow(prisma, userId, orderId);
  const [bundle] = await loadOrderBundles(prisma, [order], include);
  return bundle!;
}
