import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZBulkBody } from "@/lib/contracts/core/orders";
import { pauseAllOrders } from "@/lib/server/services/orders/pause-all-orders";
import { coreBulkAnswer } from "@/lib/server/surfaces/core/bulk";

export const dynamic = "force-dynamic";

// POST /api/pause_all_orders/ — pause every active order (no body needed; account_names narrows it)
export const POST = handler(
  { dialect: coreDialectFor("POST /api/pause_all_orders/"), auth: { scopes: ["trade"] }, body: ZBulkBody },
  async ({ principal, body }) =>
    coreBulkAnswer(
      "pause",
      await pauseAllOrders({ userId: principal.userId, accountNames: body.account_names }),
    ),
);
