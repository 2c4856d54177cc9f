import { handler, json } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZOrderIdBody } from "@/lib/contracts/core/common";
import { resumeOrder } from "@/lib/server/services/orders/resume-order";

export const dynamic = "force-dynamic";

// POST /api/resume_order/ — resume a paused order
export const POST = handler(
  { dialect: coreDialectFor("POST /api/resume_order/"), auth: { scopes: ["trade"] }, body: ZOrderIdBody },
  async ({ principal, body }) => {
    await resumeOrder({ userId: principal.userId, orderId: body.order_id });
    return json({ message: "Successfully resumed order." }, 202);
  },
);
