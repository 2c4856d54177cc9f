import { handler } from "@/lib/server/http/handler";
import { rfqDialect, rfqOk } from "@/lib/server/surfaces/rfq/errors";
import { ZLockRequest } from "@/lib/contracts/rfq";
import { lockRfqOrder } from "@/lib/server/services/rfq/lock-rfq-order";

export const dynamic = "force-dynamic";

// POST /api/v1/orders/lock — a taker locks an order exclusively, for a while
export const POST = handler(
  { dialect: rfqDialect, auth: { scopes: ["taker"] }, body: ZLockRequest },
  async ({ principal, body }) => rfqOk(await lockRfqOrder({ userId: principal.userId, request: body })),
);
