import {
  createTestClient,
  createWalletClient,
  http,
  type Address,
  type Hex,
  type PrivateKeyAccount,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { ORDER_TYPES, RFQ_DOMAIN, type RfqOrderWire } from "@/lib/domain/rfq/order";
import { ADMIN_TOKEN, call, createTestUser } from "@/lib/server/testing/api-client";
import { chain } from "@/lib/server/chain";
import { TrancheUSD } from "@/solidity/artifacts";
import { GET as instrumentsRoute } from "./instruments/route";
import { GET as nonceRoute } from "./makers/nonce/route";
import { POST as connectRoute } from "./makers/connect/route";
import { POST as createRoute } from "./orders/route";
import { GET as walletRoute } from "./takers/wallet/route";
import { POST as lockRoute } from "./orders/lock/route";
import { POST as faucetRoute } from "../ledger/faucet/route";

/**
 * Shared by the RFQ desk's API tests: makers are viem wallets on the real (throwaway) Anvil chain,
 * who sign in with Ethereum and sign orders with EIP-712; takers are users with API tokens.
 */
export const E18 = 10n ** 18n;

export async function desk() {
  const response = await call(instrumentsRoute, { path: "/api/v1/instruments" });
  if (response.status !== 200) throw new Error(`instruments: ${JSON.stringify(response.body)}`);
  const data = response.body.data;
  const aapl = data.instruments.find((i: { ticker: string }) => i.ticker === "AAPL").asset as Address;
  return { ...data, aapl, usd: data.stablecoin.asset as Address, settlement: data.settlement as Address };
}

export async function rpc() {
  const open = await chain();
  return {
    open,
    test: createTestClient({ chain: open.chain, mode: "anvil", transport: http(open.rpcUrl) }),
    wallet: (account: PrivateKeyAccount) =>
      createWalletClient({ account, chain: open.chain, transport: http(open.rpcUrl) }),
  };
}

export const balanceOf = async (token: Address, owner: Address) =>
  (await chain()).client.readContract({
    address: token,
    abi: TrancheUSD.abi,
    functionName: "balanceOf",
    args: [owner],
  });

/** Mint through the faucet route (admin), in whole units. */
export async function faucet(address: Address, asset: string, amount: string) {
  const response = await call(faucetRoute, {
    method: "POST",
    token: ADMIN_TOKEN(),
    body: { address, asset, amount },
  });
  if (response.status !== 201) throw new Error(`faucet: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** The SIWE message a wallet signs to connect (overrides make bad ones). */
export async function siwe(account: PrivateKeyAccount, overrides: Record<string, unknown> = {}) {
  const nonce = await call(nonceRoute, { path: `/api/v1/makers/nonce?wallet_address=${account.address}` });
  const n = nonce.body.data;
  const message = createSiweMessage({
    address: account.address,
    chainId: n.chain_id,
    domain: n.domain,
    uri: n.uri,
    nonce: n.nonce,
    version: "1",
    statement: "Sign in to the Tranche RFQ desk",
    issuedAt: new Date(),
    ...overrides,
  });
  return { message, nonce: n.nonce as string, signature: await account.signMessage({ message }) };
}

export async function connect(account: PrivateKeyAccount, body?: Record<string, unknown>) {
  const signed = await siwe(account);
  return call(connectRoute, {
    method: "POST",
    body: {
      wallet_address: account.address,
      chain_id: 31337,
      message: signed.message,
      signature: signed.signature,
      ...body,
    },
  });
}

/** A maker with gas, `usd` TUSD approved to the settlement contract, and a session. */
export async function maker(usd = "100000") {
  const account = privateKeyToAccount(generatePrivateKey());
  const d = await desk();
  const { test, wallet, open } = await rpc();
  await test.setBalance({ address: account.address, value: 10n * E18 });
  await faucet(account.address, "TUSD", usd);
  const hash = await wallet(account).writeContract({
    address: d.usd,
    abi: TrancheUSD.abi,
    functionName: "approve",
    args: [d.settlement, 2n ** 255n],
  });
  await open.client.waitForTransactionReceipt({ hash });
  const session = await connect(account);
  if (session.status !== 200) throw new Error(`connect: ${JSON.stringify(session.body)}`);
  return { account, session: session.body.data.session_token as string };
}

let nonce = 0;
/** The seed's order (AAPL, 150.25 × 100, incentive 1), by `account`, to a fresh principal. */
export async function seedOrder(
  account: PrivateKeyAccount,
  overrides: Partial<RfqOrderWire> = {},
): Promise<RfqOrderWire> {
  const d = await desk();
  return {
    maker: account.address,
    principal: privateKeyToAccount(generatePrivateKey()).address,
    is_buy: true,
    ticker: "AAPL",
    exchange: 0,
    asset: d.aapl,
    price: "150250000000000000000",
    quantity: "100",
    incentive: "1000000000000000000",
    deadline: Math.floor(Date.now() / 1000) + 3600,
    nonce: ++nonce,
    ...overrides,
  };
}

export async function sign(account: PrivateKeyAccount, order: RfqOrderWire): Promise<Hex> {
  const d = await desk();
  return account.signTypedData({
    domain: { ...RFQ_DOMAIN, chainId: 31337, verifyingContract: d.settlement },
    types: ORDER_TYPES,
    primaryType: "Order",
    message: {
      maker: order.maker as Address,
      principal: order.principal as Address,
      isBuy: order.is_buy,
      ticker: order.ticker,
      exchange: order.exchange,
      asset: order.asset as Address,
      price: BigInt(order.price),
      quantity: BigInt(order.quantity),
      incentive: BigInt(order.incentive),
      deadline: BigInt(order.deadline),
      nonce: BigInt(order.nonce),
    },
  });
}

/** Sign and post through POST /api/v1/orders. */
export async function post(
  m: { account: PrivateKeyAccount; session: string },
  overrides: Partial<RfqOrderWire> = {},
) {
  const order = await seedOrder(m.account, overrides);
  const signature = await sign(m.account, order);
  const response = await call(createRoute, {
    method: "POST",
    headers: { authorization: `Bearer ${m.session}` },
    body: { order, signature },
  });
  if (response.status !== 200) throw new Error(`post: ${JSON.stringify(response.body)}`);
  return { order, signature, created: response.body.data };
}

/** A taker: a user with the taker scope and its desk wallet. */
export async function taker() {
  const user = await createTestUser({ scopes: ["read", "taker"] });
  const response = await call(walletRoute, { headers: { "x-api-key": user.token } });
  if (response.status !== 200) throw new Error(`wallet: ${JSON.stringify(response.body)}`);
  return { ...user, key: { "x-api-key": user.token }, address: response.body.data.address as Address };
}

export async function lock(t: { key: Record<string, string>; address: Address }, orderHash: string) {
  return call(lockRoute, {
    method: "POST",
    headers: t.key,
    body: { order_hash: orderHash, taker_address: t.address },
  });
}
