import { handler } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZBulkBody } from "@/lib/contracts/core/orders";
import { resumeAllOrders } from "@/lib/server/services/orders/resume-all-orders";
import { coreBulkAnswer } from "@/lib/server/surfaces/core/bulk";

export const dynamic = "force-dynamic";

// POST /api/resume_all_orders/ — resume every paused order (no body needed; account_names narrows it)
export const POST = handler(
  { dialect: coreDialectFor("POST /api/resume_all_orders/"), auth: { scopes: ["trade"] }, body: ZBulkBody },
  async ({ principal, body }) =>
    coreBulkAnswer(
      "resume",
      await resumeAllOrders({ userId: principal.userId, accountNames: body.account_names }),
    ),
);
