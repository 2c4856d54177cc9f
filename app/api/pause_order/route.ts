import { handler, json } from "@/lib/server/http/handler";
import { coreDialectFor } from "@/lib/server/surfaces/core/errors";
import { ZOrderIdBody } from "@/lib/contracts/core/common";
import { pauseOrder } from "@/lib/server/services/orders/pause-order";

export const dynamic = "force-dynamic";

// POST /api/pause_order/ — pause an active order: its placements are canceled until it resumes
export const POST = handler(
  { dialect: coreDialectFor("POST /api/pause_order/"), auth: { scopes: ["trade"] }, body: ZOrderIdBody },
  async ({ principal, body }) => {
    await pauseOrder({ userId: principal.userId, orderId: body.order_id });
    return json({ message: "Successfully paused order." }, 202);
  },
);
