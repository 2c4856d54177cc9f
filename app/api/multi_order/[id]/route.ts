import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZMultiOrderParams, ZMultiOrderQuery } from "@/lib/contracts/core/multi-orders";
import { getMultiOrder } from "@/lib/server/services/multi-orders/get-multi-order";
import { actOnMultiOrder } from "@/lib/server/services/multi-orders/act-on-multi-order";
import { coreMultiOrder } from "@/lib/server/surfaces/core/group-serializers";

export const dynamic = "force-dynamic";

// GET /api/multi_order/{id} — a multi-order and its legs (in full with include_child_orders)
export const GET = handler(
  {
    dialect: coreDialectFor("GET /api/multi_order/{id}"),
    auth: { scopes: ["read"] },
    params: ZMultiOrderParams,
    query: ZMultiOrderQuery,
  },
  async ({ principal, params, query }) =>
    coreMultiOrder(await getMultiOrder({ userId: principal.userId, id: params.id }), {
      includeChildOrders: query.include_child_orders,
    }),
);

// DELETE /api/multi_order/{id} — cancel every leg
export const DELETE = handler(
  {
    dialect: coreDialectFor("DELETE /api/multi_order/{id}"),
    auth: { scopes: ["trade"] },
    params: ZMultiOrderParams,
  },
  ({ principal, params }) => actOnMultiOrder({ userId: principal.userId, id: params.id, action: "cancel" }),
);
