import { describe, expect, it } from "vitest";
import { generatePrivateKey, privateKeyToAccount } from "viem/accounts";
import { encodeFunctionData, keccak256, parseTransaction, serializeTransaction, type Hex } from "viem";
import { db } from "../../db";
import { localAmm, TransactionRejected } from ".";
import { erc20Abi } from "./abi";

const T = Date.UTC(2026, 10, 2, 14, 0, 0);
const USDC = 10n ** 6n;

/** A funded externally owned account that signs with viem, as any wallet would. */
async function wallet(usdc = 10_000n) {
  const account = privateKeyToAccount(generatePrivateKey());
  const amm = localAmm();
  if (usdc > 0n) await amm.mint(account.address, "USDC", usdc * USDC);
  return { account, amm };
}

async function swapSetup(
  options: { approve?: bigint; amountIn?: bigint; minOut?: bigint; deadline?: bigint } = {},
) {
  const { account, amm } = await wallet();
  const { router } = await amm.assertAvailable();
  const [usdc, eth] = [await amm.tokenAddress("USDC"), await amm.tokenAddress("ETH")];
  const amountIn = options.amountIn ?? 1_000n * USDC;
  const approve = await account.signTransaction(
    parseTransaction(
      amm.unsignedApprove({ token: usdc, spender: router, amount: options.approve ?? amountIn, nonce: 0n }),
    ),
  );
  const swap = await account.signTransaction(
    parseTransaction(
      amm.unsignedSwap({
        router,
        amountIn,
        amountOutMin: options.minOut ?? 1n,
        path: [usdc, eth],
        to: account.address,
        deadline: options.deadline ?? BigInt(T / 1000 + 60),
        nonce: 1n,
      }),
    ),
  );
  return { account, amm, approve, swap, usdc, eth, router };
}

const rejected = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TransactionRejected) return error.message;
    throw error;
  }
  throw new Error("expected a rejection");
};

