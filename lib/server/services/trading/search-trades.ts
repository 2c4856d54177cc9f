import "server-only";
import type { z } from "zod";
import type { ZTradeFilter } from "@/lib/contracts/trading";
import { db, type Prisma } from "../../db";
import { serializeTradingTrade } from "../../surfaces/trading/serializers";
import { accountsInScope } from "./scope";
import { decodeCursor, encodeCursor, olderThan } from "./cursor";

type Filter = z.output<typeof ZTradeFilter>;

/** Fills newest first with keyset paging (POST /trading/trades). */
export async function searchTradingTrades({ userId, filter }: { userId: string; filter: Filter }) {
  const prisma = await db();
  const { all, selected } = await accountsInScope(userId, filter);
  const where: Prisma.FillWhereInput = {
    userId,
    accountId: { in: selected.map((a) => a.id) },
    ...(filter.trading_pairs?.length ? { pair: { in: filter.trading_pairs } } : {}),
    ...(filter.trade_types?.length
      ? { side: { in: filter.trade_types.map((t) => (t === "BUY" ? "buy" : "sell") as "buy" | "sell") } }
      : {}),
    ...(filter.start_time || filter.end_time
      ? {
          time: {
            ...(filter.start_time ? { gte: new Date(filter.start_time) } : {}),
            ...(filter.end_time ? { lte: new Date(filter.end_time) } : {}),
          },
        }
      : {}),
  };
  const keyset = filter.cursor ? decodeCursor(filter.cursor, "/trading/trades") : null;
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
    data: page.map((fill) =>
      serializeTradingTrade(fill, fill.order, all.get(fill.accountId) ?? { name: "", venue: fill.venue }),
    ),
    pagination: {
      limit: filter.limit,
      has_more: hasMore,
      next_cursor: hasMore && last ? encodeCursor(last.time, last.id) : null,
      total_count: total,
    },
  };
}
