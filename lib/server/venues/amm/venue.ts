import "server-only";
import { encodeFunctionData, getAddress, serializeTransaction, type Address, type Hex } from "viem";
import { AppError } from "@/lib/domain/shared/errors";
import { DEFI_TOKENS, type DefiSymbol, type DefiToken } from "@/lib/domain/defi/tokens";
import type { PoolReserves } from "@/lib/domain/defi/swap-plan";
import type { PrismaClient, Tx } from "../../db";
import { erc20Abi, routerAbi } from "./abi";
import { GAS, LOCAL_CHAIN_NAME } from "./config";
import { includeTransaction, type Receipt } from "./ledger";

export { TransactionRejected, type Receipt, type LedgerLog } from "./ledger";

const toBig = (value: { toFixed(): string } | null | undefined): bigint =>
  value ? BigInt(value.toFixed()) : 0n;

export interface TokenBalance {
  token: DefiToken;
  address: Address;
  /** Base units. */
  amount: bigint;
}

/**
 * The `amm` DeFi venue: the offline chain ledger behind one port. The Gateway builds unsigned
 * transactions with it, reads nonces, pools and balances, and submits signed transactions, each
 * included in its own database transaction under the chain row's lock (one block per transaction).
 * An RPC-backed implementation of the same methods would put a real chain behind the Gateway.
 */
export class AmmVenue {
  readonly name = LOCAL_CHAIN_NAME;

  constructor(
    readonly chainId: number,
    private readonly database: () => Promise<PrismaClient>,
  ) {}

  /** Throws `unavailable` (503) when the chain is not there to take transactions. */
  async assertAvailable(client?: PrismaClient | Tx): Promise<{ router: Address }> {
    const prisma = client ?? (await this.database());
    let chain;
    try {
      chain = await prisma.ledgerChain.findUnique({ where: { chainId: this.chainId } });
    } catch (error) {
      throw new AppError("unavailable", "The DeFi venue is unavailable right now.", { cause: error });
    }
    if (!chain) throw new AppError("unavailable", `The ${this.name} chain (${this.chainId}) is not set up.`);
    return { router: chain.router as Address };
  }

  async tokenAddress(symbol: DefiSymbol, client?: PrismaClient | Tx): Promise<Address> {
    const prisma = client ?? (await this.database());
    const row = await prisma.ledgerToken.findUnique({
      where: { chainId_symbol: { chainId: this.chainId, symbol } },
    });
    if (!row) throw new AppError("unavailable", `${symbol} is not deployed on the ${this.name} chain.`);
    return row.address as Address;
  }

  /** The pool of two tokens as seen from `tokenIn`: reserves in and out, and the fee. */
  async pool(
    tokenIn: DefiSymbol,
    tokenOut: DefiSymbol,
    client?: PrismaClient | Tx,
  ): Promise<PoolReserves & { address: Address }> {
    const prisma = client ?? (await this.database());
    const [a, b] = await Promise.all([
      this.tokenAddress(tokenIn, prisma),
      this.tokenAddress(tokenOut, prisma),
    ]);
    const [token0, token1] = a.toLowerCase() < b.toLowerCase() ? [a, b] : [b, a];
    const pool = await prisma.ledgerPool.findUnique({
      where: { chainId_token0_token1: { chainId: this.chainId, token0, token1 } },
    });
    if (!pool)
      throw new AppError("bad_request", `There is no ${tokenIn}/${tokenOut} pool on the ${this.name} chain.`);
    const inIsToken0 = a === token0;
    return {
      address: pool.address as Address,
      reserveIn: toBig(inIsToken0 ? pool.reserve0 : pool.reserve1),
      reserveOut: toBig(inIsToken0 ? pool.reserve1 : pool.reserve0),
      feeBps: pool.feeBps,
    };
  }

  /** The next nonce the chain expects from `address`. */
  async nonceOf(address: Address, client?: PrismaClient | Tx): Promise<bigint> {
    const prisma = client ?? (await this.database());
    const row = await prisma.ledgerAccount.findUnique({
      where: { chainId_address: { chainId: this.chainId, address: getAddress(address) } },
    });
    return row?.nonce ?? 0n;
  }

  /** Every token's balance of `address` (zero included), in DEFI_TOKENS order. */
  async balancesOf(address: Address, client?: PrismaClient | Tx): Promise<TokenBalance[]> {
    const prisma = client ?? (await this.database());
    const [tokens, balances] = await Promise.all([
      prisma.ledgerToken.findMany({ where: { chainId: this.chainId } }),
      prisma.ledgerBalance.findMany({ where: { chainId: this.chainId, owner: getAddress(address) } }),
    ]);
    return Object.values(DEFI_TOKENS).flatMap((token) => {
      const row = tokens.find((t) => t.symbol === token.symbol);
      if (!row) return [];
      const balance = balances.find((b) => b.token === row.address);
      return [{ token, address: row.address as Address, amount: toBig(balance?.amount) }];
    });
  }

