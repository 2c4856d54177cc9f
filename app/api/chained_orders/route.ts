import { handler, json } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZChainedOrderRequest } from "@/lib/contracts/core/multi-orders";
import { submitCoreChainedOrder } from "@/lib/server/services/chains/submit-core-chained-order";
import { coreChainedOrder } from "@/lib/server/surfaces/core/group-serializers";

export const dynamic = "force-dynamic";

// POST /api/chained_orders/ — orders in batches by priority; each batch starts when the previous is fully filled
export const POST = handler(
  {
    dialect: coreDialectFor("POST /api/chained_orders/"),
    auth: { scopes: ["trade"] },
    body: ZChainedOrderRequest,
  },
  async ({ principal, body }) =>
    json(coreChainedOrder(await submitCoreChainedOrder({ userId: principal.userId, body })), 201),
);
