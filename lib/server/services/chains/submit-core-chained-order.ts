import "server-only";
import { submitChainedOrder } from "./submit-chained-order";
import { loadChain } from "./get-chained-order";

/** POST /api/chained_orders/: the chain created, read back with its orders by priority. */
export async function submitCoreChainedOrder({
  userId,
  body,
  now = Date.now(),
}: {
  userId: string;
  body: Record<string, unknown>;
  now?: number;
}) {
  const chain = await submitChainedOrder({ userId, input: body, now });
  return loadChain(chain);
}
