import "server-only";
import type { TGatewayBalanceList } from "@/lib/contracts/gateway";
import { fromBaseUnits } from "@/lib/domain/defi/units";
import { Dec, ZERO } from "@/lib/domain/shared/decimal";
import { db } from "../../db";
import { custodialSigner } from "../../signer";
import { serializeBalance, type BalanceRow } from "../../surfaces/gateway/serializers";
import { venue } from "../../venues";
import { DEFI_CHAINS, defiVenue } from "../../venues/amm";
import { CEFI_VENUE } from "./markets";

/**
 * One row per asset per custody bucket: each of the caller's paper accounts on the CeFi venue
 * (available = total less what resting orders commit), then the caller's custodial address on each
 * chain (created on first use, so a new user sees the address to fund; `available` is the balance).
 */
export async function listGatewayBalances({ userId }: { userId: string }): Promise<TGatewayBalanceList> {
  const prisma = await db();
  const accounts = await prisma.account.findMany({
    where: { userId, venue: CEFI_VENUE },
    include: { balances: { orderBy: { asset: "asc" } } },
    orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }],
  });
  const resting = await prisma.placement.findMany({
    where: { accountId: { in: accounts.map((a) => a.id) }, status: "open" },
    select: { accountId: true, pair: true, side: true, price: true, size: true, filled: true },
  });
  const rows: BalanceRow[] = [];
  for (const account of accounts) {
    const locked = new Map<string, Dec>();
    for (const child of resting.filter((p) => p.accountId === account.id)) {
      const spec = venue(CEFI_VENUE).spec(child.pair);
      if (!spec) continue;
      const rest = new Dec(child.size.toString()).sub(child.filled.toString());
      const [asset, amount] =
        child.side === "buy"
          ? [
              spec.quote,
              rest.mul(child.price?.toString() ?? 0).mul(new Dec(spec.makerFeeBps).div(10_000).add(1)),
            ]
          : [spec.base, rest];
      locked.set(asset, (locked.get(asset) ?? ZERO).add(amount));
    }
    for (const balance of account.balances) {
      const total = new Dec(balance.amount.toString());
      rows.push({
        symbol: balance.asset,
        total,
        available: Dec.max(ZERO, total.sub(locked.get(balance.asset) ?? ZERO)),
        custody: "cefi",
        chain: null,
        address: null,
        account: account.name,
      });
    }
  }
  for (const chain of DEFI_CHAINS) {
    const amm = defiVenue(chain);
    const address = await custodialSigner().addressFor(prisma, userId, amm.chainId);
    for (const balance of await amm.balancesOf(address, prisma)) {
      const total = new Dec(fromBaseUnits(balance.amount, balance.token.decimals));
      rows.push({
        symbol: balance.token.symbol,
        total,
        available: total,
        custody: chain,
        chain,
        address,
        account: null,
      });
    }
  }
  return { data: rows.map(serializeBalance) };
}
