import { handler, json } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZAmendOrderRequest } from "@/lib/contracts/core/orders";
import { amendOrder } from "@/lib/server/services/orders/amend-order";

export const dynamic = "force-dynamic";

// POST /api/amend_order/ — change quantity, duration, pov_target or limit_price of a working order
export const POST = handler(
  {
    dialect: coreDialectFor("POST /api/amend_order/"),
    auth: { scopes: ["trade"] },
    body: ZAmendOrderRequest,
  },
  async ({ principal, body }) => {
    await amendOrder({ userId: principal.userId, orderId: body.order_id, changes: body.changes });
    return json({ message: "Successfully amended order." }, 202);
  },
);
