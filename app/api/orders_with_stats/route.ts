import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZOrdersWithStatsQuery } from "@/lib/contracts/core/orders";
import { listOrders } from "@/lib/server/services/orders/list-orders";
import { coreOrderWithStatsPage } from "@/lib/server/surfaces/core/serializers";

export const dynamic = "force-dynamic";

// GET /api/orders_with_stats/ — the caller's orders with execution statistics and fills, paginated
export const GET = handler(
  {
    dialect: coreDialectFor("GET /api/orders_with_stats/"),
    auth: { scopes: ["read"] },
    query: ZOrdersWithStatsQuery,
  },
  async ({ principal, query }) =>
    coreOrderWithStatsPage(
      await listOrders({
        userId: principal.userId,
        page: query.page,
        pageSize: query.page_size,
        include: { fills: true },
      }),
    ),
);
