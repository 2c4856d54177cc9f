import "server-only";
import type { TCreateOrderRequest, TCreatedOrder } from "@/lib/contracts/gateway";
import { serializeCreatedOrder } from "../../surfaces/gateway/serializers";
import { createCefiOrder } from "./create-cefi-order";
import { createDefiOrder } from "./create-defi-order";

/**
 * POST /v1/gateway/orders: a CeFi order (no `chain`) goes to the caller's default paper account and
 * the engine works it; a DeFi order (`chain`) is created `initialized` with the payloads to stamp.
 * The create rules (sizing, price, CeFi-only limits) are checked by the request schema first.
 */
export async function createGatewayOrder({
  userId,
  request,
  now = Date.now(),
}: {
  userId: string;
  request: TCreateOrderRequest;
  now?: number;
}): Promise<TCreatedOrder> {
  const order =
    request.chain === undefined
      ? await createCefiOrder({ userId, request, now })
      : await createDefiOrder({ userId, request, chain: request.chain, now });
  return serializeCreatedOrder(order);
}
