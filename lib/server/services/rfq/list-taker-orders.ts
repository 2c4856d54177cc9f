import "server-only";
import type { TRfqOrderPage, TTakerOrdersQuery } from "@/lib/contracts/rfq";
import { pageRfqOrders, rfqOrderWhere } from "./rfq-order-query";

const SORT = { created_at: "createdAt", price: "price" } as const;

/**
 * GET /api/v1/takers/orders: the desk's orders for takers (every taker sees the desk), filtered by
 * status (CSV), ticker, exchange, side and created range, sorted by created_at, locked_at or price.
 */
export async function listTakerOrders({ query }: { query: TTakerOrdersQuery }): Promise<TRfqOrderPage> {
  return pageRfqOrders(
    rfqOrderWhere(query),
    [
      query.sort_by === "locked_at"
        ? { lockedAt: { sort: query.sort_order, nulls: "last" } }
        : { [SORT[query.sort_by]]: query.sort_order },
      { id: query.sort_order },
    ],
    query,
  );
}
