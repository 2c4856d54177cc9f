import "server-only";
import type { TGatewayOrderList, TListOrdersQuery } from "@/lib/contracts/gateway";
import { AppError } from "@/lib/domain/shared/errors";
import { db, type Prisma } from "../../db";
import { serializeGatewayOrder } from "../../surfaces/gateway/serializers";
import { whereGatewayStatus } from "../../surfaces/gateway/status";

/**
 * The caller's orders, newest first, from every surface (one Order table), in Gateway words.
 * Keyset paging on (createdAt, id): the cursor names the last order of the page, and the next page
 * starts strictly after it, so orders created while a client pages never shift or repeat a page.
 */
export async function listGatewayOrders({
  userId,
  query,
}: {
  userId: string;
  query: TListOrdersQuery;
}): Promise<TGatewayOrderList> {
  const prisma = await db();
  const and: Prisma.OrderWhereInput[] = [];
  if (query.status) and.push(whereGatewayStatus(query.status));
  if (query.cursor) {
    const { createdAt, id } = decodeCursor(query.cursor);
    and.push({ OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: id } }] });
  }
  const rows = await prisma.order.findMany({
    where: { userId, AND: and },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((order) => serializeGatewayOrder(order)),
    pagination: { next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null },
  };
}

function encodeCursor(order: { createdAt: Date; id: string }): string {
  return Buffer.from(JSON.stringify([order.createdAt.toISOString(), order.id])).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    const createdAt = new Date(typeof time === "string" ? time : Number.NaN);
    if (Number.isFinite(createdAt.getTime()) && typeof id === "string" && /^[0-9a-f-]{36}$/i.test(id)) {
      return { createdAt, id };
    }
  } catch {
    // fall through
  }
  throw new AppError("bad_request", "cursor is malformed: pass back pagination.next_cursor as it was given.");
}
