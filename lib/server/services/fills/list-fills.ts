import "server-only";
import { encodeFillCursor, type TFillPage, type TListFillsQuery } from "@/lib/contracts/fills";
import { db } from "../../db";
import { fillScope, findFillPage } from "./fill-query";
import { serializeFill } from "./serialize-fill";

/**
 * GET /api/fills/: one page of the caller's fills, newest first, with keyset paging — the cursor is
 * the last fill's (time, id), so a page stays stable while new fills arrive at the top.
 */
export async function listFills({
  userId,
  query,
}: {
  userId: string;
  query: TListFillsQuery;
}): Promise<TFillPage> {
  const prisma = await db();
  const { where, accountNames } = await fillScope(prisma, userId, query);
  const rows = await findFillPage(prisma, where, query.cursor, query.page_size + 1);
  const page = rows.slice(0, query.page_size);
  const last = page[page.length - 1];
  return {
    fills: page.map((fill) => serializeFill(fill, accountNames)),
    page_size: query.page_size,
    next_cursor:
      rows.length > query.page_size && last
        ? encodeFillCursor({ time: last.time.getTime(), id: last.id })
        : null,
  };
}
