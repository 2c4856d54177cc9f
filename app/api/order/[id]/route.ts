import { handler, json } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZOrderIdParams } from "@/lib/contracts/core/common";
import { ZOrderDetailQuery } from "@/lib/contracts/core/orders";
import { getOrder } from "@/lib/server/services/orders/get-order";
import { cancelOrder } from "@/lib/server/services/orders/cancel-order";
import { coreOrderDetail } from "@/lib/server/surfaces/core/serializers";

export const dynamic = "force-dynamic";

// GET /api/order/{id} — one order with its placements (and their fills), its log and, on request, its fills
export const GET = handler(
  {
    dialect: coreDialectFor("GET /api/order/{id}"),
    auth: { scopes: ["read"] },
    params: ZOrderIdParams,
    query: ZOrderDetailQuery,
  },
  async ({ principal, params, query }) =>
    coreOrderDetail(
      await getOrder({
        userId: principal.userId,
        orderId: params.id,
        include: { placements: true, messages: true, fills: query.include_fills },
      }),
      { includeFills: query.include_fills },
    ),
);

// DELETE /api/order/{id} — cancel the order and its live placements (idempotent)
export const DELETE = handler(
  { dialect: coreDialectFor("DELETE /api/order/{id}"), auth: { scopes: ["trade"] }, params: ZOrderIdParams },
  async ({ principal, params }) => {
    const result = await cancelOrder({ userId: principal.userId, orderId: params.id });
    // A cancel still being confirmed already reads CANCELED, so a second one is "already canceled".
    return json(
      result.alreadyCanceled || result.alreadyRequested ? "Order already canceled!" : "Order canceled!",
    );
  },
);
