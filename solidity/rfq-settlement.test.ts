import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BaseError,
  ContractFunctionRevertedError,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  http,
  parseEventLogs,
  type Address,
  type Hex,
  type PrivateKeyAccount,
} from "viem";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { startAnvil, type AnvilNode } from "@/lib/server/chain/anvil";
import { ORDER_TYPES, RFQ_DOMAIN, type RfqOrderMessage } from "@/lib/domain/rfq/order";
import { MakerWallet, RFQSettlement, StockToken, TrancheUSD } from "./artifacts";

// RFQSettlement on a real EVM (a throwaway Anvil), driven with viem as any client would.
const E18 = 10n ** 18n;
const ANVIL_KEYS: Hex[] = [
  "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
];
const [deployer, maker, taker, outsider] = ANVIL_KEYS.map((key) => privateKeyToAccount(key)) as [
  PrivateKeyAccount,
  PrivateKeyAccount,
  PrivateKeyAccount,
  PrivateKeyAccount,
];
const principal = privateKeyToAccount(generatePrivateKey());

let node: AnvilNode;
let publicClient: ReturnType<typeof createPublicClient>;
let testClient: ReturnType<typeof createTestClient>;
const chain = defineChain({
  id: 31337,
  name: "anvil",
  nativeCurrency: { name: "Ether", symbol: "ETH", decimals: 18 },
  rpcUrls: { default: { http: ["http://127.0.0.1"] } },
});
const wallet = (account: PrivateKeyAccount) =>
  createWalletClient({ account, chain, transport: http(node.url) });

let usd: Address;
let settlement: Address;
let aapl: Address;

async function deploy(abi: unknown, bytecode: Hex, args: unknown[]): Promise<Address> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper for four ABIs
  const hash = await wallet(deployer).deployContract({ abi: abi as any, bytecode, args } as any);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  return receipt.contractAddress!;
}

async function send(
  account: PrivateKeyAccount,
  address: Address,
  abi: unknown,
  functionName: string,
  args: unknown[],
) {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one helper for four ABIs
  const hash = await wallet(account).writeContract({ address, abi: abi as any, functionName, args } as any);
  const receipt = await publicClient.waitForTransactionReceipt({ hash });
  expect(receipt.status).toBe("success");
  return receipt;
}

const balance = (token: Address, owner: Address) =>
  publicClient.readContract({
    address: token,
    abi: TrancheUSD.abi,
    functionName: "balanceOf",
    args: [owner],
  });

let nonce = 0n;
async function now(): Promise<bigint> {
  return (await publicClient.getBlock()).timestamp;
}
async function order(overrides: Partial<RfqOrderMessage> = {}): Promise<RfqOrderMessage> {
  return {
    maker: maker.address,
    principal: principal.address,
    isBuy: true,
    ticker: "AAPL",
    exchange: 0,
    asset: aapl,
    price: 150_250_000_000_000_000_000n,
    quantity: 100n,
    incentive: E18,
    deadline: (await now()) + 3600n,
    nonce: ++nonce,
    ...overrides,
  };
}
const sign = (message: RfqOrderMessage, signer: PrivateKeyAccount = maker) =>
  signer.signTypedData({
    domain: { ...RFQ_DOMAIN, chainId: 31337, verifyingContract: settlement },
    types: ORDER_TYPES,
    primaryType: "Order",
    message,
  });

/** The named error a fillOrder call reverts with (simulated from `from`). */
async function revertOf(from: Address, args: readonly unknown[]): Promise<{ name: string; args: unknown }> {
  try {
    await publicClient.simulateContract({
      address: settlement,
      // the tokens' errors too: a burn or a transfer can be what reverts
      abi: [...RFQSettlement.abi, ...StockToken.abi.filter((item) => item.type === "error")],
      functionName: "fillOrder",
      args: args as never,
      account: from,
    });
  } catch (error) {
    const reverted = (error as BaseError).walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError)
      return { name: reverted.data?.errorName ?? "?", args: reverted.data?.args };
    throw error;
  }
  throw new Error("fillOrder did not revert");
}

const fill = (message: RfqOrderMessage, signature: Hex, quantity: bigint, incentive = 0n, as = taker) =>
  send(as, settlement, RFQSettlement.abi, "fillOrder", [message, signature, quantity, incentive]);

