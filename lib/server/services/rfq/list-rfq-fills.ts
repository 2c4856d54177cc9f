import "server-only";
import type { TRfqFillPage, TRfqFillsQuery } from "@/lib/contracts/rfq";
import { db } from "../../db";
import { serializeRfqFill } from "../../surfaces/rfq/serializers";

/** GET /api/v1/takers/fills: the caller's fills on the desk, newest first, with their transactions. */
export async function listRfqFills({
  userId,
  query,
}: {
  userId: string;
  query: TRfqFillsQuery;
}): Promise<TRfqFillPage> {
  const prisma = await db();
  const where = {
    takerUserId: userId,
    ...(query.order_hash ? { order: { orderHash: query.order_hash.toLowerCase() } } : {}),
  };
  const [rows, total] = await Promise.all([
    prisma.rfqFill.findMany({
      where,
      include: { order: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
    }),
    prisma.rfqFill.count({ where }),
  ]);
  return { items: rows.map(serializeRfqFill), total, page: query.page, page_size: query.page_size };
}
