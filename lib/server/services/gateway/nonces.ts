import "server-only";
import { parseTransaction, type Address, type Hex } from "viem";
import { parsePayload } from "@/lib/domain/defi/payload";
import type { PrismaClient, Tx } from "../../db";

/** The nonce of a serialized (unsigned or signed) EIP-1559 transaction. */
export const transactionNonce = (transaction: string): bigint =>
  BigInt(parseTransaction(transaction as Hex).nonce ?? 0);

/**
 * The nonces of `from` that the user's orders hold — those waiting for signatures (until their
 * payloads expire) and those being settled — with the order holding each.
 */
export async function heldNonces(
  client: PrismaClient | Tx,
  options: { userId: string; chainId: number; from: string; now: number },
): Promise<Map<bigint, { orderId: string; status: string }>> {
  const holding = await client.order.findMany({
    where: {
      userId: options.userId,
      evmChainId: options.chainId,
      OR: [
        { status: "initialized", payloadsExpiresAt: { gt: new Date(options.now) } },
        { status: "pending" },
      ],
    },
    select: { id: true, status: true, payloads: true },
  });
  const held = new Map<bigint, { orderId: string; status: string }>();
  for (const order of holding) {
    for (const text of order.payloads) {
      const payload = parsePayload(text);
      if (payload.from !== options.from) continue;
      held.set(transactionNonce(payload.unsignedTransaction), { orderId: order.id, status: order.status });
    }
  }
  return held;
}

/**
 * The first of `count` consecutive nonces to hand out: at or past the chain's, and clear of those
 * the address's orders hold. The lowest free run is taken, so a hole left by an order that expired
 * or was canceled unsigned is filled by the next order, and the orders behind it can execute again.
 */
export async function nextNonce(
  tx: Tx,
  options: {
    userId: string;
    chainId: number;
    from: Address;
    chainNonce: bigint;
    now: number;
    count?: number;
  },
): Promise<bigint> {
  const held = await heldNonces(tx, options);
  const count = BigInt(options.count ?? 2);
  for (let next = options.chainNonce; ; next++) {
    let free = true;
    for (let i = 0n; i < count; i++) if (held.has(next + i)) free = false;
    if (free) return next;
  }
}
