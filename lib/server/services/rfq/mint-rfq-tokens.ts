import "server-only";
import { encodeFunctionData, getAddress, type Address } from "viem";
import type { TFaucetResponse } from "@/lib/contracts/gateway";
import { LISTINGS, STABLECOIN, STOCK_DECIMALS } from "@/lib/domain/rfq/instruments";
import { AmountError, fromBaseUnits, toBaseUnits } from "@/lib/domain/defi/units";
import { AppError } from "@/lib/domain/shared/errors";
import { RFQSettlement, TrancheUSD } from "@/solidity/artifacts";
import { db } from "../../db";
import { sendTransaction } from "../../chain/transactions";
import { openDesk } from "./desk";

/** Is `asset` one of the RFQ desk's tokens (TUSD, or a listed ticker)? */
export const isRfqToken = (asset: string): boolean =>
  asset.toUpperCase() === STABLECOIN.symbol ||
  LISTINGS.some((listing) => listing.ticker === asset.toUpperCase());

/**
 * The faucet for the desk's tokens on the EVM chain (admins): TUSD minted by the operator, shares
 * issued through RFQSettlement (the only minter of stock tokens). `amount` in whole units.
 */
export async function mintRfqTokens({
  address,
  asset,
  amount,
}: {
  address: string;
  asset: string;
  amount: string;
}): Promise<TFaucetResponse> {
  const desk = await openDesk();
  const symbol = asset.toUpperCase();
  const listing = LISTINGS.find((l) => l.ticker === symbol);
  const decimals = listing ? STOCK_DECIMALS : STABLECOIN.decimals;
  let units: bigint;
  try {
    units = toBaseUnits(amount, decimals, symbol);
  } catch (error) {
    if (error instanceof AmountError) throw new AppError("bad_request", `amount: ${error.message}`);
    throw error;
  }
  const to = getAddress(address.toLowerCase());
  const token: Address = listing
    ? desk.contracts.stocks[`${listing.ticker}:${listing.exchange}`]!
    : desk.contracts.stablecoin;
  const call = listing
    ? {
        to: desk.contracts.settlement,
        data: encodeFunctionData({ abi: RFQSettlement.abi, functionName: "issue", args: [token, to, units] }),
      }
    : {
        to: token,
        data: encodeFunctionData({ abi: TrancheUSD.abi, functionName: "mint", args: [to, units] }),
      };
  await sendTransaction(
    await db(),
    desk.open,
    { kind: "operator", account: desk.open.operator },
    call,
    "faucet",
  );
  const balance = await desk.open.client.readContract({
    address: token,
    abi: TrancheUSD.abi,
    functionName: "balanceOf",
    args: [to],
  });
  return {
    chain: `evm:${desk.open.chainId}`,
    address: to,
    asset: symbol,
    amount: fromBaseUnits(units, decimals),
    balance: fromBaseUnits(balance, decimals),
  };
}
