import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZActiveOrdersQuery } from "@/lib/contracts/core/orders";
import { listActiveOrders } from "@/lib/server/services/orders/list-active-orders";
import { coreActiveOrders } from "@/lib/server/surfaces/core/serializers";

export const dynamic = "force-dynamic";

// GET /api/active_orders/ — the caller's unfinished orders, with their fills
export const GET = handler(
  {
    dialect: coreDialectFor("GET /api/active_orders/"),
    auth: { scopes: ["read"] },
    query: ZActiveOrdersQuery,
  },
  async ({ principal, query }) =>
    coreActiveOrders(
      await listActiveOrders({
        userId: principal.userId,
        excludePaused: query.exclude_paused,
        onlyActive: query.only_active,
        accountNames: query.account_names,
      }),
    ),
);
