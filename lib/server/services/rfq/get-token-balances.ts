import "server-only";
import { getAddress, type Address } from "viem";
import type { TTokenBalances } from "@/lib/contracts/rfq";
import { LISTINGS, STABLECOIN, STOCK_DECIMALS } from "@/lib/domain/rfq/instruments";
import { TrancheUSD } from "@/solidity/artifacts";
import { openDesk, type Desk } from "./desk";

/** The desk's tokens held by `address`, read from the chain (integers in base units). */
export async function tokenBalances(desk: Desk, address: Address): Promise<TTokenBalances["balances"]> {
  const tokens = [
    { symbol: STABLECOIN.symbol, asset: desk.contracts.stablecoin, decimals: STABLECOIN.decimals },
    ...LISTINGS.map((listing) => ({
      symbol: listing.ticker,
      asset: desk.contracts.stocks[`${listing.ticker}:${listing.exchange}`]!,
      decimals: STOCK_DECIMALS,
    })),
  ];
  const balances = await Promise.all(
    tokens.map((token) =>
      desk.open.client.readContract({
        address: token.asset,
        abi: TrancheUSD.abi,
        functionName: "balanceOf",
        args: [address],
      }),
    ),
  );
  return tokens.map((token, i) => ({ ...token, balance: balances[i]!.toString() }));
}

/** GET /api/v1/takers/balances?address=: any address's desk tokens (a principal's, say). */
export async function getTokenBalances({ address }: { address: string }): Promise<TTokenBalances> {
  const desk = await openDesk();
  const owner = getAddress(address.toLowerCase());
  return { address: owner, balances: await tokenBalances(desk, owner) };
}
