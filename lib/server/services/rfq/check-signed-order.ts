import "server-only";
import type { Hex } from "viem";
import type { TSignedOrderRequest } from "@/lib/contracts/rfq";
import { rfqError } from "@/lib/domain/rfq/errors";
import { OrderFieldError, orderFromWire, type RfqOrderMessage } from "@/lib/domain/rfq/order";
import { fieldError } from "@/lib/domain/shared/errors";
import {
  listedAsset,
  normalizeOrder,
  onChainOrder,
  orderHash,
  verifyOrderSignature,
  type Desk,
} from "./desk";

export interface CheckedOrder {
  order: RfqOrderMessage;
  hash: Hex;
  signature: Hex;
  /** Filled on-chain so far. */
  filledOnChain: bigint;
}

/** The wire order as the contract's struct (checksummed), or a 400 naming the field. */
export function parseOrder(wire: TSignedOrderRequest["order"]): RfqOrderMessage {
  try {
    return normalizeOrder(orderFromWire(wire));
  } catch (error) {
    if (error instanceof OrderFieldError)
      throw fieldError(error.field, error.message.slice(error.field.length + 2));
    throw error;
  }
}

/**
 * What every maker order must pass, here as on the chain: a listed instrument and its token, a
 * positive price and quantity, a deadline in the future, the maker's signature over exactly this
 * order, and a nonce the contract has not seen used by another order or invalidated.
 */
export async function checkSignedOrder(
  desk: Desk,
  request: TSignedOrderRequest,
  now = Date.now(),
): Promise<CheckedOrder> {
  const order = parseOrder(request.order);
  listedAsset(desk, order);
  if (order.quantity === 0n) throw fieldError("order.quantity", "must be at least 1");
  if (order.price === 0n) throw fieldError("order.price", "must be positive");
  if (order.deadline * 1000n <= BigInt(now))
    throw rfqError(
      "bad_request",
      "order_expired",
      `The order's deadline ${new Date(Number(order.deadline) * 1000).toISOString()} has passed.`,
      { deadline: Number(order.deadline) },
    );
  const signature = request.signature.toLowerCase() as Hex;
  await verifyOrderSignature(desk, order, signature);
  const hash = orderHash(desk, order);
  const { filled, nonceTaken } = await onChainOrder(desk, order, hash);
  if (nonceTaken)
    throw rfqError(
      "conflict",
      "nonce_used",
      `Nonce ${order.nonce} of ${order.maker} is used by another order or was invalidated on-chain.`,
      { nonce: order.nonce.toString() },
    );
  return { order, hash, signature, filledOnChain: filled };
}
