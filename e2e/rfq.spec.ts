import { expect, test } from "@playwright/test";
import { createWalletClient, defineChain, http, publicActions, type Address } from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { createSiweMessage } from "viem/siwe";
import { ORDER_TYPES, RFQ_DOMAIN } from "../lib/domain/rfq/order";
import { TrancheUSD } from "../solidity/artifacts";
import { E2E_CHAIN_PORT } from "../playwright.config";
import { E2E_ADMIN, signIn } from "./fixtures";

const rpcUrl = `http://127.0.0.1:${E2E_CHAIN_PORT}`;
const chain = defineChain({
  id: 31337,
  name: "e2e",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: [rpcUrl] } },
});

test("[RFQ]: a maker order posted through the API appears live, is locked and partly filled from the page, with its transaction and the principal's balance", async ({
  page,
}) => {
  const admin = { authorization: `Token ${E2E_ADMIN.token}` };
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "RFQ" }).click();
  await expect(page.getByTestId("desk-wallet")).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("No maker orders")).toBeVisible();

  // A maker wallet (viem) with gas and TUSD approved to the settlement contract, signed in with Ethereum.
  const maker = privateKeyToAccount(generatePrivateKey());
  const principal = privateKeyToAccount(generatePrivateKey()).address;
  const { data: desk } = await (await page.request.get("/api/v1/instruments")).json();
  const aapl = desk.instruments.find((i: { ticker: string }) => i.ticker === "AAPL").asset as Address;
  const wallet = createWalletClient({ account: maker, chain, transport: http(rpcUrl) }).extend(publicActions);
  await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "anvil_setBalance",
      params: [maker.address, "0x8ac7230489e80000"],
    }),
  });
  expect(
    (
      await page.request.post("/api/ledger/faucet", {
        headers: admin,
        data: { address: maker.address, asset: "TUSD", amount: "50000" },
      })
    ).status(),
  ).toBe(201);
  await wallet.waitForTransactionReceipt({
    hash: await wallet.writeContract({
      address: desk.stablecoin.asset,
      abi: TrancheUSD.abi,
      functionName: "approve",
      args: [desk.settlement, 10n ** 30n],
    }),
  });
  const { data: nonce } = await (
    await page.request.get(`/api/v1/makers/nonce?wallet_address=${maker.address}`)
  ).json();
  const message = createSiweMessage({
    address: maker.address,
    chainId: 31337,
    domain: nonce.domain,
    uri: nonce.uri,
    nonce: nonce.nonce,
    version: "1",
  });
  const connected = await page.request.post("/api/v1/makers/connect", {
    data: {
      wallet_address: maker.address,
      chain_id: 31337,
      message,
      signature: await maker.signMessage({ message }),
    },
  });
  const session = (await connected.json()).data.session_token;

  const order = {
    maker: maker.address,
    principal,
    is_buy: true,
    ticker: "AAPL",
    exchange: 0,
    asset: aapl,
    price: "150250000000000000000",
    quantity: "100",
    incentive: "1000000000000000000",
    deadline: Math.floor(Date.now() / 1000) + 3600,
    nonce: 1,
  };
  const signature = await maker.signTypedData({
    domain: { ...RFQ_DOMAIN, chainId: 31337, verifyingContract: desk.settlement },
    types: ORDER_TYPES,
    primaryType: "Order",
    message: {
      ...order,
      isBuy: true,
      principal,
      asset: aapl,
      price: BigInt(order.price),
      quantity: 100n,
      incentive: 10n ** 18n,
      deadline: BigInt(order.deadline),
      nonce: 1n,
    },
  });
  const posted = await page.request.post("/api/v1/orders", {
    headers: { authorization: `Bearer ${session}` },
    data: { order, signature },
  });
  expect(posted.status()).toBe(200);
  const orderHash = (await posted.json()).data.order_hash;

  // It arrives without a reload, over the live stream.
  const row = page.locator(`[data-order-hash="${orderHash}"]`);
  await expect(row.getByTestId("rfq-status")).toHaveText("pending");
  await row.getByRole("button", { name: "Lock" }).click();
  await expect(row.getByTestId("rfq-status")).toHaveText("locked");
  await row.getByLabel("Fill quantity").fill("40");
  await expect(row.getByTestId("fill-preview")).toHaveText("Amount 6010 · fee 60.1 · incentive 0.4 TUSD");
  await row.getByRole("button", { name: "Fill" }).click();
  await expect(row.getByTestId("rfq-status")).toHaveText("partially_filled", { timeout: 20_000 });

  const fill = page.getByTestId("fill-row").first();
  await expect(fill.getByTestId("fill-tx")).toHaveText(/^0x[0-9a-f]{64}$/);
  await fill.getByRole("button", { name: /0x/ }).click();
  await expect(
    page.getByRole("region", { name: "Principal's tokens" }).getByTestId("balance-AAPL"),
  ).toHaveText("40");
  expect(
    await wallet.readContract({
      address: aapl,
      abi: TrancheUSD.abi,
      functionName: "balanceOf",
      args: [principal],
    }),
  ).toBe(40n);
});