  /** An unsigned `approve(spender, amount)` on a token. */
  unsignedApprove(options: { token: Address; spender: Address; amount: bigint; nonce: bigint }): Hex {
    return serializeTransaction({
      type: "eip1559",
      chainId: this.chainId,
      nonce: Number(options.nonce),
      to: options.token,
      value: 0n,
      data: encodeFunctionData({
        abi: erc20Abi,
        functionName: "approve",
        args: [options.spender, options.amount],
      }),
      gas: GAS.approve,
      maxFeePerGas: GAS.maxFeePerGas,
      maxPriorityFeePerGas: GAS.maxPriorityFeePerGas,
    });
  }

  /** An unsigned ERC-20 `transfer(to, amount)` of a token. */
  unsignedTransfer(options: { token: Address; to: Address; amount: bigint; nonce: bigint }): Hex {
    return serializeTransaction({
      type: "eip1559",
      chainId: this.chainId,
      nonce: Number(options.nonce),
      to: options.token,
      value: 0n,
      data: encodeFunctionData({
        abi: erc20Abi,
        functionName: "transfer",
        args: [options.to, options.amount],
      }),
      gas: GAS.transfer,
      maxFeePerGas: GAS.maxFeePerGas,
      maxPriorityFeePerGas: GAS.maxPriorityFeePerGas,
    });
  }

  /** An unsigned `swapExactTokensForTokens` on the router. */
  unsignedSwap(options: {
    router: Address;
    amountIn: bigint;
    amountOutMin: bigint;
    path: [Address, Address];
    to: Address;
    deadline: bigint;
    nonce: bigint;
  }): Hex {
    return serializeTransaction({
      type: "eip1559",
      chainId: this.chainId,
      nonce: Number(options.nonce),
      to: options.router,
      value: 0n,
      data: encodeFunctionData({
        abi: routerAbi,
        functionName: "swapExactTokensForTokens",
        args: [options.amountIn, options.amountOutMin, options.path, options.to, options.deadline],
      }),
      gas: GAS.swap,
      maxFeePerGas: GAS.maxFeePerGas,
      maxPriorityFeePerGas: GAS.maxPriorityFeePerGas,
    });
  }

  /**
   * Submit a signed transaction: included at block time `now`, atomically, or rejected
   * (`TransactionRejected`, nothing changes). A revert is a receipt with status `reverted`.
   */
  async submit(signed: Hex, options: { now: number; orderId?: string }): Promise<Receipt> {
    const prisma = await this.database();
    await this.assertAvailable(prisma);
    return prisma.$transaction(async (tx) => {
      await lockChain(tx, this.chainId);
      return includeTransaction(tx, {
        chainId: this.chainId,
        signed,
        now: options.now,
        orderId: options.orderId,
      });
    });
  }

  /**
   * The signed transactions of a Gateway order already on the chain, by nonce (a node's
   * eth_getTransactionByHash over the hashes the order recorded, or its indexer by tag).
   */
  async includedFor(orderId: string, client?: PrismaClient | Tx): Promise<Map<bigint, Hex>> {
    const prisma = client ?? (await this.database());
    const rows = await prisma.ledgerTransaction.findMany({
      where: { chainId: this.chainId, orderId },
      select: { nonce: true, raw: true },
    });
    return new Map(rows.map((row) => [row.nonce, row.raw as Hex]));
  }

  /**
   * The faucet (this offline ledger only): mint `amount` base units of a token to `address`, inside
   * `tx` when given (seeding), else in a transaction of its own. Answers the new balance.
   */
  async mint(address: Address, symbol: DefiSymbol, amount: bigint, tx?: Tx): Promise<bigint> {
    const run = async (tx: Tx) => {
      await lockChain(tx, this.chainId);
      const token = await this.tokenAddress(symbol, tx);
      const owner = getAddress(address);
      const key = { chainId_token_owner: { chainId: this.chainId, token, owner } };
      const next = toBig((await tx.ledgerBalance.findUnique({ where: key }))?.amount) + amount;
      await tx.ledgerBalance.upsert({
        where: key,
        create: { chainId: this.chainId, token, owner, amount: next.toString() },
        update: { amount: next.toString() },
      });
      return next;
    };
    if (tx) return run(tx);
    return (await this.database()).$transaction(run);
  }
}

/** Serialize everything that writes to the chain: one transaction at a time, in arrival order. */
export async function lockChain(tx: Tx, chainId: number): Promise<void> {
  const rows = await tx.$queryRaw<
    { chainId: number }[]
  >`SELECT "chainId" FROM "LedgerChain" WHERE "chainId" = ${chainId} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("unavailable", `The chain ${chainId} is not set up.`);
}
