import "server-only";
import {
  decodeFunctionData,
  getAddress,
  keccak256,
  parseTransaction,
  recoverTransactionAddress,
  type Address,
  type Hex,
} from "viem";
import { feeOf, getAmountOut } from "@/lib/domain/defi/amm-math";
import type { Tx } from "../../db";
import { erc20Abi, routerAbi } from "./abi";

/**
 * The offline chain's state machine: it includes one signed EIP-1559 transaction at a time (the
 * caller holds the chain row's lock), as a real chain would. A transaction that cannot be included
 * — not EIP-1559, another chain id, a bad signature, the wrong nonce, an unknown contract, a value
 * transfer — is rejected and leaves no trace. An included one either succeeds or reverts with its
 * reason; either way it uses its nonce and gets a block and a hash (keccak256 of the signed bytes).
 */

export type LedgerLog =
  | { event: "Approval"; address: Address; owner: Address; spender: Address; value: string }
  | { event: "Transfer"; address: Address; from: Address; to: Address; value: string }
  | {
      event: "Swap";
      address: Address;
      sender: Address;
      to: Address;
      tokenIn: Address;
      tokenOut: Address;
      amountIn: string;
      amountOut: string;
      fee: string;
      feeBps: number;
    };

export interface Receipt {
  hash: Hex;
  blockNumber: bigint;
  from: Address;
  to: Address;
  nonce: bigint;
  status: "success" | "reverted";
  method: string;
  /** The contract's reason ("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT"). */
  revertReason: string | null;
  /** For a slippage revert: what the pool would have paid and the minimum asked. */
  revertData: { amountOut: string; amountOutMin: string } | null;
  logs: LedgerLog[];
}

/** Why a transaction was not included (a JSON-RPC node would answer these to eth_sendRawTransaction). */
export class TransactionRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransactionRejected";
  }
}

class Revert extends Error {
  constructor(
    readonly reason: string,
    readonly data: Receipt["revertData"] = null,
  ) {
    super(reason);
  }
}

const toBig = (value: { toFixed(): string } | null | undefined): bigint =>
  value ? BigInt(value.toFixed()) : 0n;

interface ChainContext {
  chainId: number;
  router: Address;
  tokens: Map<string, { address: Address; symbol: string }>;
}

/**
 * Include `signed` on the chain at block time `now` (ms), inside the caller's transaction `tx`,
 * which must hold the chain row's lock. `orderId` tags the row for the Gateway order it serves.
 */
export async function includeTransaction(
  tx: Tx,
  options: { chainId: number; signed: Hex; now: number; orderId?: string | null },
): Promise<Receipt> {
  const { chainId, signed, now } = options;
  const hash = keccak256(signed);
  const known = await tx.ledgerTransaction.findUnique({ where: { hash } });
  if (known) return receiptOf(known); // a rebroadcast is answered with the first result

  let parsed;
  try {
    parsed = parseTransaction(signed);
  } catch (error) {
    throw new TransactionRejected(`not a serialized transaction: ${(error as Error).message.split("\n")[0]}`);
  }
  if (parsed.type !== "eip1559")
    throw new TransactionRejected("only EIP-1559 (type 2) transactions are accepted");
  if (parsed.chainId !== chainId)
    throw new TransactionRejected(`wrong chain id ${parsed.chainId} (this chain is ${chainId})`);
  if (parsed.r === undefined || parsed.s === undefined || parsed.yParity === undefined)
    throw new TransactionRejected("the transaction is not signed");
  let from: Address;
  try {
    from = await recoverTransactionAddress({
      serializedTransaction: signed as Parameters<
        typeof recoverTransactionAddress
      >[0]["serializedTransaction"],
    });
  } catch {
    throw new TransactionRejected("invalid signature");
  }
  const nonce = BigInt(parsed.nonce ?? 0);
  const account = await tx.ledgerAccount.findUnique({
    where: { chainId_address: { chainId, address: from } },
  });
  const expected = account?.nonce ?? 0n;
  if (nonce < expected)
    throw new TransactionRejected(`nonce too low: ${nonce} was already used (${from} is at ${expected})`);
  if (nonce > expected) throw new TransactionRejected(`nonce too high: ${nonce} (${from} is at ${expected})`);
  if (!parsed.to) throw new TransactionRejected("contract creation is not supported on this chain");
  if ((parsed.value ?? 0n) !== 0n)
    throw new TransactionRejected("value transfers are not supported on this chain");

  const chain = await chainContext(tx, chainId);
  const to = getAddress(parsed.to);
  const token = chain.tokens.get(to);
  if (!token && to !== chain.router) throw new TransactionRejected(`unknown contract ${to}`);

  const logs: LedgerLog[] = [];
  let method = "unknown";
  let status: Receipt["status"] = "success";
  let revertReason: string | null = null;
  let revertData: Receipt["revertData"] = null;
  try {
    if (token) {
      const call = decode(erc20Abi, parsed.data);
      method = call.functionName;
      if (call.functionName === "approve") {
        const [spender, amount] = call.args;
        await setAllowance(tx, chainId, to, from, getAddress(spender), amount);
        logs.push({
          event: "Approval",
          address: to,
          owner: from,
          spender: getAddress(spender),
          value: amount.toString(),
        });
      } else {
        const [recipient, amount] = call.args;
        await move(
          tx,
          chainId,
          to,
          from,
          getAddress(recipient),
          amount,
          "ERC20: transfer amount exceeds balance",
        );
        logs.push({
          event: "Transfer",
          address: to,
          from,
          to: getAddress(recipient),
          value: amount.toString(),
        });
      }
    } else {
      const call = decode(routerAbi, parsed.data);
      method = call.functionName;
      const [amountIn, amountOutMin, path, recipient, deadline] = call.args;
      logs.push(
        ...(await swap(tx, chain, {
          from,
          amountIn,
          amountOutMin,
          path: path.map((a) => getAddress(a)),
          to: getAddress(recipient),
          deadline,
          now,
        })),
      );
    }
  } catch (error) {
    if (!(error instanceof Revert)) throw error;
    // Calls check everything before their first write, so a revert has nothing to undo.
    status = "reverted";
    revertReason = error.reason;
    revertData = error.data;
    logs.length = 0;
  }

  const chainRow = await tx.ledgerChain.update({
    where: { chainId },
    data: { blockNumber: { increment: 1 } },
  });
  await tx.ledgerAccount.upsert({
    where: { chainId_address: { chainId, address: from } },
    create: { chainId, address: from, nonce: nonce + 1n },
    update: { nonce: nonce + 1n },
  });
  const row = await tx.ledgerTransaction.create({
    data: {
      hash,
      chainId,
      blockNumber: chainRow.blockNumber,
      from,
      to,
      nonce,
      status,
      revertReason: revertData
        ? `${revertReason} (amountOut ${revertData.amountOut}, amountOutMin ${revertData.amountOutMin})`
        : revertReason,
      method,
      logs: logs as object[],
      raw: signed,
      orderId: options.orderId ?? null,
      createdAt: new Date(now),
    },
  });
  return receiptOf(row);
}

