import "server-only";
import type { TMakerOrdersQuery, TRfqOrderPage } from "@/lib/contracts/rfq";
import type { MakerPrincipal } from "../../auth/maker-session";
import { db } from "../../db";
import { serializeRfqOrder } from "../../surfaces/rfq/serializers";
import { refreshRfqStatuses } from "./refresh-rfq-statuses";
import { rfqOrderWhere } from "./rfq-order-query";

/** GET /api/v1/orders: the signed-in maker's orders, newest first, filtered and paged. */
export async function listMakerOrders({
  maker,
  query,
}: {
  maker: MakerPrincipal;
  query: TMakerOrdersQuery;
}): Promise<TRfqOrderPage> {
  const prisma = await db();
  const now = Date.now();
  await refreshRfqStatuses(prisma, now);
  const where = { ...rfqOrderWhere(query), chainId: maker.chainId, maker: maker.wallet };
  const [rows, total] = await Promise.all([
    prisma.rfqOrder.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
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
