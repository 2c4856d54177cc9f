import "server-only";
import {
  BaseError,
  ContractFunctionRevertedError,
  getAddress,
  hashTypedData,
  type Address,
  type Hex,
} from "viem";
import { rfqError } from "@/lib/domain/rfq/errors";
import { LISTINGS, STABLECOIN, findListing } from "@/lib/domain/rfq/instruments";
import { ORDER_TYPES, RFQ_DOMAIN, buyerCost, type RfqOrderMessage } from "@/lib/domain/rfq/order";
import { RFQSettlement, StockToken, TrancheUSD } from "@/solidity/artifacts";
import { chain, type OpenChain } from "../../chain";
import { ChainStateLost } from "../../chain/deployments";
import { rfqContracts, type RfqContracts } from "../../chain/suites/rfq";

/**
 * The RFQ desk's view of the chain: its contracts, the EIP-712 domain, hashing and signature checks,
 * and the reads that decide whether an order can settle. Every RFQ service starts with `openDesk()`.
 */
export interface Desk {
  open: OpenChain;
  contracts: RfqContracts;
  feeBps: number;
}

export async function openDesk(): Promise<Desk> {
  try {
    const [open, contracts] = await Promise.all([chain(), rfqContracts()]);
    const feeBps = Number(
      await open.client.readContract({
        address: contracts.settlement,
        abi: RFQSettlement.abi,
        functionName: "feeBps",
      }),
    );
    return { open, contracts, feeBps };
  } catch (error) {
    if (error instanceof ChainStateLost)
      throw rfqError("unavailable", "chain_unavailable", error.message, { chain_state: "lost" });
    console.error("[rfq] the chain is unavailable", error);
    throw rfqError(
      "unavailable",
      "chain_unavailable",
      `The desk's chain is unavailable: ${(error as Error).message.split("\n")[0]}`,
    );
  }
}

export const deskDomain = (desk: Desk) => ({
  ...RFQ_DOMAIN,
  chainId: desk.open.chainId,
  verifyingContract: desk.contracts.settlement,
});

/** Checksummed addresses, so hashes, rows and comparisons agree whatever case the client sent. */
export const normalizeOrder = (order: RfqOrderMessage): RfqOrderMessage => ({
  ...order,
  maker: getAddress(order.maker.toLowerCase()),
  principal: getAddress(order.principal.toLowerCase()),
  asset: getAddress(order.asset.toLowerCase()),
});

export const orderHash = (desk: Desk, order: RfqOrderMessage): Hex =>
  hashTypedData({ domain: deskDomain(desk), types: ORDER_TYPES, primaryType: "Order", message: order });

/** The maker's signature over the order, EOA or smart wallet (ERC-1271 / ERC-6492), as the contract checks it. */
export async function verifyOrderSignature(
  desk: Desk,
  order: RfqOrderMessage,
  signature: Hex,
): Promise<void> {
  let valid = false;
  try {
    valid = await desk.open.client.verifyTypedData({
      address: order.maker,
      domain: deskDomain(desk),
      types: ORDER_TYPES,
      primaryType: "Order",
      message: { ...order },
      signature,
    });
  } catch {
    valid = false;
  }
  if (!valid)
    throw rfqError(
      "bad_request",
      "invalid_signature",
      `The signature is not ${order.maker}'s over this order (a forged signature, or an order changed after signing).`,
    );
}

/** The listing's token, or a clear 400. */
export function listedAsset(
  desk: Desk,
  order: Pick<RfqOrderMessage, "ticker" | "exchange" | "asset">,
): Address {
  const listing = findListing(order.ticker, order.exchange);
  const asset = listing ? desk.contracts.stocks[`${listing.ticker}:${listing.exchange}`] : undefined;
  if (!asset || asset !== getAddress(order.asset.toLowerCase()))
    throw rfqError(
      "bad_request",
      "unknown_instrument",
      listing
        ? `asset ${order.asset} is not the token of ${order.ticker} on exchange ${order.exchange} (${asset}).`
        : `${order.ticker} on exchange ${order.exchange} is not listed (listed: ${LISTINGS.map((l) => `${l.ticker}:${l.exchange}`).join(", ")}).`,
    );
  return asset;
}

