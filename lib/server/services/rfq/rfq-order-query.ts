import "server-only";
import type { TMakerOrdersQuery } from "@/lib/contracts/rfq";
import type { Prisma } from "../../db";

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
