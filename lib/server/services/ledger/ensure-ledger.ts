import "server-only";
import type { Address } from "viem";
import { reservesAtPrice } from "@/lib/domain/defi/amm-math";
import { DEFI_BASES, DEFI_QUOTE, DEFI_TOKENS } from "@/lib/domain/defi/tokens";
import { toBaseUnits } from "@/lib/domain/defi/units";
import type { PrismaClient } from "../../db";
import { venue } from "../../venues";
import { poolAddress, routerAddress, sortTokens, tokenAddress } from "../../venues/amm/addresses";
import {
  ADMIN_FUNDING,
  LOCAL_CHAIN_NAME,
  POOL_FEE_BPS,
  POOL_QUOTE_DEPTH,
  localChainId,
} from "../../venues/amm/config";
import { ensureCustodialWallet } from "../../signer/wallets";

/** Decimal places of the sim mid kept when pricing a seeded pool. */
const SEED_PRICE_PLACES = 6;

/**
 * Set up the offline chain once (idempotent; run at every start from the seed): the router, the
 * tokens, one constant-product pool per asset against USDC with 10 M USDC of depth at the simulated
 * venue's mid (so CeFi and DeFi prices agree at start), and the first admin's custodial address
 * funded (ADMIN_FUNDING). Concurrent first starts on one PostgreSQL create it once.
 */
export async function ensureLedger(prisma: PrismaClient, now = Date.now()): Promise<void> {
  const chainId = localChainId();
  if (await prisma.ledgerChain.findUnique({ where: { chainId } })) return;
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.ledgerChain.createMany({
      data: [{ chainId, name: LOCAL_CHAIN_NAME, router: routerAddress(chainId) }],
      skipDuplicates: true,
    });
    if (count === 0) return; // another process set it up first
    const address = (symbol: string) => tokenAddress(chainId, symbol);
    await tx.ledgerToken.createMany({
      data: Object.values(DEFI_TOKENS).map((token) => ({
        chainId,
        address: address(token.symbol),
        symbol: token.symbol,
        decimals: token.decimals,
      })),
    });
    const quote = DEFI_TOKENS[DEFI_QUOTE];
    const pools = DEFI_BASES.map((symbol) => {
      const base = DEFI_TOKENS[symbol];
      // The sim venue quotes in USDT; a dollar stablecoin is a dollar stablecoin here.
      const mid = venue("sim").book(`${symbol}-USDT`, now).mid.toDecimalPlaces(SEED_PRICE_PLACES);
      const reserves = reservesAtPrice({
        quoteDepth: POOL_QUOTE_DEPTH * 10n ** BigInt(quote.decimals),
        priceNum: toBaseUnits(mid.toFixed(), SEED_PRICE_PLACES),
        priceDen: 10n ** BigInt(SEED_PRICE_PLACES),
        baseDecimals: base.decimals,
        quoteDecimals: quote.decimals,
      });
      return poolRow(chainId, address(symbol), reserves.base, address(quote.symbol), reserves.quote);
    });
    await tx.ledgerPool.createMany({ data: pools });
    // The pool holds its reserves as token balances, as a pair contract does.
    await tx.ledgerBalance.createMany({
      data: pools.flatMap((pool) => [
        { chainId, token: pool.token0, owner: pool.address, amount: pool.reserve0 },
        { chainId, token: pool.token1, owner: pool.address, amount: pool.reserve1 },
      ]),
    });
    const admin = await tx.user.findFirst({ where: { role: "admin" }, orderBy: { createdAt: "asc" } });
    if (!admin) return;
    const wallet = await ensureCustodialWallet(tx, admin.id, chainId);
    await tx.ledgerBalance.createMany({
      data: Object.entries(ADMIN_FUNDING).map(([symbol, amount]) => ({
        chainId,
        token: address(symbol),
        owner: wallet,
        amount: toBaseUnits(amount, DEFI_TOKENS[symbol as keyof typeof DEFI_TOKENS].decimals).toString(),
      })),
    });
  });
}

function poolRow(chainId: number, a: Address, amountA: bigint, b: Address, amountB: bigint) {
  const [token0, token1] = sortTokens(a, b);
  const [reserve0, reserve1] = token0 === a ? [amountA, amountB] : [amountB, amountA];
  return {
    chainId,
    address: poolAddress(chainId, token0, token1),
    token0,
    token1,
    reserve0: reserve0.toString(),
    reserve1: reserve1.toString(),
    feeBps: POOL_FEE_BPS,
  };
}
