import "server-only";
import { AppError } from "@/lib/domain/shared/errors";
import type { z } from "zod";
import type { ZOrderFilter } from "@/lib/contracts/trading";
import { db, Prisma } from "../../db";
import { serializeTradingOrder } from "../../surfaces/trading/serializers";
import { accountsInScope } from "./scope";
import { decodeCursor, encodeCursor } from "./cursor";

type Filter = z.output<typeof ZOrderFilter>;

// hummingbot's statuses depend on how much filled, so they are decided in SQL, keeping pages and
// counts exact. Keep in step with tradingStatus() in surfaces/trading/serializers.ts.
const FULL = Prisma.sql`(CASE WHEN o."targetUnit" = 'quote' THEN o."executedQuote" ELSE o."executedBase" END) >= o."targetQty" * 0.999999`;
const STATUS_SQL: Record<string, Prisma.Sql> = {
  SUBMITTED: Prisma.sql`o.status IN ('scheduled', 'initialized', 'pending')`,
  OPEN: Prisma.sql`o.status IN ('active', 'finishing', 'paused') AND o."executedBase" = 0`,
  PARTIALLY_FILLED: Prisma.sql`o.status IN ('active', 'finishing', 'paused') AND o."executedBase" > 0`,
  PENDING_CANCEL: Prisma.sql`o.status = 'cancel_pending'`,
  FILLED: Prisma.sql`o.status = 'complete' AND ${FULL}`,
  CANCELLED: Prisma.sql`(o.status = 'canceled' OR (o.status = 'complete' AND NOT (${FULL})))`,
  FAILED: Prisma.sql`o.status = 'failed'`,
};
const ACTIVE = Prisma.sql`o.status IN ('scheduled', 'initialized', 'pending', 'active', 'finishing', 'paused', 'cancel_pending')`;

/**
 * Orders newest first with keyset paging (POST /trading/orders/search; /trading/orders/active with
 * `activeOnly`): `{data, pagination: {limit, has_more, next_cursor, total_count}}`.
 */
export async function searchTradingOrders({
  userId,
  filter,
  activeOnly = false,
  route,
}: {
  userId: string;
  filter: Filter;
  activeOnly?: boolean;
  route: string;
}) {
  const prisma = await db();
  const { all, selected } = await accountsInScope(userId, filter);
  const conditions: Prisma.Sql[] = [Prisma.sql`o."userId" = ${userId}::uuid`];
  conditions.push(Prisma.sql`o."accountIds" && ${selected.map((a) => a.id)}::uuid[]`);
  if (activeOnly) conditions.push(ACTIVE);
  if (filter.status) {
    const key = filter.status.toUpperCase() === "CANCELED" ? "CANCELLED" : filter.status.toUpperCase();
    const sql = STATUS_SQL[key];
    if (!sql) {
      throw new AppError(
        "bad_request",
        `Invalid status '${filter.status}'. Must be one of: ${Object.keys(STATUS_SQL).join(", ")}`,
      );
    }
    conditions.push(sql);
  }
  if (filter.trading_pairs?.length)
    conditions.push(Prisma.sql`o.pair = ANY(${filter.trading_pairs}::text[])`);
  if (filter.start_time) conditions.push(Prisma.sql`o."createdAt" >= ${new Date(filter.start_time)}`);
  if (filter.end_time) conditions.push(Prisma.sql`o."createdAt" <= ${new Date(filter.end_time)}`);
  const where = Prisma.join(conditions, " AND ");
  const keyset = filter.cursor ? decodeCursor(filter.cursor, route) : null;
  const after = keyset
    ? Prisma.sql`AND (o."createdAt" < ${keyset.time} OR (o."createdAt" = ${keyset.time} AND o.id < ${keyset.id}::uuid))`
    : Prisma.empty;
  const ids = await prisma.$queryRaw<{ id: string }[]>`
    SELECT o.id FROM "Order" o WHERE ${where} ${after}
    ORDER BY o."createdAt" DESC, o.id DESC LIMIT ${filter.limit + 1}`;
  const counted = await prisma.$queryRaw<
    { count: bigint }[]
  >`SELECT count(*) AS count FROM "Order" o WHERE ${where}`;
  const pageIds = ids.slice(0, filter.limit).map((row) => row.id);
  const rows = await prisma.order.findMany({ where: { id: { in: pageIds } } });
  const page = pageIds.map((id) => rows.find((row) => row.id === id)!);
  const hasMore = ids.length > filter.limit;
  const last = page.at(-1);
  return {
    data: page.map((order) =>
      serializeTradingOrder(order, all.get(order.accountIds[0]!) ?? { name: "", venue: order.venue }),
    ),
    pagination: {
      limit: filter.limit,
      has_more: hasMore,
      next_cursor: hasMore && last ? encodeCursor(last.createdAt, last.id) : null,
      total_count: Number(counted[0]?.count ?? 0),
    },
  };
}