beforeAll(async () => {
  node = await startAnvil({ chainId: 31337, stateFile: null });
  publicClient = createPublicClient({ chain, transport: http(node.url), pollingInterval: 50 });
  testClient = createTestClient({ chain, mode: "anvil", transport: http(node.url) });
  usd = await deploy(TrancheUSD.abi, TrancheUSD.bytecode, [deployer.address]);
  settlement = await deploy(RFQSettlement.abi, RFQSettlement.bytecode, [
    deployer.address,
    usd,
    deployer.address,
    100,
  ]);
  aapl = await deploy(StockToken.abi, StockToken.bytecode, ["Apple Inc.", "AAPL", 0, settlement]);
  await send(deployer, settlement, RFQSettlement.abi, "listAsset", ["AAPL", 0, aapl]);
  const takerRole = await publicClient.readContract({
    address: settlement,
    abi: RFQSettlement.abi,
    functionName: "TAKER_ROLE",
  });
  await send(deployer, settlement, RFQSettlement.abi, "grantRole", [takerRole, taker.address]);
  await send(deployer, usd, TrancheUSD.abi, "mint", [maker.address, 1_000_000n * E18]);
  await send(deployer, usd, TrancheUSD.abi, "mint", [taker.address, 1_000_000n * E18]);
  await send(maker, usd, TrancheUSD.abi, "approve", [settlement, 2n ** 255n]);
  await send(taker, usd, TrancheUSD.abi, "approve", [settlement, 2n ** 255n]);
}, 60_000);

afterAll(async () => {
  await node?.stop();
});

