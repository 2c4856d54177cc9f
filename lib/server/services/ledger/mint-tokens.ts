import "server-only";
import { getAddress, type Address } from "viem";
import type { TFaucetRequest, TFaucetResponse } from "@/lib/contracts/gateway";
import { defiToken } from "@/lib/domain/defi/tokens";
import { AmountError, fromBaseUnits, toBaseUnits } from "@/lib/domain/defi/units";
import { AppError } from "@/lib/domain/shared/errors";
import { defiVenue, LOCAL_CHAIN_NAME } from "../../venues/amm";
import { isRfqToken, mintRfqTokens } from "../rfq/mint-rfq-tokens";

/**
 * The faucet of the offline ledger (admins only; there is no faucet on a real chain): mint tokens
 * to any address, for example a user's custodial address from GET /v1/gateway/balances. The RFQ
 * desk's tokens (TUSD and the listed stocks) live on the EVM chain and are minted there.
 */
export async function mintTokens({ request }: { request: TFaucetRequest }): Promise<TFaucetResponse> {
  if (isRfqToken(request.asset) && (request.chain === undefined || request.chain === LOCAL_CHAIN_NAME))
    return mintRfqTokens(request);
  const chain = request.chain ?? LOCAL_CHAIN_NAME;
  const amm = defiVenue(chain);
  const token = defiToken(request.asset);
  if (!token)
    throw new AppError(
      "bad_request",
      `asset: ${request.asset} is not a token of the ${chain} chain (ETH, BTC, SOL, USDC).`,
    );
  let amount: bigint;
  try {
    amount = toBaseUnits(request.amount, token.decimals, token.symbol);
  } catch (error) {
    if (error instanceof AmountError) throw new AppError("bad_request", `amount: ${error.message}`);
    throw error;
  }
  const address: Address = getAddress(request.address.toLowerCase());
  await amm.assertAvailable();
  const balance = await amm.mint(address, token.symbol, amount);
  return {
    chain,
    address,
    asset: token.symbol,
    amount: fromBaseUnits(amount, token.decimals),
    balance: fromBaseUnits(balance, token.decimals),
  };
}