/** ERC-20 balance and allowance to the settlement contract (both token kinds share the ERC-20 ABI). */
async function holdings(desk: Desk, token: Address, owner: Address): Promise<[bigint, bigint]> {
  const client = desk.open.client;
  return Promise.all([
    client.readContract({ address: token, abi: TrancheUSD.abi, functionName: "balanceOf", args: [owner] }),
    client.readContract({
      address: token,
      abi: TrancheUSD.abi,
      functionName: "allowance",
      args: [owner, desk.contracts.settlement],
    }),
  ]);
}

/** What the contract knows of the order: filled so far, and whether its nonce went to another order or was invalidated. */
export async function onChainOrder(desk: Desk, order: RfqOrderMessage, hash: Hex) {
  const [filled, bound] = await Promise.all([
    desk.open.client.readContract({
      address: desk.contracts.settlement,
      abi: RFQSettlement.abi,
      functionName: "filled",
      args: [hash],
    }),
    desk.open.client.readContract({
      address: desk.contracts.settlement,
      abi: RFQSettlement.abi,
      functionName: "nonceOrder",
      args: [order.maker, order.nonce],
    }),
  ]);
  const unused = `0x${"0".repeat(64)}`;
  return { filled, nonceTaken: bound !== unused && bound.toLowerCase() !== hash.toLowerCase() };
}

/**
 * Can the paying side pay for `quantity` of the order? A buy: the maker holds and has approved
 * price × quantity + the fee + the incentive share in stablecoin. A sell: the principal holds and
 * has approved the shares, and the maker the incentive share.
 */
export async function assertFunded(desk: Desk, order: RfqOrderMessage, quantity: bigint): Promise<void> {
  const check = async (token: Address, owner: Address, need: bigint, what: string) => {
    if (need === 0n) return;
    const [balance, allowance] = await holdings(desk, token, owner);
    const detail = {
      owner,
      token,
      needed: need.toString(),
      balance: balance.toString(),
      allowance: allowance.toString(),
    };
    if (balance < need)
      throw rfqError(
        "bad_request",
        "insufficient_balance",
        `${owner} holds ${balance} of ${what}, and the order needs ${need}.`,
        detail,
      );
    if (allowance < need)
      throw rfqError(
        "bad_request",
        "insufficient_allowance",
        `${owner} has approved ${allowance} of ${what} to the settlement contract ${desk.contracts.settlement}, and the order needs ${need}.`,
        detail,
      );
  };
  const incentive = order.quantity === 0n ? 0n : (order.incentive * quantity) / order.quantity;
  if (order.isBuy) {
    const cost = buyerCost({ price: order.price, quantity, incentive }, desk.feeBps);
    await check(desk.contracts.stablecoin, order.maker, cost, STABLECOIN.symbol);
  } else {
    await check(order.asset, order.principal, quantity, `${order.ticker} shares`);
    await check(desk.contracts.stablecoin, order.maker, incentive, `${STABLECOIN.symbol} (the incentive)`);
  }
}

/** Errors the contract and its tokens revert with, for decoding. */
export const SETTLEMENT_ERRORS_ABI = [
  ...RFQSettlement.abi,
  ...StockToken.abi.filter((item) => item.type === "error"),
] as const;

/** The contract's named revert inside `error`, if that is what it is. */
export function revertOf(error: unknown): { name: string; args: readonly unknown[] } | null {
  if (!(error instanceof BaseError)) return null;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (!(reverted instanceof ContractFunctionRevertedError)) return null;
  return { name: reverted.data?.errorName ?? reverted.reason ?? "reverted", args: reverted.data?.args ?? [] };
}
