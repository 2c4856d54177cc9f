import "server-only";
import type { TRfqOrderPage, TTakerOrdersQuery } from "@/lib/contracts/rfq";
import { db } from "../../db";
import { serializeRfqOrder } from "../../surfaces/rfq/serializers";
import { refreshRfqStatuses } from "./refresh-rfq-statuses";
import { rfqOrderWhere } from "./rfq-order-query";

const SORT = { created_at: "createdAt", locked_at: "lockedAt", price: "price" } as const;

/**
 * GET /api/v1/takers/orders: the desk's orders for takers (every taker sees the desk), filtered by
 * status (CSV), ticker, exchange, side and created range, sorted by created_at, locked_at or price.
 */
export async function listTakerOrders({ query }: { query: TTakerOrdersQuery }): Promise<TRfqOrderPage> {
  const prisma = await db();
  const now = Date.now();
  await refreshRfqStatuses(prisma, now);
  const where = rfqOrderWhere(query);
  const [rows, total] = await Promise.all([
    prisma.rfqOrder.findMany({
      where,
      orderBy: [
        query.sort_by === "locked_at"
          ? { lockedAt: { sort: query.sort_order, nulls: "last" as const } }
          : { [SORT[query.sort_by]]: query.sort_order },
        { id: query.sort_order },
      ],
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
    }),
    prisma.rfqOrder.count({ where }),
  ]);
  return {
    items: rows.map((row) => serializeRfqOrder(row, now)),
    total,
    page: query.page,
    page_size: query.page_size,
  };
}