function decode<const A extends typeof erc20Abi | typeof routerAbi>(abi: A, data: Hex | undefined) {
  try {
    return decodeFunctionData({ abi, data: data ?? "0x" });
  } catch {
    throw new Revert("function selector was not recognized");
  }
}

async function chainContext(tx: Tx, chainId: number): Promise<ChainContext> {
  const [chain, tokens] = await Promise.all([
    tx.ledgerChain.findUniqueOrThrow({ where: { chainId } }),
    tx.ledgerToken.findMany({ where: { chainId } }),
  ]);
  return {
    chainId,
    router: chain.router as Address,
    tokens: new Map(tokens.map((t) => [t.address, { address: t.address as Address, symbol: t.symbol }])),
  };
}

async function balanceOf(tx: Tx, chainId: number, token: Address, owner: Address): Promise<bigint> {
  const row = await tx.ledgerBalance.findUnique({
    where: { chainId_token_owner: { chainId, token, owner } },
  });
  return toBig(row?.amount);
}

async function setBalance(
  tx: Tx,
  chainId: number,
  token: Address,
  owner: Address,
  amount: bigint,
): Promise<void> {
  await tx.ledgerBalance.upsert({
    where: { chainId_token_owner: { chainId, token, owner } },
    create: { chainId, token, owner, amount: amount.toString() },
    update: { amount: amount.toString() },
  });
}

/** Move tokens; reverts with `reason` when the sender lacks them. */
async function move(
  tx: Tx,
  chainId: number,
  token: Address,
  from: Address,
  to: Address,
  amount: bigint,
  reason: string,
): Promise<void> {
  const fromBalance = await balanceOf(tx, chainId, token, from);
  if (fromBalance < amount) throw new Revert(reason);
  if (from === to) return;
  const toBalance = await balanceOf(tx, chainId, token, to);
  await setBalance(tx, chainId, token, from, fromBalance - amount);
  await setBalance(tx, chainId, token, to, toBalance + amount);
}

async function setAllowance(
  tx: Tx,
  chainId: number,
  token: Address,
  owner: Address,
  spender: Address,
  amount: bigint,
) {
  await tx.ledgerAllowance.upsert({
    where: { chainId_token_owner_spender: { chainId, token, owner, spender } },
    create: { chainId, token, owner, spender, amount: amount.toString() },
    update: { amount: amount.toString() },
  });
}

const MAX_UINT256 = 2n ** 256n - 1n;

