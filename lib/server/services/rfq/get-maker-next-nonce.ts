import "server-only";
import type { MakerPrincipal } from "../../auth/maker-session";
import { db } from "../../db";

/** GET /api/v1/orders/maker/next-nonce: one past the highest nonce the maker has posted here (0 at first). */
export async function getMakerNextNonce({ maker }: { maker: MakerPrincipal }) {
  const prisma = await db();
  const highest = await prisma.rfqOrder.aggregate({
    where: { chainId: maker.chainId, maker: maker.wallet },
    _max: { nonce: true },
  });
  const next = highest._max.nonce === null ? 0n : BigInt(highest._max.nonce.toFixed()) + 1n;
  return { wallet_address: maker.wallet, next_nonce: next.toString() };
}
