import "server-only";
import type { z } from "zod";
import type { ZOrderFilter } from "@/lib/contracts/trading";
import type { CanonicalStatus } from "@/lib/domain/orders/status";
import { db, type Prisma } from "../../db";
import type { Order } from "../../db/generated/client";
import { listedPair, venue } from "../../venues";
import { canonicalCandidates, tradingStatus } from "../../surfaces/trading/status";
import type { TradingMarket, TradingOrderRow, TradingPage } from "../../surfaces/trading/serializers";
import { EXECUTION_COLUMNS, isOrderFullyFilled } from "../orders/is-order-fully-filled";
import { accountsInScope } from "./scope";
import { decodeCursor, encodeCursor, isOlderThan, olderThan } from "./cursor";

type Filter = Partial<z.output<typeof ZOrderFilter>> & { limit: number };

const WORKING: CanonicalStatus[] = [
  "scheduled",
  "initialized",
  "pending",
  "active",
  "finishing",
  "paused",
  "cancel_pending",
];

/** The columns a status filter needs to tell FILLED from CANCELLED and OPEN from PARTIALLY_FILLED. */
const STATUS_COLUMNS = { id: true, createdAt: true, status: true, ...EXECUTION_COLUMNS } as const;

/**
 * The caller's orders, newest first with keyset paging (POST /trading/orders/search; with
 * `activeOnly`, POST /trading/orders/active), each with its account and its pair's market. Account
 * names the caller does not have select nothing; a `status` that is not one of hummingbot's words
 * matches nothing; an unreadable cursor is the first page — hummingbot-api's answers to the same.
 */
export async function searchTradingOrders({
  userId,
  filter,
  activeOnly = false,
  now = Date.now(),
}: {
  userId: string;
  filter: Filter;
  activeOnly?: boolean;
  now?: number;
}): Promise<TradingPage<TradingOrderRow>> {
  const prisma = await db();
  const { all, selected } = await accountsInScope(userId, filter);
  const candidates = filter.status ? canonicalCandidates(filter.status) : null;
  const empty = { items: [], limit: filter.limit, hasMore: false, nextCursor: null, total: 0 };
  if (selected.length === 0 || (filter.status && !candidates)) return empty;
  const statuses = (candidates ?? WORKING).filter((s) => !activeOnly || WORKING.includes(s));
  const where: Prisma.OrderWhereInput = {
    userId,
    accountIds: { hasSome: selected.map((a) => a.id) },
    ...(candidates || activeOnly ? { status: { in: statuses } } : {}),
    ...(filter.trading_pairs?.length ? { pair: { in: filter.trading_pairs } } : {}),
    ...(filter.start_time || filter.end_time
      ? {
          createdAt: {
            ...(filter.start_time ? { gte: new Date(filter.start_time) } : {}),
            ...(filter.end_time ? { lte: new Date(filter.end_time) } : {}),
          },
        }
      : {}),
  };
  const keyset = decodeCursor(filter.cursor ?? null);
  const order = [{ createdAt: "desc" as const }, { id: "desc" as const }];
  let pageIds: string[];
  let hasMore: boolean;
  let total: number;
  if (filter.status) {
    // Which status an order shows depends on its fills (and on the fully-filled rule for complete
    // ones), so the candidates are read and told apart by the one mapping the rows use.
    const rows = await prisma.order.findMany({ where, orderBy: order, select: STATUS_COLUMNS });
    const matching = rows.filter((row) => tradingStatus(row, isOrderFullyFilled(row)) === filter.status);
    const after = matching.filter((row) => isOlderThan(row.createdAt, row.id, keyset));
    pageIds = after.slice(0, filter.limit).map((row) => row.id);
    hasMore = after.length > filter.limit;
    total = matching.length;
  } else {
    const [ids, count] = await Promise.all([
      prisma.order.findMany({
        where: { AND: [where, olderThan("createdAt", keyset)] },
        orderBy: order,
        take: filter.limit + 1,
        select: { id: true },
      }),
      prisma.order.count({ where }),
    ]);
    pageIds = ids.slice(0, filter.limit).map((row) => row.id);
    hasMore = ids.length > filter.limit;
    total = count;
  }
  const found = await prisma.order.findMany({ where: { id: { in: pageIds } } });
  const page = pageIds.map((id) => found.find((row) => row.id === id)!);
  const markets = marketsOf(page, now);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      order: row,
      account: all.get(row.accountIds.find((id) => all.has(id)) ?? "") ?? { name: "", venue: row.venue },
      market: markets.get(`${row.venue}|${row.pair}`)!,
    })),
    limit: filter.limit,
    hasMore,
    nextCursor: hasMore && last ? encodeCursor(last.createdAt, last.id) : null,
    total,
  };
}

/** Each pair's rules on its venue and its mid now (quote-sized orders without a price need it). */
function marketsOf(orders: Order[], now: number): Map<string, TradingMarket> {
  const markets = new Map<string, TradingMarket>();
  for (const order of orders) {
    const key = `${order.venue}|${order.pair}`;
    if (markets.has(key)) continue;
    const spec = listedPair(order.venue, order.pair);
    markets.set(key, { spec, mid: spec ? venue(order.venue).book(order.pair, now).mid : null });
  }
  return markets;
}