/** UniswapV2Router02.swapExactTokensForTokens over one pool (a two-token path). */
async function swap(
  tx: Tx,
  chain: ChainContext,
  call: {
    from: Address;
    amountIn: bigint;
    amountOutMin: bigint;
    path: Address[];
    to: Address;
    deadline: bigint;
    now: number;
  },
): Promise<LedgerLog[]> {
  const { chainId, router } = chain;
  const { from, amountIn, amountOutMin, path, to, deadline, now } = call;
  // Every check comes before the first write, so a revert leaves the state untouched.
  if (BigInt(Math.floor(now / 1000)) > deadline) throw new Revert("UniswapV2Router: EXPIRED");
  if (path.length !== 2) throw new Revert("UniswapV2Router: INVALID_PATH (one pool per swap on this chain)");
  const [tokenIn, tokenOut] = path as [Address, Address];
  const [token0, token1] =
    tokenIn.toLowerCase() < tokenOut.toLowerCase() ? [tokenIn, tokenOut] : [tokenOut, tokenIn];
  const pool = await tx.ledgerPool.findUnique({
    where: { chainId_token0_token1: { chainId, token0, token1 } },
  });
  if (!pool) throw new Revert("UniswapV2Library: NO_POOL");
  const inIsToken0 = tokenIn === token0;
  const reserveIn = toBig(inIsToken0 ? pool.reserve0 : pool.reserve1);
  const reserveOut = toBig(inIsToken0 ? pool.reserve1 : pool.reserve0);
  if (amountIn <= 0n) throw new Revert("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT");
  const allowance = toBig(
    (
      await tx.ledgerAllowance.findUnique({
        where: { chainId_token_owner_spender: { chainId, token: tokenIn, owner: from, spender: router } },
      })
    )?.amount,
  );
  if (allowance < amountIn) throw new Revert("TransferHelper: TRANSFER_FROM_FAILED (insufficient allowance)");
  const balance = await balanceOf(tx, chainId, tokenIn, from);
  if (balance < amountIn) throw new Revert("TransferHelper: TRANSFER_FROM_FAILED (insufficient balance)");
  const amountOut = getAmountOut(amountIn, reserveIn, reserveOut, pool.feeBps);
  if (amountOut < amountOutMin) {
    throw new Revert("UniswapV2Router: INSUFFICIENT_OUTPUT_AMOUNT", {
      amountOut: amountOut.toString(),
      amountOutMin: amountOutMin.toString(),
    });
  }
  if (amountOut <= 0n || amountOut >= reserveOut) throw new Revert("UniswapV2: INSUFFICIENT_LIQUIDITY");

  if (allowance !== MAX_UINT256) await setAllowance(tx, chainId, tokenIn, from, router, allowance - amountIn);
  const poolAddress = pool.address as Address;
  await setBalance(tx, chainId, tokenIn, from, balance - amountIn);
  await setBalance(
    tx,
    chainId,
    tokenIn,
    poolAddress,
    (await balanceOf(tx, chainId, tokenIn, poolAddress)) + amountIn,
  );
  await setBalance(
    tx,
    chainId,
    tokenOut,
    poolAddress,
    (await balanceOf(tx, chainId, tokenOut, poolAddress)) - amountOut,
  );
  await setBalance(tx, chainId, tokenOut, to, (await balanceOf(tx, chainId, tokenOut, to)) + amountOut);
  await tx.ledgerPool.update({
    where: { chainId_address: { chainId, address: pool.address } },
    data: inIsToken0
      ? { reserve0: (reserveIn + amountIn).toString(), reserve1: (reserveOut - amountOut).toString() }
      : { reserve0: (reserveOut - amountOut).toString(), reserve1: (reserveIn + amountIn).toString() },
  });
  return [
    { event: "Transfer", address: tokenIn, from, to: poolAddress, value: amountIn.toString() },
    { event: "Transfer", address: tokenOut, from: poolAddress, to, value: amountOut.toString() },
    {
      event: "Swap",
      address: poolAddress,
      sender: router,
      to,
      tokenIn,
      tokenOut,
      amountIn: amountIn.toString(),
      amountOut: amountOut.toString(),
      fee: feeOf(amountIn, pool.feeBps).toString(),
      feeBps: pool.feeBps,
    },
  ];
}

const REVERT_DATA = / \(amountOut (\d+), amountOutMin (\d+)\)$/;

function receiptOf(row: {
  hash: string;
  blockNumber: bigint;
  from: string;
  to: string;
  nonce: bigint;
  status: string;
  method: string;
  revertReason: string | null;
  logs: unknown;
}): Receipt {
  return {
    hash: row.hash as Hex,
    blockNumber: row.blockNumber,
    from: row.from as Address,
    to: row.to as Address,
    nonce: row.nonce,
    status: row.status === "success" ? "success" : "reverted",
    method: row.method,
    revertReason: row.revertReason?.replace(REVERT_DATA, "") ?? null,
    revertData: revertDataOf(row.revertReason),
    logs: (row.logs ?? []) as LedgerLog[],
  };
}

function revertDataOf(reason: string | null): Receipt["revertData"] {
  const match = reason ? REVERT_DATA.exec(reason) : null;
  return match ? { amountOut: match[1]!, amountOutMin: match[2]! } : null;
}
