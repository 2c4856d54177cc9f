import "server-only";
import { db } from "../../db";
import { coreSubmitInput } from "../../surfaces/core/submit-request";
import { loadOrderBundles, type OrderBundle } from "./order-bundles";
import { submitOrder } from "./submit-order";

/** POST /api/orders/: a Core Order API body, checked in that API's terms, submitted and read back. */
export async function submitCoreOrder({
  userId,
  body,
  now = Date.now(),
}: {
  userId: string;
  body: Record<string, unknown>;
  now?: number;
}): Promise<OrderBundle> {
  const order = await submitOrder({ userId, input: coreSubmitInput(body, now), now, source: "core" });
  const [bundle] = await loadOrderBundles(await db(), [order]);
  return bundle!;
}