describe("[AMM] the offline chain includes real signed EIP-1559 transactions", () => {
  it("approve then swap: balances, allowance, pool reserves and nonces move; the hash is keccak256(signed)", async () => {
    const { account, amm, approve, swap, router } = await swapSetup();
    const before = await amm.pool("USDC", "ETH");
    const first = await amm.submit(approve, { now: T });
    expect(first).toMatchObject({
      status: "success",
      method: "approve",
      from: account.address,
      nonce: 0n,
      hash: keccak256(approve),
    });
    expect(first.logs).toEqual([
      {
        event: "Approval",
        address: expect.any(String),
        owner: account.address,
        spender: router,
        value: "1000000000",
      },
    ]);
    const second = await amm.submit(swap, { now: T });
    expect(second.status).toBe("success");
    expect(second.blockNumber).toBe(first.blockNumber + 1n);
    const log = second.logs.find((l) => l.event === "Swap")!;
    expect(log).toMatchObject({ amountIn: "1000000000", fee: "3000000", feeBps: 30 });
    const after = await amm.pool("USDC", "ETH");
    expect(after.reserveIn).toBe(before.reserveIn + 1_000n * USDC);
    expect(after.reserveOut).toBe(before.reserveOut - BigInt((log as { amountOut: string }).amountOut));
    const balances = Object.fromEntries(
      (await amm.balancesOf(account.address)).map((b) => [b.token.symbol, b.amount]),
    );
    expect(balances).toMatchObject({
      USDC: 9_000n * USDC,
      ETH: BigInt((log as { amountOut: string }).amountOut),
    });
    expect(await amm.nonceOf(account.address)).toBe(2n);
    const prisma = await db();
    const allowance = await prisma.ledgerAllowance.findFirstOrThrow({ where: { owner: account.address } });
    expect(allowance.amount.toString()).toBe("0"); // the swap spent what was approved
    // A rebroadcast is answered with the first receipt, and changes nothing.
    expect((await amm.submit(swap, { now: T })).hash).toBe(second.hash);
    expect(await amm.nonceOf(account.address)).toBe(2n);
  });

  it.each([
    ["too high", 1n, /^nonce too high: 1 /],
    ["too low", 0n, /^nonce too low: 0 was already used/],
  ])("rejects a nonce %s, leaving no trace", async (_label, nonce, message) => {
    const { account, amm } = await wallet();
    const token = await amm.tokenAddress("USDC");
    if (nonce === 0n) {
      await amm.submit(
        await account.signTransaction(
          parseTransaction(amm.unsignedApprove({ token, spender: token, amount: 1n, nonce: 0n })),
        ),
        { now: T },
      );
    }
    const tx = await account.signTransaction(
      parseTransaction(amm.unsignedApprove({ token, spender: token, amount: 5n, nonce })),
    );
    expect(await rejected(amm.submit(tx, { now: T }))).toMatch(message);
    expect(await (await db()).ledgerTransaction.count({ where: { hash: keccak256(tx) } })).toBe(0);
  });

  it("rejects another chain id, an unsigned transaction, an unknown contract and value transfers", async () => {
    const { account, amm } = await wallet();
    const token = await amm.tokenAddress("USDC");
    const data = encodeFunctionData({ abi: erc20Abi, functionName: "approve", args: [token, 1n] });
    const base = {
      type: "eip1559" as const,
      nonce: 0,
      gas: 60_000n,
      maxFeePerGas: 1n,
      maxPriorityFeePerGas: 1n,
      data,
    };
    expect(
      await rejected(
        amm.submit(await account.signTransaction({ ...base, chainId: 1, to: token }), { now: T }),
      ),
    ).toBe("wrong chain id 1 (this chain is 31337)");
    expect(
      await rejected(amm.submit(serializeTransaction({ ...base, chainId: 31337, to: token }), { now: T })),
    ).toBe("the transaction is not signed");
    expect(
      await rejected(
        amm.submit(await account.signTransaction({ ...base, chainId: 31337, to: account.address }), {
          now: T,
        }),
      ),
    ).toBe(`unknown contract ${account.address}`);
    expect(
      await rejected(
        amm.submit(await account.signTransaction({ ...base, chainId: 31337, to: token, value: 1n }), {
          now: T,
        }),
      ),
    ).toBe("value transfers are not supported on this chain");
    expect(await rejected(amm.submit("0x1234" as Hex, { now: T }))).toMatch(/^not a serialized transaction/);
  });

  it.each([
    [
      "without enough allowance",
      { approve: 999n * USDC },
      "TransferHelper: TRANSFER_FROM_FAILED (insufficient allowance)",
    ],
    [
      "beyond the balance",
      { amountIn: 20_000n * USDC },
      "TransferHelper: TRANSFER_FROM_FAILED (insufficient balance)",
    ],
    ["after its deadline", { deadline: BigInt(T / 1000 - 1) }, "UniswapV2Router: EXPIRED"],
    ["below its minimum output", { minOut: 10n ** 24n }, "UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"],
  ])(
    "reverts a swap %s: included with its reason, nonce used, nothing moved",
    async (_label, options, reason) => {
      const { account, amm, approve, swap } = await swapSetup(options);
      await amm.submit(approve, { now: T });
      const pool = await amm.pool("USDC", "ETH");
      const receipt = await amm.submit(swap, { now: T });
      expect(receipt.status).toBe("reverted");
      expect(receipt.revertReason).toBe(reason);
      expect(receipt.logs).toEqual([]);
      expect(await amm.nonceOf(account.address)).toBe(2n);
      expect(await amm.pool("USDC", "ETH")).toEqual(pool);
      const usdc = (await amm.balancesOf(account.address)).find((b) => b.token.symbol === "USDC")!;
      expect(usdc.amount).toBe(10_000n * USDC);
      if (reason.includes("INSUFFICIENT_OUTPUT")) {
        expect(receipt.revertData).toEqual({
          amountOut: expect.stringMatching(/^\d+$/),
          amountOutMin: (10n ** 24n).toString(),
        });
      }
    },
  );

  it("applies concurrent submissions one at a time: every nonce used once", async () => {
    const { account, amm } = await wallet();
    const token = await amm.tokenAddress("USDC");
    const txs = await Promise.all(
      [0n, 1n, 2n, 3n].map(async (nonce) =>
        account.signTransaction(
          parseTransaction(amm.unsignedApprove({ token, spender: token, amount: nonce + 1n, nonce })),
        ),
      ),
    );
    // Submitted out of order and at once: only those whose nonce is next at their turn get in.
    const results = await Promise.allSettled(txs.map((tx) => amm.submit(tx, { now: T })));
    const included = results.filter((r) => r.status === "fulfilled").length;
    expect(await amm.nonceOf(account.address)).toBe(BigInt(included));
    expect(await (await db()).ledgerTransaction.count({ where: { from: account.address } })).toBe(included);
  });
});
