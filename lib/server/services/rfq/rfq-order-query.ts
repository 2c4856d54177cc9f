import "server-only";
import type { TMakerOrdersQuery, TRfqOrderPage } from "@/lib/contracts/rfq";
import { db, type Prisma } from "../../db";
import { serializeRfqOrder } from "../../surfaces/rfq/serializers";
import { refreshRfqStatuses } from "./refresh-rfq-statuses";

/** The filters maker and taker listings share: status (any of), ticker, side, created range. */
export function rfqOrderWhere(query: TMakerOrdersQuery & { exchange?: number }): Prisma.RfqOrderWhereInput {
  return {
    ...(query.status ? { status: { in: query.status } } : {}),
    ...(query.ticker ? { ticker: query.ticker.toUpperCase() } : {}),
    ...(query.exchange !== undefined ? { exchange: query.exchange } : {}),
    ...(query.is_buy !== undefined ? { isBuy: query.is_buy } : {}),
    ...(query.created_after !== undefined || query.created_before !== undefined
      ? {
          createdAt: {
            ...(query.created_after !== undefined ? { gte: new Date(query.created_after) } : {}),
            ...(query.created_before !== undefined ? { lt: new Date(query.created_before) } : {}),
          },
        }
      : {}),
  };
}

/**
 * One page of desk orders as they are now: statuses time has changed are written first
 * (refreshRfqStatuses), so a status filter sees effective statuses.
 */
export async function pageRfqOrders(
  where: Prisma.RfqOrderWhereInput,
  orderBy: Prisma.RfqOrderOrderByWithRelationInput[],
  paging: { page: number; page_size: number },
): Promise<TRfqOrderPage> {
  const prisma = await db();
  const now = Date.now();
  await refreshRfqStatuses(prisma, now);
  const [rows, total] = await Promise.all([
    prisma.rfqOrder.findMany({
      where,
      orderBy,
      skip: (paging.page - 1) * paging.page_size,
      take: paging.page_size,
    }),
    prisma.rfqOrder.count({ where }),
  ]);
  return {
    items: rows.map((row) => serializeRfqOrder(row, now)),
    total,
    page: paging.page,
    page_size: paging.page_size,
  };
}
