import { handler, json } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZJsonObject } from "@/lib/contracts/core/common";
import { ZListOrdersQuery } from "@/lib/contracts/core/orders";
import { listOrders } from "@/lib/server/services/orders/list-orders";
import { submitCoreOrder } from "@/lib/server/services/orders/submit-core-order";
import { coreOrderPage, coreSubmittedOrder } from "@/lib/server/surfaces/core/serializers";
import { canonicalStatuses } from "@/lib/server/surfaces/core/status";

export const dynamic = "force-dynamic";

// GET /api/orders/ — the caller's orders of the past 12 months, filtered and paginated
export const GET = handler(
  { dialect: coreDialectFor("GET /api/orders/"), auth: { scopes: ["read"] }, query: ZListOrdersQuery },
  async ({ principal, query }) =>
    coreOrderPage(
      await listOrders({
        userId: principal.userId,
        statuses: query.statuses && canonicalStatuses(query.statuses),
        accountNames: query.account_names,
        before: query.before,
        after: query.after,
        customOrderIds: query.custom_order_ids,
        pairs: query.pairs,
        page: query.page,
        pageSize: query.page_size,
      }),
    ),
);

// POST /api/orders/ — submit an order; 201 with the stored order
export const POST = handler(
  { dialect: coreDialectFor("POST /api/orders/"), auth: { scopes: ["trade"] }, body: ZJsonObject },
  async ({ principal, body }) =>
    json(coreSubmittedOrder(await submitCoreOrder({ userId: principal.userId, body })), 201),
);