describe("RFQSettlement.fillOrder", () => {
  it("settles the seed's example: mints 50 AAPL to the principal, maker pays 7512.5 + 0.5 incentive to the taker and 75.125 fee", async () => {
    const message = await order();
    const signature = await sign(message);
    const before = await Promise.all([
      balance(usd, maker.address),
      balance(usd, taker.address),
      balance(usd, deployer.address),
    ]);
    const receipt = await fill(message, signature, 50n, 500_000_000_000_000_000n);
    const [event] = parseEventLogs({ abi: RFQSettlement.abi, logs: receipt.logs, eventName: "OrderFilled" });
    expect(event!.args).toMatchObject({
      maker: maker.address,
      taker: taker.address,
      principal: principal.address,
      isBuy: true,
      fillQuantity: 50n,
      filledAmount: 7_512_500_000_000_000_000_000n,
      feeAmount: 75_125_000_000_000_000_000n,
      incentiveAmount: 500_000_000_000_000_000n,
      totalFilled: 50n,
    });
    expect(await balance(aapl, principal.address)).toBe(50n);
    expect(await balance(usd, maker.address)).toBe(
      before[0] - 7_512_500_000_000_000_000_000n - 75_125_000_000_000_000_000n - 500_000_000_000_000_000n,
    );
    expect(await balance(usd, taker.address)).toBe(before[1] + 7_513_000_000_000_000_000_000n);
    expect(await balance(usd, deployer.address)).toBe(before[2] + 75_125_000_000_000_000_000n);
    const hash = await publicClient.readContract({
      address: settlement,
      abi: RFQSettlement.abi,
      functionName: "hashOrder",
      args: [message],
    });
    expect(event!.args.orderHash).toBe(hash);
    expect(
      await publicClient.readContract({
        address: settlement,
        abi: RFQSettlement.abi,
        functionName: "filled",
        args: [hash],
      }),
    ).toBe(50n);
    // the rest can be filled, and no more
    expect(await revertOf(taker.address, [message, signature, 51n, 0n])).toEqual({
      name: "Overfill",
      args: [50n, 51n],
    });
    await fill(message, signature, 50n);
    expect(await balance(aapl, principal.address)).toBe(100n);
    expect(await revertOf(taker.address, [message, signature, 1n, 0n])).toEqual({
      name: "Overfill",
      args: [0n, 1n],
    });
  });

  it("reverts InvalidSignature for a forged signature and for a tampered order", async () => {
    const message = await order();
    expect((await revertOf(taker.address, [message, await sign(message, outsider), 1n, 0n])).name).toBe(
      "InvalidSignature",
    );
    const signature = await sign(message);
    expect((await revertOf(taker.address, [{ ...message, quantity: 1000n }, signature, 1n, 0n])).name).toBe(
      "InvalidSignature",
    );
    expect((await revertOf(taker.address, [{ ...message, price: 1n }, signature, 1n, 0n])).name).toBe(
      "InvalidSignature",
    );
  });

  it("reverts NotWhitelistedTaker for anyone without the taker role", async () => {
    const message = await order();
    expect(await revertOf(outsider.address, [message, await sign(message), 1n, 0n])).toEqual({
      name: "NotWhitelistedTaker",
      args: [outsider.address],
    });
    expect((await revertOf(maker.address, [message, await sign(message), 1n, 0n])).name).toBe(
      "NotWhitelistedTaker",
    );
  });

  it("reverts OrderExpired once the deadline has passed", async () => {
    const message = await order({ deadline: (await now()) + 10n });
    const signature = await sign(message);
    await testClient.increaseTime({ seconds: 11 });
    await testClient.mine({ blocks: 1 });
    expect((await revertOf(taker.address, [message, signature, 1n, 0n])).name).toBe("OrderExpired");
  });

  it("reverts NonceUsed for a second order on a nonce, and after the maker invalidates one", async () => {
    const first = await order();
    await fill(first, await sign(first), 10n);
    const second = await order({ nonce: first.nonce, quantity: 5n });
    expect(await revertOf(taker.address, [second, await sign(second), 1n, 0n])).toEqual({
      name: "NonceUsed",
      args: [maker.address, first.nonce],
    });
    // a trustless cancel, also of the remainder of a partly filled order
    await send(maker, settlement, RFQSettlement.abi, "invalidateNonce", [first.nonce]);
    expect((await revertOf(taker.address, [first, await sign(first), 1n, 0n])).name).toBe("NonceUsed");
    const fresh = await order();
    await send(maker, settlement, RFQSettlement.abi, "invalidateNonce", [fresh.nonce]);
    expect((await revertOf(taker.address, [fresh, await sign(fresh), 1n, 0n])).name).toBe("NonceUsed");
  });

  it("reverts IncentiveTooHigh above the pro-rata share, ZeroFill for nothing, UnknownAsset for an unlisted token", async () => {
    const message = await order();
    const signature = await sign(message);
    expect(await revertOf(taker.address, [message, signature, 50n, E18 / 2n + 1n])).toEqual({
      name: "IncentiveTooHigh",
      args: [E18 / 2n, E18 / 2n + 1n],
    });
    expect((await revertOf(taker.address, [message, signature, 0n, 0n])).name).toBe("ZeroFill");
    const unlisted = await order({ asset: usd });
    expect((await revertOf(taker.address, [unlisted, await sign(unlisted), 1n, 0n])).name).toBe(
      "UnknownAsset",
    );
    const wrongTicker = await order({ ticker: "MSFT" });
    expect((await revertOf(taker.address, [wrongTicker, await sign(wrongTicker), 1n, 0n])).name).toBe(
      "UnknownAsset",
    );
  });

  it("settles a sell: burns the principal's approved shares, the taker pays, the principal gets all but the fee", async () => {
    const seller = privateKeyToAccount(generatePrivateKey());
    await testClient.setBalance({ address: seller.address, value: E18 });
    await send(deployer, settlement, RFQSettlement.abi, "issue", [aapl, seller.address, 20n]);
    const message = await order({
      maker: seller.address,
      principal: seller.address,
      isBuy: false,
      price: 100n * E18,
      quantity: 20n,
      incentive: 0n,
    });
    const signature = await sign(message, seller);
    // without the seller's approval of its shares, nothing is burnt
    expect((await revertOf(taker.address, [message, signature, 5n, 0n])).name).toBe(
      "ERC20InsufficientAllowance",
    );
    await send(seller, aapl, StockToken.abi, "approve", [settlement, 20n]);
    const takerBefore = await balance(usd, taker.address);
    await fill(message, signature, 5n);
    expect(await balance(aapl, seller.address)).toBe(15n);
    expect(await balance(usd, seller.address)).toBe(500n * E18 - 5n * E18);
    expect(await balance(usd, taker.address)).toBe(takerBefore - 500n * E18);
  });

  it("accepts an ERC-1271 smart-wallet maker, and refuses a digest its owner did not sign", async () => {
    const walletAddress = await deploy(MakerWallet.abi, MakerWallet.bytecode, [maker.address]);
    await send(deployer, usd, TrancheUSD.abi, "mint", [walletAddress, 10_000n * E18]);
    const approve = (await import("viem")).encodeFunctionData({
      abi: TrancheUSD.abi,
      functionName: "approve",
      args: [settlement, 2n ** 255n],
    });
    await send(maker, walletAddress, MakerWallet.abi, "execute", [usd, approve]);
    const message = await order({ maker: walletAddress, price: 10n * E18, quantity: 10n, incentive: 0n });
    const digest = await publicClient.readContract({
      address: settlement,
      abi: RFQSettlement.abi,
      functionName: "hashOrder",
      args: [message],
    });
    expect(
      (await revertOf(taker.address, [message, await outsider.sign({ hash: digest }), 1n, 0n])).name,
    ).toBe("InvalidSignature");
    await fill(message, await maker.sign({ hash: digest }), 3n);
    expect(await balance(aapl, principal.address)).toBeGreaterThanOrEqual(3n);
  });
});

describe("StockToken", () => {
  it("is minted and burnt only by the settlement contract", async () => {
    const call = (functionName: "mint" | "burnFrom") =>
      publicClient.simulateContract({
        address: aapl,
        abi: StockToken.abi,
        functionName,
        args: [deployer.address, 1n],
        account: deployer.address,
      });
    await expect(call("mint")).rejects.toThrow(/OnlySettlement/);
    await expect(call("burnFrom")).rejects.toThrow(/OnlySettlement/);
    await expect(
      publicClient.simulateContract({
        address: settlement,
        abi: RFQSettlement.abi,
        functionName: "issue",
        args: [aapl, outsider.address, 1n],
        account: outsider.address,
      }),
    ).rejects.toThrow(/AccessControlUnauthorizedAccount/);
    expect(
      await publicClient.readContract({ address: aapl, abi: StockToken.abi, functionName: "decimals" }),
    ).toBe(0);
  });
});
