import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZOrderErrorsQuery } from "@/lib/contracts/core/orders";
import { listOrderMessages } from "@/lib/server/services/orders/list-order-messages";
import { coreMessagesByOrder } from "@/lib/server/surfaces/core/serializers";

export const dynamic = "force-dynamic";

// GET /api/order_errors/ — order messages (ERROR, WARN, INFO) by order id, newest first
export const GET = handler(
  { dialect: coreDialectFor("GET /api/order_errors/"), auth: { scopes: ["read"] }, query: ZOrderErrorsQuery },
  async ({ principal, query }) =>
    coreMessagesByOrder(await listOrderMessages({ userId: principal.userId, orderIds: query.order_ids })),
);
