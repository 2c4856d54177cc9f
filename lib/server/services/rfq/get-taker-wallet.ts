import "server-only";
import type { TTakerWallet } from "@/lib/contracts/rfq";
import { openDesk } from "./desk";
import { ensureTakerWallet } from "./ensure-taker-wallet";
import { tokenBalances } from "./get-token-balances";

/** GET /api/v1/takers/wallet: the caller's desk wallet (whitelisted on first use) and its tokens. */
export async function getTakerWallet({ userId }: { userId: string }): Promise<TTakerWallet> {
  const desk = await openDesk();
  const address = await ensureTakerWallet(desk, userId);
  return {
    address,
    chain_id: desk.open.chainId,
    whitelisted: true,
    balances: await tokenBalances(desk, address),
  };
}
