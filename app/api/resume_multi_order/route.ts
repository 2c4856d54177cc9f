import { handler, json } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZMultiOrderIdBody } from "@/lib/contracts/core/multi-orders";
import { actOnMultiOrder } from "@/lib/server/services/multi-orders/act-on-multi-order";

export const dynamic = "force-dynamic";

// POST /api/resume_multi_order/ — resume every paused leg; 202
export const POST = handler(
  {
    dialect: coreDialectFor("POST /api/resume_multi_order/"),
    auth: { scopes: ["trade"] },
    body: ZMultiOrderIdBody,
  },
  async ({ principal, body }) =>
    json(await actOnMultiOrder({ userId: principal.userId, id: body.multi_order_id, action: "resume" }), 202),
);
