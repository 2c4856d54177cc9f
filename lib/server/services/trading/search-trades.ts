import "server-only";
import type { z } from "zod";
import type { ZTradeFilter } from "@/lib/contracts/trading";
import { db, type Prisma } from "../../db";
import { listedPair } from "../../venues";
import type { TradingPage, TradingTradeRow } from "../../surfaces/trading/serializers";
import { accountsInScope } from "./scope";
import { decodeCursor, encodeCursor, olderThan } from "./cursor";

type Filter = z.output<typeof ZTradeFilter>;

/** hummingbot's trade types as stored there (BUY, SELL); any other word matches nothing. */
const SIDES: Record<string, "buy" | "sell"> = { BUY: "buy", SELL: "sell" };

/** The caller's fills, newest first with keyset paging (POST /trading/trades), with their orders. */
export async function searchTradingTrades({
  userId,
  filter,
}: {
  userId: string;
  filter: Filter;
}): Promise<TradingPage<TradingTradeRow>> {
  const prisma = await db();
  const { all, selected } = await accountsInScope(userId, filter);
  const sides = filter.trade_types?.length
    ? filter.trade_types.flatMap((type) => (SIDES[type] ? [SIDES[type]] : []))
    : null;
  const where: Prisma.FillWhereInput = {
    userId,
    accountId: { in: selected.map((a) => a.id) },
    ...(filter.trading_pairs?.length ? { pair: { in: filter.trading_pairs } } : {}),
    ...(sides ? { side: { in: sides } } : {}),
    ...(filter.start_time || filter.end_time
      ? {
          time: {
            ...(filter.start_time ? { gte: new Date(filter.start_time) } : {}),
            ...(filter.end_time ? { lte: new Date(filter.end_time) } : {}),
          },
        }
      : {}),
  };
  const keyset = decodeCursor(filter.cursor);
  const [rows, total] = await Promise.all([
    prisma.fill.findMany({
      where: { AND: [where, olderThan("time", keyset)] },
      orderBy: [{ time: "desc" }, { id: "desc" }],
      take: filter.limit + 1,
      include: { order: true },
    }),
    prisma.fill.count({ where }),
  ]);
  const page = rows.slice(0, filter.limit);
  const hasMore = rows.length > filter.limit;
  const last = page.at(-1);
  return {
    items: page.map(({ order, ...fill }) => ({
      fill,
      order,
      account: all.get(fill.accountId) ?? { name: "", venue: fill.venue },
      spec: listedPair(fill.venue, fill.pair),
    })),
    limit: filter.limit,
    hasMore,
    nextCursor: hasMore && last ? encodeCursor(last.time, last.id) : null,
    total,
  };
}
