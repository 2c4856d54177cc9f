import "server-only";
import { Dec, ZERO } from "@/lib/domain/shared/decimal";
import { db, type Prisma } from "../../db";
import type { Account } from "../../db/generated/client";
import { venue as venueByName } from "../../venues";
import { resolveAccountNames } from "./resolve-accounts";

export interface AssetBalance {
  asset: string;
  size: Dec;
  /** Value in `valuationAsset` at the venue's current mid; null when the venue has no price for it. */
  notional: Dec | null;
  /** Share of the account's valued total, 0..1 (six decimals); null when not valued. */
  shareOfTotal: Dec | null;
}

export interface AccountBalances {
  account: Account;
  valuationAsset: string | null;
  assets: AssetBalance[];
}

/**
 * Balances of the caller's accounts, valued at the venue's mid now: all accounts, or those named
 * (an unknown name is the documented 400) and/or on the named exchanges (any case).
 */
export async function getBalances({
  userId,
  accountNames,
  exchangeNames,
  now = Date.now(),
}: {
  userId: string;
  accountNames?: string[];
  exchangeNames?: string[];
  now?: number;
}): Promise<AccountBalances[]> {
  const prisma = await db();
  const where: Prisma.AccountWhereInput = { userId };
  if (accountNames?.length) {
    const named = await resolveAccountNames(prisma, userId, accountNames);
    where.id = { in: named.map((account) => account.id) };
  }
  if (exchangeNames?.length) where.venue = { in: exchangeNames.map((name) => name.toLowerCase()) };
  const accounts = await prisma.account.findMany({
    where,
    orderBy: [{ isDefault: "desc" }, { name: "asc" }],
    include: { balances: { orderBy: { asset: "asc" } } },
  });
  return accounts.map(({ balances, ...account }) => {
    const prices = priceBook(account.venue, now);
    const assets = balances.map((balance) => {
      const size = new Dec(balance.amount.toString());
      const price = prices.priceOf(balance.asset);
      return {
        asset: balance.asset,
        size,
        notional: price ? size.mul(price) : null,
        shareOfTotal: null as Dec | null,
      };
    });
    const total = assets.reduce((sum, asset) => sum.add(asset.notional ?? ZERO), ZERO);
    if (!total.isZero()) {
      for (const asset of assets)
        asset.shareOfTotal = asset.notional ? asset.notional.div(total).toDecimalPlaces(6) : null;
    }
    return { account, valuationAsset: prices.valuationAsset, assets };
  });
}

/** Prices of a venue's assets in its most common quote asset; nothing for a venue that is not available. */
function priceBook(venueName: string, now: number) {
  let market;
  try {
    market = venueByName(venueName);
  } catch {
    return { valuationAsset: null, priceOf: () => null };
  }
  const pairs = market.pairs();
  const quotes = new Map<string, number>();
  for (const pair of pairs) quotes.set(pair.quote, (quotes.get(pair.quote) ?? 0) + 1);
  const valuationAsset = [...quotes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  return {
    valuationAsset,
    priceOf(asset: string): Dec | null {
      if (asset === valuationAsset) return new Dec(1);
      const pair = pairs.find((p) => p.base === asset && p.quote === valuationAsset);
      return pair ? market.book(pair.pair, now).mid : null;
    },
  };
}
