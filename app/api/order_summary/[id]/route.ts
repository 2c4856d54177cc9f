import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZOrderIdParams } from "@/lib/contracts/core/common";
import { getOrder } from "@/lib/server/services/orders/get-order";
import { coreOrderSummary } from "@/lib/server/surfaces/core/serializers";

export const dynamic = "force-dynamic";

// GET /api/order_summary/{id} — the order's key figures, without placements or fills
export const GET = handler(
  {
    dialect: coreDialectFor("GET /api/order_summary/{id}"),
    auth: { scopes: ["read"] },
    params: ZOrderIdParams,
  },
  async ({ principal, params }) =>
    coreOrderSummary(await getOrder({ userId: principal.userId, orderId: params.id })),
);
