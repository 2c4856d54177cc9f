import { handler, json } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZMultiOrderListQuery, ZMultiOrderRequest } from "@/lib/contracts/core/multi-orders";
import { submitCoreMultiOrder } from "@/lib/server/services/multi-orders/submit-core-multi-order";
import { listMultiOrders } from "@/lib/server/services/multi-orders/list-multi-orders";
import { coreMultiOrder } from "@/lib/server/surfaces/core/group-serializers";

export const dynamic = "force-dynamic";

// GET /api/multi_orders/ — the caller's multi-orders, newest first, paginated
export const GET = handler(
  {
    dialect: coreDialectFor("GET /api/multi_orders/"),
    auth: { scopes: ["read"] },
    query: ZMultiOrderListQuery,
  },
  async ({ principal, query }) => {
    const page = await listMultiOrders({
      userId: principal.userId,
      page: query.page,
      pageSize: query.page_size,
    });
    return {
      multi_orders: page.bundles.map((bundle) =>
        coreMultiOrder(bundle, { includeChildOrders: query.include_child_orders }),
      ),
      page_number: page.page,
      page_size: page.pageSize,
      num_pages: page.numPages,
      count: page.count,
    };
  },
);

// POST /api/multi_orders/ — submit legs worked together within an exposure tolerance; 201
export const POST = handler(
  {
    dialect: coreDialectFor("POST /api/multi_orders/"),
    auth: { scopes: ["trade"] },
    body: ZMultiOrderRequest,
  },
  async ({ principal, body }) =>
    json(
      coreMultiOrder(await submitCoreMultiOrder({ userId: principal.userId, body }), {
        includeChildOrders: true,
      }),
      201,
    ),
);
