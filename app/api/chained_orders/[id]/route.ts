import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZChainedOrderParams } from "@/lib/contracts/core/multi-orders";
import { getChainedOrder } from "@/lib/server/services/chains/get-chained-order";
import { coreChainedOrder } from "@/lib/server/surfaces/core/group-serializers";

export const dynamic = "force-dynamic";

// GET /api/chained_orders/{id} — a chain's orders by priority and whether it runs, completed or stopped
export const GET = handler(
  {
    dialect: coreDialectFor("GET /api/chained_orders/{id}"),
    auth: { scopes: ["read"] },
    params: ZChainedOrderParams,
  },
  async ({ principal, params }) =>
    coreChainedOrder(await getChainedOrder({ userId: principal.userId, id: params.id })),
);
