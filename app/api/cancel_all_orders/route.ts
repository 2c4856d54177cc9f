import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZBulkBody, ZCancelAllQuery } from "@/lib/contracts/core/orders";
import { cancelAllOrders } from "@/lib/server/services/orders/cancel-all-orders";
import { coreBulkAnswer } from "@/lib/server/surfaces/core/bulk";
import { auditAction } from "@/lib/server/services/audit/audit-action";

export const dynamic = "force-dynamic";

// POST /api/cancel_all_orders/ — cancel every unfinished order (paused ones only with exclude_paused=false)
export const POST = handler(
  {
    dialect: coreDialectFor("POST /api/cancel_all_orders/"),
    auth: { scopes: ["trade"] },
    query: ZCancelAllQuery,
    body: ZBulkBody,
  },
  async ({ principal, query, body, request }) => {
    const result = await cancelAllOrders({
      userId: principal.userId,
      excludePaused: query.exclude_paused,
      accountNames: body.account_names,
    });
    await auditAction({
      action: "orders.cancel_all",
      actor: principal,
      details: { exclude_paused: query.exclude_paused, account_names: body.account_names ?? null },
      request,
    });
    return coreBulkAnswer("cancel", result);
  },
);
