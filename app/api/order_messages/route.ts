import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZOrderMessagesRequest } from "@/lib/contracts/core/orders";
import { listOrderMessages } from "@/lib/server/services/orders/list-order-messages";
import { coreMessagesByOrder } from "@/lib/server/surfaces/core/serializers";

export const dynamic = "force-dynamic";

// POST /api/order_messages/ — the messages of the given orders, by order id, newest first
export const POST = handler(
  {
    dialect: coreDialectFor("POST /api/order_messages/"),
    auth: { scopes: ["read"] },
    body: ZOrderMessagesRequest,
  },
  async ({ principal, body }) =>
    coreMessagesByOrder(await listOrderMessages({ userId: principal.userId, orderIds: body.order_ids })),
);
